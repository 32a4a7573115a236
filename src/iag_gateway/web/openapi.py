"""The OpenAPI description of ``/v1``: request bodies and the OpenAI error shape.

The API routes read their bodies themselves (so that every refusal is audited and
worded by the gateway), so FastAPI cannot infer these schemas: they are written
here, from the same field registry the ``receive`` stage enforces, and attached to
the routes with ``openapi_extra``. Fuzzers (``schemathesis``) and client generators
read them at ``/openapi.json``.
"""

from __future__ import annotations

from typing import Any

from iag_gateway.stages.request_fields import MAX_STOP

ERROR: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["message", "type", "code"],
            "properties": {
                "message": {"type": "string", "minLength": 1},
                "type": {"type": "string"},
                "code": {"type": "string"},
                "param": {"type": ["string", "null"]},
            },
        }
    },
}

_TEXT_PART = {
    "type": "object",
    "required": ["type", "text"],
    "properties": {"type": {"const": "text"}, "text": {"type": "string"}},
}
_MESSAGE = {
    "type": "object",
    "required": ["role", "content"],
    "properties": {
        "role": {"enum": ["system", "developer", "user", "assistant", "tool"]},
        "content": {"anyOf": [{"type": "string"}, {"type": "array", "items": _TEXT_PART}]},
        "name": {"type": "string"},
    },
}
_NUMBER = {"type": ["number", "null"]}

CHAT_REQUEST: dict[str, Any] = {
    "type": "object",
    "required": ["model", "messages"],
    "properties": {
        "model": {"type": "string", "minLength": 1, "examples": ["onprem-llm", "demo-local"]},
        "messages": {"type": "array", "minItems": 1, "items": _MESSAGE},
        "stream": {"type": ["boolean", "null"]},
        "stream_options": {
            "type": ["object", "null"],
            "properties": {"include_usage": {"type": "boolean"}},
            "additionalProperties": False,
        },
        "temperature": {**_NUMBER, "minimum": 0, "maximum": 2},
        "top_p": {**_NUMBER, "minimum": 0, "maximum": 1},
        "presence_penalty": {**_NUMBER, "minimum": -2, "maximum": 2},
        "frequency_penalty": {**_NUMBER, "minimum": -2, "maximum": 2},
        "max_tokens": {"type": ["integer", "null"], "minimum": 1},
        "max_completion_tokens": {"type": ["integer", "null"], "minimum": 1},
        "seed": {"type": ["integer", "null"]},
        "n": {"type": ["integer", "null"], "minimum": 1, "maximum": 1, "description": "n = 1 seulement."},
        "stop": {
            "anyOf": [
                {"type": "string"},
                {"type": "array", "items": {"type": "string"}, "maxItems": MAX_STOP},
                {"type": "null"},
            ]
        },
        "response_format": {
            "type": ["object", "null"],
            "properties": {"type": {"enum": ["text", "json_object", "json_schema"]}},
        },
        "user": {"type": ["string", "null"], "maxLength": 512},
        "metadata": {"type": ["object", "null"], "additionalProperties": {"type": "string"}},
        "store": {"type": ["boolean", "null"], "description": "Toujours transmis à false."},
        "reasoning_effort": {"enum": ["none", "minimal", "low", "medium", "high", None]},
        "service_tier": {"enum": ["auto", "default", "flex", "priority", "scale", None]},
        "verbosity": {"enum": ["low", "medium", "high", None]},
        "prompt_cache_key": {"type": ["string", "null"], "maxLength": 512},
        "safety_identifier": {"type": ["string", "null"], "maxLength": 512},
        "modalities": {"anyOf": [{"type": "array", "items": {"const": "text"}}, {"type": "null"}]},
    },
    "additionalProperties": False,
}

TEMPLATE_RUN: dict[str, Any] = {
    "type": "object",
    "properties": {"inputs": {"type": "object"}, "stream": {"type": "boolean"}},
    "additionalProperties": False,
}

REVIEW: dict[str, Any] = {
    "type": "object",
    "required": ["request_id"],
    "properties": {"request_id": {"type": "string"}},
}


def body(schema: dict[str, Any]) -> dict[str, Any]:
    """``openapi_extra`` for a route taking a JSON body and answering errors in the OpenAI shape."""
    return {
        "requestBody": {"required": True, "content": {"application/json": {"schema": schema}}},
        **ERRORS,
    }


_ERROR_RESPONSE = {
    "description": "Erreur au format OpenAI (message en français, code stable).",
    "content": {"application/json": {"schema": ERROR}},
}
#: Every error of the API, 422 included (FastAPI would otherwise declare its own shape).
ERRORS: dict[str, Any] = {"responses": {"default": _ERROR_RESPONSE, "422": _ERROR_RESPONSE}}
