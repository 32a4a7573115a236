"""One log line, one server span and one HTTP count per request (pure ASGI middleware).

The line says the request id (``name_request``), method (``_OTHER`` if not a standard one), route template
(``/v1/templates/{template_id}/run``, never the filled-in path nor the query), status and
latency to the last byte of the body; never a header, a body or any user text. Health
probes are counted, not logged.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from opentelemetry.trace import Status, StatusCode
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("iag_gateway.access")
PROBES = frozenset({"/healthz", "/readyz", "/metrics"})
#: Methods named as sent; a caller may send any token as a method, so any other is named
#: ``_OTHER`` (OpenTelemetry's convention): no caller text in a label, a log line or a span.
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT", "TRACE"})


def name_request(request: Request, request_id: str) -> None:
    """Say which audit record ``request`` is: its log line, span and error lines carry ``request_id``.

    The one way a handler (API or page) hands ``ObserveRequests`` and the error handlers the
    id it gives the caller (``X-Request-Id``, the page's reference) and the audit trail: staff
    quote it, support finds the log line and the record by it.
    """
    request.state.request_id = request_id


class ObserveRequests:
    """Wrap the app: time each HTTP request, then log it and count it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        services = getattr(scope["app"].state, "services", None)
        started = time.perf_counter()
        status = 500
        method = scope.get("method", "GET")
        method = method if method in KNOWN_METHODS else "_OTHER"

        async def observed_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        telemetry = services.telemetry if services is not None else None
        with telemetry.server_span(method) if telemetry is not None else _null() as span:
            try:
                await self.app(scope, receive, observed_send)
            finally:
                route = route_of(scope)
                latency_ms = round((time.perf_counter() - started) * 1000.0, 1)
                request_id = scope.get("state", {}).get("request_id")
                if span is not None:
                    span.update_name(f"{method} {route}")
                    span.set_attribute("http.request.method", method)
                    span.set_attribute("http.route", route)
                    span.set_attribute("http.response.status_code", status)
                    if request_id:
                        span.set_attribute("iag.request_id", request_id)
                    if status >= 500:
                        span.set_status(Status(StatusCode.ERROR))
                if services is not None:
                    services.metrics.http_done(method, route, status, latency_ms / 1000.0)
                if route not in PROBES:
                    log.info(
                        "request",
                        extra={
                            "request_id": request_id,
                            "method": method,
                            "route": route,
                            "status": status,
                            "latency_ms": latency_ms,
                        },
                    )


def route_of(scope: Scope) -> str:
    """The matched route's template, or ``unmatched`` (never the raw path: it may carry ids)."""
    route: Any = scope.get("route")
    path = getattr(route, "path", None)
    return str(path) if path else "unmatched"


class _null:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None
