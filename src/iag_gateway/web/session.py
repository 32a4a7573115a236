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
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import Response

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


def read_session(request: Request, settings: Settings) -> WebSession | None:
    return decode_session(request.cookies.get(COOKIE_NAME), settings.session_secret)


def write_session(response: Response, session: WebSession, settings: Settings) -> None:
    """Set the cookie: HttpOnly, SameSite=Strict, Secure unless the settings say otherwise."""
    response.set_cookie(
        COOKIE_NAME,
        encode_session(session, settings.session_secret),
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
