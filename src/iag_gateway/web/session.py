"""Sign staff in with a signed session cookie, and guard every form with a CSRF token.

The cookie holds ``{key_id, user_id, csrf, exp}`` (never the API key itself), base64url
JSON followed by its HMAC-SHA256 under ``settings.session_secret``. Each request
re-reads the key row, so a revoked key ends the session at once. Anonymous visitors get
a cookie too (no key id) so that the sign-in form has a CSRF token of its own; signing
in issues a fresh cookie and a fresh token (no session fixation).
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import Response
from sqlalchemy.engine import make_url

from iag_gateway.identity.keys import Identity, KeyStore
from iag_gateway.settings import Settings

COOKIE_NAME = "iag_session"
SESSION_TTL_S = 8 * 3600
ANONYMOUS_TTL_S = 3600
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


@dataclass(frozen=True)
class WebSession:
    """What the signed cookie says: who signed in (if anyone), the CSRF token, the expiry."""

    csrf: str
    expires: int
    key_id: str | None = None
    user_id: str | None = None

    @property
    def signed_in(self) -> bool:
        return self.key_id is not None and self.user_id is not None

    @classmethod
    def anonymous(cls, now: float | None = None) -> WebSession:
        return cls(csrf=secrets.token_urlsafe(32), expires=int((now or time.time()) + ANONYMOUS_TTL_S))

    @classmethod
    def for_identity(cls, identity: Identity, now: float | None = None) -> WebSession:
        return cls(
            csrf=secrets.token_urlsafe(32),
            expires=int((now or time.time()) + SESSION_TTL_S),
            key_id=identity.key_id,
            user_id=identity.user_id,
        )


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(secret: str, payload: str) -> str:
    return _b64(hmac.new(secret.encode("utf-8"), payload.encode("ascii"), hashlib.sha256).digest())


def encode_session(session: WebSession, secret: str) -> str:
    """Return the cookie value: ``payload.signature``."""
    body: dict[str, Any] = {"c": session.csrf, "e": session.expires}
    if session.signed_in:
        body.update(k=session.key_id, u=session.user_id)
    payload = _b64(json.dumps(body, separators=(",", ":")).encode("utf-8"))
    return f"{payload}.{_signature(secret, payload)}"


def decode_session(value: str | None, secret: str, now: float | None = None) -> WebSession | None:
    """Return the session in a cookie value, or ``None`` if it is missing, forged or expired."""
    if not value or value.count(".") != 1:
        return None
    payload, signature = value.split(".")
    if not hmac.compare_digest(
        signature.encode("ascii", "replace"), _signature(secret, payload).encode("ascii")
    ):
        return None
    try:
        body = json.loads(_unb64(payload))
    except (binascii.Error, ValueError):
        return None
    if not isinstance(body, dict) or not isinstance(body.get("c"), str) or not isinstance(body.get("e"), int):
        return None
    if body["e"] <= (now or time.time()):
        return None
    key_id, user_id = body.get("k"), body.get("u")
    if not (isinstance(key_id, str) and isinstance(user_id, str)):
        key_id = user_id = None
    return WebSession(csrf=body["c"], expires=body["e"], key_id=key_id, user_id=user_id)


SECRET_FILE = ".iag-session-secret"  # noqa: S105 - a file name, not a secret


def session_secret(settings: Settings) -> str:
    """The key that signs session cookies: ``IAG_SESSION_SECRET``, else this deployment's own.

    No secret is shipped: outside prod (where the setting is required), a random one is
    generated on first start and kept, readable by the gateway's user only, beside the
    SQLite database (the working directory for PostgreSQL), so sessions survive a restart.
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
        secret = path.read_text(encoding="ascii").strip()
        if len(secret) >= 32:
            return secret
        raise RuntimeError(
            f"{path}: session secret too short; delete the file to generate a new one"
        ) from None
    secret = secrets.token_urlsafe(48)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(secret + "\n")
    return secret


def read_session(request: Request, settings: Settings) -> WebSession | None:
    return decode_session(request.cookies.get(COOKIE_NAME), session_secret(settings))


def write_session(response: Response, session: WebSession, settings: Settings) -> None:
    """Set the cookie: HttpOnly, SameSite=Strict, Secure unless the settings say otherwise."""
    response.set_cookie(
        COOKIE_NAME,
        encode_session(session, session_secret(settings)),
        max_age=max(0, int(session.expires - time.time())),
        path="/",
        secure=settings.cookie_secure,
        httponly=True,
        samesite="strict",
    )


def csrf_valid(session: WebSession | None, submitted: str | None) -> bool:
    """Compare the submitted token with the session's, in constant time."""
    if session is None or not submitted:
        return False
    return hmac.compare_digest(session.csrf.encode("utf-8"), submitted.encode("utf-8", "replace"))


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


def identity_for(keys: KeyStore, key_id: str, user_id: str) -> Identity | None:
    """Return the identity behind a still-active key, or ``None`` if revoked, gone or reassigned.

    The web session cannot re-authenticate (it never keeps the secret), so it re-reads the
    key on every request: revoking a key signs its holder out. The user id in the cookie
    must still be the key's holder.
    """
    identity = keys.identity(key_id)
    if identity is None or identity.user_id != user_id:
        return None
    return identity
