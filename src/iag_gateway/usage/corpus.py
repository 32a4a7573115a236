"""Read labelled conversations (JSON lines) and digest the files a model is built from.

One record per line: ``{"id", "label", "lang", "messages": [{"role", "content"}...]}``
(``register`` and other keys are kept but not used); ``label`` is one of
``CATEGORIES`` and applies to the last user message read in its conversation.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iag_gateway.usage.categories import CATEGORIES


@dataclass(frozen=True)
class LabelledConversation:
    id: str
    label: str
    messages: list[dict[str, Any]]
    lang: str = ""
    meta: dict[str, Any] = field(default_factory=dict)


def read_corpus(paths: Iterable[Path]) -> list[LabelledConversation]:
    """Records of every file, in file then line order; ``ValueError`` names a bad line."""
    records: list[LabelledConversation] = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                label = raw["label"]
                messages = raw["messages"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{number}: not a labelled conversation ({exc})") from exc
            if label not in CATEGORIES:
                raise ValueError(f"{path}:{number}: unknown label {label!r}")
            if not isinstance(messages, list) or not any(m.get("role") == "user" for m in messages):
                raise ValueError(f"{path}:{number}: no user message")
            meta = {k: v for k, v in raw.items() if k not in {"id", "label", "lang", "messages"}}
            meta["source"] = path.name
            records.append(
                LabelledConversation(
                    str(raw.get("id", f"{path.name}:{number}")),
                    label,
                    messages,
                    str(raw.get("lang", "")),
                    meta,
                )
            )
    return records


def data_digest(paths: Sequence[Path]) -> str:
    """SHA-256 over the files (by name, sorted): ``name NUL length NUL bytes`` for each."""
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.name):
        data = path.read_bytes()
        digest.update(f"{path.name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def pseudonymised(
    records: Sequence[LabelledConversation], redactor_factory: Callable[[], Callable[[str], str]]
) -> list[LabelledConversation]:
    """The records as the gateway would classify them: each conversation pseudonymised
    by its own redactor (placeholders numbered per conversation, as per request)."""
    out = []
    for record in records:
        redact = redactor_factory()
        messages = [
            {**m, "content": redact(m["content"])} if isinstance(m.get("content"), str) else m
            for m in record.messages
        ]
        out.append(LabelledConversation(record.id, record.label, messages, record.lang, record.meta))
    return out
