"""The roll-up's five cubes, computed from audit records: the fold stores them, the reader adds the tail.

Each function returns one ``SELECT`` over ``audit_event`` grouped by (day, department,
template, model) plus the cube's own key, with the columns of its roll-up table. The
fold runs them on one day's records (``day`` a literal) and inserts the rows; the
dashboard runs them on the records not folded yet and unions them with the stored rows
(``cube``), so that every figure is one ``GROUP BY`` over that union.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from iag_gateway.audit.filters import CALL_ROUTES, FINAL_OUTCOMES
from iag_gateway.audit.models import AUDIT_EVENT_TABLE
from iag_gateway.audit.rollup_models import (
    FULL_GRAIN,
    ROLLUP_CALL_TABLE,
    ROLLUP_PII_TABLE,
    ROLLUP_REVIEW_TABLE,
    ROLLUP_RULE_TABLE,
    ROLLUP_USER_TABLE,
    grain_keeps,
)
from iag_gateway.audit.sql_dialect import SqlDialect

ACK_ROUTE = "review.ack"
E = AUDIT_EVENT_TABLE.c
Conditions = list[sa.ColumnElement[bool]]


def unindexed(sql: SqlDialect, column: Any) -> Any:
    """``column`` as SQLite cannot seek on it (``+col``): the tail is read by ``seq``, not by date."""
    if not sql.sqlite:
        return column  # PostgreSQL's planner weighs both from its statistics
    return sa.type_coerce(sa.literal_column(f"+{column.table.name}.{column.name}"), column.type)


def is_call(table: sa.Table | Any = AUDIT_EVENT_TABLE) -> Conditions:
    return [table.c.route.in_(CALL_ROUTES), table.c.outcome.in_(FINAL_OUTCOMES)]


def _dims(table: Any = AUDIT_EVENT_TABLE) -> list[Any]:
    return [table.c.department, table.c.template_id, table.c.model_alias]


def _sum(expr: Any) -> Any:
    return sa.func.coalesce(sa.func.sum(expr), 0)


def _when(condition: Any, then: Any) -> Any:
    return sa.case((condition, then), else_=None)


def calls(day: Any, where: Conditions) -> sa.Select[Any]:
    """Calls, answered, refused, tokens (all calls, and answered calls only) per day and dimensions."""
    ok = E.outcome == "ok"
    return (
        sa.select(
            day.label("day"),
            *_dims(),
            sa.func.count().label("calls"),
            _sum(sa.case((ok, 1), else_=0)).label("ok"),
            _sum(sa.case((E.outcome == "denied", 1), else_=0)).label("denied"),
            _sum(E.prompt_tokens).label("prompt_tokens"),
            _sum(E.completion_tokens).label("completion_tokens"),
            _sum(_when(ok, E.prompt_tokens)).label("ok_prompt_tokens"),
            _sum(_when(ok, E.completion_tokens)).label("ok_completion_tokens"),
        )
        .where(*where)
        .group_by(day, *_dims())
    )


def _grain_dims(table: Any, grain: int) -> tuple[list[Any], list[Any]]:
    """The dimension columns of ``table`` at ``grain`` (NULL where dropped), and those kept."""
    dims = _dims(table)
    columns = [c if grain_keeps(grain, c.name) else sa.cast(sa.null(), sa.String).label(c.name) for c in dims]
    return columns, [c for c in dims if grain_keeps(grain, c.name)]


def users(day: Any, where: Conditions, grain: int = FULL_GRAIN) -> sa.Select[Any]:
    """The distinct (day, dimensions kept by ``grain``, user) of calls."""
    columns, kept = _grain_dims(AUDIT_EVENT_TABLE, grain)
    return (
        sa.select(day.label("day"), *columns, E.user_id, sa.literal(grain, sa.SmallInteger).label("grain"))
        .where(*where, E.user_id.is_not(None))
        .group_by(day, *kept, E.user_id)
    )


def narrower_users(day: str, grain: int) -> sa.Select[Any]:
    """One day's users at ``grain``, projected from the day's full set (already stored)."""
    u = ROLLUP_USER_TABLE
    columns, kept = _grain_dims(u, grain)
    return (
        sa.select(u.c.day, *columns, u.c.user_id, sa.literal(grain, sa.SmallInteger).label("grain"))
        .where(u.c.day == day, u.c.grain == FULL_GRAIN)
        .group_by(u.c.day, *kept, u.c.user_id)
    )


def _fenced(day: Any, column: Any, where: Conditions) -> Any:
    """The calls' day, dimensions and one JSON column, filtered before any unnesting.

    ``OFFSET 0`` keeps PostgreSQL from merging the filter into the unnesting join, where
    it over-estimates the rows (100 per call) and walks another index.
    """
    return sa.select(day.label("day"), *_dims(), column).where(*where).offset(0).subquery("fenced")


def rules(sql: SqlDialect, day: Any, where: Conditions) -> sa.Select[Any]:
    """Rule firings per (rule, effect, reroute message, article): ``rules`` and ``articles`` unnested."""
    base = _fenced(day, E.rules, where)
    items = sql.list_items(base.c.rules, "r")
    articles = sql.nested_list_items(items.c.value, "articles", "a")
    effect = sql.field(items.c.value, "effect")
    rule_id = sql.field(items.c.value, "rule_id")
    message = sa.case((effect == "reroute", sql.field(items.c.value, "message")), else_=None)
    return (
        sa.select(
            base.c.day,
            *_dims(base),
            rule_id.label("rule_id"),
            effect.label("effect"),
            message.label("message"),
            articles.c.value.label("article"),
            sa.func.count().label("firings"),
        )
        .select_from(base)
        .join(items, sa.true())
        .join(articles, sa.true())
        .group_by(base.c.day, *_dims(base), rule_id, effect, message, articles.c.value)
    )


def pii(sql: SqlDialect, day: Any, where: Conditions) -> sa.Select[Any]:
    """Per data type: calls where it was masked, and values masked."""
    base = _fenced(day, E.pii_counts, where)
    items = sql.object_items(base.c.pii_counts, "p")
    count = sa.cast(items.c.value, sa.Integer)
    return (
        sa.select(
            base.c.day,
            *_dims(base),
            items.c.key.label("pii_type"),
            sa.func.count().label("records"),
            sa.func.sum(count).label("total"),
        )
        .select_from(base)
        .join(items, sa.true())
        .where(count > 0)
        .group_by(base.c.day, *_dims(base), items.c.key)
    )


def reviews(
    sql: SqlDialect,
    where: Conditions,
    *,
    day: Any,
    acks_through: int | None = None,
    late: int | None = None,
) -> sa.Select[Any]:
    """Answered template calls acknowledged, the sum and maximum of delays to their first acknowledgement.

    ``where`` selects the calls; ``acks_through`` keeps the acknowledgements up to that
    ``seq`` (the fold's). With ``late``, only calls none of whose acknowledgements has a
    ``seq`` up to ``late`` (the roll-up folded them unacknowledged) count, through the
    acknowledgements after ``late``. (A folded call's first acknowledgement is the earliest
    of those up to the fold: one recorded later with an earlier clock would not replace it.)
    """
    ack = AUDIT_EVENT_TABLE.alias("ack")
    # Late acknowledgements are few: read them first (by seq), then their calls (by request id).
    ref = ack.c.ref_request_id if late is None else unindexed(sql, ack.c.ref_request_id)
    joined = AUDIT_EVENT_TABLE.join(
        ack, sa.and_(ref == E.request_id, ack.c.route == ACK_ROUTE, ack.c.outcome == "ok")
    )
    conditions = [*where, E.outcome == "ok", E.template_id.is_not(None)]
    if acks_through is not None:
        conditions.append(ack.c.seq <= acks_through)
    if late is not None:
        conditions.append(ack.c.seq > late)
        earlier = AUDIT_EVENT_TABLE.alias("earlier")
        conditions.append(
            ~sa.exists().where(
                earlier.c.ref_request_id == E.request_id,
                earlier.c.route == ACK_ROUTE,
                earlier.c.outcome == "ok",
                earlier.c.seq <= late,
            )
        )
    per_call = (
        sa.select(
            day.label("day"),
            *_dims(),
            sql.seconds_between(sa.func.min(ack.c.created_at), E.created_at).label("delay"),
        )
        .select_from(joined)
        .where(*conditions)
        .group_by(E.seq, day, *_dims(), E.created_at)
        .subquery("per_call")
    )
    return sa.select(
        per_call.c.day,
        *_dims(per_call),
        sa.func.count().label("acknowledged"),
        sa.func.sum(per_call.c.delay).label("delay_sum_s"),
        sa.func.max(per_call.c.delay).label("delay_max_s"),
    ).group_by(per_call.c.day, *_dims(per_call))


@dataclass(frozen=True)
class Cubes:
    """The union of stored roll-up rows and of the tail read live, one subquery per cube.

    ``stored`` filters the roll-up tables (days of the period, dimensions);
    ``live`` selects the records not folded (``seq`` past the fold, or all of them);
    ``late`` is the fold's ``seq`` when the roll-up is used (``None``: all read live);
    ``folded`` selects the period's calls up to it (for acknowledgements that came later).
    """

    sql: SqlDialect
    day: Any  # the live records' Paris day
    live: Conditions
    stored: Any  # (table) -> conditions on a roll-up table
    late: int | None
    folded: Conditions  # the period's calls up to ``late``

    def _union(self, table: sa.Table, live: sa.Select[Any], name: str) -> Any:
        if self.late is None:
            return live.subquery(name)
        stored = sa.select(*(table.c[c.name] for c in live.selected_columns)).where(*self.stored(table))
        return sa.union_all(stored, live).subquery(name)

    def _day(self, dated: bool) -> Any:
        """The live rows' day, or one constant when the query does not group by period (cheaper)."""
        return self.day if dated else sa.literal("", sa.String())

    def calls(self, *, dated: bool = True) -> Any:
        return self._union(ROLLUP_CALL_TABLE, calls(self._day(dated), self.live), "calls")

    def users(self, *, dated: bool = True, grain: int = FULL_GRAIN) -> Any:
        """The users at ``grain`` (which must keep every dimension filtered on or grouped by)."""
        live = users(self._day(dated), self.live, grain)
        if self.late is None:
            return live.subquery("users")
        u = ROLLUP_USER_TABLE
        stored = sa.select(*(u.c[c.name] for c in live.selected_columns)).where(
            u.c.grain == grain, *self.stored(u)
        )
        return sa.union_all(stored, live).subquery("users")

    def rules(self) -> Any:
        return self._union(ROLLUP_RULE_TABLE, rules(self.sql, self.day, self.live), "rules")

    def pii(self) -> Any:
        return self._union(ROLLUP_PII_TABLE, pii(self.sql, self._day(False), self.live), "pii")

    def reviews(self) -> Any:
        """Acknowledged calls: stored rows, calls of the tail, folded calls first acknowledged in the tail."""
        tail = reviews(self.sql, self.live, day=self._day(False))
        if self.late is None:
            return tail.subquery("reviews")
        stored = sa.select(*(ROLLUP_REVIEW_TABLE.c[c.name] for c in tail.selected_columns)).where(
            *self.stored(ROLLUP_REVIEW_TABLE)
        )
        late = reviews(self.sql, self.folded, day=self._day(False), late=self.late)
        return sa.union_all(stored, tail, late).subquery("reviews")
