"""What the dashboard's blocks are made of (figures, cells) and how its numbers read in French.

The sections themselves are built in ``dashboard_usage.py``, ``dashboard_compliance.py``
and ``dashboard_footprint.py``, in page order by ``dashboard_sections.py``; cost and
footprint come from ``footprint/costing.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from iag_gateway.web.french_format import grouped

NONE_LABEL = {
    "template": "conversation libre",
    "model": "aucun modèle",
    "department": "service non renseigné",
}
RECORDS_PATH = "/tableau-de-bord/enregistrements"


@dataclass
class Cell:
    text: str
    href: str | None = None
    numeric: bool = False


@dataclass
class Figure:
    """One block of the page: a chart (optional), its table, and the method behind it."""

    id: str
    title: str
    method: str
    headers: list[str]
    rows: list[list[Cell]]
    chart: Markup | None = None
    note: str = ""


@dataclass
class Section:
    id: str
    title: str
    figures: list[Figure] = field(default_factory=list)


def number(value: float, decimals: int = 0) -> str:
    return grouped(value, decimals)


def percent(part: int, whole: int) -> str:
    return grouped(100 * part / whole, 1) + " %" if whole else "—"


def significant(value: float, digits: int = 3) -> str:
    """« 0,000123 » or « 1 234,5 »: three significant digits, French separators."""
    if value == 0:
        return "0"
    text = f"{value:.{digits}g}"
    if "e" in text:
        text = f"{value:.{max(digits, 8)}f}".rstrip("0")
    whole, _, frac = text.partition(".")
    return grouped(int(whole)) + ("," + frac if frac else "") if whole.lstrip("-").isdigit() else text


def euros(value: float) -> str:
    return grouped(value, 2) + " €"


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 3600:
        return grouped(seconds / 60, 1) + " min"
    if seconds < 2 * 86400:
        return grouped(seconds / 3600, 1) + " h"
    return grouped(seconds / 86400, 1) + " j"


def n(value: float, decimals: int = 0) -> Cell:
    return Cell(number(value, decimals), numeric=True)


def text_cell(value: str, href: str | None = None) -> Cell:
    return Cell(value, href)


def template_titles(titles: dict[str, str]) -> Callable[[str | None], str]:
    def label(key: str | None) -> str:
        if key is None:
            return NONE_LABEL["template"]
        return f"{titles[key]} ({key})" if key in titles else key

    return label


def as_dict(figure: Figure) -> dict[str, Any]:  # the texts shown, for the tests
    return {
        "id": figure.id,
        "headers": figure.headers,
        "rows": [[c.text for c in row] for row in figure.rows],
    }
