"""What auditors and the dashboard search the trail by: ``AuditFilter`` and the call outcomes.

Kept apart from ``store`` (which appends and reads) so that readers of the trail — the
console, the exports, the dashboard's roll-up — depend on the criteria, not on the writer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from iag_gateway.audit.models import AUDIT_EVENT_TABLE, IN_FLIGHT, OUTCOMES

#: Routes whose records are calls to a model (the others are readings, acknowledgements…).
CALL_ROUTES = ("chat", "template")
#: Outcomes that end a call. Figures count these records only, so that an in-flight event
#: written when a call starts (if the trail holds any) is never counted as a call.
FINAL_OUTCOMES = ("ok", "denied", "rejected", "failed", "error", "unauthenticated", "cancelled")
assert set(FINAL_OUTCOMES) <= OUTCOMES


@dataclass(frozen=True, kw_only=True)
class AuditFilter:
    """Auditor's search criteria; ``None`` means "any". ``since`` is inclusive, ``until`` exclusive.

    ``user_id``, ``department`` and ``model`` match exactly by default (the API, the CLI);
    with ``exact=False`` (the console) they match any part of the value, in any case.
    ``calls_only`` keeps the final records of chat and template calls (the dashboard's
    drill-down), ``article`` and ``pii_type`` the records citing that article or masking
    that type of data. ``hide_completed_starts`` leaves out the in-flight record of a call
    whose final record is in the trail (the journal shows one line per call; a call with
    no final record — in progress, or cut by a crash — keeps its in-flight line).
    """

    since: datetime | None = None
    until: datetime | None = None
    user_id: str | None = None
    department: str | None = None
    model: str | None = None  # matches the alias or the provider model
    outcome: str | None = None
    route: str | None = None
    request_id: str | None = None
    template_id: str | None = None
    models: tuple[str, ...] | None = None  # aliases (a provider's models)
    article: str | None = None
    pii_type: str | None = None
    calls_only: bool = False
    hide_completed_starts: bool = False
    exact: bool = True

    def conditions(self) -> list[sa.ColumnElement[bool]]:
        c = AUDIT_EVENT_TABLE.c
        out: list[sa.ColumnElement[bool]] = []
        if self.since is not None:
            out.append(c.created_at >= _as_utc(self.since))
        if self.until is not None:
            out.append(c.created_at < _as_utc(self.until))
        for column, value in (
            (c.outcome, self.outcome),
            (c.route, self.route),
            (c.request_id, self.request_id),
            (c.template_id, self.template_id),
        ):
            if value is not None:
                out.append(column == value)
        for column, value in ((c.user_id, self.user_id), (c.department, self.department)):
            if value is not None:
                out.append(_matches(column, value, self.exact))
        if self.model is not None:
            out.append(
                sa.or_(
                    _matches(c.model_alias, self.model, self.exact),
                    _matches(c.provider_model, self.model, self.exact),
                )
            )
        if self.models is not None:
            out.append(c.model_alias.in_(self.models))
        if self.calls_only:
            out.append(c.route.in_(CALL_ROUTES))
            out.append(c.outcome.in_(FINAL_OUTCOMES))
        if self.hide_completed_starts:
            final = AUDIT_EVENT_TABLE.alias("final")
            completed = sa.exists().where(
                final.c.request_id == c.request_id,
                final.c.seq > c.seq,
                final.c.outcome.in_(FINAL_OUTCOMES),
            )
            out.append(sa.or_(c.outcome != IN_FLIGHT, ~completed))
        # JSON kept as the text json.dumps wrote: a quoted value is an exact list item or key.
        if self.article is not None:
            out.append(sa.cast(c.articles, sa.Text).contains(json.dumps(self.article), autoescape=True))
        if self.pii_type is not None:
            out.append(
                sa.cast(c.pii_counts, sa.Text).contains(json.dumps(self.pii_type) + ":", autoescape=True)
            )
        return out


def _matches(column: sa.ColumnElement[Any], value: str, exact: bool) -> sa.ColumnElement[bool]:
    return column == value if exact else column.icontains(value, autoescape=True)


def _as_utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
