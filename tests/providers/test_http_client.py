"""The providers' HTTP client: aiohttp's pool per event loop, a cut body still an error."""

from __future__ import annotations

import asyncio
import threading

import httpx
import pytest

from iag_gateway.providers.http_client import shared_provider_client
from tests.fakes.upstream import FakeUpstream


def chat(prompt: str, stream: bool = False) -> dict[str, object]:
    return {"model": "fake", "stream": stream, "messages": [{"role": "user", "content": prompt}]}


async def post(upstream: FakeUpstream, prompt: str) -> httpx.Response:
    client, _transport = shared_provider_client()
    return await client.post(upstream.base_url + "/chat/completions", json=chat(prompt), timeout=10)


def test_when_the_provider_cuts_a_plain_answer_short_then_the_client_raises(upstream: FakeUpstream) -> None:
    async def call() -> None:
        try:
            with pytest.raises(httpx.ReadError):
                await post(upstream, "Réponds. [[cutplain]]")
        finally:
            await shared_provider_client()[1].aclose()

    asyncio.run(call())


def test_when_the_provider_cuts_a_stream_then_reading_it_raises(upstream: FakeUpstream) -> None:
    async def call() -> bytes:
        client, transport = shared_provider_client()
        received = b""
        try:
            request = client.build_request(
                "POST",
                upstream.base_url + "/chat/completions",
                json=chat("Une longue réponse. [[cut]]", True),
            )
            response = await client.send(request, stream=True)
            with pytest.raises(httpx.ReadError):
                async for piece in response.aiter_bytes():
                    received += piece
        finally:
            await transport.aclose()
        return received

    assert b"data:" in asyncio.run(call())  # part of the stream came before the cut


def test_when_one_loop_closes_its_pool_then_another_loop_still_sends(upstream: FakeUpstream) -> None:
    closed = threading.Event()
    answers: list[str] = []

    async def first_loop() -> None:
        assert (await post(upstream, "premier")).status_code == 200
        await shared_provider_client()[1].aclose()
        closed.set()

    async def second_loop() -> None:
        answers.append((await post(upstream, "avant")).json()["choices"][0]["message"]["content"])
        await asyncio.to_thread(closed.wait, 10)
        answers.append((await post(upstream, "après")).json()["choices"][0]["message"]["content"])
        await shared_provider_client()[1].aclose()

    threads = [threading.Thread(target=asyncio.run, args=(job(),)) for job in (first_loop, second_loop)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert closed.is_set()
    assert [answer.rsplit(" ", 1)[-1] for answer in answers] == ["avant", "après"]
