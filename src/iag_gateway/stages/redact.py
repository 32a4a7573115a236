"""Stage 3: replace personal data by typed placeholders before anything leaves.

Every text the caller sent and the gateway forwards (message contents and text parts,
participant names, tool-call and legacy function-call arguments, ``stop`` strings, the
texts of the JSON schemas in ``response_format`` and ``tools``, template inputs) goes
through one per-call ``Pseudonymizer``; the mapping stays in memory for this call only.
Placeholders the caller pasted are reserved first, so new values are numbered after them.
"""

from __future__ import annotations

import re
from typing import Any

from iag_gateway.exchange import Exchange
from iag_gateway.messages import forwarded_texts, map_param_texts, map_texts, outgoing_messages
from iag_gateway.pii.engine import PiiEngine
from iag_gateway.pii.pseudonymizer import Pseudonymizer

# what a provider accepts in a message ``name`` (OpenAI: ^[a-zA-Z0-9_-]{1,64}$)
_NAME_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_CALL_ROLES = frozenset({"tool", "function"})


def redact(ex: Exchange, engine: PiiEngine) -> None:
    """Pseudonymise every forwarded text in place; count entities by type."""
    pseudonymizer = Pseudonymizer(engine)
    ex.pseudonymizer = pseudonymizer
    texts = [*forwarded_texts(ex.messages, ex.params), *_strings(list(ex.inputs.values()))]
    pseudonymizer.reserve(texts)
    # the people named in full anywhere in the call are known before any text is replaced
    pseudonymizer.learn_names(texts)

    def participant(value: str) -> str:
        # a participant's name is a person's name: replaced whole, whatever the detector says
        return _NAME_UNSAFE.sub("", pseudonymizer.redact_whole("PERSON", value))[:64]

    ex.messages = [
        # on a tool or function result, ``name`` is the function's name, which the tools declare
        map_texts(message, pseudonymizer.redact, _same if message.get("role") in _CALL_ROLES else participant)
        for message in ex.messages
    ]
    ex.params = map_param_texts(ex.params, pseudonymizer.redact)
    ex.inputs = {key: _redact_value(value, pseudonymizer) for key, value in ex.inputs.items()}
    ex.pii_counts = dict(pseudonymizer.counts)


def _same(value: str) -> str:
    return value


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def _redact_value(value: Any, pseudonymizer: Pseudonymizer) -> Any:
    if isinstance(value, str):
        return pseudonymizer.redact(value)
    if isinstance(value, list):
        return [_redact_value(item, pseudonymizer) for item in value]
    return value


def prompt_text(ex: Exchange) -> str:
    """Join the texts of the outgoing request (pseudonymised), for policy checks and digests.

    Built from ``outgoing_messages``, the same parts ``invoke`` sends: the policy checks
    exactly the text that leaves. Template inputs come after (a template call is checked
    on its inputs, the template text being vetted).
    """
    parts = list(forwarded_texts(outgoing_messages(ex.messages), ex.params))
    parts.extend(_strings(list(ex.inputs.values())))
    return "\n".join(parts)
