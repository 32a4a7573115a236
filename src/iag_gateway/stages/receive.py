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
from iag_gateway.policy.models import PolicySet
from iag_gateway.policy.template_models import require_template_model
from iag_gateway.prompts.catalogue import TemplateCatalogue
from iag_gateway.providers.config import ProviderConfig
from iag_gateway.stages.request_fields import (
    MAX_DEPTH,
    NEVER_FORWARDED,
    check_json_shape,
    forwarded_params,
    present_fields,
)

ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function"})
# a function's name as providers accept it: no free text travels in it
FUNCTION_NAME = re.compile(r"[A-Za-z0-9_.\-]{1,64}")
# used when no policy snapshot is at hand; the charter's prompt_size.max_chars otherwise
DEFAULT_MAX_CHARS = 60_000


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
    if model is None:
        raise InvalidField("model", "est obligatoire")
    if not isinstance(model, str) or not model.strip():
        raise InvalidField("model", "doit être une chaîne non vide")
    ex.model = ex.requested_model = model
    ex.stream = _bool(body, "stream")
    ex.include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
    ex.json_mode = (body.get("response_format") or {}).get("type") in ("json_object", "json_schema")
    ex.dropped_params = sorted(NEVER_FORWARDED & body.keys())
    max_chars = ex.policy.policy.limits.prompt_size.max_chars if ex.policy else DEFAULT_MAX_CHARS
    ex.messages = _messages(body.get("messages"), max_chars)
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


def receive_template(
    ex: Exchange, catalogue: TemplateCatalogue, policy: PolicySet, providers: ProviderConfig
) -> None:
    """Find the template and validate its inputs (422 naming each bad field)."""
    body = parse_json_object(ex.body) if ex.body.strip() else {}
    for key in body:
        if key not in {"inputs", "stream"}:
            raise InvalidField(key, "champ non pris en charge")
    assert ex.template_id is not None and ex.identity is not None
    # Known from here on, so the record names it even if the roles refuse it; an id the
    # catalogue lacks stays unnamed in the record (``recorded_names``), named in the error.
    ex.template = catalogue.get(ex.template_id)
    template = catalogue.get_for(ex.template_id, ex.identity.roles)
    ex.model = require_template_model(template, policy, providers, ex.identity.roles)
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


def _messages(value: Any, max_chars: int = DEFAULT_MAX_CHARS) -> list[dict[str, Any]]:
    """Validate every message, part and tool call (known keys only) and the caps, before any analysis."""
    if value is None:
        raise InvalidField("messages", "est obligatoire")
    if not isinstance(value, list) or not value:
        raise InvalidField("messages", "doit être un tableau non vide")
    if len(value) > MAX_MESSAGES:
        raise InvalidField(
            "messages", f"au plus {MAX_MESSAGES} messages sont acceptés ({len(value)} envoyés)"
        )
    messages: list[dict[str, Any]] = []
    for index, message in enumerate(value):
        where = f"messages[{index}]"
        if not isinstance(message, dict):
            raise InvalidField(where, "doit être un objet")
        _known_keys(message, MESSAGE_KEYS, where)
        role = message.get("role")
        if role not in ROLES:
            raise InvalidField(f"{where}.role", "doit valoir " + ", ".join(f"« {r} »" for r in sorted(ROLES)))
        content = message.get("content")
        if content is None and not message.get("tool_calls") and not message.get("function_call"):
            raise InvalidField(
                f"{where}.content", "est obligatoire (sauf avec « tool_calls » ou « function_call »)"
            )
        if content is not None and not isinstance(content, str):
            _parts(content, f"{where}.content")
        for key in ("name", "tool_call_id", "refusal"):
            if message.get(key) is not None and not isinstance(message[key], str):
                raise InvalidField(f"{where}.{key}", "doit être une chaîne")
        if role == "tool" and not message.get("tool_call_id"):  # OpenAI's API requires it too
            raise InvalidField(
                f"{where}.tool_call_id",
                "est obligatoire pour un message « tool » "
                "(l'identifiant de l'appel d'outil auquel il répond)",
            )
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
            f"Les messages contiennent {size} caractères de texte ; au plus {max_chars} sont acceptés. "
            "Raccourcissez la demande."
        )
    return messages


def _function_name(name: Any, where: str) -> None:
    if not isinstance(name, str) or FUNCTION_NAME.fullmatch(name) is None:
        raise InvalidField(
            where, "doit être un nom de fonction (lettres, chiffres, _ . - ; 64 caractères au plus)"
        )


def _known_keys(value: dict[str, Any], known: frozenset[str], where: str) -> None:
    for key in value:
        if key not in known:
            raise InvalidField(
                f"{where}.{key}", "champ non pris en charge (rien n'est transmis sans contrôle)"
            )


def _parts(content: Any, where: str) -> None:
    if not isinstance(content, list):
        raise InvalidField(where, "doit être une chaîne ou un tableau de parties texte")
    if len(content) > MAX_PARTS:
        raise InvalidField(where, f"au plus {MAX_PARTS} parties sont acceptées ({len(content)} envoyées)")
    for part_index, part in enumerate(content):
        place = f"{where}[{part_index}]"
        if not (isinstance(part, dict) and part.get("type") == "text" and isinstance(part.get("text"), str)):
            raise InvalidField(place, "seules les parties texte sont acceptées (ni image ni fichier)")
        _known_keys(part, PART_KEYS, place)


def _tool_calls(calls: Any, where: str) -> None:
    if not isinstance(calls, list):
        raise InvalidField(where, "doit être un tableau")
    if len(calls) > MAX_TOOL_CALLS:
        raise InvalidField(
            where, f"au plus {MAX_TOOL_CALLS} appels d'outil sont acceptés ({len(calls)} envoyés)"
        )
    for call_index, call in enumerate(calls):
        place = f"{where}[{call_index}]"
        if not isinstance(call, dict):
            raise InvalidField(place, "doit être un objet")
        _known_keys(call, TOOL_CALL_KEYS, place)
        for key in ("id", "type"):
            if key in call and not isinstance(call[key], str):
                raise InvalidField(f"{place}.{key}", "doit être une chaîne")
        _function(call.get("function"), f"{place}.function")


def _function(function: Any, where: str) -> None:
    if not isinstance(function, dict):
        raise InvalidField(where, "doit être un objet")
    _known_keys(function, FUNCTION_KEYS, where)
    if "name" in function:
        _function_name(function["name"], f"{where}.name")
    if "arguments" in function and not isinstance(function["arguments"], str | dict | list):
        raise InvalidField(f"{where}.arguments", "doit être une chaîne JSON ou un objet")
