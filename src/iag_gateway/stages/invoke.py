"""Stage 6: call the provider through litellm (the only way out of the gateway).

The messages sent are rebuilt by ``outgoing_messages`` from the analysed parts, the
same function the policy's ``prompt_text`` reads: what was checked is what leaves.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from iag_gateway.exchange import Exchange
from iag_gateway.messages import outgoing_messages
from iag_gateway.providers.router import PROVIDER_MODEL_KEY, ProviderRouter


async def invoke(ex: Exchange, router: ProviderRouter) -> None:
    """Send the pseudonymised messages; keep the (pseudonymised) answer and usage."""
    ex.provider_model = router.config.provider_model(ex.model)
    response = await router.complete(ex.model, outgoing_messages(ex.messages), ex.params)
    ex.provider_model = response.pop(PROVIDER_MODEL_KEY, None) or ex.provider_model
    choice = (response.get("choices") or [{}])[0]
    message = choice.get("message") or {}
    ex.answer = message.get("content") or ""
    ex.tool_calls = message.get("tool_calls") or None
    ex.finish_reason = choice.get("finish_reason")
    ex.upstream_id = response.get("id")
    _take_usage(ex, response.get("usage"))


def invoke_stream(ex: Exchange, router: ProviderRouter) -> AsyncIterator[dict[str, Any]]:
    """Open the provider stream; the pipeline restores and relays each chunk."""
    ex.provider_model = router.config.provider_model(ex.model)
    return router.stream(ex.model, outgoing_messages(ex.messages), ex.params)


def take_chunk_usage(ex: Exchange, chunk: dict[str, Any]) -> None:
    """Record usage (and the deployment that answered) when a streamed chunk carries them."""
    ex.provider_model = chunk.pop(PROVIDER_MODEL_KEY, None) or ex.provider_model
    _take_usage(ex, chunk.get("usage"))


def _take_usage(ex: Exchange, usage: Any) -> None:
    if isinstance(usage, dict):
        ex.usage.prompt_tokens = int(usage.get("prompt_tokens") or 0)
        ex.usage.completion_tokens = int(usage.get("completion_tokens") or 0)
