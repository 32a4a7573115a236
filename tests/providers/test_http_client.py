"""The providers' HTTP client: aiohttp's pool per event loop, a cut body still an error."""

from __future__ import annotations

import asyncio
import gc
import json
import socket
import threading
import weakref
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from iag_gateway.errors import UpstreamError, UpstreamTimeout
from iag_gateway.providers.http_client import LIMITS, ProviderHttpClient, shared_provider_client
from tests.fakes.upstream import FakeUpstream
from tests.providers.routers import echo_router


def chat(prompt: str, stream: bool = False) -> dict[str, object]:
    return {"model": "fake", "stream": stream, "messages": [{"role": "user", "content": prompt}]}


async def post(upstream: FakeUpstream, prompt: str) -> httpx.Response:
    return await shared_provider_client().post(
        upstream.base_url + "/chat/completions", json=chat(prompt), timeout=10
    )


def test_when_the_provider_cuts_a_plain_answer_short_then_the_client_raises(upstream: FakeUpstream) -> None:
    async def call() -> None:
        try:
            with pytest.raises(httpx.ReadError):
                await post(upstream, "Réponds. [[cutplain]]")
        finally:
            await shared_provider_client().aclose_loop()

    asyncio.run(call())


def test_when_the_provider_cuts_a_stream_then_reading_it_raises(upstream: FakeUpstream) -> None:
    async def call() -> bytes:
        client = shared_provider_client()
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
            await client.aclose_loop()
        return received

    assert b"data:" in asyncio.run(call())  # part of the stream came before the cut


def test_when_one_loop_closes_its_pool_then_another_loop_still_sends(upstream: FakeUpstream) -> None:
    closed = threading.Event()
    answers: list[str] = []

    async def first_loop() -> None:
        assert (await post(upstream, "premier")).status_code == 200
        await shared_provider_client().aclose_loop()
        closed.set()

    async def second_loop() -> None:
        answers.append((await post(upstream, "avant")).json()["choices"][0]["message"]["content"])
        await asyncio.to_thread(closed.wait, 10)
        answers.append((await post(upstream, "après")).json()["choices"][0]["message"]["content"])
        await shared_provider_client().aclose_loop()

    threads = [threading.Thread(target=asyncio.run, args=(job(),)) for job in (first_loop, second_loop)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert closed.is_set()
    assert [answer.rsplit(" ", 1)[-1] for answer in answers] == ["avant", "après"]


@pytest.fixture
def forward_proxy() -> Iterator[tuple[str, list[str]]]:
    """A plain-HTTP forward proxy on loopback that answers itself and keeps the request lines."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("content-length", 0)))
            seen.append(f"{self.command} {self.path}")
            data = json.dumps({"via": "proxy"}).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()


def test_when_the_environment_names_a_proxy_then_providers_are_reached_through_it(
    forward_proxy: tuple[str, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy_url, seen = forward_proxy
    monkeypatch.setenv("HTTP_PROXY", proxy_url)
    monkeypatch.setenv("NO_PROXY", "direct.invalid")

    async def call() -> dict[str, Any]:
        client = ProviderHttpClient(limits=LIMITS)
        try:
            response = await client.post("http://provider.invalid/v1/chat/completions", json=chat("Bonjour"))
            with pytest.raises(httpx.ConnectError):  # NO_PROXY: sent directly, and the name does not resolve
                await client.post("http://direct.invalid/v1/chat/completions", json=chat("Bonjour"))
            return dict(response.json())
        finally:
            await client.aclose_loop()

    assert asyncio.run(call()) == {"via": "proxy"}
    assert seen == ["POST http://provider.invalid/v1/chat/completions"]


def raw_server(on_connection: Callable[[socket.socket], None], receive_buffer: int = 0) -> Iterator[str]:
    """A TCP server on loopback handing each accepted connection to ``on_connection``; its URL."""
    listener = socket.create_server(("127.0.0.1", 0))
    if receive_buffer:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
    accepted: list[socket.socket] = []

    def serve() -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            accepted.append(connection)
            on_connection(connection)

    threading.Thread(target=serve, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    listener.close()
    for connection in accepted:
        connection.close()


@pytest.fixture
def hanging_up_server() -> Iterator[str]:
    """Reads each request and closes the connection unanswered."""

    def hang_up(connection: socket.socket) -> None:
        with connection:
            connection.recv(65536)

    yield from raw_server(hang_up)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize(
    ("target", "error"),
    [("refused", httpx.ConnectError), ("hangs-up", httpx.RemoteProtocolError), ("slow", httpx.ReadTimeout)],
)
def test_when_the_provider_cannot_be_reached_then_the_error_says_how_and_only_a_timeout_is_a_timeout(
    target: str, error: type[httpx.TransportError], upstream: FakeUpstream, hanging_up_server: str
) -> None:
    url = {
        "refused": f"http://127.0.0.1:{closed_port()}/v1/chat/completions",
        "hangs-up": hanging_up_server + "/v1/chat/completions",
        "slow": upstream.base_url + "/chat/completions",
    }[target]

    async def call() -> None:
        client = shared_provider_client()
        try:
            with pytest.raises(error) as raised:
                await client.post(url, json=chat("Réponds. [[slow]]"), timeout=0.5)
            assert isinstance(raised.value, httpx.TimeoutException) == (target == "slow")
        finally:
            await client.aclose_loop()

    asyncio.run(call())


def test_when_the_provider_refuses_connections_then_the_router_reports_a_failure_not_a_timeout() -> None:
    router = echo_router(f"http://127.0.0.1:{closed_port()}/v1")

    async def call() -> None:
        try:
            await router.complete("onprem-llm", [{"role": "user", "content": "Bonjour"}], {})
        finally:
            await router.aclose()

    with pytest.raises(UpstreamError) as raised:
        asyncio.run(call())
    assert not isinstance(raised.value, UpstreamTimeout)
    assert "a échoué" in str(raised.value) and "connexion impossible" in str(raised.value)
    assert "statut" not in str(raised.value)  # no provider status was ever received


@pytest.fixture
def deaf_server() -> Iterator[str]:
    """Accepts connections and never reads from them (a small receive buffer)."""
    yield from raw_server(lambda connection: None, receive_buffer=4096)


def test_when_the_provider_stops_reading_the_request_then_the_call_times_out(deaf_server: str) -> None:
    async def call() -> float:
        client = shared_provider_client()
        started = asyncio.get_running_loop().time()
        try:
            with pytest.raises(httpx.WriteTimeout):
                # more than loopback's socket buffers hold: the write blocks; without the bound
                # the call would wait for ever, so the test gives up after 10 s (and fails)
                sent = client.post(
                    deaf_server + "/v1/chat/completions", content=b"x" * (64 << 20), timeout=0.5
                )
                await asyncio.wait_for(sent, 10)
        finally:
            await client.aclose_loop()
        return asyncio.get_running_loop().time() - started

    assert asyncio.run(call()) < 5  # pool + write + read = 1.5 s; without the bound: for ever


def test_when_loops_end_without_closing_their_pools_then_the_client_lets_them_go(
    upstream: FakeUpstream,
) -> None:
    ended: list[weakref.ref[asyncio.AbstractEventLoop]] = []

    async def call() -> None:
        ended.append(weakref.ref(asyncio.get_running_loop()))
        await post(upstream, "Bonjour")

    for _ in range(3):
        asyncio.run(call())  # no aclose_loop: the loop ends with its pool open
    asyncio.run(post(upstream, "Bonjour"))  # a new loop's first call lets the ended ones go
    gc.collect()
    assert [ref() for ref in ended] == [None, None, None]
