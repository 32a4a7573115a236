"""Run the engine over an annotated JSONL corpus and write predictions for ``score_pii.py``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from iag_gateway.errors import ConfigError
from iag_gateway.pii.engine import PiiEngine


def scan_jsonl(engine: PiiEngine, in_lines: Iterable[str], out: TextIO, *, source: str = "<stdin>") -> int:
    """Write one ``{"id", "spans"}`` line per input record; return the number of records.

    Raises ``ConfigError`` naming ``source`` and the line when a line is not a JSON object
    with a string ``text`` (``id`` is copied as given, ``null`` when absent).
    """
    count = 0
    for number, line in enumerate(in_lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(source, f"not a JSON line ({exc.msg})", line=number) from exc
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise ConfigError(source, "a record is a JSON object with a string « text »", line=number)
        spans = [{"start": e.start, "end": e.end, "label": e.label} for e in engine.analyze(record["text"])]
        out.write(json.dumps({"id": record.get("id"), "spans": spans}, ensure_ascii=False) + "\n")
        count += 1
    return count
