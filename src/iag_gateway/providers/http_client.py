"""The HTTP client litellm's OpenAI-compatible providers send through: aiohttp's pool.

litellm reaches OpenAI-compatible providers through the ``openai`` SDK, which sends
through an ``httpx.AsyncClient``. With httpx's own transport, every request walks the
whole connection pool (a ``poll`` per idle connection and a list of them per idle
connection, httpcore 1.0.9 ``AsyncConnectionPool._assign_requests_to_connections``),
twice per call; at 50 concurrent calls that pool was a fifth of the gateway's CPU.
aiohttp's connector does the same job for a fraction of it (issue 11: +13 % calls served,
median of eight alternated pairs).

The transports are httpx-aiohttp's (``httpx_aiohttp``, the adapter the ``openai`` SDK
itself ships for ``DefaultAioHttpClient``), direct and through a proxy named in the
environment, as httpx builds them. Not litellm's own aiohttp transport: it returns a body
cut short by the provider as if it were whole, while httpx-aiohttp raises
``httpx.ReadError``, so a provider hanging up is still reported.

An aiohttp session belongs to the event loop that created it; the gateway's tests run
several servers, each on its own loop, in one process. :class:`PerLoopTransport`
therefore keeps one transport per running loop.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from typing import Any

import aiohttp
import httpx
from httpx_aiohttp import HttpxAiohttpClient

#: The ``openai`` SDK's connection limits (1,000 per pool); an idle connection is closed
#: after 4 s, before the provider's server closes it under a new request (uvicorn, which
#: serves vLLM, and Node.js close idle connections after 5 s).
LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=100, keepalive_expiry=4.0)


class PerLoopTransport(httpx.AsyncBaseTransport):
    """An ``httpx`` transport made anew (by ``make``) for each running event loop.

    Errors are httpx's: ``httpx.ReadError`` for a body cut short, ``httpx.ConnectError``
    for a provider that refuses the connection or whose name does not resolve,
    ``httpx.RemoteProtocolError`` for one that drops it, ``httpx.TimeoutException``'s
    subclasses for timeouts only (see :func:`_connection_error`), ``httpx.WriteTimeout``
    for a provider that stops reading the request (see :func:`_until_headers_s`).
    """

    def __init__(self, make: Callable[[], httpx.AsyncBaseTransport]) -> None:
        self._make = make
        self._by_loop: dict[asyncio.AbstractEventLoop, httpx.AsyncBaseTransport] = {}

    def _transport(self) -> httpx.AsyncBaseTransport:
        loop = asyncio.get_running_loop()
        transport = self._by_loop.get(loop)
        if transport is None:
            # A loop that ended without closing its transport (a test's ``asyncio.run``) is
            # let go: its aiohttp session holds the loop, so it would never be collected.
            for ended in [other for other in self._by_loop if other.is_closed()]:
                del self._by_loop[ended]
            transport = self._make()
            self._by_loop[loop] = transport
        return transport

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        bound = asyncio.timeout(_until_headers_s(request))
        try:
            async with bound:
                return await self._transport().handle_async_request(request)
        except httpx.ConnectTimeout as exc:
            cause = exc.__cause__
            if cause is None or isinstance(cause, asyncio.TimeoutError):
                raise  # a real timeout
            raise _connection_error(cause, request) from cause
        except TimeoutError as exc:
            if not bound.expired():
                raise
            raise httpx.WriteTimeout("the provider stopped reading the request", request=request) from exc

    async def aclose(self) -> None:
        """Close the running loop's transport (the other loops' are theirs to close)."""
        transport = self._by_loop.pop(asyncio.get_running_loop(), None)
        if transport is not None:
            await transport.aclose()


class ProviderHttpClient(HttpxAiohttpClient):
    """httpx-aiohttp's client, each of its transports (direct, and one per proxy) per loop.

    Built like any ``httpx.AsyncClient``: with ``trust_env`` (the default), proxies named in
    the environment (``HTTPS_PROXY``, ``HTTP_PROXY``, ``ALL_PROXY``, ``NO_PROXY``) are
    mounted for the hosts they cover, as litellm's own client did.
    """

    def _init_transport(self, *args: Any, **kwargs: Any) -> httpx.AsyncBaseTransport:
        return self._per_loop(functools.partial(super()._init_transport, *args, **kwargs))

    def _init_proxy_transport(self, *args: Any, **kwargs: Any) -> httpx.AsyncBaseTransport:
        return self._per_loop(functools.partial(super()._init_proxy_transport, *args, **kwargs))

    def _per_loop(self, make: Callable[[], httpx.AsyncBaseTransport]) -> PerLoopTransport:
        # httpx calls the two hooks above from its __init__, before ours could set anything.
        transport = PerLoopTransport(make)
        vars(self).setdefault("_per_loop_transports", []).append(transport)
        return transport

    async def aclose_loop(self) -> None:
        """Close the running loop's connections, direct and proxied; the client stays usable."""
        for transport in vars(self).get("_per_loop_transports", []):
            await transport.aclose()


@functools.cache
def shared_provider_client() -> ProviderHttpClient:
    """The process's client for ``litellm.aclient_session``.

    One per process, shared by every loop and every router: close a loop's connections
    with :meth:`ProviderHttpClient.aclose_loop`, never the client. TLS is what litellm
    would have used (its ``get_ssl_configuration``: ``SSL_VERIFY``, ``SSL_CERT_FILE``,
    else certifi's bundle). Redirects are followed, as litellm's client does.
    """
    from litellm.llms.custom_httpx.http_handler import get_ssl_configuration

    return ProviderHttpClient(verify=get_ssl_configuration(), limits=LIMITS, follow_redirects=True)


def _connection_error(cause: BaseException, request: httpx.Request) -> httpx.TransportError:
    """The httpx error for an aiohttp connection error that was no timeout.

    httpx-aiohttp 0.2.0 maps every ``aiohttp.ClientConnectionError`` to ``ConnectTimeout``:
    a refused connection, an unknown host or a provider dropping the connection would
    reach the caller as « n'a pas répondu à temps » (504) instead of a failed provider
    (502). aiohttp's real timeouts are ``asyncio.TimeoutError`` subclasses and keep theirs.
    """
    if isinstance(cause, aiohttp.ClientConnectorError):
        return httpx.ConnectError(str(cause), request=request)
    return httpx.RemoteProtocolError(str(cause), request=request)


def _until_headers_s(request: httpx.Request) -> float | None:
    """Seconds the request may take until the response's headers, or ``None`` for no bound.

    httpx bounds each phase (``pool``, ``connect``, ``write``, ``read`` in the request's
    ``timeout`` extension); httpx-aiohttp hands aiohttp all but ``write``, and aiohttp starts
    its read timer only once the body is sent, so a provider that stops reading a large
    request would hold the call for ever. aiohttp's ``connect`` (httpx's ``pool``) bounds
    getting a connection, its ``sock_read`` (``read``) the wait for the headers: past
    ``pool + write + read``, more than ``write`` seconds went to writing.
    """
    timeout = request.extensions.get("timeout", {})
    phases = [timeout.get(name) for name in ("pool", "write", "read")]
    return None if any(phase is None for phase in phases) else float(sum(phases))
