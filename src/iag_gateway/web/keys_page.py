"""« Mes clés »: staff allowed by the policy create, list and revoke their own API keys.

For scripts calling templated endpoints (finance staff, typically). A key carries the
person's department and roles at creation, minus ``admin`` and ``auditor`` (a script
needs neither); it always expires (at most a year). The secret is shown once, on the
page that answers the creation, and only its salted hash is kept. Every creation and
revocation is audited.
"""

from __future__ import annotations

from anyio import to_thread
from fastapi import APIRouter, Request
from fastapi.responses import Response

from iag_gateway.errors import PermissionDenied
from iag_gateway.identity.keys import Identity
from iag_gateway.services import Services
from iag_gateway.web.key_forms import EXPIRY_CHOICES, key_expiry, key_name
from iag_gateway.web.pages import (
    audit_web,
    current_identity,
    french_pages,
    read_form,
    require_identity,
    services_of,
    to_login,
)
from iag_gateway.web.views import WebError, page

router = APIRouter(include_in_schema=False)
#: Roles a self-service key never carries.
PRIVILEGED = frozenset({"admin", "auditor"})


def may_self_serve(services: Services, identity: Identity) -> bool:
    grants = services.policies.current.policy.access.roles
    return any(grants[r].self_service_keys for r in identity.roles if r in grants)


def _require_self_service(services: Services, identity: Identity) -> None:
    if not may_self_serve(services, identity):
        raise PermissionDenied(
            "La création de clés d'API en libre-service n'est pas ouverte à vos rôles ; "
            "demandez une clé à un administrateur de la passerelle."
        )


async def _page(
    request: Request, identity: Identity, status: int = 200, created: str | None = None
) -> Response:
    services = services_of(request)
    keys = await to_thread.run_sync(services.keys.list_for, identity.user_id)
    return page(
        request,
        "my_keys.html",
        status=status,
        keys=keys,
        created=created,
        choices=EXPIRY_CHOICES,
        nav_current="cles",
    )


@router.get("/mes-cles")
@french_pages
async def my_keys(request: Request) -> Response:
    identity = await current_identity(request)
    if identity is None:
        return to_login()
    _require_self_service(services_of(request), identity)
    return await _page(request, identity)


@router.post("/mes-cles")
@french_pages
async def create_my_key(request: Request) -> Response:
    services = services_of(request)
    identity = await require_identity(request)
    fields = await read_form(request)
    _require_self_service(services, identity)
    name, expires_at = key_name(fields), key_expiry(fields)
    roles = identity.roles - PRIVILEGED
    if not roles:
        raise WebError(
            403, "Clé impossible", "Vos rôles ne permettent pas d'utiliser les modèles par programme."
        )
    info, secret = await to_thread.run_sync(
        lambda: services.keys.create(
            user_id=identity.user_id,
            department=identity.department,
            roles=roles,
            label=name,
            expires_at=expires_at,
        )
    )
    await audit_web(
        services,
        "keys.self.create",
        "ok",
        200,
        identity,
        {"key_id": info.key_id, "expires_at": expires_at.isoformat() if expires_at else None},
    )
    return await _page(request, identity, created=secret)


@router.post("/mes-cles/{key_id}/revoquer")
@french_pages
async def revoke_my_key(request: Request, key_id: str) -> Response:
    services = services_of(request)
    identity = await require_identity(request)
    await read_form(request)
    info = await to_thread.run_sync(services.keys.info, key_id)
    if info is None or info.user_id != identity.user_id:
        raise WebError(404, "Clé introuvable", "Cette clé n'existe pas ou n'est pas la vôtre.")
    revoked = await to_thread.run_sync(services.keys.revoke, key_id)
    await audit_web(services, "keys.self.revoke", "ok", 200, identity, {"key_id": key_id, "changed": revoked})
    return await _page(request, identity)
