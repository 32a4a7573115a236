"""Staff sessions (Starlette's ``SessionMiddleware``, signed by itsdangerous) and CSRF checks.

The cookie ``iag_session`` is HttpOnly, SameSite=Strict, Secure unless the settings say
otherwise, and lives at most 8 hours (the signature carries its timestamp). It holds
the CSRF token and, once signed in, who signed in:

- with an API key: ``{"kind": "key", "key_id", "user_id", "exp"}`` (never the key); the
  key row is re-read on every request, so revoking or expiring the key ends the session;
- through the institutional identity provider: ``{"kind": "oidc", "user_id",
  "department", "roles", "exp", "id_token"}``; ``exp`` is the provider's token expiry
  (bounded by 8 hours), so the session ends with the provider's tokens.

Signing in clears the session and draws a fresh CSRF token (no fixation); the cookie
value changes with it. Every POST must carry the token (form field or header) and,
when the browser sends one, an Origin (or Referer) naming this host.
"""

from __future__ import annotations

import functools
import hmac
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from sqlalchemy.engine import make_url
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from iag_gateway.errors import ConfigError
from iag_gateway.identity.keys import Identity, KeyStore
from iag_gateway.settings import Settings
from iag_gateway.web.errors import is_api_path

COOKIE_NAME = "iag_session"
SESSION_TTL_S = 8 * 3600
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
OIDC_KEY_ID = "oidc"


class WebSessionMiddleware:
    """Starlette's ``SessionMiddleware`` with the gateway's cookie properties, on the pages only.

    Built on the first request from the running services' settings, so the secret is
    the deployment's secret (``session_secret``) once the lifespan has started. The API
    and the probes (``is_api_path``) authenticate by key and never read a session: they
    pass by (no cookie read, verified or set on them), which spares every API call the
    cookie parsing and the wrapped ``send``.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._inner: SessionMiddleware | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or is_api_path(scope["path"]):
            await self.app(scope, receive, send)
            return
        if self._inner is None:
            settings = scope["app"].state.services.settings
            self._inner = SessionMiddleware(
                self.app,
                secret_key=session_secret(settings),
                session_cookie=COOKIE_NAME,
                max_age=SESSION_TTL_S,
                same_site="strict",
                https_only=settings.cookie_secure,
            )
        await self._inner(scope, receive, send)


@dataclass(frozen=True)
class SignedIn:
    """Who the session says signed in, before the key or the expiry is checked."""

    kind: str
    user_id: str
    expires: float
    key_id: str | None = None
    department: str = ""
    roles: frozenset[str] = frozenset()
    id_token: str | None = None


def csrf_token(request: Request) -> str:
    """Return the session's CSRF token, drawing one for a new visitor."""
    token = request.session.get("csrf")
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def sign_in(request: Request, user: dict[str, Any]) -> None:
    """Start a fresh session for ``user`` (cleared first, new CSRF token)."""
    request.session.clear()
    request.session["csrf"] = secrets.token_urlsafe(32)
    request.session["user"] = user


def sign_in_with_key(request: Request, identity: Identity, now: float | None = None) -> None:
    exp = int((now or time.time()) + SESSION_TTL_S)
    sign_in(request, {"kind": "key", "key_id": identity.key_id, "user_id": identity.user_id, "exp": exp})


def sign_out(request: Request) -> None:
    """Forget who signed in; a new CSRF token serves the sign-in page that follows."""
    request.session.clear()
    request.session["csrf"] = secrets.token_urlsafe(32)


def signed_in(request: Request, now: float | None = None) -> SignedIn | None:
    """Return who signed in, or ``None`` (anonymous, malformed or past its expiry)."""
    user = request.session.get("user")
    if not isinstance(user, dict):
        return None
    kind, user_id, exp = user.get("kind"), user.get("user_id"), user.get("exp")
    if not isinstance(user_id, str) or not isinstance(exp, int | float) or exp <= (now or time.time()):
        return None
    if kind == "key" and isinstance(user.get("key_id"), str):
        return SignedIn("key", user_id, float(exp), key_id=user["key_id"])
    roles, department = user.get("roles"), user.get("department")
    if kind == "oidc" and isinstance(roles, list) and isinstance(department, str):
        token = user.get("id_token")
        return SignedIn(
            "oidc",
            user_id,
            float(exp),
            department=department,
            roles=frozenset(str(r) for r in roles),
            id_token=token if isinstance(token, str) else None,
        )
    return None


def identity_of(keys: KeyStore, who: SignedIn) -> Identity | None:
    """Return the identity behind a session, or ``None`` once its key is revoked or reassigned.

    Key sessions re-read the key (revocation signs the holder out at once); provider
    sessions carry their mapped department and roles, and re-read the training record.
    """
    if who.kind == "key":
        assert who.key_id is not None
        identity = keys.identity(who.key_id)
        if identity is None or identity.user_id != who.user_id:
            return None
        return identity
    return Identity(
        key_id=OIDC_KEY_ID,
        user_id=who.user_id,
        department=who.department,
        roles=who.roles,
        trained=keys.training(who.user_id) is not None,
    )


def csrf_valid(request: Request, submitted: str | None) -> bool:
    """Compare the submitted token with the session's, in constant time."""
    expected = request.session.get("csrf")
    if not isinstance(expected, str) or not expected or not submitted:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), submitted.encode("utf-8", "replace"))


def same_origin(request: Request) -> bool:
    """Refuse a POST whose Origin (or, failing that, Referer) names another host.

    Browsers send Origin on every cross-site POST; a missing header is accepted because
    the CSRF token still has to match.
    """
    host = request.headers.get("host", "")
    origin = request.headers.get("origin")
    if origin is not None:
        return origin != "null" and urlsplit(origin).netloc == host
    referer = request.headers.get("referer")
    if referer:
        return urlsplit(referer).netloc == host
    return True


SECRET_FILE = ".iag-session-secret"  # noqa: S105 - a file name, not a secret


def session_secret(settings: Settings) -> str:
    """The key that signs session cookies: ``IAG_SESSION_SECRET``, else this deployment's own.

    No secret is shipped: outside prod (where the setting is required), a random one is
    generated on first start and kept, readable by the gateway's user only, beside the
    SQLite database (the working directory for PostgreSQL), so sessions survive a restart.
    A kept file that other users may read (copied, committed, unpacked with mode 0644)
    is refused with ``ConfigError``: its secret may be known elsewhere.
    """
    if settings.session_secret:
        return settings.session_secret
    url = make_url(settings.database_url)
    database = url.database if url.get_backend_name() == "sqlite" else None
    home = Path(database).resolve().parent if database and database != ":memory:" else Path.cwd()
    return _kept_secret(home / SECRET_FILE)


@functools.lru_cache(maxsize=8)
def _kept_secret(path: Path) -> str:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        if os.stat(path).st_mode & 0o077:  # copied, committed or unpacked: others may know it
            raise ConfigError(
                str(path), "session secret readable by other users; delete the file to generate a new one"
            ) from None
        secret = path.read_text(encoding="ascii").strip()
        if len(secret) >= 32:
            return secret
        raise ConfigError(
            str(path), "session secret too short; delete the file to generate a new one"
        ) from None
    secret = secrets.token_urlsafe(48)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(secret + "\n")
    return secret
