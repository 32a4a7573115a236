"""Stage 2: parse and validate the request body into the exchange.

Refuses malformed JSON, wrong types and unknown fields with a 400 naming the
field; never echoes the prompt text back in an error.
"""

from __future__ import annotations

import json
from typing import Any

from iag_gateway.errors import InvalidField, MalformedJson
from iag_gateway.exchange import Exchange
from iag_gateway.policy.models import PolicySet
from iag_gateway.policy.template_models import require_template_model
from iag_gateway.prompts.catalogue import TemplateCatalogue
from iag_gateway.providers.config import ProviderConfig

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
    ex.messages = _messages(body.get("messages"))
    ex.params = {key: body[key] for key in FORWARDED if key in body}
    _check_params(ex.params)


def receive_template(
    ex: Exchange, catalogue: TemplateCatalogue, policy: PolicySet, providers: ProviderConfig
) -> None:
    """Find the template and validate its inputs (422 naming each bad field)."""
    body = parse_json_object(ex.body) if ex.body.strip() else {}
    for key in body:
        if key not in {"inputs", "stream"}:
            raise InvalidField(key, "unsupported field")
    assert ex.template_id is not None and ex.identity is not None
    template = catalogue.get_for(ex.template_id, ex.identity.roles)
    ex.template = template
    ex.model = require_template_model(template, policy, providers, ex.identity.roles)
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


def _messages(value: Any) -> list[dict[str, Any]]:
    if value is None:
        raise InvalidField("messages", "is required")
    if not isinstance(value, list) or not value:
        raise InvalidField("messages", "must be a non-empty array")
    messages: list[dict[str, Any]] = []
    for index, message in enumerate(value):
        where = f"messages[{index}]"
        if not isinstance(message, dict):
            raise InvalidField(where, "must be an object")
        role = message.get("role")
        if role not in ROLES:
            raise InvalidField(f"{where}.role", f"must be one of {', '.join(sorted(ROLES))}")
        content = message.get("content")
        if content is None and not message.get("tool_calls"):
            raise InvalidField(f"{where}.content", "is required")
        if content is not None and not isinstance(content, str):
            if not isinstance(content, list):
                raise InvalidField(f"{where}.content", "must be a string or an array of text parts")
            for part_index, part in enumerate(content):
                if not (
                    isinstance(part, dict)
                    and part.get("type") == "text"
                    and isinstance(part.get("text"), str)
                ):
                    raise InvalidField(
                        f"{where}.content[{part_index}]", "only text parts are accepted (no images or files)"
                    )
        messages.append(dict(message))
    return messages


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
