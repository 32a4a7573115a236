"""Read the journal's filters and page cursor from the query string, and write next-page links.

Dates are typed as whole days in Europe/Paris (« au » included); a wrong date or an
unknown outcome is a French error shown above the form, never a silent default.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date, timedelta
from urllib.parse import urlencode

from iag_gateway.audit.filters import AuditFilter
from iag_gateway.web.console_labels import OUTCOME_LABELS
from iag_gateway.web.french_format import day_start


@dataclass(frozen=True)
class ConsoleFilters:
    """The filter form's values as typed (kept to redraw the form), all optional."""

    du: str = ""
    au: str = ""
    utilisateur: str = ""
    service: str = ""
    modele: str = ""
    issue: str = ""
    route: str = ""

    def query(self) -> list[tuple[str, str]]:
        """The non-empty values, to carry in pagination and export links."""
        return [(f.name, getattr(self, f.name)) for f in fields(self) if getattr(self, f.name)]

    def recorded(self) -> dict[str, str]:
        """The filters as written in the console's own audit record."""
        return dict(self.query())

    def audit_filter(self, *, every_record: bool = False) -> AuditFilter:
        """The store's filter (dates read as whole days in Europe/Paris, « au » included).

        One line per call: a call's in-flight record is left out once its final record is
        in the trail, unless ``every_record`` (the faithful JSONL export).
        """
        since = day_start(self.du) if self.du else None
        until = day_start(self.au) + timedelta(days=1) if self.au else None
        return AuditFilter(
            since=since,
            until=until,
            user_id=self.utilisateur or None,
            department=self.service or None,
            model=self.modele or None,
            outcome=self.issue or None,
            route=self.route or None,
            hide_completed_starts=not every_record,
            exact=False,  # « martin » finds « j.martin », « ACHATS » finds « pole-achats »
        )


def parse_filters(params: Mapping[str, str]) -> tuple[ConsoleFilters, list[str]]:
    """Read the filters from the query string; return them with the French errors found."""
    values = {f.name: params.get(f.name, "").strip()[:200] for f in fields(ConsoleFilters)}
    filters = ConsoleFilters(**values)
    errors: list[str] = []
    for name, label in (("du", "« Du »"), ("au", "« Au »")):
        if values[name]:
            try:
                date.fromisoformat(values[name])
            except ValueError:
                errors.append(f"La date {label} doit être au format AAAA-MM-JJ.")
    if values["issue"] and values["issue"] not in OUTCOME_LABELS:
        errors.append("L'issue choisie n'existe pas.")
    if not errors and filters.du and filters.au and filters.au < filters.du:
        errors.append("La date « Au » doit suivre la date « Du ».")
    return filters, errors


def parse_cursor(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 19 else None


def page_url(path: str, query: list[tuple[str, str]], cursor: int | None) -> str | None:
    """The next page's link (``avant=<cursor>``), or ``None`` at the end."""
    return f"{path}?{urlencode([*query, ('avant', str(cursor))])}" if cursor else None
