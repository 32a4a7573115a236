"""A litellm fallback answers in degraded mode, and the record names who really answered."""

from __future__ import annotations

import asyncio

from iag_gateway.exchange import Exchange
from iag_gateway.stages.invoke import invoke, invoke_stream, take_chunk_usage
from tests.fakes.upstream import FakeUpstream
from tests.providers.routers import echo_router


def test_when_primary_fails_then_fallback_answers_and_provider_model_names_it(upstream: FakeUpstream) -> None:
    router = echo_router(upstream.base_url, fallback_to_demo=True)
    healthy, failing = Exchange(route="chat", model="onprem-llm"), Exchange(route="chat", model="onprem-llm")
    healthy.messages = [{"role": "user", "content": "Bonjour"}]
    failing.messages = [{"role": "user", "content": "Bonjour [[fail500]]"}]
    loop = asyncio.new_event_loop()
    loop.run_until_complete(invoke(healthy, router))
    loop.run_until_complete(invoke(failing, router))
    assert healthy.provider_model == "openai/echo" and healthy.answer.startswith("echo: ")
    assert failing.provider_model == "iag-demo/demo" and "démonstration" in failing.answer


def test_when_streamed_then_provider_model_is_taken_from_the_chunks(upstream: FakeUpstream) -> None:
    router = echo_router(upstream.base_url, fallback_to_demo=True)
    ex = Exchange(route="chat", model="onprem-llm")
    ex.messages = [{"role": "user", "content": "Bonjour"}]

    async def drain() -> list[dict[str, object]]:
        chunks = []
        async for chunk in invoke_stream(ex, router):
            take_chunk_usage(ex, chunk)
            chunks.append(chunk)
        return chunks

    chunks = asyncio.new_event_loop().run_until_complete(drain())
    assert ex.provider_model == "openai/echo"
    assert all("_iag_provider_model" not in chunk for chunk in chunks)  # never sent to the caller
