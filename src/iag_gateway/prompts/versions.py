"""Every version of every template, with its diff, who submitted it and who decided on it.

One row per (template id, version). A version comes from the shipped files (``origin=file``,
recorded at startup) or from a domain referent's web submission (``origin=web``). Its
``state`` is ``submitted`` until the directorate decides, then ``approved`` or ``rejected``;
``retired`` mirrors a retired file. Only ``approved`` rows are ever served, from
``served_source``: the YAML as approved, whose SHA-256 is the ``digest`` the audit trail
cites. Rows are never deleted; a decision is written once (the update only matches a
still-submitted row), so two directors cannot both decide.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlmodel import Field, SQLModel

from iag_gateway.errors import AuditUnavailable, VersionConflict
from iag_gateway.storage.types import UtcDateTime, utc_now
from iag_gateway.storage.writer_lock import writer_lock

STATES = ("submitted", "approved", "rejected", "retired")


class TemplateVersionRow(SQLModel, table=True):
    """One version of one template (table ``template_version``, migration 0006)."""

    __tablename__ = "template_version"
    __table_args__ = (sa.UniqueConstraint("template_id", "version", name="uq_template_version"),)

    id: int | None = Field(default=None, sa_column=sa.Column(sa.Integer(), primary_key=True))
    template_id: str = Field(sa_column=sa.Column(sa.String(80), nullable=False, index=True))
    version: str = Field(sa_column=sa.Column(sa.String(40), nullable=False))
    domain: str = Field(sa_column=sa.Column(sa.String(40), nullable=False))
    title: str = Field(sa_column=sa.Column(sa.String(200), nullable=False))
    origin: str = Field(sa_column=sa.Column(sa.String(8), nullable=False))
    state: str = Field(sa_column=sa.Column(sa.String(12), nullable=False, index=True))
    source: str = Field(sa_column=sa.Column(sa.Text(), nullable=False))
    source_digest: str = Field(sa_column=sa.Column(sa.String(64), nullable=False))
    served_source: str | None = Field(default=None, sa_column=sa.Column(sa.Text(), nullable=True))
    digest: str | None = Field(default=None, sa_column=sa.Column(sa.String(64), nullable=True))
    diff: str = Field(sa_column=sa.Column(sa.Text(), nullable=False))
    diff_base: str | None = Field(default=None, sa_column=sa.Column(sa.String(40), nullable=True))
    submitted_by: str = Field(sa_column=sa.Column(sa.String(), nullable=False))
    submitted_at: datetime = Field(sa_column=sa.Column(UtcDateTime(), nullable=False))
    decided_by: str | None = Field(default=None, sa_column=sa.Column(sa.String(), nullable=True))
    decided_at: datetime | None = Field(default=None, sa_column=sa.Column(UtcDateTime(), nullable=True))
    comment: str | None = Field(default=None, sa_column=sa.Column(sa.Text(), nullable=True))


TABLE: sa.Table = SQLModel.metadata.tables["template_version"]


@dataclass(frozen=True)
class TemplateVersion:
    """A stored version as the pages and the library read it."""

    row_id: int
    template_id: str
    version: str
    domain: str
    title: str
    origin: str
    state: str
    source: str
    source_digest: str
    served_source: str | None
    digest: str | None
    diff: str
    diff_base: str | None
    submitted_by: str
    submitted_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    comment: str | None


def unified_diff(before: str, after: str, before_label: str, after_label: str) -> str:
    """Return the unified diff of two YAML sources ("" when they are equal)."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), before_label, after_label
    )
    return "".join(lines)


def _version(row: dict[str, Any]) -> TemplateVersion:
    row_id = row.pop("id")
    return TemplateVersion(row_id=row_id, **row)


class TemplateVersionStore:
    """Template versions in the database behind ``engine``."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def add(self, version: TemplateVersion) -> TemplateVersion:
        """Insert one version (raises VersionConflict if this id and version already exist)."""
        values = {k: v for k, v in version.__dict__.items() if k != "row_id"}
        try:
            with self._transaction() as conn:
                row_id = conn.execute(sa.insert(TABLE).values(values)).inserted_primary_key
        except IntegrityError as exc:
            raise VersionConflict(
                f"La version {version.version} du modèle « {version.template_id} » existe déjà.",
                param="version",
            ) from exc
        assert row_id is not None
        return TemplateVersion(row_id=int(row_id[0]), **values)

    def decide(
        self,
        template_id: str,
        version: str,
        *,
        state: str,
        by: str,
        comment: str | None,
        served_source: str | None = None,
        digest: str | None = None,
    ) -> TemplateVersion | None:
        """Record the decision on a submitted version; ``None`` if it is not (or no longer) submitted."""
        assert state in ("approved", "rejected")
        stmt = (
            sa.update(TABLE)
            .where(
                TABLE.c.template_id == template_id, TABLE.c.version == version, TABLE.c.state == "submitted"
            )
            .values(
                state=state,
                decided_by=by,
                decided_at=utc_now(),
                comment=comment,
                served_source=served_source,
                digest=digest,
            )
        )
        with self._transaction() as conn:
            if conn.execute(stmt).rowcount != 1:
                return None
        return self.get(template_id, version)

    def get(self, template_id: str, version: str) -> TemplateVersion | None:
        stmt = sa.select(TABLE).where(TABLE.c.template_id == template_id, TABLE.c.version == version)
        rows = self._read(stmt)
        return rows[0] if rows else None

    def history(self, template_id: str) -> list[TemplateVersion]:
        """Every version of one template, newest first."""
        stmt = sa.select(TABLE).where(TABLE.c.template_id == template_id).order_by(TABLE.c.id.desc())
        return self._read(stmt)

    def by_state(self, state: str) -> list[TemplateVersion]:
        """Every version in ``state``, oldest first (the directorate's queue reads ``submitted``)."""
        return self._read(sa.select(TABLE).where(TABLE.c.state == state).order_by(TABLE.c.id))

    def stamp(self) -> tuple[int, int]:
        """A cheap fingerprint of the approvals: (count of approved rows, highest row id)."""
        stmt = sa.select(sa.func.count(), sa.func.coalesce(sa.func.max(TABLE.c.id), 0)).where(
            TABLE.c.state == "approved"
        )
        try:
            with self._engine.connect() as conn:
                count, highest = conn.execute(stmt).one()
        except SQLAlchemyError as exc:
            raise AuditUnavailable("Registre des gabarits indisponible.") from exc
        return int(count), int(highest)

    def _read(self, stmt: sa.Select[tuple[object, ...]]) -> list[TemplateVersion]:
        try:
            with self._engine.connect() as conn:
                rows = conn.execute(stmt).mappings().all()
        except SQLAlchemyError as exc:
            raise AuditUnavailable("Registre des gabarits indisponible.") from exc
        return [_version(dict(row)) for row in rows]

    @contextmanager
    def _transaction(self) -> Iterator[sa.Connection]:
        try:
            with writer_lock(self._engine), self._engine.begin() as conn:
                yield conn
        except IntegrityError:
            raise
        except SQLAlchemyError as exc:
            raise AuditUnavailable("Registre des gabarits indisponible : rien n'a été enregistré.") from exc
