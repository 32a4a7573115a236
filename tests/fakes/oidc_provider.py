"""A real OpenID Connect provider on 127.0.0.1 (``oidc-provider-mock``, Authlib and Flask).

It publishes discovery, JWKS, authorization (a small form: type a subject, "Authorize"),
token, userinfo and end-session endpoints, and signs RS256 ID tokens whose ``exp`` is
``access_token_max_age`` from issue. Users and their claims are set with ``user()``.
"""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import werkzeug.serving

CLIENT_ID = "iag-gateway-test"
#: Provider groups the test configuration maps to gateway roles.
ROLE_MAPPING = {
    "acheteurs": ["buyer"],
    "finances": ["finance"],
    "admins-ia": ["admin"],
    "controle": ["auditor"],
}


class OidcProvider:
    """Start with ``start()``; ``issuer`` is its base URL."""

    def __init__(self, token_max_age: timedelta = timedelta(hours=1)) -> None:
        import oidc_provider_mock  # imported here, once pytest's warning filters are in place

        app = oidc_provider_mock.app(require_nonce=True, access_token_max_age=token_max_age)
        self._server = werkzeug.serving.make_server("127.0.0.1", 0, app, threaded=True)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )

    @property
    def issuer(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}"

    def start(self) -> OidcProvider:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._thread.join(timeout=5)
        self._server.server_close()

    def user(self, sub: str, **claims: Any) -> str:
        """Create or replace a user with these claims; return its subject."""
        response = httpx.put(f"{self.issuer}/users/{sub}", json=claims, timeout=10)
        response.raise_for_status()
        return sub

    def config_file(self, path: Path, **extra: Any) -> Path:
        """Write the gateway's OIDC configuration for this provider."""
        lines = [
            f"issuer: {self.issuer}",
            f"client_id: {CLIENT_ID}",
            "claims: {user_id: preferred_username, department: department, roles: groups}",
            "roles:",
            *(f"  {source}: [{', '.join(targets)}]" for source, targets in ROLE_MAPPING.items()),
            *(f"{key}: {value}" for key, value in extra.items()),
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path
