"""Inline markup for the corpora we write: ``⟦LABEL|value⟧`` is personal data to mask,
``⟪what|value⟫`` must stay readable; offsets are computed when the markup is stripped."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence

_MARK = re.compile(r"⟦(?P<label>[A-Z_]+)\|(?P<value>[^⟧]*)⟧|⟪(?P<what>[a-z_]+)\|(?P<kept>[^⟫]*)⟫")


def parse(markup: str) -> tuple[str, list[dict[str, object]], list[dict[str, object]]]:
    """Strip the markup; return the text, its gold spans and its keep spans."""
    text = ""
    spans: list[dict[str, object]] = []
    keep: list[dict[str, object]] = []
    position = 0
    for match in _MARK.finditer(markup):
        text += markup[position : match.start()]
        value = match.group("value") if match.group("label") else match.group("kept")
        start = len(text)
        text += value
        if match.group("label"):
            spans.append({"start": start, "end": len(text), "label": match.group("label")})
        else:
            keep.append({"start": start, "end": len(text), "what": match.group("what")})
        position = match.end()
    text += markup[position:]
    return text, spans, keep


def build_records(records: Sequence[tuple[str, str]], prefix: str) -> list[dict[str, object]]:
    """Turn ``(domain, markup)`` pairs into corpus records with ids ``<prefix>-0001``..."""
    built = []
    for index, (domain, markup) in enumerate(records, start=1):
        text, spans, keep = parse(markup)
        built.append(
            {"id": f"{prefix}-{index:04d}", "domain": domain, "text": text, "spans": spans, "keep": keep}
        )
    return built


def write_jsonl(records: Sequence[dict[str, object]]) -> None:
    """Print the records, one JSON object per line (the corpus format)."""
    for record in records:
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
