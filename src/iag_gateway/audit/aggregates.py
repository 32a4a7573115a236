"""The directorate's figures, each one SQL ``GROUP BY`` over the audit store (SQLite or PostgreSQL).

Python never walks the records: every function here sends one aggregate query and
turns its few result rows (one per day, template, model, article…) into dataclasses.
Calls are the records of the ``chat`` and ``template`` routes that carry a final
outcome (an in-flight ``started`` event, if any, is not a call); the console's own
readings, acknowledgements and feedback are counted where they belong, not as calls.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
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
from iag_gateway.audit.models import AUDIT_EVENT_TABLE
from iag_gateway.audit.sql_dialect import SqlDialect
from iag_gateway.audit.store import CALL_ROUTES, FINAL_OUTCOMES
from iag_gateway.errors import AuditUnavailable
from iag_gateway.feedback.models import FEEDBACK_TABLE
from iag_gateway.identity.models import API_KEY_TABLE

ACK_ROUTE = "review.ack"
#: Aggregate queries run at once (on as many pooled connections).
PARALLEL_READS = 3

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
        out = [c.created_at >= self.since.astimezone(UTC), c.created_at < self.until.astimezone(UTC)]
        for column, value in ((c.department, self.department), (c.template_id, self.template)):
            if value is not None:
                out.append(column == value)
        if self.model is not None:
            out.append(c.model_alias == self.model)
        if self.models is not None:
            out.append(c.model_alias.in_(self.models))
        return out

    def calls(self) -> list[sa.ColumnElement[bool]]:
        """Conditions selecting the calls (final records of chat and template routes) in scope."""
        return [*self.conditions(), E.route.in_(CALL_ROUTES), E.outcome.in_(FINAL_OUTCOMES)]


def _int(value: Any) -> int:
    return int(value or 0)


def _fold(
    cube: list[tuple[str | None, str | None, str | None, int, int, int]],
    key: Callable[[tuple[str | None, str | None, str | None, int, int, int]], str | None],
) -> list[TokenRow]:
    """Sum the (department, template, model) rows per (key, model): a few hundred rows at most."""
    out: dict[tuple[str | None, str | None], list[int]] = {}
    for row in cube:
        acc = out.setdefault((key(row), row[2]), [0, 0, 0])
        acc[0] += row[3]
        acc[1] += row[4]
        acc[2] += row[5]
    return [TokenRow(k, m, n, p, c) for (k, m), (n, p, c) in out.items()]


def _float(value: Any) -> float | None:
    return float(value) if value is not None else None


class AuditAggregates:
    """Aggregate queries over one audit store's engine."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._sql = SqlDialect.of(engine)

    def all(self, scope: Scope, publishable: tuple[str, ...]) -> Aggregates:
        """Run every aggregate of the dashboard for ``scope`` (``publishable``: templates to review).

        The queries are independent reads: they run on ``PARALLEL_READS`` connections at once
        (the database works while Python waits), and each still aggregates in SQL.
        """
        with ThreadPoolExecutor(max_workers=PARALLEL_READS, thread_name_prefix="iag-aggregates") as pool:
            firings = pool.submit(self.firings, scope)
            series = pool.submit(self.series, scope)
            tokens = pool.submit(self.tokens, scope)
            totals = pool.submit(self.totals, scope)
            by_template = pool.submit(self.usage_by, scope, E.template_id)
            by_model = pool.submit(self.usage_by, scope, E.model_alias)
            by_department = pool.submit(self.usage_by, scope, E.department)
            pii = pool.submit(self.pii, scope)
            reviews = pool.submit(self.reviews, scope, publishable)
            feedback = pool.submit(self.feedback, scope)
            fired = firings.result()
            cube = tokens.result()
            return Aggregates(
                totals=totals.result(),
                series=[
                    dataclasses.replace(p, flagged=fired.flags_by_bucket.get(p.bucket, 0))
                    for p in series.result()
                ],
                by_template=by_template.result(),
                by_model=by_model.result(),
                by_department=by_department.result(),
                rules=fired.rules,
                pii=pii.result(),
                reroutes=fired.reroutes,
                reviews=reviews.result(),
                feedback=feedback.result(),
                tokens_by_model=_fold(cube, lambda t: t[2]),
                tokens_by_department=_fold(cube, lambda t: t[0]),
                tokens_by_template=_fold(cube, lambda t: t[1]),
            )

    def _rows(self, stmt: sa.Executable) -> list[Any]:
        try:
            with self._engine.connect() as conn:
                return list(conn.execute(stmt))
        except SQLAlchemyError as exc:
            raise AuditUnavailable("audit store unavailable") from exc

    def totals(self, scope: Scope) -> Totals:
        row = self._rows(
            sa.select(
                sa.func.count(),
                sa.func.count(sa.distinct(E.user_id)),
                sa.func.count(sa.distinct(E.department)),
                sa.func.sum(sa.case((E.outcome == "ok", 1), else_=0)),
                sa.func.sum(sa.case((E.outcome == "denied", 1), else_=0)),
                sa.func.sum(E.prompt_tokens),
                sa.func.sum(E.completion_tokens),
            ).where(*scope.calls())
        )[0]
        return Totals(*(_int(v) for v in row))

    def series(self, scope: Scope) -> list[SeriesPoint]:
        """Calls, distinct users and departments, and refusals per Paris day or month."""
        bucket = self._sql.local_bucket(E.created_at, scope.since, scope.until, scope.bucket).label("b")
        rows = self._rows(
            sa.select(
                bucket,
                sa.func.count(),
                sa.func.count(sa.distinct(E.user_id)),
                sa.func.count(sa.distinct(E.department)),
                sa.func.sum(sa.case((E.outcome == "denied", 1), else_=0)),
            )
            .where(*scope.calls())
            .group_by(bucket)
            .order_by(bucket)
        )
        return [SeriesPoint(str(b), _int(c), _int(u), _int(d), _int(n)) for b, c, u, d, n in rows]

    def usage_by(self, scope: Scope, column: sa.ColumnElement[Any]) -> list[UsageRow]:
        rows = self._rows(
            sa.select(
                column,
                sa.func.count(),
                sa.func.count(sa.distinct(E.user_id)),
                sa.func.sum(sa.case((E.outcome == "ok", 1), else_=0)),
                sa.func.sum(sa.case((E.outcome == "denied", 1), else_=0)),
                sa.func.sum(E.prompt_tokens),
                sa.func.sum(E.completion_tokens),
            )
            .where(*scope.calls())
            .group_by(column)
            .order_by(sa.func.count().desc(), column)
        )
        return [UsageRow(k, *(_int(v) for v in rest)) for k, *rest in rows]

    def tokens(self, scope: Scope) -> list[tuple[str | None, str | None, str | None, int, int, int]]:
        """Answered calls and tokens per (department, template, model): what cost and energy use."""
        rows = self._rows(
            sa.select(
                E.department,
                E.template_id,
                E.model_alias,
                sa.func.count(),
                sa.func.sum(E.prompt_tokens),
                sa.func.sum(E.completion_tokens),
            )
            .where(*scope.calls(), E.outcome == "ok")
            .group_by(E.department, E.template_id, E.model_alias)
        )
        return [(d, t, m, _int(n), _int(p), _int(c)) for d, t, m, n, p, c in rows]

    def firings(self, scope: Scope) -> Firings:
        """Rule firings on calls, from one unnesting of ``rules`` and of each rule's ``articles``.

        Grouped by (period, article, rule, effect, reroute message): a firing appears once
        per article of its rule, so firings are counted on one article per rule, and per
        article as they are.
        """
        rules = self._sql.list_items(E.rules, "r")
        articles = self._sql.nested_list_items(rules.c.value, "articles", "a")
        bucket = self._sql.local_bucket(E.created_at, scope.since, scope.until, scope.bucket).label("b")
        effect = self._sql.field(rules.c.value, "effect")
        rule_id = self._sql.field(rules.c.value, "rule_id").label("rule_id")
        message = sa.case((effect == "reroute", self._sql.field(rules.c.value, "message")), else_=None)
        article = articles.c.value.label("article")
        rows = self._rows(
            sa.select(bucket, article, rule_id, effect.label("effect"), message.label("m"), sa.func.count())
            .select_from(AUDIT_EVENT_TABLE)
            .join(rules, sa.true())
            .join(articles, sa.true())
            .where(*scope.calls())
            .group_by(bucket, article, rule_id, effect, message)
        )
        by_article: dict[tuple[str, str, str], int] = {}
        per_rule: dict[tuple[str, str, str, str, str | None], int] = {}
        for b, a, r, e, m, n in rows:
            key = (str(a), str(r or ""), str(e or ""))
            by_article[key] = by_article.get(key, 0) + int(n)
            rule_key = (str(b), str(r or ""), str(e or ""), str(a), m)
            per_rule[rule_key] = int(n)
        firings: dict[tuple[str, str, str, str | None], int] = {}
        for (b, r, e, _a, m), n in per_rule.items():  # the same count on every article of a rule
            firings[(b, r, e, m)] = max(firings.get((b, r, e, m), 0), n)
        flags: dict[str, int] = {}
        reroutes: dict[str, int] = {}
        for (b, _r, e, m), n in firings.items():
            if e == "flag":
                flags[b] = flags.get(b, 0) + n
            if e == "reroute":
                reroutes[str(m or "")] = reroutes.get(str(m or ""), 0) + n
        return Firings(
            rules=[RuleRow(a, r, e, n) for (a, r, e), n in sorted(by_article.items())],
            flags_by_bucket=flags,
            reroutes=[CountRow(m, n, n) for m, n in sorted(reroutes.items(), key=lambda kv: -kv[1])],
        )

    def pii(self, scope: Scope) -> list[CountRow]:
        """Per data type: calls where it was masked, and how many values were masked in all."""
        items = self._sql.object_items(E.pii_counts, "p")
        count = sa.cast(items.c.value, sa.Integer)
        rows = self._rows(
            sa.select(items.c.key, sa.func.count(), sa.func.sum(count))
            .select_from(AUDIT_EVENT_TABLE)
            .join(items, sa.true())
            .where(*scope.calls(), count > 0)
            .group_by(items.c.key)
            .order_by(sa.func.sum(count).desc(), items.c.key)
        )
        return [CountRow(str(k), _int(n), _int(t)) for k, n, t in rows]

    def reviews(self, scope: Scope, publishable: tuple[str, ...]) -> list[ReviewRow]:
        """Per publishable template: answered calls, those acknowledged, delay to the first one.

        Each call meets its acknowledgements through the index on ``ref_request_id``.
        """
        if not publishable:
            return []
        ack = AUDIT_EVENT_TABLE.alias("ack")
        joined = AUDIT_EVENT_TABLE.outerjoin(
            ack,
            sa.and_(ack.c.ref_request_id == E.request_id, ack.c.route == ACK_ROUTE, ack.c.outcome == "ok"),
        )
        per_call = (
            sa.select(
                E.template_id.label("template"),
                E.created_at.label("at"),
                sa.func.min(ack.c.created_at).label("ack_at"),
            )
            .select_from(joined)
            .where(*scope.calls(), E.outcome == "ok", E.template_id.in_(publishable))
            .group_by(E.seq, E.template_id, E.created_at)
            .subquery("per_call")
        )
        delay = self._sql.seconds_between(per_call.c.ack_at, per_call.c.at)
        rows = self._rows(
            sa.select(
                per_call.c.template,
                sa.func.count(),
                sa.func.count(per_call.c.ack_at),
                sa.func.avg(delay),
                sa.func.max(delay),
            )
            .group_by(per_call.c.template)
            .order_by(per_call.c.template)
        )
        return [ReviewRow(str(t), _int(n), _int(a), _float(m), _float(x)) for t, n, a, m, x in rows]

    def feedback(self, scope: Scope) -> list[FeedbackRow]:
        """Per template: answers rated, « utile », « pas utile », minutes saved, comments."""
        f = FEEDBACK_TABLE.c
        rows = self._rows(
            sa.select(
                f.template_id,
                sa.func.count(),
                sa.func.sum(sa.case((f.useful.is_(True), 1), else_=0)),
                sa.func.sum(sa.case((f.useful.is_(False), 1), else_=0)),
                sa.func.sum(f.minutes_saved),
                sa.func.count(f.minutes_saved),
                sa.func.count(f.comment),
            )
            .where(*scope.conditions(FEEDBACK_TABLE))
            .group_by(f.template_id)
            .order_by(sa.func.count().desc(), f.template_id)
        )
        return [FeedbackRow(t, *(_int(v) for v in rest)) for t, *rest in rows]

    def options(self) -> dict[str, list[str]]:
        """The filters' choices: departments of key holders, templates and models seen in calls.

        Departments come from the (small) key table; templates and models from the
        indexes' distinct values would need a scan, so the caller adds the catalogue's
        templates and the registry's models.
        """
        k = API_KEY_TABLE.c
        rows = self._rows(sa.select(k.department).group_by(k.department).order_by(k.department))
        return {"department": [str(r[0]) for r in rows]}
