"""The only module that talks OpenID Connect (Authlib): authorization URL, code exchange, ID token.

Authorization Code flow with PKCE (S256) and a nonce. The ID token's signature (the
provider's published keys), issuer, audience, expiry and nonce are checked by Authlib;
the provider's discovery document must name the configured issuer. Every failure of the
library, the network or the token is translated into ``AuthenticationFailed`` here.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import httpx
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.starlette_client import OAuth
from joserfc.errors import JoseError

from iag_gateway.errors import AuthenticationFailed
from iag_gateway.identity.oidc_config import OidcConfig

#: Seconds of clock difference tolerated with the provider when checking ``exp``/``iat``.
CLOCK_LEEWAY_S = 30


@dataclass(frozen=True)
class Transaction:
    """What the browser must bring back: the state, and the secrets kept for the exchange."""

    url: str
    state: str
    nonce: str
    code_verifier: str
    redirect_uri: str


@dataclass(frozen=True)
class SignedInClaims:
    """A verified ID token: its claims, the raw token (logout hint) and when the session ends."""

    claims: dict[str, Any]
    id_token: str
    expires_at: float


class OidcClient:
    """One registered client of the configured provider (metadata fetched on first use)."""

    def __init__(self, config: OidcConfig, client_secret: str | None) -> None:
        self.config = config
        self._app: Any = OAuth().register(
            name="etablissement",
            client_id=config.client_id,
            client_secret=client_secret,
            server_metadata_url=config.metadata_url,
            client_kwargs={
                "scope": " ".join(config.scopes),
                "code_challenge_method": "S256",
                "timeout": config.timeout_s,
            },
        )

    async def _metadata(self) -> dict[str, Any]:
        metadata: dict[str, Any] = await self._app.load_server_metadata()
        if str(metadata.get("issuer", "")).rstrip("/") != self.config.issuer.rstrip("/"):
            raise AuthenticationFailed(
                "le document de découverte du fournisseur d'identité désigne un autre émetteur"
            )
        return metadata

    async def begin(self, redirect_uri: str) -> Transaction:
        """Return the provider's authorization URL and the transaction to keep until the callback."""
        try:
            await self._metadata()
            rv = await self._app.create_authorization_url(redirect_uri)
        except (AuthlibBaseError, JoseError, httpx.HTTPError, KeyError, ValueError, RuntimeError) as exc:
            raise AuthenticationFailed(f"fournisseur d'identité injoignable : {type(exc).__name__}") from exc
        return Transaction(rv["url"], rv["state"], rv["nonce"], rv["code_verifier"], redirect_uri)

    async def finish(self, *, code: str, redirect_uri: str, code_verifier: str, nonce: str) -> SignedInClaims:
        """Exchange the code and verify the ID token; raise ``AuthenticationFailed`` otherwise."""
        try:
            await self._metadata()
            token = await self._app.fetch_access_token(
                redirect_uri=redirect_uri, code=code, code_verifier=code_verifier
            )
            if "id_token" not in token:
                raise AuthenticationFailed("le fournisseur d'identité n'a renvoyé aucun jeton d'identité")
            claims = await self._app.parse_id_token(token, nonce=nonce, leeway=CLOCK_LEEWAY_S)
        except (AuthlibBaseError, JoseError, httpx.HTTPError, KeyError, ValueError, RuntimeError) as exc:
            raise AuthenticationFailed(f"connexion refusée : {type(exc).__name__}") from exc
        ends = [float(claims["exp"])]
        if isinstance(token.get("expires_at"), int | float):
            ends.append(float(token["expires_at"]))
        return SignedInClaims(dict(claims), str(token["id_token"]), min(ends))

    async def logout_url(self, post_logout_redirect_uri: str, id_token: str | None) -> str | None:
        """The provider's end-session URL (RP-initiated logout), or ``None`` if it has none."""
        try:
            metadata = await self._metadata()
            if not metadata.get("end_session_endpoint"):
                return None
            result = await self._app.create_logout_url(
                post_logout_redirect_uri=post_logout_redirect_uri,
                id_token_hint=id_token,
                client_id=self.config.client_id,
            )
        except (AuthlibBaseError, httpx.HTTPError, KeyError, ValueError, RuntimeError):
            return None
        return str(result["url"])


def session_end(signed: SignedInClaims, max_s: int, now: float | None = None) -> int:
    """The session's end: the provider's token expiry, never later than ``max_s`` from now."""
    return int(min(signed.expires_at, (now or time.time()) + max_s))
