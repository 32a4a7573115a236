"""Stage 2: parse and validate the request body into the exchange.

Refuses malformed JSON, wrong types and unknown fields with a 400 naming the
field; never echoes the prompt text back in an error.
"""

from __future__ import annotations

import json
import re
from typing import Any

from iag_gateway.errors import InvalidField, MalformedJson, PayloadTooLarge
from iag_gateway.exchange import Exchange
from iag_gateway.messages import (
    FUNCTION_KEYS,
    MAX_MESSAGES,
    MAX_PARTS,
    MAX_TOOL_CALLS,
    MESSAGE_KEYS,
    PART_KEYS,
    TOOL_CALL_KEYS,
    forwarded_texts,
)
from iag_gateway.prompts.catalogue import TemplateCatalogue

ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function"})
# Request fields forwarded to the provider (after the policy has had its say).
FORWARDED = frozenset(
    {
        "temperature",
        "top_p",
        "max_tokens",
        "max_completion_tokens",
        "stop",
        "presence_penalty",
        "frequency_penalty",
        "seed",
        "response_format",
        "tools",
        "tool_choice",
        "functions",
        "function_call",
        "parallel_tool_calls",
        "logprobs",
        "top_logprobs",
        "logit_bias",
    }
)
# a function's name as providers accept it: no free text travels in it
FUNCTION_NAME = re.compile(r"[A-Za-z0-9_.\-]{1,64}")
# used when no policy snapshot is at hand; the charter's prompt_size.max_chars otherwise
DEFAULT_MAX_CHARS = 60_000
ACCEPTED_NOT_FORWARDED = frozenset({"model", "messages", "stream", "stream_options", "user", "metadata", "n"})


def parse_json_object(body: bytes) -> dict[str, Any]:
    """Decode a JSON object or raise ``MalformedJson``."""
    try:
        value = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MalformedJson("The request body is not valid JSON.") from exc
    if not isinstance(value, dict):
        raise MalformedJson("The request body must be a JSON object.")
    return value


def receive_chat(ex: Exchange) -> None:
    """Fill model, messages, stream flag and provider params from a chat body."""
    body = parse_json_object(ex.body)
    for key in body:
        if key not in FORWARDED and key not in ACCEPTED_NOT_FORWARDED:
            raise InvalidField(key, "unsupported field")
    model = body.get("model")
    if not isinstance(model, str) or not model.strip():
        raise InvalidField("model", "must be a non-empty string")
    ex.model = model
    ex.stream = _bool(body, "stream")
    if body.get("n", 1) != 1:
        raise InvalidField("n", "only n=1 is supported")
    max_chars = ex.policy.policy.limits.prompt_size.max_chars if ex.policy else DEFAULT_MAX_CHARS
    ex.messages = _messages(body.get("messages"), max_chars)
    ex.params = {key: body[key] for key in FORWARDED if key in body}
    _check_params(ex.params)


def receive_template(ex: Exchange, catalogue: TemplateCatalogue) -> None:
    """Find the template and validate its inputs (422 naming each bad field)."""
    body = parse_json_object(ex.body) if ex.body.strip() else {}
    for key in body:
        if key not in {"inputs", "stream"}:
            raise InvalidField(key, "unsupported field")
    assert ex.template_id is not None and ex.identity is not None
    template = catalogue.get_for(ex.template_id, ex.identity.roles)
    ex.template = template
    ex.model = template.model
    ex.stream = _bool(body, "stream")
    inputs = body.get("inputs", {})
    if not isinstance(inputs, dict):
        raise InvalidField("inputs", "must be an object")
    ex.inputs = template.validate_inputs(inputs)
    ex.params = {"max_tokens": template.max_tokens, "temperature": template.temperature}


def _bool(body: dict[str, Any], key: str) -> bool:
    value = body.get(key, False)
    if not isinstance(value, bool):
        raise InvalidField(key, "must be a boolean")
    return value


def _messages(value: Any, max_chars: int = DEFAULT_MAX_CHARS) -> list[dict[str, Any]]:
    """Validate every message, part and tool call (known keys only) and the caps, before any analysis."""
    if value is None:
        raise InvalidField("messages", "is required")
    if not isinstance(value, list) or not value:
        raise InvalidField("messages", "must be a non-empty array")
    if len(value) > MAX_MESSAGES:
        raise InvalidField("messages", f"at most {MAX_MESSAGES} messages are accepted ({len(value)} sent)")
    messages: list[dict[str, Any]] = []
    for index, message in enumerate(value):
        where = f"messages[{index}]"
        if not isinstance(message, dict):
            raise InvalidField(where, "must be an object")
        _known_keys(message, MESSAGE_KEYS, where)
        role = message.get("role")
        if role not in ROLES:
            raise InvalidField(f"{where}.role", f"must be one of {', '.join(sorted(ROLES))}")
        content = message.get("content")
        if content is None and not message.get("tool_calls") and not message.get("function_call"):
            raise InvalidField(f"{where}.content", "is required")
        if content is not None and not isinstance(content, str):
            _parts(content, f"{where}.content")
        for key in ("name", "tool_call_id", "refusal"):
            if message.get(key) is not None and not isinstance(message[key], str):
                raise InvalidField(f"{where}.{key}", "must be a string")
        # on a tool or function result, ``name`` is a function's name, forwarded as it is
        if role in ("tool", "function") and message.get("name") is not None:
            _function_name(message["name"], f"{where}.name")
        if message.get("tool_calls") is not None:
            _tool_calls(message["tool_calls"], f"{where}.tool_calls")
        if message.get("function_call") is not None:
            _function(message["function_call"], f"{where}.function_call")
        messages.append({key: item for key, item in message.items() if item is not None or key == "content"})
    size = sum(len(text) for text in forwarded_texts(messages, {}))
    if size > max_chars:
        raise PayloadTooLarge(
            f"The messages hold {size} characters of text; at most {max_chars} are accepted. "
            "Shorten the request."
        )
    return messages


def _function_name(name: Any, where: str) -> None:
    if not isinstance(name, str) or FUNCTION_NAME.fullmatch(name) is None:
        raise InvalidField(where, "must be a function name (letters, digits, _ . - ; at most 64)")


def _known_keys(value: dict[str, Any], known: frozenset[str], where: str) -> None:
    for key in value:
        if key not in known:
            raise InvalidField(f"{where}.{key}", "unsupported field (never forwarded unchecked)")


def _parts(content: Any, where: str) -> None:
    if not isinstance(content, list):
        raise InvalidField(where, "must be a string or an array of text parts")
    if len(content) > MAX_PARTS:
        raise InvalidField(where, f"at most {MAX_PARTS} parts are accepted ({len(content)} sent)")
    for part_index, part in enumerate(content):
        place = f"{where}[{part_index}]"
        if not (isinstance(part, dict) and part.get("type") == "text" and isinstance(part.get("text"), str)):
            raise InvalidField(place, "only text parts are accepted (no images or files)")
        _known_keys(part, PART_KEYS, place)


def _tool_calls(calls: Any, where: str) -> None:
    if not isinstance(calls, list):
        raise InvalidField(where, "must be an array")
    if len(calls) > MAX_TOOL_CALLS:
        raise InvalidField(where, f"at most {MAX_TOOL_CALLS} tool calls are accepted ({len(calls)} sent)")
    for call_index, call in enumerate(calls):
        place = f"{where}[{call_index}]"
        if not isinstance(call, dict):
            raise InvalidField(place, "must be an object")
        _known_keys(call, TOOL_CALL_KEYS, place)
        for key in ("id", "type"):
            if key in call and not isinstance(call[key], str):
                raise InvalidField(f"{place}.{key}", "must be a string")
        _function(call.get("function"), f"{place}.function")


def _function(function: Any, where: str) -> None:
    if not isinstance(function, dict):
        raise InvalidField(where, "must be an object")
    _known_keys(function, FUNCTION_KEYS, where)
    if "name" in function:
        _function_name(function["name"], f"{where}.name")
    if "arguments" in function and not isinstance(function["arguments"], str | dict | list):
        raise InvalidField(f"{where}.arguments", "must be a JSON string or an object")


def _check_params(params: dict[str, Any]) -> None:
    for key in ("max_tokens", "max_completion_tokens", "seed", "top_logprobs"):
        if key in params and (
            not isinstance(params[key], int) or isinstance(params[key], bool) or params[key] < 0
        ):
            raise InvalidField(key, "must be a non-negative integer")
    for key, low, high in (
        ("temperature", 0, 2),
        ("top_p", 0, 1),
        ("presence_penalty", -2, 2),
        ("frequency_penalty", -2, 2),
    ):
        if key in params:
            value = params[key]
            if not isinstance(value, int | float) or isinstance(value, bool) or not low <= value <= high:
                raise InvalidField(key, f"must be a number between {low} and {high}")
    if "stop" in params and not isinstance(params["stop"], str | list):
        raise InvalidField("stop", "must be a string or an array of strings")
