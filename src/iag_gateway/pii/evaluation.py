"""Run the engine over an annotated JSONL corpus and write predictions for ``score_pii.py``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from iag_gateway.pii.engine import PiiEngine


def scan_jsonl(engine: PiiEngine, in_lines: Iterable[str], out: TextIO) -> int:
    """Write one ``{"id", "spans"}`` line per input record; return the number of records."""
    count = 0
    for line in in_lines:
        if not line.strip():
            continue
        record = json.loads(line)
        spans = [{"start": e.start, "end": e.end, "label": e.label} for e in engine.analyze(record["text"])]
        out.write(json.dumps({"id": record["id"], "spans": spans}, ensure_ascii=False) + "\n")
        count += 1
    return count
