"""The HTTP client litellm's OpenAI-compatible providers send through: aiohttp's pool.

litellm reaches OpenAI-compatible providers through the ``openai`` SDK, which sends
through an ``httpx.AsyncClient``. With httpx's own transport, every request walks the
whole connection pool (a ``poll`` per idle connection and a list of them per idle
connection, httpcore 1.0.9 ``AsyncConnectionPool._assign_requests_to_connections``),
twice per call; at 50 concurrent calls that pool was a fifth of the gateway's CPU.
aiohttp's connector does the same job for a fraction of it (issue 11: +10 to +30 % calls
served, same run).

The transport is httpx-aiohttp's (``httpx_aiohttp.AiohttpTransport``, the adapter the
``openai`` SDK itself ships for ``DefaultAioHttpClient``), not litellm's own aiohttp
transport: litellm's returns a body cut short by the provider as if it were whole, while
httpx-aiohttp raises ``httpx.ReadError``, so a provider hanging up is still reported.

An aiohttp session belongs to the event loop that created it; the gateway's tests run
several servers, each on its own loop, in one process. :class:`PerLoopAiohttpTransport`
therefore keeps one httpx-aiohttp transport per running loop.
"""

from __future__ import annotations

import asyncio
import functools
import ssl
import weakref

import httpx
from httpx_aiohttp import AiohttpTransport

#: The ``openai`` SDK's own limits (1,000 connections per pool; idle ones closed after 5 s,
#: as httpx does, before a provider's server would close them under a request).
LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=100, keepalive_expiry=5.0)


class PerLoopAiohttpTransport(httpx.AsyncBaseTransport):
    """An ``httpx`` transport that sends through one aiohttp pool per running event loop.

    ``verify`` is the TLS configuration of every pool (an ``ssl.SSLContext``, a CA bundle
    path, or a bool), as ``httpx.create_ssl_context`` takes it. Errors are httpx's
    (``httpx.ReadError`` for a body cut short, ``httpx.ConnectError``, timeouts), mapped
    by httpx-aiohttp.
    """

    def __init__(self, verify: ssl.SSLContext | str | bool = True) -> None:
        self._verify = verify
        self._by_loop: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, AiohttpTransport] = (
            weakref.WeakKeyDictionary()
        )

    def _transport(self) -> AiohttpTransport:
        loop = asyncio.get_running_loop()
        transport = self._by_loop.get(loop)
        if transport is None:
            transport = AiohttpTransport(verify=self._verify, limits=LIMITS)
            self._by_loop[loop] = transport
        return transport

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._transport().handle_async_request(request)

    async def aclose(self) -> None:
        """Close the running loop's pool (the other loops' pools are theirs to close)."""
        transport = self._by_loop.pop(asyncio.get_running_loop(), None)
        if transport is not None:
            await transport.aclose()


@functools.cache
def shared_provider_client() -> tuple[httpx.AsyncClient, PerLoopAiohttpTransport]:
    """The process's ``httpx.AsyncClient`` for ``litellm.aclient_session``, and its transport.

    One per process, shared by every loop and every router: close the transport's pool
    per loop (:meth:`PerLoopAiohttpTransport.aclose`), never the client. TLS is what
    litellm would have used (its ``get_ssl_configuration``: ``SSL_VERIFY``,
    ``SSL_CERT_FILE``, else certifi's bundle). Proxies named in the environment
    (``HTTPS_PROXY``, ``NO_PROXY``…) are honoured as before: httpx mounts its own proxy
    transport for the hosts they cover. Redirects are followed, as litellm's client does.
    """
    from litellm.llms.custom_httpx.http_handler import get_ssl_configuration

    verify = get_ssl_configuration()
    transport = PerLoopAiohttpTransport(verify)
    return httpx.AsyncClient(transport=transport, verify=verify, follow_redirects=True), transport
