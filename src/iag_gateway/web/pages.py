"""What every staff page handler shares: the services, who is signed in, checked form bodies.

Pages call :func:`current_identity` (or :func:`require_identity`) to learn who is signed
in, and :func:`read_form` for every POST body: the body is bounded, urlencoded, and comes
with this session's CSRF token from this host. Any error becomes the French error page
(:func:`french_pages`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import wraps
from typing import Any
from urllib.parse import parse_qsl, quote

from anyio import to_thread
from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from iag_gateway.audit.models import AuditEntry
from iag_gateway.errors import PayloadTooLarge, PermissionDenied
from iag_gateway.exchange import new_request_id
from iag_gateway.identity.keys import Identity
from iag_gateway.logs import log_internal_error
from iag_gateway.services import Services
from iag_gateway.web import session as web_session
from iag_gateway.web.observe import route_of
from iag_gateway.web.session import CSRF_FIELD
from iag_gateway.web.views import WebError, error_page, french_error

FORM_LIMIT = 16 * 1024
Handler = Callable[..., Awaitable[Response]]


def services_of(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def french_pages(handler: Handler) -> Handler:
    """Turn any error raised by a page handler into the French error page."""

    @wraps(handler)
    async def wrapper(*args: Any, **kwargs: Any) -> Response:
        try:
            return await handler(*args, **kwargs)
        except SignInRequired:
            return to_login()
        except Exception as exc:  # GatewayError, WebError, or a bug: never a stack trace on the page
            if not isinstance(exc, WebError) and french_error(exc)[0] == 500:
                log_internal_error(exc, route_of(kwargs["request"].scope))
            return error_page(kwargs["request"], exc)

    return wrapper


async def current_identity(request: Request) -> Identity | None:
    """Return the signed-in person (key still active, session not expired), remembering the CSRF token."""
    services = services_of(request)
    who = web_session.signed_in(request)
    if who is None:
        if request.session.get("user") is not None:
            web_session.sign_out(request)  # expired or malformed: forget it
        return None
    identity = await to_thread.run_sync(web_session.identity_of, services.keys, who)
    if identity is not None:
        request.state.web_identity = identity
        request.state.web_csrf = web_session.csrf_token(request)
        request.state.web_signed_in = who
    return identity


class SignInRequired(Exception):
    """A page was asked for without a session: ``french_pages`` sends the browser to the sign-in page."""


async def require_identity(request: Request) -> Identity:
    """The signed-in person. Without one, a page asked for (GET) goes to the sign-in page, as the
    others do (``SignInRequired``); a form sent (POST) gets the French 401 saying why."""
    identity = await current_identity(request)
    if identity is None:
        if request.method in ("GET", "HEAD"):
            raise SignInRequired
        raise WebError(
            401, "Session expirée", "Votre session a expiré ou votre clé a été révoquée. Reconnectez-vous."
        )
    return identity


async def require_role(request: Request, role: str, refusal: str) -> Identity:
    """The signed-in person if they hold ``role``; else ``PermissionDenied(refusal)`` (what is refused)."""
    identity = await require_identity(request)
    if role not in identity.roles:
        raise PermissionDenied(refusal)
    return identity


async def read_form(request: Request, limit: int = FORM_LIMIT) -> dict[str, str]:
    """Read an urlencoded body (bounded) after checking the Origin and the CSRF token."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/x-www-form-urlencoded":
        raise WebError(415, "Format non accepté", "Ce formulaire doit être envoyé depuis la page prévue.")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge("Formulaire trop volumineux.")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise PayloadTooLarge("Formulaire trop volumineux.")
    fields = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
    submitted = request.headers.get(web_session.CSRF_HEADER) or fields.get(CSRF_FIELD)
    if not web_session.same_origin(request) or not web_session.csrf_valid(request, submitted):
        raise WebError(
            403,
            "Formulaire refusé",
            "Le jeton de sécurité du formulaire est absent ou invalide (page trop ancienne ou envoyée "
            "depuis un autre site). Rechargez la page et recommencez.",
        )
    return fields


def to_login() -> RedirectResponse:
    return RedirectResponse("/connexion", status_code=303)


async def audit_web(
    services: Services,
    route: str,
    outcome: str,
    status: int,
    identity: Identity | None,
    extra: dict[str, Any] | None = None,
    user_id: str | None = None,
) -> int:
    """Append one audit record for a page action; return its sequence number."""
    entry = AuditEntry(
        request_id=new_request_id(),
        route=route,
        outcome=outcome,
        status_code=status,
        user_id=identity.user_id if identity else user_id,
        department=identity.department if identity else None,
        roles=sorted(identity.roles) if identity else [],
        extra=extra or {},
    )
    appended = await to_thread.run_sync(services.audit.append, entry)
    return int(appended.seq)


def attachment(filename: str) -> dict[str, str]:
    return {
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}",
        "Cache-Control": "no-store",
    }
