"""The shape of a chat message the gateway accepts, and the one builder of what leaves.

Every key of a message, of a content part and of a tool call is listed here; anything
else is refused at ``receive`` with a 400 naming it, so nothing unknown is forwarded
verbatim. ``map_texts`` walks every forwarded text of a message (content, text parts,
``name``, tool-call and legacy ``function_call`` arguments, ``refusal``): the redact
stage pseudonymises them with it. ``outgoing_messages`` rebuilds the messages sent to
the provider from those analysed parts only; ``map_param_texts`` does the same for the
texts the caller wrote in the request's parameters (``stop``, the JSON schemas of
``response_format`` and ``tools``), and ``forwarded_texts`` lists the very texts of that
outgoing request, which is what the policy checks and the audit keeps.
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
    """Yield every text the outgoing request carries (messages, then the parameters' texts)."""
    seen: list[str] = []

    def keep(value: str) -> str:
        seen.append(value)
        return value

    for message in messages:
        map_texts(message, keep, keep)
    map_param_texts(params, keep)
    yield from seen


def map_param_texts(params: dict[str, Any], text: Callable[[str], str]) -> dict[str, Any]:
    """Return a copy of ``params`` with each text the caller wrote in them passed through ``text``.

    Those texts are the ``stop`` strings and, in the JSON schemas of ``response_format``,
    ``tools`` and ``functions``, every string value (descriptions, titles, ``enum``,
    ``const``, ``default`` and ``examples`` values...) but the identifiers the schema
    language and the provider read as such (``SCHEMA_IDENTIFIERS``: a function's or a
    schema's ``name``, ``type``, ``$ref``, ``required``...). Property names, being keys,
    are passed as they are.
    """
    out = dict(params)
    stop = params.get("stop")
    if isinstance(stop, str):
        out["stop"] = text(stop)
    elif isinstance(stop, list):
        out["stop"] = [text(item) if isinstance(item, str) else item for item in stop]
    response_format = params.get("response_format")
    if isinstance(response_format, dict) and isinstance(response_format.get("json_schema"), dict):
        out["response_format"] = {
            **response_format,
            "json_schema": _schema_texts(response_format["json_schema"], text),
        }
    for name in ("tools", "functions"):
        if isinstance(params.get(name), list):
            out[name] = [_schema_texts(item, text) for item in params[name]]
    return out


#: Keys of a JSON schema, a tool or a function whose string values are identifiers, not text.
SCHEMA_IDENTIFIERS = frozenset(
    {"name", "type", "format", "pattern", "required", "$ref", "$id", "$schema", "$anchor", "strict"}
)


def _schema_texts(value: Any, text: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return text(value)
    if isinstance(value, list):
        return [_schema_texts(item, text) for item in value]
    if isinstance(value, dict):
        return {
            key: item
            if key in SCHEMA_IDENTIFIERS and not isinstance(item, dict)
            else _schema_texts(item, text)
            for key, item in value.items()
        }
    return value
