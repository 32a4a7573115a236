"""The directorate's figures, each one SQL ``GROUP BY`` over the audit store (SQLite or PostgreSQL).

Python never walks the records: every function here sends one aggregate query and
turns its few result rows (one per day, template, model, article…) into dataclasses.
Calls are the records of the ``chat`` and ``template`` routes that carry a final
outcome (an in-flight ``started`` event, if any, is not a call); the console's own
readings, acknowledgements and feedback are counted where they belong, not as calls.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from iag_gateway.audit.models import AUDIT_EVENT_TABLE
from iag_gateway.audit.sql_dialect import SqlDialect
from iag_gateway.audit.store import CALL_ROUTES, FINAL_OUTCOMES
from iag_gateway.errors import AuditUnavailable
from iag_gateway.feedback.models import FEEDBACK_TABLE

ACK_ROUTE = "review.ack"

E = AUDIT_EVENT_TABLE.c


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


@dataclass(frozen=True)
class Totals:
    calls: int
    users: int
    departments: int
    ok: int
    denied: int
    prompt_tokens: int
    completion_tokens: int


@dataclass(frozen=True)
class SeriesPoint:
    bucket: str  # "2026-11-29" or "2026-11"
    calls: int
    users: int
    departments: int
    denied: int
    flagged: int = 0


@dataclass(frozen=True)
class UsageRow:
    key: str | None  # the template, model or department (None: none, e.g. free chat)
    calls: int
    users: int
    ok: int
    denied: int
    prompt_tokens: int
    completion_tokens: int


@dataclass(frozen=True)
class TokenRow:
    key: str | None
    model: str | None
    ok_calls: int
    prompt_tokens: int
    completion_tokens: int


@dataclass(frozen=True)
class RuleRow:
    article: str | None
    rule_id: str
    effect: str
    records: int


@dataclass(frozen=True)
class CountRow:
    key: str
    records: int
    total: int


@dataclass(frozen=True)
class ReviewRow:
    template: str
    calls: int
    acknowledged: int
    mean_delay_s: float | None
    max_delay_s: float | None


@dataclass(frozen=True)
class FeedbackRow:
    template: str | None
    answers: int
    useful: int
    not_useful: int
    minutes_saved: int
    minutes_answers: int
    comments: int


@dataclass
class Aggregates:
    """Every aggregate the dashboard shows, computed by ``AuditAggregates.all``."""

    totals: Totals
    series: list[SeriesPoint]
    by_template: list[UsageRow]
    by_model: list[UsageRow]
    by_department: list[UsageRow]
    rules: list[RuleRow]
    pii: list[CountRow]
    reroutes: list[CountRow]
    reviews: list[ReviewRow]
    feedback: list[FeedbackRow]
    tokens_by_model: list[TokenRow] = field(default_factory=list)
    tokens_by_department: list[TokenRow] = field(default_factory=list)
    tokens_by_template: list[TokenRow] = field(default_factory=list)


def _int(value: Any) -> int:
    return int(value or 0)


class AuditAggregates:
    """Aggregate queries over one audit store's engine."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._sql = SqlDialect.of(engine)

    def all(self, scope: Scope, publishable: tuple[str, ...]) -> Aggregates:
        """Run every aggregate of the dashboard for ``scope`` (``publishable``: templates to review)."""
        return Aggregates(
            totals=self.totals(scope),
            series=self.series(scope),
            by_template=self.usage_by(scope, E.template_id),
            by_model=self.usage_by(scope, E.model_alias),
            by_department=self.usage_by(scope, E.department),
            rules=self.rules(scope),
            pii=self.pii(scope),
            reroutes=self.reroutes(scope),
            reviews=self.reviews(scope, publishable),
            feedback=self.feedback(scope),
            tokens_by_model=self.tokens_by(scope, E.model_alias),
            tokens_by_department=self.tokens_by(scope, E.department),
            tokens_by_template=self.tokens_by(scope, E.template_id),
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
        """Calls, distinct users and departments, refusals and flagged calls per Paris day or month."""
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
        rules = self._sql.list_items(E.rules, "r")
        flag_bucket = self._sql.local_bucket(E.created_at, scope.since, scope.until, scope.bucket).label("b")
        flagged = dict(
            self._rows(
                sa.select(flag_bucket, sa.func.count(sa.distinct(E.seq)))
                .select_from(AUDIT_EVENT_TABLE)
                .join(rules, sa.true())
                .where(*scope.calls(), self._sql.field(rules.c.value, "effect") == "flag")
                .group_by(flag_bucket)
            )
        )
        return [
            SeriesPoint(str(b), _int(c), _int(u), _int(d), _int(n), _int(flagged.get(b)))
            for b, c, u, d, n in rows
        ]

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

    def tokens_by(self, scope: Scope, column: sa.ColumnElement[Any]) -> list[TokenRow]:
        """Answered calls and tokens per (``column``, model): what cost and energy are computed from."""
        rows = self._rows(
            sa.select(
                column,
                E.model_alias,
                sa.func.count(),
                sa.func.sum(E.prompt_tokens),
                sa.func.sum(E.completion_tokens),
            )
            .where(*scope.calls(), E.outcome == "ok")
            .group_by(column, E.model_alias)
        )
        return [TokenRow(k, m, _int(n), _int(p), _int(c)) for k, m, n, p, c in rows]

    def rules(self, scope: Scope) -> list[RuleRow]:
        """Records per (charter article, rule, effect) of the rules that fired on calls."""
        rules = self._sql.list_items(E.rules, "r")
        articles = self._sql.nested_list_items(rules.c.value, "articles", "a")
        rule_id = self._sql.field(rules.c.value, "rule_id").label("rule_id")
        effect = self._sql.field(rules.c.value, "effect").label("effect")
        article = articles.c.value.label("article")
        rows = self._rows(
            sa.select(article, rule_id, effect, sa.func.count(sa.distinct(E.seq)))
            .select_from(AUDIT_EVENT_TABLE)
            .join(rules, sa.true())
            .join(articles, sa.true())
            .where(*scope.calls())
            .group_by(article, rule_id, effect)
            .order_by(article, rule_id)
        )
        return [RuleRow(a, str(r or ""), str(e or ""), _int(n)) for a, r, e, n in rows]

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

    def reroutes(self, scope: Scope) -> list[CountRow]:
        """Reroutes by their message (« a → b (données personnelles) »), counted in SQL."""
        rules = self._sql.list_items(E.rules, "r")
        message = self._sql.field(rules.c.value, "message").label("message")
        rows = self._rows(
            sa.select(message, sa.func.count())
            .select_from(AUDIT_EVENT_TABLE)
            .join(rules, sa.true())
            .where(*scope.calls(), self._sql.field(rules.c.value, "effect") == "reroute")
            .group_by(message)
            .order_by(sa.func.count().desc())
        )
        return [CountRow(str(m or ""), _int(n), _int(n)) for m, n in rows]

    def reviews(self, scope: Scope, publishable: tuple[str, ...]) -> list[ReviewRow]:
        """Per publishable template: answered calls, those "
        "acknowledged, delay to the first acknowledgement."""
        if not publishable:
            return []
        ack = AUDIT_EVENT_TABLE.alias("ack")
        first_ack = (
            sa.select(ack.c.ref_request_id.label("ref"), sa.func.min(ack.c.created_at).label("at"))
            .where(ack.c.route == ACK_ROUTE, ack.c.outcome == "ok", ack.c.ref_request_id.is_not(None))
            .group_by(ack.c.ref_request_id)
            .subquery("first_ack")
        )
        delay = self._sql.seconds_between(first_ack.c.at, E.created_at)
        rows = self._rows(
            sa.select(
                E.template_id,
                sa.func.count(),
                sa.func.count(first_ack.c.ref),
                sa.func.avg(delay),
                sa.func.max(delay),
            )
            .select_from(AUDIT_EVENT_TABLE.outerjoin(first_ack, first_ack.c.ref == E.request_id))
            .where(*scope.calls(), E.outcome == "ok", E.template_id.in_(publishable))
            .group_by(E.template_id)
            .order_by(E.template_id)
        )
        return [
            ReviewRow(
                str(t),
                _int(n),
                _int(a),
                float(m) if m is not None else None,
                float(x) if x is not None else None,
            )
            for t, n, a, m, x in rows
        ]

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

    def options(self, since: datetime) -> dict[str, list[str]]:
        """Distinct departments, templates and models of calls since ``since`` (the filters' choices)."""
        out: dict[str, list[str]] = {}
        for name, column in (
            ("department", E.department),
            ("template", E.template_id),
            ("model", E.model_alias),
        ):
            rows = self._rows(
                sa.select(column)
                .where(E.created_at >= since.astimezone(UTC), E.route.in_(CALL_ROUTES), column.is_not(None))
                .group_by(column)
                .order_by(column)
            )
            out[name] = [str(r[0]) for r in rows]
        return out
