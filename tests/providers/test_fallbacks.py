"""A litellm fallback answers in degraded mode, and the record names who really answered."""

from __future__ import annotations

import asyncio

from iag_gateway.exchange import Exchange
from iag_gateway.providers.config import ProviderConfig
from iag_gateway.providers.router import ProviderRouter
from iag_gateway.stages.invoke import invoke, invoke_stream, take_chunk_usage
from tests.fakes.upstream import FakeUpstream


def router_with_fallback(upstream: FakeUpstream) -> ProviderRouter:
    return ProviderRouter(
        ProviderConfig.model_validate(
            {
                "model_list": [
                    {
                        "model_name": "onprem-llm",
                        "litellm_params": {
                            "model": "openai/echo",
                            "api_base": upstream.base_url,
                            "api_key": "os.environ/IAG_TEST_UPSTREAM_KEY",
                        },
                    },
                    {"model_name": "demo-local", "litellm_params": {"model": "iag-demo/demo"}},
                ],
                "router_settings": {
                    "num_retries": 0,
                    "timeout": 5,
                    "fallbacks": [{"onprem-llm": ["demo-local"]}],
                },
            }
        )
    )


def test_when_primary_fails_then_fallback_answers_and_provider_model_names_it(upstream: FakeUpstream) -> None:
    router = router_with_fallback(upstream)
    healthy, failing = Exchange(route="chat", model="onprem-llm"), Exchange(route="chat", model="onprem-llm")
    healthy.messages = [{"role": "user", "content": "Bonjour"}]
    failing.messages = [{"role": "user", "content": "Bonjour [[fail500]]"}]
    loop = asyncio.new_event_loop()
    loop.run_until_complete(invoke(healthy, router))
    loop.run_until_complete(invoke(failing, router))
    assert healthy.provider_model == "openai/echo" and healthy.answer.startswith("echo: ")
    assert failing.provider_model == "iag-demo/demo" and "démonstration" in failing.answer


def test_when_streamed_then_provider_model_is_taken_from_the_chunks(upstream: FakeUpstream) -> None:
    router = router_with_fallback(upstream)
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
