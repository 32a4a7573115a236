"""The monthly report's figures per department and use case (template), by SQL ``GROUP BY``.

Three queries: the dashboard's cube of calls and tokens per (department, template,
model), folded here per (department, template) and kept per model for cost and
footprint; distinct users per (department, template); feedback per (department,
template). The caller joins their few rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from iag_gateway.audit.aggregate_rows import TokenRow
from iag_gateway.audit.aggregate_scope import Scope
from iag_gateway.audit.aggregates import AuditAggregates
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
        raise AuditUnavailable("Journal d'audit indisponible : il n'a pas pu être lu.") from exc


def monthly_lines(engine: Engine, scope: Scope) -> list[MonthlyLine]:
    """One line per (department, template) with calls in ``scope``, ordered by department then calls."""
    aggregates = AuditAggregates(engine)
    aggregates.refresh()
    users = aggregates.users_by(scope, "department", "template_id")
    lines: dict[Pair, MonthlyLine] = {}
    for row in aggregates.cube(scope):
        pair = (row.department, row.template_id)
        line = lines.setdefault(pair, MonthlyLine(*pair, users=users.get(pair, 0), tokens=[]))
        line.calls += row.calls
        line.ok += row.ok
        line.denied += row.denied
        line.prompt_tokens += row.prompt_tokens
        line.completion_tokens += row.completion_tokens
        if row.ok and line.tokens is not None:
            line.tokens.append(
                TokenRow(
                    row.template_id, row.model_alias, row.ok, row.ok_prompt_tokens, row.ok_completion_tokens
                )
            )
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
