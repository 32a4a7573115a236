"""Stage 1: who is calling? A bearer API key, checked against its salted hash."""

from __future__ import annotations

from iag_gateway.errors import AuthenticationFailed
from iag_gateway.exchange import Exchange
from iag_gateway.identity.keys import KeyStore


def authenticate(ex: Exchange, keys: KeyStore) -> None:
    """Resolve the caller's identity or raise ``AuthenticationFailed`` (401).

    A web session resolves the identity itself (from a signed cookie, re-checking
    that the key is still active) and sets ``ex.identity`` before the pipeline runs.
    """
    if ex.identity is not None:
        return
    if not ex.token:
        raise AuthenticationFailed("Clé d'API absente : envoyez l'en-tête « Authorization: Bearer <clé> ».")
    identity = keys.authenticate(ex.token)
    if identity is None:
        raise AuthenticationFailed("Clé d'API invalide ou révoquée.")
    ex.identity = identity
