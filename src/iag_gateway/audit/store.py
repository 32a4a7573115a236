"""Append audit records to the chain and read them back for auditors.

Appends (and retention purges) are serialised across threads and processes
(``SELECT ... FOR UPDATE`` on the chain head row in PostgreSQL, ``BEGIN
IMMEDIATE`` in SQLite) and committed before ``append`` returns. Any database failure becomes
``AuditUnavailable``: the gateway then refuses the call rather than run it
unrecorded (fail closed).

Group commit: the appends of concurrent threads that arrive while a transaction is being
written wait, then go together in the next one (one chain lock, one head update, one
fsync for all of them). Each still returns only once its own record is committed; the
records of one transaction are chained in the order they arrived (``storage.group_commit``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import datetime
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DataError, IntegrityError, SQLAlchemyError

from iag_gateway.audit.chain import chain_hash
from iag_gateway.audit.filters import AuditFilter
from iag_gateway.audit.models import (
    AUDIT_CHAIN_HEAD_TABLE,
    AUDIT_EVENT_TABLE,
    AuditEntry,
    AuditEvent,
)
from iag_gateway.audit.retention import DEFAULT_PURGE_BATCH, PurgeReport, purge
from iag_gateway.errors import AuditUnavailable
from iag_gateway.storage.engine import SQLITE_IMMEDIATE, file_identity, is_sqlite, sqlite_file
from iag_gateway.storage.group_commit import GroupCommit, Job
from iag_gateway.storage.types import utc_now
from iag_gateway.storage.writer_lock import writer_lock

MAX_PAGE = 1000
NOT_FORWARDED = "Journal d'audit indisponible : la requête n'a pas été transmise."
#: Most records written in one transaction (group commit).
MAX_GROUP = 64
# Built once: SQLAlchemy then finds their compiled form in its cache at every append.
_HEAD_FOR_UPDATE = (
    sa.select(AUDIT_CHAIN_HEAD_TABLE.c.seq, AUDIT_CHAIN_HEAD_TABLE.c.hash)
    .where(AUDIT_CHAIN_HEAD_TABLE.c.id == 1)
    .with_for_update()
)
_INSERT_EVENTS = sa.insert(AUDIT_EVENT_TABLE)
_MOVE_HEAD = (
    sa.update(AUDIT_CHAIN_HEAD_TABLE)
    .where(AUDIT_CHAIN_HEAD_TABLE.c.id == 1)
    .values(seq=sa.bindparam("new_seq"), hash=sa.bindparam("new_hash"))
)


class AppendListener(Protocol):
    """Follows the appends (the Merkle tree of ``heads.HeadSigner``)."""

    def appended(self, seq: int, created_at: datetime, record_hash: str) -> None: ...
    def abandoned(self) -> None: ...
    def committed(self, seq: int) -> None: ...


def _record_was_refused(error: BaseException | None) -> bool:
    """Whether a failed group may be retried record by record (a record's content, not an outage)."""
    if error is None:
        return False
    if isinstance(error, AuditUnavailable):
        return isinstance(error.__cause__, (IntegrityError, DataError))
    return True


def _moved_back(head: int, seen: int) -> str:
    return f"La chaîne d'audit a reculé (tête {head} < {seen}) : rien n'est transmis."


class AuditStore:
    """The audit trail in the database behind ``engine`` (schema migrated beforehand)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        # Threads of this process queue on one lock per SQLite file rather than sleeping in
        # SQLite's busy handler (see ``writer_lock``).
        self._write_lock = writer_lock(engine)
        self._listener: AppendListener | None = None
        self._file = sqlite_file(engine)
        self._identity = file_identity(self._file) if self._file else None
        self._last_seq = 0  # the highest head this process saw: a trail never moves back
        self._appends = GroupCommit(
            self._write_with_retry, max_group=MAX_GROUP, interrupted=lambda: AuditUnavailable(NOT_FORWARDED)
        )

    def attach(self, listener: AppendListener) -> None:
        """Tell ``listener`` of every record appended from now on (one listener)."""
        self._listener = listener

    def _check_trail(self) -> None:
        """Refuse to write unless the trail on disk is still the one this store writes to.

        Pooled SQLite connections keep writing to a file deleted under them, and a new
        file put in its place would start a fresh chain: both lose records silently.
        Raises ``AuditUnavailable`` (503) when the file is gone or is another file.
        """
        if self._file is None:
            return
        identity = file_identity(self._file)
        if identity is None and self._identity is None:
            return  # never seen: connecting fails on its own (no directory, no schema)
        if identity is None:
            raise AuditUnavailable(
                f"Le fichier du journal d'audit a disparu ({self._file.name}) : rien n'est transmis."
            )
        if self._identity is None:
            self._identity = identity
        elif identity != self._identity:
            raise AuditUnavailable(
                f"Le fichier du journal d'audit a été remplacé ({self._file.name}) : rien n'est transmis."
            )

    @property
    def engine(self) -> Engine:
        return self._engine

    @contextlib.contextmanager
    def locked_chain(self) -> Iterator[tuple[Connection, int, str]]:
        """Open a write transaction that holds the chain lock; yield it with the head's (seq, hash).

        Every write to the trail (append, purge) goes through here, so they are
        serialised the same way on both backends. Commits when the block ends.
        """
        self._check_trail()
        with self._write_lock, self._engine.connect() as conn:
            conn.execution_options(**{SQLITE_IMMEDIATE: True})
            with conn.begin():
                head = conn.execute(_HEAD_FOR_UPDATE).one()
                if int(head.seq) < self._last_seq:
                    raise AuditUnavailable(_moved_back(int(head.seq), self._last_seq))
                yield conn, int(head.seq), str(head.hash)

    def append(self, entry: AuditEntry) -> AuditEvent:
        """Chain ``entry`` after the last record and commit it; raise ``AuditUnavailable`` on failure."""
        return AuditEvent(**self._append(entry))

    def append_seq(self, entry: AuditEntry) -> int:
        """Like ``append``, returning only the record's ``seq``.

        For the request path's two appends per call: building the ORM object that
        ``append`` returns cost about as much CPU as the commit's own SQL.
        """
        return int(self._append(entry)["seq"])

    def _append(self, entry: AuditEntry) -> dict[str, Any]:
        values: dict[str, Any] = self._appends.run(entry.content()).payload
        return values

    def _write_with_retry(self, group: list[Job[dict[str, Any]]]) -> None:
        """Write a group; if one record's content was refused, write them one by one."""
        self._write_group(group)
        if len(group) > 1 and _record_was_refused(group[0].error):
            # One bad record must not fail the calls it happened to be grouped with.
            for job in group:
                job.error = None
                self._write_group([job])

    def _write_group(self, group: list[Job[dict[str, Any]]]) -> None:
        seq = 0
        try:
            with self.locked_chain() as (conn, head_seq, head_hash):
                seq, previous = head_seq, head_hash
                for job in group:
                    values = job.payload
                    seq += 1
                    values["seq"] = seq
                    values["created_at"] = utc_now()
                    values["prev_hash"] = previous
                    values["hash"] = previous = chain_hash(previous, values)
                conn.execute(_INSERT_EVENTS, [job.payload for job in group])
                conn.execute(_MOVE_HEAD, {"new_seq": seq, "new_hash": previous})
                if self._listener is not None:
                    for job in group:
                        values = job.payload
                        self._listener.appended(values["seq"], values["created_at"], values["hash"])
            self._last_seq = max(self._last_seq, seq)
            for job in group:
                job.committed = True
        except SQLAlchemyError as exc:
            if self._listener is not None:
                self._listener.abandoned()
            unavailable = AuditUnavailable(NOT_FORWARDED)
            unavailable.__cause__ = exc
            for job in group:
                job.error = unavailable
            return
        except Exception as exc:  # AuditUnavailable from the trail checks, or a bug: nobody proceeds
            for job in group:
                job.error = exc
            return
        if self._listener is not None:
            self._listener.committed(seq)

    def purge(
        self,
        *,
        metadata_before: datetime | None,
        text_before: datetime | None,
        dry_run: bool = False,
        batch: int = DEFAULT_PURGE_BATCH,
        reason: str = "retention",
    ) -> PurgeReport:
        """Apply retention: delete records older than ``metadata_before``, clear older texts.

        See ``retention.purge``; ``None`` skips that part.
        """
        return purge(
            self,
            metadata_before=metadata_before,
            text_before=text_before,
            dry_run=dry_run,
            batch=batch,
            reason=reason,
        )

    def query(
        self,
        filters: AuditFilter,
        *,
        limit: int = 100,
        cursor: int | None = None,
        newest_first: bool = False,
    ) -> tuple[list[AuditEvent], int | None]:
        """Return one page of matching records and the cursor of the next page (``None`` at the end).

        Keyset pagination on ``seq``: pass the returned cursor back to continue.
        """
        limit = max(1, min(limit, MAX_PAGE))
        seq = AUDIT_EVENT_TABLE.c.seq
        stmt = sa.select(AUDIT_EVENT_TABLE).where(*filters.conditions())
        if cursor is not None:
            stmt = stmt.where(seq < cursor if newest_first else seq > cursor)
        stmt = stmt.order_by(seq.desc() if newest_first else seq).limit(limit + 1)
        rows = self._fetch(stmt)
        page = [AuditEvent(**row) for row in rows[:limit]]
        next_cursor = page[-1].seq if len(rows) > limit else None
        return page, next_cursor

    def count(self, filters: AuditFilter) -> int:
        """How many records match ``filters`` (one ``SELECT count(*)``)."""
        rows = self._fetch(
            sa.select(sa.func.count().label("n")).select_from(AUDIT_EVENT_TABLE).where(*filters.conditions())
        )
        return int(rows[0]["n"])

    def iter(
        self, filters: AuditFilter, *, batch: int = 500, newest_first: bool = False
    ) -> Iterator[AuditEvent]:
        """Yield every matching record in ``seq`` order (or newest first), one page at a time."""
        cursor: int | None = None
        while True:
            page, cursor = self.query(filters, limit=batch, cursor=cursor, newest_first=newest_first)
            yield from page
            if cursor is None:
                return

    def get(self, request_id: str) -> list[AuditEvent]:
        """Return the records of ``request_id`` and those referring to it (e.g. acknowledgements)."""
        c = AUDIT_EVENT_TABLE.c
        stmt = (
            sa.select(AUDIT_EVENT_TABLE)
            .where(sa.or_(c.request_id == request_id, c.ref_request_id == request_id))
            .order_by(c.seq)
        )
        return [AuditEvent(**row) for row in self._fetch(stmt)]

    def recent_policy_versions(self, window: int = 1000) -> list[tuple[str, str | None]]:
        """Return the distinct ``(version, digest)`` of the last ``window`` records' policies (any order).

        Every record names the policy version and digest that decided it, so with several
        instances on one database this says which policies are being served now, and shows
        two contents served under one version.
        """
        c = AUDIT_EVENT_TABLE.c
        recent = sa.select(c.policy_version, c.policy_digest).order_by(c.seq.desc()).limit(window).subquery()
        stmt = (
            sa.select(recent.c.policy_version, recent.c.policy_digest)
            .where(recent.c.policy_version.is_not(None))
            .distinct()
        )
        return [(str(row["policy_version"]), row["policy_digest"]) for row in self._fetch(stmt)]

    def head(self) -> tuple[int, str]:
        """Return the chain head's ``(seq, hash)``: note it out of band to pin the trail."""
        row = self._fetch(
            sa.select(AUDIT_CHAIN_HEAD_TABLE.c.seq, AUDIT_CHAIN_HEAD_TABLE.c.hash).where(
                AUDIT_CHAIN_HEAD_TABLE.c.id == 1
            )
        )
        if not row:
            raise AuditUnavailable("Journal d'audit indisponible : le schéma n'est pas à jour.")
        return int(row[0]["seq"]), str(row[0]["hash"])

    def ping(self) -> None:
        """Check that a record could be written now; raise ``AuditUnavailable`` otherwise.

        Called before a provider is contacted (fail closed): on SQLite it takes and
        releases the write lock; on PostgreSQL it refuses a read-only session.
        """
        self._check_trail()
        try:
            with self._write_lock, self._engine.connect() as conn:
                if is_sqlite(self._engine):
                    conn.execution_options(**{SQLITE_IMMEDIATE: True})
                with conn.begin() as transaction:
                    head = conn.execute(
                        sa.select(AUDIT_CHAIN_HEAD_TABLE.c.seq).where(AUDIT_CHAIN_HEAD_TABLE.c.id == 1)
                    ).scalar()
                    read_only = (
                        not is_sqlite(self._engine)
                        and conn.exec_driver_sql("SHOW transaction_read_only").scalar() == "on"
                    )
                    transaction.rollback()
        except SQLAlchemyError as exc:
            raise AuditUnavailable(NOT_FORWARDED) from exc
        if head is None:
            raise AuditUnavailable("Journal d'audit indisponible : le schéma n'est pas à jour.")
        if int(head) < self._last_seq:
            raise AuditUnavailable(_moved_back(int(head), self._last_seq))
        if read_only:
            raise AuditUnavailable("Journal d'audit en lecture seule : la requête n'a pas été transmise.")

    def _fetch(self, stmt: sa.Select[Any]) -> list[dict[str, Any]]:
        try:
            with self._engine.connect() as conn:
                return [dict(row) for row in conn.execute(stmt).mappings()]
        except SQLAlchemyError as exc:
            raise AuditUnavailable("Journal d'audit indisponible.") from exc
