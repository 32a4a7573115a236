"""Stage 3: replace personal data by typed placeholders before anything leaves.

Every text the caller sent (message contents, tool-call arguments, template
inputs) goes through one per-call ``Pseudonymizer``; the mapping stays in memory
for this call only.
"""

from __future__ import annotations

from typing import Any

from iag_gateway.exchange import Exchange
from iag_gateway.pii.engine import PiiEngine
from iag_gateway.pii.pseudonymizer import Pseudonymizer


def redact(ex: Exchange, engine: PiiEngine) -> None:
    """Pseudonymise messages and template inputs in place; count entities by type."""
    pseudonymizer = Pseudonymizer(engine)
    ex.pseudonymizer = pseudonymizer
    ex.messages = [_redact_message(m, pseudonymizer) for m in ex.messages]
    ex.inputs = {name: _redact_value(value, pseudonymizer) for name, value in ex.inputs.items()}
    ex.pii_counts = dict(pseudonymizer.counts)


def _redact_value(value: Any, pseudonymizer: Pseudonymizer) -> Any:
    if isinstance(value, str):
        return pseudonymizer.redact(value)
    if isinstance(value, list):
        return [_redact_value(item, pseudonymizer) for item in value]
    return value


def _redact_message(message: dict[str, Any], pseudonymizer: Pseudonymizer) -> dict[str, Any]:
    out = dict(message)
    content = message.get("content")
    if isinstance(content, str):
        out["content"] = pseudonymizer.redact(content)
    elif isinstance(content, list):
        out["content"] = [{**part, "text": pseudonymizer.redact(part["text"])} for part in content]
    if message.get("tool_calls"):
        out["tool_calls"] = [_redact_tool_call(call, pseudonymizer) for call in message["tool_calls"]]
    return out


def _redact_tool_call(call: Any, pseudonymizer: Pseudonymizer) -> Any:
    if not isinstance(call, dict) or not isinstance(call.get("function"), dict):
        return call
    function = dict(call["function"])
    if isinstance(function.get("arguments"), str):
        function["arguments"] = pseudonymizer.redact(function["arguments"])
    return {**call, "function": function}


def prompt_text(ex: Exchange) -> str:
    """Join what the caller wrote (pseudonymised), for policy checks and digests."""
    parts: list[str] = []
    for message in ex.messages:
        content = message.get("content")
        if isinstance(content, str):
            parts.append(content)
        elif isinstance(content, list):
            parts.extend(str(p.get("text", "")) for p in content)
    for value in ex.inputs.values():
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, list):
            parts.extend(str(v) for v in value)
    return "\n".join(parts)
