"""Load the policy directory and the charter into a validated, cross-checked ``PolicySet``.

Fails closed: a syntax error, an unknown key, a wrong type, a rule citing an article
the charter does not define, a missing or unexpected file all raise
``PolicyConfigError`` naming the file, the line and the field. Line numbers come from
the YAML node tree (``yaml.compose``), walked along the failing location.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import ValidationError

from iag_gateway.errors import PolicyConfigError
from iag_gateway.policy.charter import Article, charter_files, load_articles
from iag_gateway.policy.models import (
    FILE_MODELS,
    AccessFile,
    ClassificationFile,
    LimitsFile,
    PolicyFile,
    PolicySet,
    ProvidersFile,
    Strict,
    UsageFile,
    class_rank,
    hosting_rank,
    iter_rules,
)
from iag_gateway.yaml_document import parse_document

# Files in policies/ that other components own and read themselves.
FOREIGN_FILES = frozenset({"pii_allowlist.yaml"})

Loc = tuple[str | int, ...]
_M = TypeVar("_M", bound=Strict)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoadedPolicy:
    policy: PolicySet
    version: str
    digest: str  # sha256 over the policy files and the charter, in a canonical order
    articles: Mapping[str, Article]
    policies_dir: Path
    charter_dir: Path


@dataclass(frozen=True)
class _Document:
    file: str
    root: yaml.Node | None

    def error(self, message: str, loc: Loc = ()) -> PolicyConfigError:
        field = _format_loc(loc) or None
        return PolicyConfigError(self.file, message, line=_line_of(self.root, loc), field=field)


def _format_loc(loc: Loc) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _line_of(node: yaml.Node | None, loc: Loc) -> int | None:
    """Walk the node tree along ``loc``; return the line of the deepest node reached."""
    if node is None:
        return None
    line: int = node.start_mark.line + 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                    line, node = key.start_mark.line + 1, value
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _check_duplicate_keys(doc: _Document, node: yaml.Node | None, loc: Loc = ()) -> None:
    """``yaml.safe_load`` silently keeps the last duplicate key; refuse instead."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = str(key.value)
            if name in seen:
                raise PolicyConfigError(
                    doc.file, "duplicate key", line=key.start_mark.line + 1, field=_format_loc((*loc, name))
                )
            seen.add(name)
            _check_duplicate_keys(doc, value, (*loc, name))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _check_duplicate_keys(doc, item, (*loc, index))


def _parse(file: str, data: bytes) -> tuple[_Document, Any]:
    try:
        text = data.decode("utf-8")
        root, content = parse_document(text)
    except UnicodeDecodeError as exc:
        raise PolicyConfigError(file, f"not UTF-8: {exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise PolicyConfigError(file, f"invalid YAML: {problem}", line=line) from exc
    doc = _Document(file, root)
    _check_duplicate_keys(doc, root)
    if not isinstance(content, dict):
        raise doc.error("the file must contain a mapping at top level")
    return doc, content


def _validate(doc: _Document, model: type[Strict], content: Any) -> Strict:
    try:
        return model.model_validate(content)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc: Loc = tuple(first["loc"])
        message = first["msg"]
        if first["type"] == "extra_forbidden":
            message = "unknown key"
        raise doc.error(message, loc) from exc


def _read_files(policies_dir: Path, charter_dir: Path) -> tuple[dict[str, bytes], list[tuple[Path, bytes]]]:
    if not policies_dir.is_dir():
        raise PolicyConfigError(str(policies_dir), "policy directory not found")
    present = {p.name for p in policies_dir.iterdir() if p.suffix in {".yaml", ".yml"}}
    for name in sorted(present - set(FILE_MODELS) - FOREIGN_FILES):
        raise PolicyConfigError(
            str(policies_dir / name), f"unexpected policy file (known: {', '.join(FILE_MODELS)})"
        )
    for name in FILE_MODELS:
        if name not in present:
            raise PolicyConfigError(str(policies_dir / name), "required policy file is missing")
    policy_bytes = {name: (policies_dir / name).read_bytes() for name in FILE_MODELS}
    charter = [(path, path.read_bytes()) for path in charter_files(charter_dir)]
    return policy_bytes, charter


def _digest(policy_bytes: Mapping[str, bytes], charter: list[tuple[Path, bytes]]) -> str:
    digest = hashlib.sha256()
    parts = [(f"policies/{n}", d) for n, d in sorted(policy_bytes.items())]
    parts += sorted((f"charter/{p.name}", d) for p, d in charter)
    for name, data in parts:
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def _cross_check(policy: PolicySet, docs: Mapping[str, _Document], articles: Mapping[str, Article]) -> None:
    """Checks that span files: cited articles exist, ids are unique, references resolve."""
    seen_ids: dict[str, str] = {}
    for name, model in policy.files().items():
        for loc, rule in iter_rules(model):
            if rule.id in seen_ids:
                raise docs[name].error(
                    f"rule id {rule.id!r} already used in {seen_ids[rule.id]}", (*loc, "id")
                )
            seen_ids[rule.id] = name
            for index, article in enumerate(rule.articles):
                if article not in articles:
                    raise docs[name].error(
                        f"article {article} does not exist in the charter", (*loc, "articles", index)
                    )
    providers = docs["providers.yaml"]
    aliases = [m.alias for m in policy.providers.models]
    for index, entry in enumerate(policy.providers.models):
        if aliases.index(entry.alias) != index:
            raise providers.error(f"model alias {entry.alias!r} listed twice", ("models", index, "alias"))
        for f_index, fallback_alias in enumerate(entry.fallbacks):
            loc = ("models", index, "fallbacks", f_index)
            fallback = policy.model(fallback_alias)
            if fallback is None:
                raise providers.error(f"fallback {fallback_alias!r} is not a listed model", loc)
            if fallback.alias == entry.alias:
                raise providers.error("a model cannot be its own fallback", loc)
            if not fallback.approved:
                raise providers.error(f"fallback {fallback_alias!r} is not approved", loc)
            if hosting_rank(fallback.hosting) > hosting_rank(entry.hosting):
                raise providers.error(
                    f"fallback {fallback_alias!r} ({fallback.hosting}) is less protective"
                    f" than {entry.hosting}",
                    loc,
                )
    for data_class, alias in policy.providers.defaults.items():
        default = policy.model(alias)
        loc = ("defaults", data_class)
        if default is None or not default.approved:
            raise providers.error(f"default model {alias!r} is not an approved listed model", loc)
        if class_rank(data_class) > class_rank(default.max_data_class):
            raise providers.error(f"default model {alias!r} does not admit the class {data_class}", loc)
    for role, grant in policy.access.roles.items():
        for m_index, alias in enumerate(grant.models):
            if alias != "*" and alias not in aliases:
                raise docs["access.yaml"].error(
                    f"model {alias!r} is not listed in providers.yaml", ("roles", role, "models", m_index)
                )
    guard = policy.usage.classifier.guard if policy.usage.classifier else None
    if guard is not None:
        guard_entry = policy.model(guard.model)
        if guard_entry is None or not guard_entry.approved or guard_entry.hosting != "internal":
            raise docs["usage.yaml"].error(
                f"guard model {guard.model!r} must be a listed, approved, internally hosted model",
                ("classifier", "guard", "model"),
            )
    for article in policy.meta.not_enforced_by_design:
        if article not in articles:
            raise docs["policy.yaml"].error(
                f"article {article} does not exist in the charter", ("not_enforced_by_design", article)
            )


def load_policy(policies_dir: Path, charter_dir: Path | None = None) -> LoadedPolicy:
    """Read, validate and cross-check the policy; the charter defaults to ``../charter``."""
    charter_dir = charter_dir if charter_dir is not None else policies_dir.parent / "charter"
    policy_bytes, charter = _read_files(policies_dir, charter_dir)
    articles = load_articles(charter)
    docs: dict[str, _Document] = {}
    models: dict[str, Strict] = {}
    for name, model_type in FILE_MODELS.items():
        doc, content = _parse(str(policies_dir / name), policy_bytes[name])
        docs[name] = doc
        models[name] = _validate(doc, model_type, content)
    policy = PolicySet(
        meta=_as(models["policy.yaml"], PolicyFile),
        providers=_as(models["providers.yaml"], ProvidersFile),
        classification=_as(models["classification.yaml"], ClassificationFile),
        access=_as(models["access.yaml"], AccessFile),
        usage=_as(models["usage.yaml"], UsageFile),
        limits=_as(models["limits.yaml"], LimitsFile),
    )
    _cross_check(policy, docs, articles)
    return LoadedPolicy(
        policy=policy,
        version=policy.version,
        digest=_digest(policy_bytes, charter),
        articles=articles,
        policies_dir=policies_dir,
        charter_dir=charter_dir,
    )


def _as(model: Strict, kind: type[_M]) -> _M:
    assert isinstance(model, kind)
    return model


@dataclass(frozen=True)
class UnenforcedArticle:
    article: str
    title: str
    by_design: bool
    reason: str | None


@dataclass(frozen=True)
class CheckReport:
    errors: tuple[PolicyConfigError, ...]
    unenforced: tuple[UnenforcedArticle, ...]
    loaded: LoadedPolicy | None

    @property
    def ok(self) -> bool:
        """No error, and every article without a rule is declared not enforced by design."""
        return not self.errors and all(item.by_design for item in self.unenforced)

    def render(self) -> str:
        """Plain-text report for ``iag-gateway policy check``."""
        if self.errors:
            return "\n".join(f"ERROR {error.message}" for error in self.errors)
        assert self.loaded is not None
        lines = [
            f"policy {self.loaded.version} ({self.loaded.digest[:12]}): "
            f"{len(self.loaded.policy.rules())} rules, {len(self.loaded.articles)} articles",
            "articles without an enforcing rule:",
        ]
        for item in self.unenforced:
            status = (
                f"by design: {item.reason}" if item.by_design else "NOT DECLARED (add a rule or a reason)"
            )
            lines.append(f"  {item.article} {item.title} — {status}")
        lines.append("OK" if self.ok else "FAILED")
        return "\n".join(lines)


def check(policies_dir: Path, charter_dir: Path | None = None) -> CheckReport:
    """Load the policy and list the charter articles that no rule enforces."""
    try:
        loaded = load_policy(policies_dir, charter_dir)
    except PolicyConfigError as exc:
        return CheckReport(errors=(exc,), unenforced=(), loaded=None)
    cited = {article for rule in loaded.policy.rules() for article in rule.articles}
    by_design = loaded.policy.meta.not_enforced_by_design
    unenforced = tuple(
        UnenforcedArticle(a.id, a.title, a.id in by_design, by_design.get(a.id))
        for a in loaded.articles.values()
        if a.id not in cited
    )
    return CheckReport(errors=(), unenforced=unenforced, loaded=loaded)


class PolicyHolder:
    """The policy in force; readers take ``current`` once per request and keep it."""

    def __init__(self, policies_dir: Path, charter_dir: Path | None = None) -> None:
        self.policies_dir = policies_dir
        self.charter_dir = charter_dir
        self._lock = threading.Lock()
        self._current = load_policy(policies_dir, charter_dir)  # startup fails closed
        self.last_error: PolicyConfigError | None = None

    @property
    def current(self) -> LoadedPolicy:
        return self._current

    def reload(self) -> bool:
        """Load the files again; return True if a new version was installed.

        Returns False, keeping the policy in force, when the files are invalid or
        unchanged (same digest). New content under an unchanged ``version:`` is installed
        with a warning naming the version and both digests.
        """
        with self._lock:
            try:
                loaded = load_policy(self.policies_dir, self.charter_dir)
            except PolicyConfigError as exc:
                self.last_error = exc
                logger.error(
                    "policy reload refused, keeping version %s (%s): %s",
                    self._current.version,
                    self._current.digest[:12],
                    exc.message,
                )
                return False
            self.last_error = None
            if loaded.digest == self._current.digest:
                return False
            previous = self._current
            self._current = loaded  # a single reference assignment: readers see old or new
            if loaded.version == previous.version:
                # Records, the answers' X-IAG-Policy-Version and the readiness rule go by version.
                logger.warning(
                    "policy reloaded with new content under the same version %s (%s -> %s): "
                    "bump `version:` in policy.yaml so that records tell the two apart",
                    loaded.version,
                    previous.digest[:12],
                    loaded.digest[:12],
                )
            else:
                logger.info(
                    "policy reloaded: %s (%s) -> %s (%s)",
                    previous.version,
                    previous.digest[:12],
                    loaded.version,
                    loaded.digest[:12],
                )
            return True
