"""Stage 2: parse and validate the request body into the exchange.

Refuses malformed JSON, wrong types and unknown fields with a 400 naming the
field; never echoes the prompt text back in an error.
"""

from __future__ import annotations

import json
import re
from typing import Any

from iag_gateway.errors import InvalidField, MalformedJson
from iag_gateway.exchange import Exchange
from iag_gateway.prompts.catalogue import TemplateCatalogue
from iag_gateway.stages.request_fields import (
    MAX_DEPTH,
    NEVER_FORWARDED,
    check_json_shape,
    forwarded_params,
    present_fields,
)

ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function"})


def parse_json_object(body: bytes) -> dict[str, Any]:
    """Decode a JSON object or raise ``MalformedJson``."""
    try:
        value = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MalformedJson("Le corps de la requête n'est pas un JSON valide.") from exc
    except RecursionError as exc:
        raise MalformedJson(f"Le JSON est imbriqué trop profondément (au plus {MAX_DEPTH} niveaux).") from exc
    if not isinstance(value, dict):
        raise MalformedJson("Le corps de la requête doit être un objet JSON.")
    check_json_shape(value)
    return value


def receive_chat(ex: Exchange) -> None:
    """Fill model, messages, stream flag and provider params from a chat body."""
    body = present_fields(parse_json_object(ex.body))
    model = body.get("model")
    if not isinstance(model, str) or not model.strip():
        raise InvalidField("model", "doit être une chaîne non vide")
    ex.model = ex.requested_model = model
    ex.stream = _bool(body, "stream")
    ex.include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
    ex.json_mode = (body.get("response_format") or {}).get("type") in ("json_object", "json_schema")
    ex.dropped_params = sorted(NEVER_FORWARDED & body.keys())
    ex.messages = _messages(body.get("messages"))
    if ex.policy is not None:
        ex.messages = without_own_notice(ex.messages, ex.policy.policy.meta.transparency.label.mention)
    ex.params = forwarded_params(body)


def without_own_notice(messages: list[dict[str, Any]], mention: str) -> list[dict[str, Any]]:
    """Remove the AI mention the gateway appended to its answers from the assistant turns sent back.

    Multi-turn clients resend the whole conversation: left in, the mention would be sent
    to the provider again on every turn and grow the prompt. Whitespace may have been
    reflowed by the client, so the mention is matched word by word at the end of the turn.
    """
    words = mention.split()
    if not words:
        return messages
    tail = re.compile(r"\s*" + r"\s+".join(re.escape(word) for word in words) + r"\s*\Z")
    out: list[dict[str, Any]] = []
    for message in messages:
        if message.get("role") == "assistant":
            message = dict(message)
            content = message.get("content")
            if isinstance(content, str):
                message["content"] = tail.sub("", content)
            elif isinstance(content, list) and content and isinstance(content[-1], dict):
                last = {**content[-1], "text": tail.sub("", str(content[-1].get("text", "")))}
                message["content"] = [*content[:-1], last]
        out.append(message)
    return out


def receive_template(ex: Exchange, catalogue: TemplateCatalogue) -> None:
    """Find the template and validate its inputs (422 naming each bad field)."""
    body = parse_json_object(ex.body) if ex.body.strip() else {}
    for key in body:
        if key not in {"inputs", "stream"}:
            raise InvalidField(key, "champ non pris en charge")
    assert ex.template_id is not None and ex.identity is not None
    template = catalogue.get_for(ex.template_id, ex.identity.roles)
    ex.template = template
    ex.model = template.model
    ex.stream = _bool(body, "stream")
    inputs = body.get("inputs", {})
    if not isinstance(inputs, dict):
        raise InvalidField("inputs", "doit être un objet")
    ex.inputs = template.validate_inputs(inputs)
    ex.params = {"max_tokens": template.max_tokens, "temperature": template.temperature}


def _bool(body: dict[str, Any], key: str) -> bool:
    value = body.get(key, False)
    if not isinstance(value, bool):
        raise InvalidField(key, "doit être un booléen (true ou false)")
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
