"""Turn the dashboard's filters into SQL conditions on records and roll-up rows.

A ``Scope`` is a period (UTC instants) and exact values; ``days`` says whether the
period is made of whole Paris days, the only periods the roll-up's stored days can serve.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any

import sqlalchemy as sa

from iag_gateway.audit.filters import CALL_ROUTES, FINAL_OUTCOMES
from iag_gateway.audit.models import AUDIT_EVENT_TABLE
from iag_gateway.audit.sql_dialect import PARIS

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
