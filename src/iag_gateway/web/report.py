"""The monthly report per department and use case, for the directorate's committee (.docx or CSV).

Figures come from ``audit/monthly.py`` (SQL ``GROUP BY``); cost and footprint use the
same per-model prices and factors as the dashboard, and the report states them.
"""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

from docx import Document
from docx.shared import Pt
from fastapi.responses import Response

from iag_gateway.audit.aggregate_scope import Scope
from iag_gateway.audit.monthly import MonthlyLine, monthly_lines
from iag_gateway.footprint.costing import Costing
from iag_gateway.services import Services
from iag_gateway.web.dashboard_views import euros, number, percent, significant
from iag_gateway.web.docx_export import DOCX_MEDIA_TYPE
from iag_gateway.web.form import attachment
from iag_gateway.web.french_csv import french_csv
from iag_gateway.web.french_format import day_start

MONTH_FORMATS = {"docx": DOCX_MEDIA_TYPE, "csv": "text/csv; charset=utf-8"}
MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
HEADERS = (
    "Service",
    "Cas d'usage (gabarit)",
    "Appels",
    "Utilisateurs",
    "Réussis",
    "Refusés",
    "Jetons envoyés",
    "Jetons générés",
    "Coût estimé (€)",
    "Énergie (kWh)",
    "Émissions (g CO2e)",
    "Avis",
    "Avis « utile »",
    "Temps gagné estimé (min)",
)


def parse_month(text: str) -> date | None:
    """``2026-11`` → the 1st of that month; ``None`` when malformed."""
    try:
        year, month = (int(part) for part in text.split("-"))
        return date(year, month, 1)
    except ValueError:
        return None


def month_scope(month: date) -> Scope:
    following = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    return Scope(since=day_start(month.isoformat()), until=day_start(following.isoformat()), bucket="day")


def line_values(line: MonthlyLine, costing: Costing, titles: dict[str, str]) -> list[Any]:
    tokens = line.tokens or []
    cost = sum(costing.cost(t) or 0.0 for t in tokens)
    kwh = sum(costing.energy(t) or 0.0 for t in tokens)
    gwp = sum(costing.gwp(t) or 0.0 for t in tokens)
    template = titles.get(line.template or "", line.template) if line.template else "conversation libre"
    return [
        line.department or "non renseigné",
        template,
        line.calls,
        line.users,
        line.ok,
        line.denied,
        line.prompt_tokens,
        line.completion_tokens,
        round(cost, 4),
        kwh,
        gwp,
        line.feedback,
        line.useful,
        line.minutes_saved,
    ]


def monthly_report(
    services: Services, costing: Costing, titles: dict[str, str], month: date, fmt: str
) -> bytes:
    """The report's bytes in ``fmt`` (``docx`` or ``csv``)."""
    lines = monthly_lines(services.audit.engine, month_scope(month))
    rows = [line_values(line, costing, titles) for line in lines]
    if fmt == "csv":
        return french_csv(HEADERS, rows).encode("utf-8")
    return _docx(month, rows, costing)


def _docx(month: date, rows: list[list[Any]], costing: Costing) -> bytes:
    label = f"{MONTHS_FR[month.month - 1]} {month.year}"
    document = Document()
    document.core_properties.title = f"Rapport mensuel IA générative — {label}"
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(10)
    document.add_heading(f"Usage de l'IA générative — {label}", level=0)
    calls = sum(r[2] for r in rows)
    denied = sum(r[5] for r in rows)
    document.add_paragraph(
        f"{number(calls)} appels, dont {number(denied)} refusés ({percent(denied, calls)}) ; "
        f"coût estimé {euros(sum(r[8] for r in rows))} ; "
        f"énergie {significant(sum(r[9] for r in rows))} kWh ; "
        f"émissions {significant(sum(r[10] for r in rows))} g CO2e."
    )
    document.add_heading("Par service et cas d'usage", level=1)
    shown = (0, 1, 2, 3, 5, 8, 9, 10, 12, 13)
    table = document.add_table(rows=1, cols=len(shown))
    table.style = "Table Grid"
    for i, col in enumerate(shown):
        table.rows[0].cells[i].text = HEADERS[col]
    for row in rows:
        cells = table.add_row().cells
        for i, col in enumerate(shown):
            value = row[col]
            cells[i].text = (
                significant(value)
                if isinstance(value, float)
                else (number(value) if isinstance(value, int) else str(value))
            )
    document.add_heading("Méthodes", level=1)
    document.add_paragraph(
        "Chiffres tirés du journal d'audit de la passerelle (appels de conversation et de gabarits du mois, "
        "heure de Paris). Coût : jetons × prix déclarés au registre des modèles (policies/providers.yaml)."
    )
    for alias, factors in sorted(costing.factors.items()):
        document.add_paragraph(f"{alias} : {factors.description}", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def report_response(content: bytes, fmt: str, filename: str) -> Response:
    return Response(content, media_type=MONTH_FORMATS[fmt], headers=attachment(filename))
