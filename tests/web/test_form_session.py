"""The session's reading of its cookie, the CSRF check and the French masking summary, without a server."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest
from starlette.requests import Request

from iag_gateway.settings import Settings
from iag_gateway.web.session import (
    WebSessionMiddleware,
    csrf_token,
    csrf_valid,
    sign_in,
    sign_out,
    signed_in,
)
from iag_gateway.web.views import masking_summary


def request_with(session: dict[str, object]) -> Request:
    """A real Starlette request whose scope holds ``session`` (what the middleware puts there)."""
    return Request({"type": "http", "method": "GET", "path": "/", "headers": [], "session": session})


def test_when_provider_session_is_past_its_token_expiry_then_signed_out() -> None:
    request = request_with({})
    sign_in(
        request, {"kind": "oidc", "user_id": "a", "department": "achats", "roles": ["buyer"], "exp": 1_000}
    )
    assert signed_in(request, now=999) is not None
    assert signed_in(request, now=1_000) is None


@pytest.mark.parametrize(
    "user",
    [
        {"kind": "oidc", "user_id": "a", "department": "achats", "exp": 2_000},  # no roles
        {"kind": "key", "user_id": "a", "exp": 2_000},  # no key id
        {"kind": "other", "user_id": "a", "key_id": "k", "exp": 2_000},
        {"kind": "key", "key_id": "k", "exp": 2_000},  # no user id
        {"kind": "key", "user_id": "a", "key_id": "k", "exp": "2000"},
        "a string",
    ],
)
def test_when_session_content_is_malformed_then_nobody_is_signed_in(user: object) -> None:
    assert signed_in(request_with({"user": user}), now=1_000) is None


def test_when_signing_in_then_session_is_cleared_and_csrf_token_changes() -> None:
    request = request_with({"csrf": "before", "leftover": "x"})
    before = csrf_token(request)
    sign_in(request, {"kind": "key", "key_id": "k", "user_id": "a", "exp": 2_000})
    assert csrf_token(request) != before and "leftover" not in request.session
    sign_out(request)
    assert "user" not in request.session and csrf_token(request)


def test_when_csrf_token_differs_then_invalid() -> None:
    request = request_with({})
    token = csrf_token(request)
    assert csrf_valid(request, token)
    assert not csrf_valid(request, token + "x")
    assert not csrf_valid(request, None)
    assert not csrf_valid(request_with({}), token)


@pytest.mark.parametrize(
    ("counts", "summary"),
    [
        ({}, "Aucune donnée personnelle détectée : rien n'a été masqué avant envoi."),
        ({"PERSON": 1, "PHONE_NUMBER": 1}, "1 nom de personne, 1 numéro de téléphone masqués avant envoi."),
        ({"PERSON": 1}, "1 nom de personne masqué avant envoi."),
        ({"EMAIL_ADDRESS": 2}, "2 adresses électroniques masquées avant envoi."),
        ({"PHONE_NUMBER": 1, "PERSON": 3}, "3 noms de personne, 1 numéro de téléphone masqués avant envoi."),
        ({"SOMETHING_NEW": 1}, "1 donnée personnelle masquée avant envoi."),
    ],
)
def test_when_entities_masked_then_french_summary_without_values(
    counts: dict[str, int], summary: str
) -> None:
    assert masking_summary(counts) == summary


def test_when_cookie_secure_setting_is_on_then_session_cookie_is_secure_httponly_strict() -> None:
    import asyncio
    from types import SimpleNamespace

    import httpx
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    from iag_gateway.settings import Settings
    from iag_gateway.web.session import WebSessionMiddleware

    async def visit(request: Request) -> PlainTextResponse:
        return PlainTextResponse(csrf_token(request))

    app = Starlette(routes=[Route("/", visit)])
    app.state.services = SimpleNamespace(
        settings=Settings(env="test", session_secret="s" * 40, cookie_secure=True)
    )
    app.add_middleware(WebSessionMiddleware)

    async def fetch() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://gw") as client:
            return await client.get("/")

    cookie = asyncio.run(fetch()).headers["set-cookie"].lower()
    assert cookie.startswith("iag_session=")
    assert (
        "secure" in cookie
        and "httponly" in cookie
        and "samesite=strict" in cookie
        and "max-age=28800" in cookie
    )


@pytest.mark.parametrize(
    ("path", "has_session"), [("/v1/chat/completions", False), ("/healthz", False), ("/", True)]
)
def test_only_the_pages_get_a_session(path: str, has_session: bool) -> None:
    """The API and the probes authenticate by key: the session middleware lets them by untouched."""
    seen: list[bool] = []

    async def app(scope: dict[str, object], receive: object, send: object) -> None:
        seen.append("session" in scope)

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": b""}

    async def send(message: object) -> None:
        return None

    state = SimpleNamespace(services=SimpleNamespace(settings=Settings(session_secret="s" * 32)))
    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "headers": [],
        "app": SimpleNamespace(state=state),
    }
    asyncio.run(WebSessionMiddleware(app)(scope, receive, send))  # type: ignore[arg-type]
    assert seen == [has_session]
