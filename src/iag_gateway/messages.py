"""The shape of a chat message the gateway accepts, and the one builder of what leaves.

Every key of a message, of a content part and of a tool call is listed here; anything
else is refused at ``receive`` with a 400 naming it, so nothing unknown is forwarded
verbatim. ``map_texts`` walks every forwarded text of a message (content, text parts,
``name``, tool-call and legacy ``function_call`` arguments, ``refusal``): the redact
stage pseudonymises them with it. ``outgoing_messages`` rebuilds the messages sent to
the provider from those analysed parts only, and ``forwarded_texts`` lists the very
texts of that outgoing request, which is what the policy checks and the audit keeps.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

MESSAGE_KEYS = frozenset(
    {"role", "content", "name", "tool_calls", "tool_call_id", "function_call", "refusal"}
)
PART_KEYS = frozenset({"type", "text"})
TOOL_CALL_KEYS = frozenset({"id", "type", "function"})
FUNCTION_KEYS = frozenset({"name", "arguments"})
# a request may not carry more than this, checked before any analysis (cost and abuse)
MAX_MESSAGES = 256
MAX_PARTS = 64
MAX_TOOL_CALLS = 64


def _arguments_text(arguments: Any) -> Any:
    """Tool arguments given as an object are sent as the JSON text providers expect."""
    if isinstance(arguments, dict | list):
        return json.dumps(arguments, ensure_ascii=False)
    return arguments


def _function(function: Any, text: Callable[[str], str]) -> Any:
    if not isinstance(function, dict):
        return function
    out = {key: function[key] for key in FUNCTION_KEYS if key in function}
    arguments = _arguments_text(function.get("arguments"))
    if isinstance(arguments, str):
        out["arguments"] = text(arguments)
    return out


def map_texts(
    message: dict[str, Any], text: Callable[[str], str], name: Callable[[str], str]
) -> dict[str, Any]:
    """Return a copy of ``message`` with known keys only, each forwarded text passed through
    ``text`` and the participant ``name`` through ``name``."""
    out: dict[str, Any] = {key: message[key] for key in MESSAGE_KEYS if key in message}
    content = message.get("content")
    if isinstance(content, str):
        out["content"] = text(content)
    elif isinstance(content, list):
        out["content"] = [{"type": "text", "text": text(part["text"])} for part in content]
    if isinstance(message.get("name"), str):
        out["name"] = name(message["name"])
    if isinstance(message.get("refusal"), str):
        out["refusal"] = text(message["refusal"])
    if isinstance(message.get("tool_calls"), list):
        out["tool_calls"] = [
            {
                **{key: call[key] for key in TOOL_CALL_KEYS if key in call},
                "function": _function(call.get("function"), text),
            }
            if isinstance(call, dict)
            else call
            for call in message["tool_calls"]
        ]
    if "function_call" in message:
        out["function_call"] = _function(message["function_call"], text)
    return out


def _same(value: str) -> str:
    return value


def outgoing_messages(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Build the messages sent to the provider: the analysed parts, nothing else."""
    return [map_texts(message, _same, _same) for message in messages]


def forwarded_texts(messages: list[dict[str, Any]], params: dict[str, Any]) -> Iterator[str]:
    """Yield every text the outgoing request carries (messages, then ``stop``)."""
    seen: list[str] = []

    def keep(value: str) -> str:
        seen.append(value)
        return value

    for message in messages:
        map_texts(message, keep, keep)
    yield from seen
    stop = params.get("stop")
    if isinstance(stop, str):
        yield stop
    elif isinstance(stop, list):
        yield from (item for item in stop if isinstance(item, str))
