"""The catalogue the gateway serves: the shipped files, overlaid with versions the directorate approved.

For each template id the served version is, in order:

1. the retired file, if its version is at least every approved version (never served, still
   resolvable so old audit records keep their meaning);
2. otherwise the highest approved version, from the files (``status: approved``) or from the
   database (approved through the web workflow, see ``workflow.py``);
3. otherwise the file's draft (listed to admins only, as before).

Submitted and rejected versions are never served. Other gateway processes see a decision
within ``refresh_s`` seconds: the library compares a cheap fingerprint of the approvals
before serving and rebuilds when it changed.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from iag_gateway.errors import VersionConflict
from iag_gateway.prompts.catalogue import TemplateCatalogue, parse_template
from iag_gateway.prompts.models import PromptTemplate
from iag_gateway.prompts.versions import TemplateVersion, TemplateVersionStore, unified_diff
from iag_gateway.storage.types import utc_now

log = logging.getLogger("iag_gateway.prompts.library")

FILE_STATES = {"approved": "approved", "draft": "submitted", "retired": "retired"}


def semver_key(version: str) -> tuple[int, int, int, int]:
    """Order versions: ``1.10.0 > 1.9.0``; a pre-release sorts before its release."""
    core, _, pre = version.partition("-")
    major, minor, patch = (int(part) for part in core.split("."))
    return major, minor, patch, 0 if pre else 1


class TemplateLibrary(TemplateCatalogue):
    """A :class:`TemplateCatalogue` whose content follows the approvals recorded in the database."""

    def __init__(
        self,
        root: Path,
        store: TemplateVersionStore,
        refresh_s: float = 2.0,
        files: TemplateCatalogue | None = None,
    ) -> None:
        """``files``: the shipped files of ``root`` already loaded (a forking parent loads them
        once for its workers); loaded here otherwise (raises TemplateConfigError)."""
        super().__init__([])
        self.root = Path(root).resolve()
        self.files = files if files is not None else TemplateCatalogue.load(self.root)
        self.store = store
        self._refresh_s = refresh_s
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._checked = 0.0
        self.refresh(force=True)

    # -- serving -----------------------------------------------------------------------

    def refresh(self, *, force: bool = False) -> None:
        """Rebuild the served catalogue if the approvals changed (at most every ``refresh_s``)."""
        now = time.monotonic()
        if not force and now - self._checked < self._refresh_s:
            return
        with self._lock:
            stamp = self.store.stamp()
            self._checked = now
            if stamp == self._stamp and not force:
                return
            shipped = {t.digest for t in self.files.all()}
            approved = [load_version(v) for v in self.store.by_state("approved") if v.digest not in shipped]
            self._templates = {t.id: t for t in served(self.files.all(), approved)}
            self._stamp = stamp

    def get(self, template_id: str) -> PromptTemplate:
        self.refresh()
        return super().get(template_id)

    def all(self) -> list[PromptTemplate]:
        self.refresh()
        return super().all()

    def __len__(self) -> int:
        self.refresh()
        return super().__len__()

    def __contains__(self, template_id: object) -> bool:
        self.refresh()
        return super().__contains__(template_id)

    # -- the shipped files, recorded as versions ---------------------------------------

    def record_files(self) -> int:
        """Record each shipped file's version once (its history starts there); return how many were new."""
        added = 0
        for template in self.files.all():
            if self.store.get(template.id, template.version) is not None:
                continue
            try:
                text = (self.root.parent / template.source_path).read_text(encoding="utf-8")
                self.store.add(file_version(template, text, self.store.history(template.id)))
            except VersionConflict:
                continue  # another gateway process recorded it first
            added += 1
        if added:
            self.refresh(force=True)
        return added


def served(files: Iterable[PromptTemplate], approved: Iterable[PromptTemplate]) -> list[PromptTemplate]:
    """Pick the version served for each id (rules in the module docstring)."""
    by_id: dict[str, dict[str, list[PromptTemplate]]] = {}
    for template in files:
        by_id.setdefault(template.id, {}).setdefault(template.status, []).append(template)
    for template in approved:
        by_id.setdefault(template.id, {}).setdefault("approved", []).append(template)
    chosen: list[PromptTemplate] = []
    for kinds in by_id.values():
        best = max(kinds.get("approved", []), key=lambda t: semver_key(t.version), default=None)
        retired = kinds.get("retired", [None])[0]
        if retired is not None and (best is None or semver_key(retired.version) >= semver_key(best.version)):
            chosen.append(retired)
        elif best is not None:
            chosen.append(best)
        elif kinds.get("draft"):
            chosen.append(kinds["draft"][0])
    return chosen


def load_version(version: TemplateVersion) -> PromptTemplate:
    """Compile an approved stored version from the YAML it was approved as (raises TemplateConfigError)."""
    source = version.served_source or version.source
    name = f"versions/{version.domain}/{version.template_id}@{version.version}.yaml"
    return parse_template(source.encode("utf-8"), name, folder=version.domain)


def file_version(template: PromptTemplate, source: str, history: list[TemplateVersion]) -> TemplateVersion:
    """The row that records one shipped file's version (state mirrors its ``status``)."""
    previous = _latest_source(history)
    approved_at = (
        dt.datetime.combine(template.approved_on, dt.time(), tzinfo=dt.UTC) if template.approved_on else None
    )
    state = FILE_STATES[template.status]
    return TemplateVersion(
        row_id=0,
        template_id=template.id,
        version=template.version,
        domain=template.domain,
        title=template.title,
        origin="file",
        state=state,
        source=source,
        source_digest=template.digest,
        served_source=source if state != "submitted" else None,
        digest=template.digest if state != "submitted" else None,
        diff=unified_diff(
            previous[1] if previous else "",
            source,
            previous[0] if previous else "(nouveau)",
            template.version,
        ),
        diff_base=previous[0] if previous else None,
        submitted_by=template.owner,
        submitted_at=utc_now(),
        decided_by=template.approved_by if state == "approved" else None,
        decided_at=approved_at if state == "approved" else None,
        comment="Version livrée dans le dépôt (fichier)." if state != "submitted" else None,
    )


def _latest_source(history: list[TemplateVersion]) -> tuple[str, str] | None:
    """(version, YAML) of the highest version already recorded, the base of the next diff."""
    if not history:
        return None
    latest = max(history, key=lambda v: semver_key(v.version))
    return latest.version, latest.served_source or latest.source
