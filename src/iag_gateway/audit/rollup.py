"""Fold the audit trail into the daily roll-up, and say which part of a period it covers.

The roll-up holds, for each Paris day, the dashboard's cubes over that day's calls with
``seq`` up to ``through_seq``. Folding never touches the append path nor the trail: it
reads the records past ``through_seq`` (and those that retention deleted since the
last fold, from ``audit_purged_leaf``), finds the days they fall on (a record may land
on a past day: a clock behind another instance's, an acknowledgement of an older call),
deletes those days' rows and rebuilds them from the records, then moves ``through_seq``.
Rebuilding whole days keeps the roll-up exact whatever order records arrive in.

The dashboard reads the stored rows for the records up to ``through_seq`` and the
records after it live (``AuditAggregates.reading``), in one snapshot, so its figures are
exact at any time; folding only keeps that live tail short. Distinct users cannot be
summed per day: the roll-up keeps the set of (day, dimensions, user), and narrower
projections of it (day, user), (day, department, user)…, and the dashboard counts
distinct users over the narrowest one its filters and breakdown allow, together with
the tail's users at the same grain. Until a purge is
folded, its days are read live (the state's ``purged_through_seq`` tells). The dashboard
folds before reading when the tail is long (``fold(min_tail=...)``); the migration folds
the existing trail.
Folds are serialised by the state row (``FOR UPDATE``; ``BEGIN IMMEDIATE`` in SQLite).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from iag_gateway.audit import rollup_cubes as cubes
from iag_gateway.audit.models import AUDIT_CHECKPOINT_TABLE, AUDIT_EVENT_TABLE
from iag_gateway.audit.rollup_models import (
    FULL_GRAIN,
    ROLLUP_CALL_TABLE,
    ROLLUP_DAY_TABLES,
    ROLLUP_PII_TABLE,
    ROLLUP_REVIEW_TABLE,
    ROLLUP_RULE_TABLE,
    ROLLUP_STATE_TABLE,
    ROLLUP_USER_TABLE,
    USER_GRAINS,
)
from iag_gateway.audit.sql_dialect import PARIS, SqlDialect
from iag_gateway.audit.tree_models import PURGED_LEAF_TABLE
from iag_gateway.storage.engine import SQLITE_IMMEDIATE
from iag_gateway.storage.types import utc_now
from iag_gateway.storage.writer_lock import writer_lock

log = logging.getLogger(__name__)
E = AUDIT_EVENT_TABLE.c
S = ROLLUP_STATE_TABLE.c
#: Records folded per transaction (a backfill runs as several short transactions).
FOLD_CHUNK = 50_000
#: The dashboard folds first when more records than this wait (below, reading them live is cheap).
FOLD_AFTER = 1_000


@dataclass(frozen=True)
class FoldReport:
    through_seq: int
    records: int  # records folded (seq moved over)
    days: int  # days rebuilt


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The UTC instants where a Paris day starts and the next one starts."""
    start = datetime.combine(day, time.min, tzinfo=PARIS)
    return start, datetime.combine(day + timedelta(days=1), time.min, tzinfo=PARIS)


def no_jit(conn: Connection) -> None:
    """Turn PostgreSQL's JIT off for this transaction: it compiles for tens of ms what runs in a few."""
    if conn.engine.dialect.name == "postgresql":
        conn.exec_driver_sql("SET LOCAL jit = off")


def read_state(conn: Connection, *, lock: bool = False) -> tuple[int, int]:
    """``(through_seq, purged_through_seq)`` of the roll-up."""
    stmt = sa.select(S.through_seq, S.purged_through_seq).where(S.id == 1)
    row = conn.execute(stmt.with_for_update() if lock else stmt).one()
    return int(row.through_seq), int(row.purged_through_seq)


def purged_through(conn: Connection) -> int:
    """The last ``seq`` retention deleted (0: none)."""
    value = conn.execute(sa.select(sa.func.max(AUDIT_CHECKPOINT_TABLE.c.purged_through_seq))).scalar()
    return int(value or 0)


def fold(engine: Engine, *, min_tail: int = 0) -> FoldReport | None:
    """Fold the records past the roll-up (``None``: fewer than ``min_tail`` and no purge to reflect).

    Raises ``SQLAlchemyError`` when the store fails (the dashboard then reads live).
    """
    report = None
    while True:
        with engine.connect() as conn:
            through, purged = read_state(conn)
            head = int(conn.execute(sa.select(sa.func.max(E.seq))).scalar() or 0)
            stale = purged_through(conn) != purged
            conn.rollback()
        if head - through < max(min_tail, 1) and not stale:
            return report
        with writer_lock(engine), engine.connect() as conn:
            conn.execution_options(**{SQLITE_IMMEDIATE: True})
            with conn.begin():
                step = fold_chunk(conn)
        report = FoldReport(
            step.through_seq,
            step.records + (report.records if report else 0),
            step.days + (report.days if report else 0),
        )
        min_tail = 0  # once started, go to the head


def fold_chunk(conn: Connection, chunk: int = FOLD_CHUNK) -> FoldReport:
    """Fold up to ``chunk`` records past the roll-up, in the caller's transaction (locks the state row)."""
    sql = SqlDialect.of(conn.engine)
    no_jit(conn)
    through, purged = read_state(conn, lock=True)
    head = int(conn.execute(sa.select(sa.func.max(E.seq))).scalar() or 0)
    upto = min(head, through + chunk)
    new = [E.seq > through, E.seq <= upto]
    days = _days(conn, sql, sa.select(E.created_at).where(*new, *cubes.is_call()).subquery())
    ack = AUDIT_EVENT_TABLE.alias("acked")
    acked = (
        sa.select(ack.c.created_at)
        .select_from(AUDIT_EVENT_TABLE.join(ack, ack.c.request_id == E.ref_request_id))
        .where(*new, E.route == cubes.ACK_ROUTE, *cubes.is_call(ack))
        .subquery()
    )
    days |= _days(conn, sql, acked)
    now_purged = purged_through(conn)
    if now_purged != purged:
        leaf = PURGED_LEAF_TABLE.c
        lost = sa.select(leaf.created_at).where(leaf.seq > purged, leaf.seq <= now_purged).subquery()
        days |= _days(conn, sql, lost)
    for day in sorted(days):
        rebuild_day(conn, sql, day, upto)
    conn.execute(
        sa.update(ROLLUP_STATE_TABLE)
        .where(S.id == 1)
        .values(through_seq=upto, purged_through_seq=now_purged, folded_at=utc_now())
    )
    return FoldReport(upto, upto - through, len(days))


def _days(conn: Connection, sql: SqlDialect, instants: Any) -> set[date]:
    """The Paris days of the ``created_at`` column of a subquery."""
    first, last = conn.execute(
        sa.select(sa.func.min(instants.c.created_at), sa.func.max(instants.c.created_at))
    ).one()
    if first is None:
        return set()
    day = sql.local_bucket(instants.c.created_at, first, last + timedelta(seconds=1), "day")
    return {date.fromisoformat(str(d)) for (d,) in conn.execute(sa.select(day).group_by(day))}


def rebuild_day(conn: Connection, sql: SqlDialect, day: date, upto: int) -> None:
    """Replace the roll-up rows of ``day`` with its calls up to ``upto`` (acknowledgements too)."""
    text = day.isoformat()
    for table in ROLLUP_DAY_TABLES:
        conn.execute(sa.delete(table).where(table.c.day == text))
    start, end = day_bounds(day)
    where = [E.created_at >= start, E.created_at < end, E.seq <= upto, *cubes.is_call()]
    label = sa.literal(text, sa.String())
    for table, select in (
        (ROLLUP_CALL_TABLE, cubes.calls(label, where)),
        (ROLLUP_USER_TABLE, cubes.users(label, where)),
        (ROLLUP_RULE_TABLE, cubes.rules(sql, label, where)),
        (ROLLUP_PII_TABLE, cubes.pii(sql, label, where)),
        (ROLLUP_REVIEW_TABLE, cubes.reviews(sql, where, day=label, acks_through=upto)),
    ):
        conn.execute(sa.insert(table).from_select([c.name for c in select.selected_columns], select))
    for grain in USER_GRAINS:
        if grain != FULL_GRAIN:
            narrower = cubes.narrower_users(text, grain)
            names = [c.name for c in narrower.selected_columns]
            conn.execute(sa.insert(ROLLUP_USER_TABLE).from_select(names, narrower))


def fold_quietly(engine: Engine, min_tail: int = FOLD_AFTER) -> None:
    """Fold before a reading; a failure only leaves a longer tail to read live (logged)."""
    try:
        fold(engine, min_tail=min_tail)
    except SQLAlchemyError as exc:
        log.warning(
            "audit roll-up not folded (%s): the dashboard reads the records live", exc.__class__.__name__
        )
