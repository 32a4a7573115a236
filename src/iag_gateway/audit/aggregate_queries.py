"""Each dashboard figure's SQL ``GROUP BY`` over one reading's cubes, and its result rows.

A ``Reading`` is one snapshot of the store with the cubes of one scope in it
(``AuditAggregates.reading`` opens it); every function here runs one aggregate query
in it and turns its few result rows (one per day, template, model, article…) into the
dataclasses of ``aggregate_rows.py``. Python never walks the records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from iag_gateway.audit.aggregate_rows import (
    CountRow,
    Cube,
    FeedbackRow,
    Firings,
    ReviewRow,
    RuleRow,
    SeriesPoint,
    TokenRow,
    Totals,
    UsageRow,
)
from iag_gateway.audit.aggregate_scope import Scope
from iag_gateway.audit.rollup_cubes import Cubes
from iag_gateway.audit.rollup_models import DIMS, grain_for
from iag_gateway.feedback.models import FEEDBACK_TABLE

#: The keys ``distinct_users`` counts by: the whole period, the period's buckets, each dimension.
USER_KEYS = ("all", "bucket", "template_id", "model_alias", "department")


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


def _int(value: Any) -> int:
    return int(value or 0)


def _float(value: Any) -> float | None:
    return float(value) if value is not None else None


def cube_rows(r: Reading) -> list[Cube]:
    """The calls' sums per (department, template, model): every total, usage and token figure."""
    c = r.cubes.calls(dated=False)
    dims = [c.c.department, c.c.template_id, c.c.model_alias]
    names = ("calls", "ok", "denied", "prompt_tokens", "completion_tokens")
    sums = [sa.func.sum(c.c[name]) for name in (*names, "ok_prompt_tokens", "ok_completion_tokens")]
    rows = r.rows(sa.select(*dims, *sums).group_by(*dims))
    return [Cube(d, t, m, *(_int(v) for v in rest)) for d, t, m, *rest in rows]


def totals(cube: list[Cube], users: int) -> Totals:
    return Totals(
        sum(row.calls for row in cube),
        users,
        len({row.department for row in cube if row.department is not None}),
        sum(row.ok for row in cube),
        sum(row.denied for row in cube),
        sum(row.prompt_tokens for row in cube),
        sum(row.completion_tokens for row in cube),
    )


def usage_by(cube: list[Cube], index: int, users: dict[str | None, int]) -> list[UsageRow]:
    """Calls, users and tokens per value of the cube's ``index``-th key, most calls first."""
    out: dict[str | None, list[int]] = {}
    for row in cube:
        acc = out.setdefault(row.key(index), [0, 0, 0, 0, 0])
        for i, value in enumerate((row.calls, row.ok, row.denied, row.prompt_tokens, row.completion_tokens)):
            acc[i] += value
    ordered = sorted(out.items(), key=lambda kv: (-kv[1][0], kv[0] is None, kv[0] or ""))
    return [UsageRow(k, calls, users.get(k, 0), ok, denied, p, c) for k, (calls, ok, denied, p, c) in ordered]


def tokens_by(cube: list[Cube], index: int) -> list[TokenRow]:
    """Sum the answered calls' tokens per (key, model): a few hundred rows at most."""
    out: dict[tuple[str | None, str | None], list[int]] = {}
    for row in cube:
        if row.ok:
            acc = out.setdefault((row.key(index), row.model_alias), [0, 0, 0])
            acc[0] += row.ok
            acc[1] += row.ok_prompt_tokens
            acc[2] += row.ok_completion_tokens
    return [TokenRow(k, m, n, p, c) for (k, m), (n, p, c) in out.items()]


def distinct_users(r: Reading, keys: tuple[str, ...] = USER_KEYS) -> dict[str, dict[Any, int]]:
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


def users_by(r: Reading, keys: tuple[str, ...]) -> dict[tuple[Any, ...], int]:
    """Distinct users per combination of cube columns (the monthly report: department, template)."""
    u = r.cubes.users(
        dated="day" in keys, grain=grain_for(r.scope.filtered() | {k for k in keys if k in DIMS})
    )
    columns = [u.c[k] for k in keys]
    stmt = sa.select(*columns, sa.func.count(sa.distinct(u.c.user_id))).group_by(*columns)
    return {tuple(row[:-1]): _int(row[-1]) for row in r.rows(stmt)}


def series(r: Reading, users: dict[Any, int]) -> list[SeriesPoint]:
    """Calls, distinct users and departments, and refusals per Paris day or month."""
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


def firings(r: Reading) -> Firings:
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
    fired: dict[tuple[str, str, str, str | None], int] = {}
    for (b, rule, e, _a, m), n in per_rule.items():  # the same count on every article of a rule
        fired[(b, rule, e, m)] = max(fired.get((b, rule, e, m), 0), n)
    flags: dict[str, int] = {}
    reroutes: dict[str, int] = {}
    for (b, _r, e, m), n in fired.items():
        if e == "flag":
            flags[b] = flags.get(b, 0) + n
        if e == "reroute":
            reroutes[str(m or "")] = reroutes.get(str(m or ""), 0) + n
    return Firings(
        rules=[RuleRow(a, rule, e, n) for (a, rule, e), n in sorted(by_article.items())],
        flags_by_bucket=flags,
        reroutes=[CountRow(m, n, n) for m, n in sorted(reroutes.items(), key=lambda kv: -kv[1])],
    )


def pii(r: Reading) -> list[CountRow]:
    """Per data type: calls where it was masked, and how many values were masked in all."""
    p = r.cubes.pii()
    total = sa.func.sum(p.c.total)
    rows = r.rows(
        sa.select(p.c.pii_type, sa.func.sum(p.c.records), total)
        .group_by(p.c.pii_type)
        .order_by(total.desc(), p.c.pii_type)
    )
    return [CountRow(str(k), _int(n), _int(t)) for k, n, t in rows]


def reviews(r: Reading, cube: list[Cube], publishable: tuple[str, ...]) -> list[ReviewRow]:
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


def feedback(r: Reading) -> list[FeedbackRow]:
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
