"""Shape what the caller receives: the OpenAI-shaped body, the ``iag`` labels, SSE events."""

from __future__ import annotations

import json
import time
from typing import Any

from iag_gateway.exchange import Exchange
from iag_gateway.providers.labels import DEMO_LABEL
from iag_gateway.recorded_names import is_trial
from iag_gateway.services import Services

#: What a template's answer says of itself before anyone has read it (charter: human review).
PRE_REVIEW_MENTION = (
    "Texte généré avec l'assistance d'une IA générative (modèle {model}), à relire par un agent "
    "du CHU avant toute diffusion."
)


def visible_mention(ex: Exchange) -> str | None:
    """The French AI mention appended to the answer: for a template, the pre-review one, else the policy's.

    A template's own ``ai_mention`` (« … et relu par un agent du CHU ») is the publication
    mention: it is true only once the review is acknowledged, so it goes on the exported
    document after the review (Word export, « Mes projets »), never on the fresh answer.
    """
    if ex.template is not None and ex.template.ai_mention:
        return PRE_REVIEW_MENTION.format(model=ex.model)
    return ex.decision.label_mention if ex.decision else None


def response_metadata(ex: Exchange, services: Services) -> dict[str, Any]:
    """The ``iag`` object every answer carries: labelling, decision and review duty."""
    decision = ex.decision
    demo = services.router.is_demo(ex.model)
    return {
        "request_id": ex.request_id,
        "generated_by_ai": True,
        "model": ex.model,
        "model_label": DEMO_LABEL if demo else f"Modèle « {ex.model} » (IA générative)",
        "demo_model": demo,
        "policy_version": ex.policy_version,
        "decision": decision.action if decision else None,
        "articles": list(decision.articles) if decision else [],
        "data_class": decision.data_class if decision else None,
        "review_required": bool(decision and decision.review_required),
        "ai_mention": visible_mention(ex),
        "pii_masked": dict(ex.pii_counts),
        "dropped_params": sorted(ex.dropped_params),
        # what the provider was asked for: the caller's max_tokens, lowered to the charter's cap
        "max_tokens": decision.max_tokens if decision else None,
        "template": (
            {
                "id": ex.template.id,
                "version": ex.template.version,
                "publishable": ex.template.publishable,
                "status": ex.template.status,
                "trial": is_trial(ex),  # a draft tried before approval, audited as ``template.trial``
            }
            if ex.template
            else None
        ),
    }


def completion_id(ex: Exchange) -> str:
    """The id of the answer, derived from the gateway's request id (never the provider's)."""
    return "chatcmpl-" + ex.request_id.removeprefix("req_")


def completion_body(ex: Exchange, services: Services) -> dict[str, Any]:
    """The OpenAI-shaped body of a non-streamed answer.

    In JSON mode the AI mention travels only in the headers and the ``iag`` object:
    appended to the content it would make the answer invalid JSON.
    """
    content = ex.restored_answer
    mention = None if ex.json_mode else visible_mention(ex)
    if mention:
        content = f"{content}\n\n{mention}"
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if ex.tool_calls:
        message["tool_calls"] = ex.tool_calls
    return {
        "id": completion_id(ex),
        "object": "chat.completion",
        "created": int(time.time()),
        "model": ex.model,
        "choices": [{"index": 0, "message": message, "finish_reason": ex.finish_reason or "stop"}],
        "usage": {
            "prompt_tokens": ex.usage.prompt_tokens,
            "completion_tokens": ex.usage.completion_tokens,
            "total_tokens": ex.usage.total_tokens,
        },
        "iag": response_metadata(ex, services),
    }


def sse(payload: dict[str, Any]) -> bytes:
    """Encode one server-sent event."""
    return b"data: " + json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode() + b"\n\n"
