"""CSV as a French spreadsheet opens it: ``;`` separator, UTF-8 with a byte-order mark, decimal commas.

Text cells that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``…) are
prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """One cell: numbers with a decimal comma, booleans « oui / non », formulas neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.6g}".replace(".", ",") if abs(value) < 1e15 else str(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def french_csv(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """The whole CSV text, BOM first."""
    out = io.StringIO()
    out.write(BOM)
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    w.writerow(headers)
    for row in rows:
        w.writerow([cell(v) for v in row])
    return out.getvalue()
