"""Export audit records for auditors, as CSV (for spreadsheets) or JSON Lines (faithful).

Records are streamed page by page, so an export of the whole trail does not
load it in memory. In CSV, lists and dicts are written as JSON, and text cells
that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``…) are
prefixed with an apostrophe; JSON Lines keeps every value exactly as stored,
with the hashes, so ``chain.canonical_content`` can be recomputed from it.
"""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from iag_gateway.audit.filters import AuditFilter
from iag_gateway.audit.models import PUBLIC_FIELDS
from iag_gateway.audit.store import AuditStore

FORMATS = ("csv", "jsonl")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export(store: AuditStore, fmt: str, out: TextIO, filters: AuditFilter) -> int:
    """Write the records matching ``filters`` to ``out`` in ``fmt``; return how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {FORMATS}")
    count = 0
    if fmt == "jsonl":
        for event in store.iter(filters):
            out.write(json.dumps(event.public_dict(), ensure_ascii=False, sort_keys=False))
            out.write("\n")
            count += 1
        return count
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(PUBLIC_FIELDS)
    for event in store.iter(filters):
        record = event.public_dict()
        writer.writerow([_csv_cell(record[name]) for name in PUBLIC_FIELDS])
        count += 1
    return count


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
