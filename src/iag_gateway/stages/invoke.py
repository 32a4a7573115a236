"""Stage 6: call the provider through litellm (the only way out of the gateway).

The messages sent are rebuilt by ``outgoing_messages`` from the analysed parts, the
same function the policy's ``prompt_text`` reads: what was checked is what leaves.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

from iag_gateway.errors import UpstreamRejected
from iag_gateway.exchange import Exchange
from iag_gateway.messages import outgoing_messages
from iag_gateway.providers.router import PROVIDER_MODEL_KEY, ProviderRouter
from iag_gateway.stages.request_fields import PROVIDER_DEPENDENT

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> tuple[str, int]:
    """Replace the lone surrogates a provider's JSON may carry by U+FFFD; return the count.

    Decoded JSON joins valid surrogate pairs, so any surrogate left is lone: no UTF-8
    encoder accepts it, and neither the answer nor its audit record could be written.
    """
    cleaned, count = _LONE_SURROGATE.subn("\ufffd", text)
    return cleaned, count


def drop_unsupported(ex: Exchange, router: ProviderRouter) -> None:
    """Keep the optional OpenAI fields the provider supports; name the others in ``dropped_params``."""
    optional = PROVIDER_DEPENDENT & ex.params.keys()
    if not optional:
        return
    supported = router.supported_params(ex.model)
    for name in sorted(optional - supported):
        del ex.params[name]
        ex.dropped_params.append(name)


async def invoke(ex: Exchange, router: ProviderRouter) -> None:
    """Send the pseudonymised messages; keep the (pseudonymised) answer and usage."""
    ex.provider_model = router.config.provider_model(ex.model)
    drop_unsupported(ex, router)
    try:
        response = await router.complete(ex.model, outgoing_messages(ex.messages), ex.params)
    except UpstreamRejected as exc:
        raise _restored(ex, exc) from exc
    ex.provider_model = response.pop(PROVIDER_MODEL_KEY, None) or ex.provider_model
    choice = (response.get("choices") or [{}])[0]
    message = choice.get("message") or {}
    ex.answer, replaced = clean_text(message.get("content") or "")
    ex.replaced_characters += replaced
    ex.tool_calls = message.get("tool_calls") or None
    for call in ex.tool_calls or []:
        function = call.get("function") or {}
        if isinstance(function.get("arguments"), str):
            function["arguments"], replaced = clean_text(function["arguments"])
            ex.replaced_characters += replaced
    ex.finish_reason = choice.get("finish_reason")
    ex.upstream_id = response.get("id")
    _take_usage(ex, response.get("usage"))


async def invoke_stream(ex: Exchange, router: ProviderRouter) -> AsyncIterator[dict[str, Any]]:
    """Open the provider stream; the pipeline restores and relays each chunk."""
    ex.provider_model = router.config.provider_model(ex.model)
    drop_unsupported(ex, router)
    try:
        async for chunk in router.stream(ex.model, outgoing_messages(ex.messages), ex.params):
            yield chunk
    except UpstreamRejected as exc:
        raise _restored(ex, exc) from exc


def _restored(ex: Exchange, error: UpstreamRejected) -> UpstreamRejected:
    """The provider's refusal with the caller's values back in place of the placeholders it quotes."""
    if ex.pseudonymizer is not None:
        error.message = ex.pseudonymizer.restore(clean_text(error.message)[0])
    return error


def take_chunk_usage(ex: Exchange, chunk: dict[str, Any]) -> None:
    """Record usage (and the deployment that answered) when a streamed chunk carries them."""
    ex.provider_model = chunk.pop(PROVIDER_MODEL_KEY, None) or ex.provider_model
    _take_usage(ex, chunk.get("usage"))


def _take_usage(ex: Exchange, usage: Any) -> None:
    if isinstance(usage, dict):
        ex.usage.prompt_tokens = int(usage.get("prompt_tokens") or 0)
        ex.usage.completion_tokens = int(usage.get("completion_tokens") or 0)
