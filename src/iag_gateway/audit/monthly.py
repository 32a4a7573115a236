"""The monthly report's figures per department and use case (template), by SQL ``GROUP BY``.

Three queries: calls per (department, template); answered calls and tokens per
(department, template, model), for cost and footprint; feedback per (department,
template). The caller joins their few rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from iag_gateway.audit.aggregates import AuditAggregates, E, Scope, TokenRow
from iag_gateway.errors import AuditUnavailable
from iag_gateway.feedback.models import FEEDBACK_TABLE

Pair = tuple[str | None, str | None]  # (department, template)


@dataclass
class MonthlyLine:
    department: str | None
    template: str | None
    calls: int = 0
    users: int = 0
    ok: int = 0
    denied: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    feedback: int = 0
    useful: int = 0
    minutes_saved: int = 0
    tokens: list[TokenRow] | None = None  # per model, for cost and footprint


def _rows(engine: Engine, stmt: sa.Executable) -> list[Any]:
    try:
        with engine.connect() as conn:
            return list(conn.execute(stmt))
    except SQLAlchemyError as exc:
        raise AuditUnavailable("audit store unavailable") from exc


def monthly_lines(engine: Engine, scope: Scope) -> list[MonthlyLine]:
    """One line per (department, template) with calls in ``scope``, ordered by department then calls."""
    lines: dict[Pair, MonthlyLine] = {}
    for dept, tpl, calls, users, ok, denied, prompt, completion in _rows(
        engine,
        sa.select(
            E.department,
            E.template_id,
            sa.func.count(),
            sa.func.count(sa.distinct(E.user_id)),
            sa.func.sum(sa.case((E.outcome == "ok", 1), else_=0)),
            sa.func.sum(sa.case((E.outcome == "denied", 1), else_=0)),
            sa.func.sum(E.prompt_tokens),
            sa.func.sum(E.completion_tokens),
        )
        .where(*scope.calls())
        .group_by(E.department, E.template_id),
    ):
        lines[(dept, tpl)] = MonthlyLine(
            dept,
            tpl,
            int(calls),
            int(users),
            int(ok or 0),
            int(denied or 0),
            int(prompt or 0),
            int(completion or 0),
            tokens=[],
        )
    for dept, tpl, model, ok, prompt, completion in AuditAggregates(engine).tokens(scope):
        line = lines.get((dept, tpl))
        if line is not None and line.tokens is not None:
            line.tokens.append(TokenRow(tpl, model, ok, prompt, completion))
    f = FEEDBACK_TABLE.c
    for dept, tpl, count, useful, minutes in _rows(
        engine,
        sa.select(
            f.department,
            f.template_id,
            sa.func.count(),
            sa.func.sum(sa.case((f.useful.is_(True), 1), else_=0)),
            sa.func.sum(f.minutes_saved),
        )
        .where(*scope.conditions(FEEDBACK_TABLE))
        .group_by(f.department, f.template_id),
    ):
        line = lines.setdefault((dept, tpl), MonthlyLine(dept, tpl, tokens=[]))
        line.feedback, line.useful, line.minutes_saved = int(count), int(useful or 0), int(minutes or 0)
    return sorted(lines.values(), key=lambda li: (li.department or "", -li.calls, li.template or ""))
