"""The dashboard's filters, from the query string to the aggregates' ``Scope`` and back to links.

Dates are whole days in Europe/Paris (« au » included); without dates the period is
the last 30 days. A provider stands for the registry's models it serves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from urllib.parse import urlencode

from iag_gateway.audit.aggregate_scope import Scope
from iag_gateway.audit.filters import AuditFilter
from iag_gateway.policy.models import PolicySet
from iag_gateway.web.french_format import day_start, paris

DEFAULT_DAYS = 30
MAX_DAYS = 366 * 2
#: Periods longer than this are drawn per month rather than per day.
DAILY_UP_TO = 62


@dataclass(frozen=True)
class DashboardFilters:
    """The filter form's values as typed (kept to redraw the form), all optional."""

    du: str = ""
    au: str = ""
    service: str = ""
    gabarit: str = ""
    modele: str = ""
    fournisseur: str = ""

    def query(self, **more: str) -> list[tuple[str, str]]:
        """The non-empty values (plus ``more``), to carry in links."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(more)
        return [(k, v) for k, v in values.items() if v]

    def link(self, path: str, **more: str) -> str:
        query = self.query(**more)
        return path + (f"?{urlencode(query)}" if query else "")

    def period(self, today: date) -> tuple[date, date]:
        """First and last day (both included) of the period."""
        last = date.fromisoformat(self.au) if self.au else today
        first = date.fromisoformat(self.du) if self.du else last - timedelta(days=DEFAULT_DAYS - 1)
        return first, last

    def scope(self, policy: PolicySet, today: date) -> Scope:
        first, last = self.period(today)
        models = None
        if self.fournisseur:
            models = tuple(m.alias for m in policy.providers.models if m.provider == self.fournisseur)
        return Scope(
            since=day_start(first.isoformat()),
            until=day_start(last.isoformat()) + timedelta(days=1),
            department=self.service or None,
            template=self.gabarit or None,
            model=self.modele or None,
            models=models,
            bucket="day" if (last - first).days < DAILY_UP_TO else "month",
        )

    def audit_filter(self, policy: PolicySet, today: date, **more: str | None) -> AuditFilter:
        """The records behind a figure: the same scope, exact values, calls only."""
        scope = self.scope(policy, today)
        return AuditFilter(
            since=scope.since,
            until=scope.until,
            department=scope.department,
            template_id=scope.template,
            model=scope.model,
            models=scope.models,
            calls_only=True,
            exact=True,
            outcome=more.get("issue") or None,
            article=more.get("article") or None,
            pii_type=more.get("donnee") or None,
        )


def today_in_paris() -> date:
    return datetime.now(paris()).date()


def parse_dashboard_filters(
    params: Mapping[str, str], providers: set[str]
) -> tuple[DashboardFilters, list[str]]:
    """Read the filters; return them with the French errors found."""
    values = {f.name: params.get(f.name, "").strip()[:200] for f in fields(DashboardFilters)}
    errors: list[str] = []
    for name, label in (("du", "« Du »"), ("au", "« Au »")):
        if values[name]:
            try:
                date.fromisoformat(values[name])
            except ValueError:
                errors.append(f"La date {label} doit être au format AAAA-MM-JJ.")
                values[name] = ""
    if values["fournisseur"] and values["fournisseur"] not in providers:
        errors.append("Le fournisseur choisi n'est pas au registre.")
        values["fournisseur"] = ""
    filters = DashboardFilters(**values)
    if not errors and filters.du and filters.au:
        first, last = date.fromisoformat(filters.du), date.fromisoformat(filters.au)
        if last < first:
            errors.append("La date « Au » doit suivre la date « Du ».")
        elif (last - first).days > MAX_DAYS:
            errors.append("La période ne peut dépasser deux ans.")
    return filters, errors
