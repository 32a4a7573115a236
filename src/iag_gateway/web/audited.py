"""One audit record for each API call that does not go through the pipeline.

Listing models or templates, reading the audit trail, acknowledging a review: each is
authenticated, and written to the audit trail once, when it ends, with its real
outcome (a 404 or a 403 raised by the handler is recorded as such).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from anyio import to_thread
from fastapi import Request

from iag_gateway.audit.models import AuditEntry
from iag_gateway.errors import AuthenticationFailed, GatewayError
from iag_gateway.exchange import new_request_id
from iag_gateway.identity.keys import Identity
from iag_gateway.services import Services
from iag_gateway.web.observe import name_request


@dataclass
class AuditedCall:
    request_id: str
    identity: Identity | None = None
    recorded_elsewhere: bool = False  # set when the handler wrote the call's record itself

    @property
    def caller(self) -> Identity:
        assert self.identity is not None
        return self.identity


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


@asynccontextmanager
async def audited_call(request: Request, route: str) -> AsyncIterator[AuditedCall]:
    """Authenticate the caller, run the block, then append the call's one audit record."""
    services: Services = request.app.state.services
    call = AuditedCall(request_id=new_request_id())
    name_request(request, call.request_id)
    error: GatewayError | None = None
    try:
        token = bearer_token(request)
        if not token:
            raise AuthenticationFailed(
                "Clé d'API absente : envoyez l'en-tête « Authorization: Bearer <clé> »."
            )
        call.identity = await to_thread.run_sync(services.keys.authenticate, token)
        if call.identity is None:
            raise AuthenticationFailed("Clé d'API invalide ou révoquée.")
        yield call
    except GatewayError as exc:
        error = exc
        raise
    finally:
        if not call.recorded_elsewhere:
            await to_thread.run_sync(services.audit.append, _entry(call, route, error))


def _entry(call: AuditedCall, route: str, error: GatewayError | None) -> AuditEntry:
    identity = call.identity
    rules = list(getattr(error, "rules", ()) or ())
    return AuditEntry(
        request_id=call.request_id,
        route=route,
        outcome=error.outcome if error else "ok",
        status_code=error.status if error else 200,
        error_type=type(error).__name__ if error else None,
        error_code=error.code if error else None,
        user_id=identity.user_id if identity else None,
        department=identity.department if identity else None,
        roles=sorted(identity.roles) if identity else [],
        rules=[{"rule_id": r.rule_id, "articles": list(r.articles), "effect": r.effect} for r in rules],
        articles=list(dict.fromkeys(a for r in rules for a in r.articles)),
    )
