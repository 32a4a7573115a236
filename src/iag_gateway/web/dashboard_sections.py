"""The dashboard's sections in page order, and its headline figures.

Every number shown comes from one aggregate row (``audit/aggregate_rows.py``); cost and
footprint multiply SQL sums by the per-model prices and factors (``footprint/costing.py``).
Each section is built in its own module: usage and feedback (``dashboard_usage.py``), the
charter's refusals, masked data and human review (``dashboard_compliance.py``), cost and
footprint (``dashboard_footprint.py``). Each figure says how it is obtained. Nothing here
names a person: the directorate sees departments, templates and models (article 5.4).
"""

from __future__ import annotations

from iag_gateway.audit.aggregate_rows import Aggregates
from iag_gateway.footprint.costing import Costing
from iag_gateway.web.dashboard_compliance import personal_data_section, refusals_section, review_section
from iag_gateway.web.dashboard_filters import DashboardFilters
from iag_gateway.web.dashboard_footprint import footprint_section
from iag_gateway.web.dashboard_usage import feedback_section, usage_section
from iag_gateway.web.dashboard_views import (
    RECORDS_PATH,
    Section,
    euros,
    number,
    percent,
    significant,
    template_titles,
)


def sections(
    data: Aggregates,
    filters: DashboardFilters,
    costing: Costing,
    titles: dict[str, str],
) -> list[Section]:
    """Every section of the dashboard, in page order."""
    tlabel = template_titles(titles)

    def drill(**more: str) -> str:
        return filters.link(RECORDS_PATH, **more)

    out = [
        usage_section(data, filters, tlabel, drill),
        refusals_section(data, drill),
        personal_data_section(data, drill),
        review_section(data, tlabel, drill),
        feedback_section(data, tlabel),
        footprint_section(data, costing, tlabel, drill),
    ]
    return out


def summary_cards(data: Aggregates, costing: Costing) -> list[tuple[str, str]]:
    """The headline figures: (label, value)."""
    t = data.totals
    by_model = costing.totals(data.tokens_by_model)
    cost = sum(a["cost"] for a in by_model.values())
    kwh = sum(a["kwh"] for a in by_model.values())
    gwp = sum(a["gwp"] for a in by_model.values())
    return [
        ("Appels", number(t.calls)),
        ("Utilisateurs", number(t.users)),
        ("Services", number(t.departments)),
        ("Refus", f"{number(t.denied)} ({percent(t.denied, t.calls)})"),
        ("Jetons", number(t.prompt_tokens + t.completion_tokens)),
        ("Coût estimé", euros(cost)),
        ("Énergie", significant(kwh) + " kWh"),
        ("Émissions", significant(gwp) + " g CO2e"),
    ]
