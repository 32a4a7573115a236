"""The directorate's figures, each one SQL ``GROUP BY`` over the daily roll-up and the live tail.

Python never walks the records: every figure is one aggregate query over a cube (the
roll-up's stored rows for the period's days, ``UNION ALL`` the same cube computed from
the records not folded yet, see ``rollup.py``), turned from its few result rows (one per
day, template, model, article…) into dataclasses. All of a page's queries run in one
snapshot, so stored rows and tail never overlap. ``rollup=False`` (or a period not made
of whole Paris days) computes the cubes from the records alone: the same figures, slower.
Calls are the records of the ``chat`` and ``template`` routes that carry a final
outcome (an in-flight ``started`` event, if any, is not a call); the console's own
readings, acknowledgements and feedback are counted where they belong, not as calls.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from iag_gateway.audit.aggregate_rows import (
    Aggregates,
    CountRow,
    FeedbackRow,
    Firings,
    ReviewRow,
    RuleRow,
    SeriesPoint,
    TokenRow,
    Totals,
    UsageRow,
)
from iag_gateway.audit.filters import CALL_ROUTES, FINAL_OUTCOMES
from iag_gateway.audit.models import AUDIT_EVENT_TABLE
from iag_gateway.audit.rollup import fold_quietly, no_jit, purged_through, read_state
from iag_gateway.audit.rollup_cubes import Cubes, unindexed
from iag_gateway.audit.rollup_models import DIMS, grain_for
from iag_gateway.audit.sql_dialect import PARIS, SqlDialect
from iag_gateway.errors import AuditUnavailable
from iag_gateway.feedback.models import FEEDBACK_TABLE
from iag_gateway.identity.models import API_KEY_TABLE

E = AUDIT_EVENT_TABLE.c
__all__ = [
    "Aggregates",
    "AuditAggregates",
    "CountRow",
    "E",
    "FeedbackRow",
    "Firings",
    "ReviewRow",
    "RuleRow",
    "Scope",
    "SeriesPoint",
    "TokenRow",
    "Totals",
    "UsageRow",
]


@dataclass(frozen=True, kw_only=True)
class Scope:
    """The dashboard's filters: a period (``since`` inclusive, ``until`` exclusive, UTC) and exact values.

    ``models`` restricts to a set of aliases (a provider's models); ``None`` means any.
    """

    since: datetime
    until: datetime
    department: str | None = None
    template: str | None = None
    model: str | None = None
    models: tuple[str, ...] | None = None
    bucket: str = "day"  # "day" or "month", Paris-local

    def conditions(self, table: sa.Table = AUDIT_EVENT_TABLE) -> list[sa.ColumnElement[bool]]:
        c = table.c
        return [*self.time_range(c.created_at), *self.dims(table)]

    def dims(self, table: Any) -> list[sa.ColumnElement[bool]]:
        """The conditions on department, template and model (of records or roll-up rows)."""
        c = table.c
        out: list[sa.ColumnElement[bool]] = []
        for column, value in ((c.department, self.department), (c.template_id, self.template)):
            if value is not None:
                out.append(column == value)
        if self.model is not None:
            out.append(c.model_alias == self.model)
        if self.models is not None:
            out.append(c.model_alias.in_(self.models))
        return out

    def filtered(self) -> set[str]:
        """The cube dimensions this scope filters on."""
        values = {"department": self.department, "template_id": self.template, "model_alias": self.model}
        out = {dim for dim, value in values.items() if value is not None}
        return out | {"model_alias"} if self.models is not None else out

    def calls(self) -> list[sa.ColumnElement[bool]]:
        """Conditions selecting the calls (final records of chat and template routes) in scope."""
        return [*self.conditions(), E.route.in_(CALL_ROUTES), E.outcome.in_(FINAL_OUTCOMES)]

    def days(self) -> tuple[str, str] | None:
        """First and after-last Paris days when the period is made of whole days (``None`` otherwise)."""
        first, end = self.since.astimezone(PARIS), self.until.astimezone(PARIS)
        if first.timetz().replace(tzinfo=None) != time.min or end.timetz().replace(tzinfo=None) != time.min:
            return None
        return first.date().isoformat(), end.date().isoformat()

    def time_range(self, created_at: Any) -> list[sa.ColumnElement[bool]]:
        return [created_at >= self.since.astimezone(UTC), created_at < self.until.astimezone(UTC)]


class Cube(NamedTuple):
    """The calls' sums for one (department, template, model) over the period."""

    department: str | None
    template_id: str | None
    model_alias: str | None
    calls: int
    ok: int
    denied: int
    prompt_tokens: int
    completion_tokens: int
    ok_prompt_tokens: int
    ok_completion_tokens: int

    def key(self, index: int) -> str | None:
        return (self.department, self.template_id, self.model_alias)[index]


def _int(value: Any) -> int:
    return int(value or 0)


def _float(value: Any) -> float | None:
    return float(value) if value is not None else None


def _by_key(rows: list[Cube], index: int, users: dict[str | None, int]) -> list[UsageRow]:
    out: dict[str | None, list[int]] = {}
    for row in rows:
        acc = out.setdefault(row.key(index), [0, 0, 0, 0, 0])
        for i, value in enumerate((row.calls, row.ok, row.denied, row.prompt_tokens, row.completion_tokens)):
            acc[i] += value
    ordered = sorted(out.items(), key=lambda kv: (-kv[1][0], kv[0] is None, kv[0] or ""))
    return [UsageRow(k, calls, users.get(k, 0), ok, denied, p, c) for k, (calls, ok, denied, p, c) in ordered]


def _fold(cube: list[Cube], index: int) -> list[TokenRow]:
    """Sum the answered calls' tokens per (key, model): a few hundred rows at most."""
    out: dict[tuple[str | None, str | None], list[int]] = {}
    for row in cube:
        if row.ok:
            acc = out.setdefault((row.key(index), row.model_alias), [0, 0, 0])
            acc[0] += row.ok
            acc[1] += row.ok_prompt_tokens
            acc[2] += row.ok_completion_tokens
    return [TokenRow(k, m, n, p, c) for (k, m), (n, p, c) in out.items()]


@dataclass(frozen=True)
class Reading:
    """One snapshot of the store and the cubes of one scope in it."""

    conn: Connection
    scope: Scope
    cubes: Cubes

    def rows(self, stmt: sa.Executable) -> list[Any]:
        return list(self.conn.execute(stmt))

    def bucket(self, day: Any) -> Any:
        return day if self.scope.bucket == "day" else sa.func.substr(day, 1, 7)


class AuditAggregates:
    """Aggregate queries over one audit store's engine (the roll-up's stored days plus the live tail)."""

    def __init__(self, engine: Engine, *, rollup: bool = True) -> None:
        self._engine = engine
        self._sql = SqlDialect.of(engine)
        self._rollup = rollup

    @contextmanager
    def reading(self, scope: Scope) -> Iterator[Reading]:
        """Open one snapshot (``REPEATABLE READ`` in PostgreSQL, one transaction in SQLite) for ``scope``."""
        try:
            with self._engine.connect() as conn:
                if not self._sql.sqlite:
                    conn.execution_options(isolation_level="REPEATABLE READ")
                no_jit(conn)
                yield Reading(conn, scope, self._cubes(conn, scope))
        except SQLAlchemyError as exc:
            raise AuditUnavailable("Journal d'audit indisponible : il n'a pas pu être lu.") from exc

    def _cubes(self, conn: Connection, scope: Scope) -> Cubes:
        days = scope.days() if self._rollup else None
        late = None
        if days is not None:
            through, purged = read_state(conn)
            late = through if purged_through(conn) == purged else None  # a purge not folded yet: all live
        day = self._sql.local_bucket(E.created_at, scope.since, scope.until, "day")
        if late is None:
            return Cubes(self._sql, day, scope.calls(), lambda _table: [], None, [])
        # The tail is read by ``seq``, and folded calls acknowledged late from their acknowledgements.
        created_at = unindexed(self._sql, E.created_at)
        calls = [*scope.time_range(created_at), *scope.dims(AUDIT_EVENT_TABLE)]
        calls += [E.route.in_(CALL_ROUTES), E.outcome.in_(FINAL_OUTCOMES)]
        first, end = days or ("", "")

        def stored(table: sa.Table) -> list[sa.ColumnElement[bool]]:
            return [table.c.day >= first, table.c.day < end, *scope.dims(table)]

        folded = [*calls, unindexed(self._sql, E.seq) <= late]
        return Cubes(self._sql, day, [E.seq > late, *calls], stored, late, folded)

    def refresh(self) -> None:
        """Fold the trail first when its unfolded tail is long (the figures are exact either way)."""
        if self._rollup:
            fold_quietly(self._engine)

    def all(self, scope: Scope, publishable: tuple[str, ...]) -> Aggregates:
        """Run every aggregate of the dashboard for ``scope`` (``publishable``: templates to review)."""
        self.refresh()
        with self.reading(scope) as r:
            cube = self._cube(r)
            users = self._users(r)
            fired = self._firings(r)
            series = self._series(r, users["bucket"])
            return Aggregates(
                totals=self._totals(cube, users["all"].get(None, 0)),
                series=[
                    dataclasses.replace(p, flagged=fired.flags_by_bucket.get(p.bucket, 0)) for p in series
                ],
                by_template=_by_key(cube, 1, users["template_id"]),
                by_model=_by_key(cube, 2, users["model_alias"]),
                by_department=_by_key(cube, 0, users["department"]),
                rules=fired.rules,
                pii=self._pii(r),
                reroutes=fired.reroutes,
                reviews=self._reviews(r, cube, publishable),
                feedback=self._feedback(r),
                tokens_by_model=_fold(cube, 2),
                tokens_by_department=_fold(cube, 0),
                tokens_by_template=_fold(cube, 1),
            )

    def totals(self, scope: Scope) -> Totals:
        with self.reading(scope) as r:
            return self._totals(self._cube(r), self._users(r, ("all",))["all"].get(None, 0))

    def series(self, scope: Scope) -> list[SeriesPoint]:
        """Calls, distinct users and departments, and refusals per Paris day or month."""
        with self.reading(scope) as r:
            return self._series(r, self._users(r, ("bucket",))["bucket"])

    def tokens(self, scope: Scope) -> list[tuple[str | None, str | None, str | None, int, int, int]]:
        """Answered calls and tokens per (department, template, model): what cost and energy use."""
        with self.reading(scope) as r:
            return [
                (c.department, c.template_id, c.model_alias, c.ok, c.ok_prompt_tokens, c.ok_completion_tokens)
                for c in self._cube(r)
                if c.ok
            ]

    def _cube(self, r: Reading) -> list[Cube]:
        """The calls' sums per (department, template, model): every total, usage and token figure."""
        c = r.cubes.calls(dated=False)
        dims = [c.c.department, c.c.template_id, c.c.model_alias]
        names = ("calls", "ok", "denied", "prompt_tokens", "completion_tokens")
        sums = [sa.func.sum(c.c[name]) for name in (*names, "ok_prompt_tokens", "ok_completion_tokens")]
        rows = r.rows(sa.select(*dims, *sums).group_by(*dims))
        return [Cube(d, t, m, *(_int(v) for v in rest)) for d, t, m, *rest in rows]

    @staticmethod
    def _totals(cube: list[Cube], users: int) -> Totals:
        return Totals(
            sum(row.calls for row in cube),
            users,
            len({row.department for row in cube if row.department is not None}),
            sum(row.ok for row in cube),
            sum(row.denied for row in cube),
            sum(row.prompt_tokens for row in cube),
            sum(row.completion_tokens for row in cube),
        )

    def _users(
        self,
        r: Reading,
        keys: tuple[str, ...] = ("all", "bucket", "template_id", "model_alias", "department"),
    ) -> dict[str, dict[Any, int]]:
        """Distinct users over the period, per period bucket and per template, model and department.

        Each count reads the narrowest set of users that keeps the dimensions filtered on
        and the one grouped by: (day, user) for the totals, (day, template, user) per template…
        """
        out: dict[str, dict[Any, int]] = {}
        filtered = r.scope.filtered()
        for key in keys:
            grain = grain_for(filtered | ({key} if key in DIMS else set()))
            u = r.cubes.users(dated=key == "bucket", grain=grain)
            column = None if key == "all" else r.bucket(u.c.day) if key == "bucket" else u.c[key]
            if column is None:
                stmt = sa.select(sa.null(), sa.func.count(sa.distinct(u.c.user_id)))
            else:
                stmt = sa.select(column, sa.func.count(sa.distinct(u.c.user_id))).group_by(column)
            out[key] = {k if column is None or k is None else str(k): _int(n) for k, n in r.rows(stmt)}
        return out

    def _series(self, r: Reading, users: dict[Any, int]) -> list[SeriesPoint]:
        c = r.cubes.calls()
        bucket = r.bucket(c.c.day).label("b")
        rows = r.rows(
            sa.select(
                bucket,
                sa.func.sum(c.c.calls),
                sa.func.count(sa.distinct(c.c.department)),
                sa.func.sum(c.c.denied),
            )
            .group_by(bucket)
            .order_by(bucket)
        )
        return [SeriesPoint(str(b), _int(n), users.get(str(b), 0), _int(d), _int(x)) for b, n, d, x in rows]

    def firings(self, scope: Scope) -> Firings:
        with self.reading(scope) as r:
            return self._firings(r)

    def _firings(self, r: Reading) -> Firings:
        """Rule firings on calls, per (period, article, rule, effect, reroute message).

        A firing appears once per article of its rule, so firings are counted on one
        article per rule, and per article as they are.
        """
        f = r.cubes.rules()
        bucket = r.bucket(f.c.day).label("b")
        keys = [bucket, f.c.article, f.c.rule_id, f.c.effect, f.c.message]
        rows = r.rows(sa.select(*keys, sa.func.sum(f.c.firings)).group_by(*keys))
        by_article: dict[tuple[str, str, str], int] = {}
        per_rule: dict[tuple[str, str, str, str, str | None], int] = {}
        for b, a, rule, e, m, n in rows:
            key = (str(a), str(rule or ""), str(e or ""))
            by_article[key] = by_article.get(key, 0) + int(n)
            per_rule[(str(b), str(rule or ""), str(e or ""), str(a), m)] = int(n)
        firings: dict[tuple[str, str, str, str | None], int] = {}
        for (b, rule, e, _a, m), n in per_rule.items():  # the same count on every article of a rule
            firings[(b, rule, e, m)] = max(firings.get((b, rule, e, m), 0), n)
        flags: dict[str, int] = {}
        reroutes: dict[str, int] = {}
        for (b, _r, e, m), n in firings.items():
            if e == "flag":
                flags[b] = flags.get(b, 0) + n
            if e == "reroute":
                reroutes[str(m or "")] = reroutes.get(str(m or ""), 0) + n
        return Firings(
            rules=[RuleRow(a, rule, e, n) for (a, rule, e), n in sorted(by_article.items())],
            flags_by_bucket=flags,
            reroutes=[CountRow(m, n, n) for m, n in sorted(reroutes.items(), key=lambda kv: -kv[1])],
        )

    def pii(self, scope: Scope) -> list[CountRow]:
        with self.reading(scope) as r:
            return self._pii(r)

    def _pii(self, r: Reading) -> list[CountRow]:
        """Per data type: calls where it was masked, and how many values were masked in all."""
        p = r.cubes.pii()
        total = sa.func.sum(p.c.total)
        rows = r.rows(
            sa.select(p.c.pii_type, sa.func.sum(p.c.records), total)
            .group_by(p.c.pii_type)
            .order_by(total.desc(), p.c.pii_type)
        )
        return [CountRow(str(k), _int(n), _int(t)) for k, n, t in rows]

    def reviews(self, scope: Scope, publishable: tuple[str, ...]) -> list[ReviewRow]:
        with self.reading(scope) as r:
            return self._reviews(r, self._cube(r), publishable)

    def _reviews(self, r: Reading, cube: list[Cube], publishable: tuple[str, ...]) -> list[ReviewRow]:
        """Per publishable template: answered calls, those acknowledged, delay to the first one."""
        if not publishable:
            return []
        answered: dict[str, int] = {}
        for row in cube:
            if row.template_id in publishable and row.ok:
                answered[str(row.template_id)] = answered.get(str(row.template_id), 0) + row.ok
        v = r.cubes.reviews()
        rows = r.rows(
            sa.select(
                v.c.template_id,
                sa.func.sum(v.c.acknowledged),
                sa.func.sum(v.c.delay_sum_s),
                sa.func.max(v.c.delay_max_s),
            )
            .where(v.c.template_id.in_(publishable))
            .group_by(v.c.template_id)
        )
        acks = {str(t): (_int(n), _float(s), _float(m)) for t, n, s, m in rows}
        out = []
        for template in sorted(answered):
            n, total, longest = acks.get(template, (0, None, None))
            out.append(
                ReviewRow(
                    template, answered[template], n, total / n if n and total is not None else None, longest
                )
            )
        return out

    def feedback(self, scope: Scope) -> list[FeedbackRow]:
        with self.reading(scope) as r:
            return self._feedback(r)

    def _feedback(self, r: Reading) -> list[FeedbackRow]:
        """Per template: answers rated, « utile », « pas utile », minutes saved, comments."""
        f = FEEDBACK_TABLE.c
        rows = r.rows(
            sa.select(
                f.template_id,
                sa.func.count(),
                sa.func.sum(sa.case((f.useful.is_(True), 1), else_=0)),
                sa.func.sum(sa.case((f.useful.is_(False), 1), else_=0)),
                sa.func.sum(f.minutes_saved),
                sa.func.count(f.minutes_saved),
                sa.func.count(f.comment),
            )
            .where(*r.scope.conditions(FEEDBACK_TABLE))
            .group_by(f.template_id)
            .order_by(sa.func.count().desc(), f.template_id)
        )
        return [FeedbackRow(t, *(_int(v) for v in rest)) for t, *rest in rows]

    def users_by(self, scope: Scope, *keys: str) -> dict[tuple[Any, ...], int]:
        """Distinct users per combination of cube columns (the monthly report: department, template)."""
        with self.reading(scope) as r:
            u = r.cubes.users(
                dated="day" in keys, grain=grain_for(scope.filtered() | {k for k in keys if k in DIMS})
            )
            columns = [u.c[k] for k in keys]
            stmt = sa.select(*columns, sa.func.count(sa.distinct(u.c.user_id))).group_by(*columns)
            return {tuple(row[:-1]): _int(row[-1]) for row in r.rows(stmt)}

    def cube(self, scope: Scope) -> list[Cube]:
        """The calls' sums per (department, template, model), see ``Cube``."""
        with self.reading(scope) as r:
            return self._cube(r)

    def options(self) -> dict[str, list[str]]:
        """The filters' choices: departments of key holders, templates and models seen in calls.

        Departments come from the (small) key table; templates and models from the
        indexes' distinct values would need a scan, so the caller adds the catalogue's
        templates and the registry's models.
        """
        k = API_KEY_TABLE.c
        try:
            with self._engine.connect() as conn:
                rows = list(
                    conn.execute(sa.select(k.department).group_by(k.department).order_by(k.department))
                )
        except SQLAlchemyError as exc:
            raise AuditUnavailable("Journal d'audit indisponible : il n'a pas pu être lu.") from exc
        return {"department": [str(r[0]) for r in rows]}
