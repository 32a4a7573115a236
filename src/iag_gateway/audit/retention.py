"""Retention of the audit trail: clear old redacted texts, delete the oldest records.

The policy keeps each part of a record for its own time (``RetentionRule``).
Clearing a text keeps the chain intact, because the hash commits to the text's
digest rather than to the text. Whole records go from the oldest, in ``seq``
order only, and the same transaction writes the ``audit_checkpoint`` from which
``verify`` then starts. Each batch is one short transaction under the chain lock
(``AuditStore.locked_chain``, as for appends), so calls keep being recorded while
a large purge runs, and a purge stopped half-way leaves a chain that verifies.

A purge first checks every record it deletes or clears: it refuses to run on a
broken chain rather than destroy the evidence. A purge that changed something is
itself recorded (route ``audit.purge``); one that found nothing to do writes
nothing, so running it again is harmless. Each deleted record leaves its
``(seq, created_at, hash)`` in ``audit_purged_leaf``, in the same transaction, so the
Merkle tree and every signed head stay computable (see ``heads``).
"""

from __future__ import annotations

import dataclasses
import itertools
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from iag_gateway.audit.chain import Checkpoint, check_record, read_checkpoint, text_mismatch
from iag_gateway.audit.models import (
    AUDIT_CHECKPOINT_TABLE,
    AUDIT_EVENT_TABLE,
    GENESIS_HASH,
    TEXT_DIGESTS,
    AuditEntry,
    format_timestamp,
)
from iag_gateway.audit.tree_models import PURGED_LEAF_TABLE
from iag_gateway.errors import AuditUnavailable
from iag_gateway.storage.types import utc_now

if TYPE_CHECKING:
    from iag_gateway.audit.store import AuditStore

DEFAULT_PURGE_BATCH = 500
PURGE_ROUTE = "audit.purge"

_EVENTS = AUDIT_EVENT_TABLE
_CHECKPOINTS = AUDIT_CHECKPOINT_TABLE


@dataclass(frozen=True, kw_only=True)
class PurgeReport:
    """What a purge did or, with ``dry_run``, would do."""

    dry_run: bool
    metadata_before: datetime | None
    text_before: datetime | None
    records_deleted: int = 0
    #: Last deleted seq, where the chain now starts (``None``: nothing deleted).
    purged_through_seq: int | None = None
    anchor_hash: str | None = None
    texts_cleared: int = 0
    #: Seq of the ``audit.purge`` record that traces this purge (``None``: none written).
    audit_seq: int | None = None

    @property
    def changed(self) -> bool:
        return bool(self.records_deleted or self.texts_cleared)


def purge(
    store: AuditStore,
    *,
    metadata_before: datetime | None,
    text_before: datetime | None,
    dry_run: bool = False,
    batch: int = DEFAULT_PURGE_BATCH,
    reason: str = "retention",
) -> PurgeReport:
    """Delete records created before ``metadata_before`` and clear texts of those before ``text_before``.

    ``None`` skips that part. Raises ``AuditUnavailable`` when the store fails or
    when a record to purge does not verify (the chain is then left as it was found).
    """
    if batch < 1:
        raise ValueError("purge batch must be at least 1")
    for cutoff in (metadata_before, text_before):
        if cutoff is not None and cutoff.tzinfo is None:
            raise ValueError("retention cutoffs must be aware datetimes")
    report = PurgeReport(dry_run=dry_run, metadata_before=metadata_before, text_before=text_before)
    try:
        if dry_run:
            return _preview(store, report)
        if metadata_before is not None:
            report = _delete_old_records(store, report, metadata_before, batch, reason)
        if text_before is not None:
            report = dataclasses.replace(report, texts_cleared=_clear_old_texts(store, text_before, batch))
    except SQLAlchemyError as exc:
        raise AuditUnavailable("Journal d'audit indisponible : la purge a été interrompue.") from exc
    if report.changed:
        event = store.append(_purge_entry(report, reason))
        report = dataclasses.replace(report, audit_seq=event.seq)
    return report


def _delete_old_records(
    store: AuditStore, report: PurgeReport, before: datetime, batch: int, reason: str
) -> PurgeReport:
    """Delete the oldest records, ``batch`` at a time, moving one checkpoint along."""
    checkpoint_id: int | None = None
    while True:
        with store.locked_chain() as (conn, _head_seq, _head_hash):
            start = read_checkpoint(conn) or Checkpoint(0, GENESIS_HASH)
            rows = (
                conn.execute(
                    sa.select(_EVENTS)
                    .where(_EVENTS.c.seq > start.through_seq)
                    .order_by(_EVENTS.c.seq)
                    .limit(batch)
                )
                .mappings()
                .all()
            )
            old = list(itertools.takewhile(lambda row: row["created_at"] < before, rows))
            if not old:
                return report
            _check_segment(old, start)
            last = old[-1]
            # Keep each leaf of the Merkle tree computable (signed heads cover these records).
            conn.execute(
                sa.insert(PURGED_LEAF_TABLE),
                [{"seq": row["seq"], "created_at": row["created_at"], "hash": row["hash"]} for row in old],
            )
            conn.execute(sa.delete(_EVENTS).where(_EVENTS.c.seq.between(old[0]["seq"], last["seq"])))
            deleted = report.records_deleted + len(old)
            through_seq, anchor_hash = int(last["seq"]), str(last["hash"])
            mark = {
                "purged_through_seq": through_seq,
                "anchor_hash": anchor_hash,
                "purged_at": utc_now(),
                "purged_count": deleted,
                "reason": reason,
            }
            if checkpoint_id is None:
                checkpoint_id = _insert_checkpoint(conn, mark)
            else:
                conn.execute(sa.update(_CHECKPOINTS).where(_CHECKPOINTS.c.id == checkpoint_id).values(mark))
        report = dataclasses.replace(
            report,
            records_deleted=deleted,
            purged_through_seq=through_seq,
            anchor_hash=anchor_hash,
        )
        if len(old) < len(rows) or len(rows) < batch:
            return report


def _insert_checkpoint(conn: Connection, mark: dict[str, Any]) -> int:
    result = conn.execute(sa.insert(_CHECKPOINTS).values(mark))
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def _check_segment(rows: list[Any], start: Checkpoint) -> None:
    """Refuse to delete records that do not verify: that would erase the trace of tampering."""
    expected_seq, prev_hash = start.through_seq + 1, start.anchor_hash
    for row in rows:
        problem = check_record(row, expected_seq, prev_hash)
        if problem is not None:
            raise AuditUnavailable(f"Purge refusée, la chaîne d'audit est rompue : {problem}")
        expected_seq, prev_hash = int(row["seq"]) + 1, str(row["hash"])


def _clear_old_texts(store: AuditStore, before: datetime, batch: int) -> int:
    """Set the redacted texts of records older than ``before`` to NULL, ``batch`` records at a time."""
    has_text = sa.or_(_EVENTS.c.prompt_text.is_not(None), _EVENTS.c.response_text.is_not(None))
    columns = [_EVENTS.c.seq, *(_EVENTS.c[name] for pair in TEXT_DIGESTS for name in pair)]
    cleared, cursor = 0, 0
    while True:
        with store.locked_chain() as (conn, _head_seq, _head_hash):
            rows = (
                conn.execute(
                    sa.select(*columns)
                    .where(_EVENTS.c.seq > cursor, _EVENTS.c.created_at < before, has_text)
                    .order_by(_EVENTS.c.seq)
                    .limit(batch)
                )
                .mappings()
                .all()
            )
            if not rows:
                return cleared
            for row in rows:
                problem = text_mismatch(row)
                if problem is not None:
                    raise AuditUnavailable(f"Purge refusée, la chaîne d'audit est rompue : {problem}")
            seqs = [int(row["seq"]) for row in rows]
            conn.execute(
                sa.update(_EVENTS)
                .where(_EVENTS.c.seq.in_(seqs))
                .values({text: None for text, _digest in TEXT_DIGESTS})
            )
        cleared, cursor = cleared + len(seqs), seqs[-1]


def _preview(store: AuditStore, report: PurgeReport) -> PurgeReport:
    """Count what a purge would do, without taking the chain lock or changing anything."""
    with store.engine.connect() as conn:
        start = read_checkpoint(conn) or Checkpoint(0, GENESIS_HASH)
        remaining = _EVENTS.c.seq > start.through_seq
        if report.metadata_before is not None:
            boundary = conn.execute(
                sa.select(sa.func.min(_EVENTS.c.seq)).where(
                    remaining, _EVENTS.c.created_at >= report.metadata_before
                )
            ).scalar_one_or_none()
            doomed = [remaining] if boundary is None else [remaining, _EVENTS.c.seq < boundary]
            count, through = conn.execute(
                sa.select(sa.func.count(), sa.func.max(_EVENTS.c.seq)).select_from(_EVENTS).where(*doomed)
            ).one()
            through = None if through is None else int(through)
            report = dataclasses.replace(report, records_deleted=int(count), purged_through_seq=through)
            if through is not None:
                remaining = _EVENTS.c.seq > through
        if report.text_before is not None:
            has_text = sa.or_(_EVENTS.c.prompt_text.is_not(None), _EVENTS.c.response_text.is_not(None))
            cleared = conn.execute(
                sa.select(sa.func.count())
                .select_from(_EVENTS)
                .where(remaining, _EVENTS.c.created_at < report.text_before, has_text)
            ).scalar_one()
            report = dataclasses.replace(report, texts_cleared=int(cleared))
    return report


def _purge_entry(report: PurgeReport, reason: str) -> AuditEntry:
    """The record that traces a purge in the chain itself (counts, cutoffs, new checkpoint)."""

    def stamp(value: datetime | None) -> str | None:
        return None if value is None else format_timestamp(value)

    return AuditEntry(
        request_id="purge_" + uuid.uuid4().hex,
        route=PURGE_ROUTE,
        outcome="ok",
        extra={
            "reason": reason,
            "metadata_before": stamp(report.metadata_before),
            "text_before": stamp(report.text_before),
            "records_deleted": report.records_deleted,
            "purged_through_seq": report.purged_through_seq,
            "anchor_hash": report.anchor_hash,
            "texts_cleared": report.texts_cleared,
        },
    )
