"""Submit a template version (a domain referent) and approve or reject it (the directorate).

The rules, in one place for the pages and the tests:

- a referent submits the full YAML of a new template or a new version, for a domain the
  policy opens to one of their roles (``template_submit_domains``); it must validate against
  the strict schema (references included), declare ``status: draft`` (no one approves their
  own text) and carry a version higher than every version of that id already recorded;
- the directorate (``template_approve_domains``) approves or rejects a submitted version with
  a comment (required to reject); the approver cannot be the submitter; approval writes
  ``status: approved``, ``approved_by`` and ``approved_on`` into the YAML that is then served,
  and the SHA-256 of that YAML is the digest every audit record of its use cites;
- nothing is deleted: each version keeps its diff against the version before it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import yaml

from iag_gateway.errors import FiredRule, PolicyDenied, TemplateConfigError, VersionConflict
from iag_gateway.identity.keys import Identity
from iag_gateway.policy.engine import article_refs
from iag_gateway.policy.grants import covers, template_approve_domains, template_submit_domains
from iag_gateway.policy.models import PolicySet
from iag_gateway.prompts.catalogue import parse_template
from iag_gateway.prompts.library import TemplateLibrary, semver_key
from iag_gateway.prompts.models import PromptTemplate
from iag_gateway.prompts.versions import TemplateVersion, unified_diff
from iag_gateway.storage.types import utc_now

MAX_SOURCE_BYTES = 100_000
MAX_COMMENT_CHARS = 2_000
SUBMISSION_NAME = "soumission"


def denied(policy: PolicySet, message: str) -> PolicyDenied:
    """A refusal citing the template-governance rule of the charter."""
    rule = policy.access.rules.template_admin
    text = f"Refusé : {article_refs(rule.articles)} de la charte — {message}"
    return PolicyDenied(text, (FiredRule(rule.id, tuple(rule.articles), "deny", message),))


def submit(
    library: TemplateLibrary, policy: PolicySet, identity: Identity, domain: str, source: str
) -> tuple[TemplateVersion, PromptTemplate]:
    """Record a referent's draft (raises PolicyDenied, TemplateConfigError or VersionConflict)."""
    if not covers(template_submit_domains(policy, identity.roles), domain):
        raise denied(policy, "vos fonctions ne vous permettent pas de soumettre de gabarit pour ce domaine.")
    raw = source.replace("\r\n", "\n").encode("utf-8")
    if len(raw) > MAX_SOURCE_BYTES:
        raise TemplateConfigError(SUBMISSION_NAME, f"texte trop long (maximum {MAX_SOURCE_BYTES} octets)")
    template = parse_template(raw, f"{SUBMISSION_NAME}/{domain}", folder=domain)
    if template.status != "draft":
        raise TemplateConfigError(
            SUBMISSION_NAME,
            "une soumission déclare « status: draft » : seule la direction approuve un gabarit",
            field="status",
        )
    history = library.store.history(template.id)
    known = [v.version for v in history]
    if template.id in library.files:
        known.append(library.files.get(template.id).version)
    owner_domain = next((v.domain for v in history), None)
    if owner_domain is not None and owner_domain != domain:
        raise VersionConflict(
            f"Le modèle « {template.id} » appartient au domaine « {owner_domain} ».", param="id"
        )
    higher = max(known, key=semver_key, default=None)
    if higher is not None and semver_key(template.version) <= semver_key(higher):
        raise VersionConflict(
            f"La version doit être supérieure à {higher}, la plus récente du modèle « {template.id} ».",
            param="version",
        )
    base = _diff_base(library, template.id)
    text = raw.decode("utf-8")
    version = TemplateVersion(
        row_id=0,
        template_id=template.id,
        version=template.version,
        domain=domain,
        title=template.title,
        origin="web",
        state="submitted",
        source=text,
        source_digest=hashlib.sha256(raw).hexdigest(),
        served_source=None,
        digest=None,
        diff=unified_diff(base[1] if base else "", text, base[0] if base else "(nouveau)", template.version),
        diff_base=base[0] if base else None,
        submitted_by=identity.user_id,
        submitted_at=utc_now(),
        decided_by=None,
        decided_at=None,
        comment=None,
    )
    return library.store.add(version), template


def decide(
    library: TemplateLibrary,
    policy: PolicySet,
    identity: Identity,
    template_id: str,
    version: str,
    *,
    approve: bool,
    comment: str,
) -> TemplateVersion:
    """Approve or reject a submitted version (raises PolicyDenied, TemplateConfigError, VersionConflict)."""
    pending = library.store.get(template_id, version)
    if pending is None or pending.state != "submitted":
        raise VersionConflict("Cette version n'est pas en attente de décision.", param="version")
    if not covers(template_approve_domains(policy, identity.roles), pending.domain):
        raise denied(policy, "seule la direction désignée approuve ou rejette les gabarits.")
    if pending.submitted_by == identity.user_id:
        raise denied(policy, "l'auteur d'une soumission ne peut pas la valider lui-même.")
    comment = comment.strip()
    if len(comment) > MAX_COMMENT_CHARS:
        raise TemplateConfigError(SUBMISSION_NAME, f"commentaire trop long (maximum {MAX_COMMENT_CHARS})")
    if not approve:
        if not comment:
            raise TemplateConfigError(
                SUBMISSION_NAME, "un rejet doit être motivé par un commentaire", field="comment"
            )
        decided = library.store.decide(
            template_id, version, state="rejected", by=identity.user_id, comment=comment
        )
    else:
        approver = f"{identity.user_id} ({identity.department})"
        served_source = with_approval(pending.source, approver, utc_now().date())
        raw = served_source.encode("utf-8")
        parse_template(raw, f"{SUBMISSION_NAME}/{pending.domain}", folder=pending.domain)  # still valid
        decided = library.store.decide(
            template_id,
            version,
            state="approved",
            by=identity.user_id,
            comment=comment or None,
            served_source=served_source,
            digest=hashlib.sha256(raw).hexdigest(),
        )
    if decided is None:
        raise VersionConflict("Cette version a déjà fait l'objet d'une décision.", param="version")
    library.refresh(force=True)
    return decided


def with_approval(source: str, approver: str, day: dt.date) -> str:
    """Return the YAML with ``status: approved``, ``approved_by`` and ``approved_on`` set (top level)."""
    document = yaml.compose(source, Loader=yaml.SafeLoader)
    assert isinstance(document, yaml.MappingNode)
    lines = source.splitlines()
    drop: set[int] = set()
    status_line: int | None = None
    for key, value in document.value:
        if key.value in ("approved_by", "approved_on"):
            drop.update(range(key.start_mark.line, max(value.end_mark.line, key.start_mark.line + 1)))
        elif key.value == "status":
            status_line = key.start_mark.line
    if status_line is None:
        raise TemplateConfigError(SUBMISSION_NAME, "champ obligatoire manquant", field="status")
    out: list[str] = []
    for index, line in enumerate(lines):
        if index in drop:
            continue
        if index == status_line:
            out += [
                "status: approved",
                f"approved_by: {json.dumps(approver, ensure_ascii=False)}",
                f"approved_on: {day.isoformat()}",
            ]
            continue
        out.append(line)
    return "\n".join(out) + "\n"


def _diff_base(library: TemplateLibrary, template_id: str) -> tuple[str, str] | None:
    """(version, YAML) the new version is compared with: the version served now, if any."""
    if template_id not in library:
        return None
    served = library.get(template_id)
    stored = library.store.get(template_id, served.version)
    if stored is not None:
        return served.version, stored.served_source or stored.source
    path = library.root.parent / served.source_path
    return served.version, path.read_text(encoding="utf-8")
