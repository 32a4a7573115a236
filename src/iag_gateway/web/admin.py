"""Administration pages (admin role): people, keys, training records, roles and departments.

Admins create a key for a person (department, roles, name, optional expiry; the secret
is shown once), revoke keys and record AI-literacy training; every change is audited
(``admin.*`` routes, with the target user and key id, never a secret). Roles and
departments are read here, not edited: they come from the policy (``access.yaml``) and
from the identity provider's mapping, both versioned files. The CLI does the same.
"""

from __future__ import annotations

from datetime import date

from anyio import to_thread
from fastapi import APIRouter, Request
from fastapi.responses import Response

from iag_gateway.identity.roles import ROLES, shared_admin_name
from iag_gateway.web.key_forms import EXPIRY_CHOICES, key_expiry, key_name
from iag_gateway.web.pages import audit_web, french_pages, read_form, require_role, services_of
from iag_gateway.web.views import WebError, page

router = APIRouter(include_in_schema=False)
ADMIN = "admin"
ADMIN_ONLY = (
    "L'administration de la passerelle (clés, formations, rôles) est réservée au rôle « admin » ; "
    "vos rôles ne le comprennent pas."
)


async def _page(
    request: Request, status: int = 200, created: tuple[str, str] | None = None, notice: str | None = None
) -> Response:
    services = services_of(request)
    keys = await to_thread.run_sync(services.keys.list)
    trainings = await to_thread.run_sync(services.keys.trainings)
    users = sorted({k.user_id for k in keys} | {t[0] for t in trainings})
    grants = services.policies.current.policy.access.roles
    mapping = services.oidc.config.roles if services.oidc is not None else {}
    return page(
        request,
        "admin.html",
        status=status,
        keys=list(reversed(keys)),
        trainings=trainings,
        users=users,
        departments=sorted({k.department for k in keys}),
        roles=[(name, grants[name].description if name in grants else "") for name in sorted(ROLES)],
        mapping=sorted(mapping.items()),
        created=created,
        notice=notice,
        choices=EXPIRY_CHOICES,
        nav_current="admin",
    )


@router.get("/admin")
@french_pages
async def admin_home(request: Request) -> Response:
    await require_role(request, ADMIN, ADMIN_ONLY)
    return await _page(request)


@router.post("/admin/cles")
@french_pages
async def admin_create_key(request: Request) -> Response:
    services = services_of(request)
    identity = await require_role(request, ADMIN, ADMIN_ONLY)
    fields = await read_form(request)
    user_id, department = fields.get("utilisateur", "").strip(), fields.get("direction", "").strip()
    roles = {r for r in ROLES if fields.get(f"role_{r}") == "oui"}
    if not user_id or not department or not roles:
        raise WebError(
            422, "Clé incomplète", "Indiquez l'identifiant de la personne, sa direction et au moins un rôle."
        )
    if shared_admin_name(user_id, roles):
        raise WebError(
            422,
            "Identifiant partagé",
            "Une clé d'administrateur est nominative : indiquez l'identifiant de la personne (ex. jdupont).",
        )
    name, expires_at = key_name(fields), key_expiry(fields, required=False)
    info, secret = await to_thread.run_sync(
        lambda: services.keys.create(
            user_id=user_id, department=department, roles=roles, label=name, expires_at=expires_at
        )
    )
    await audit_web(
        services,
        "admin.key.create",
        "ok",
        200,
        identity,
        {
            "target_user": user_id,
            "key_id": info.key_id,
            "roles": sorted(roles),
            "expires_at": expires_at.isoformat() if expires_at else None,
        },
    )
    return await _page(request, created=(user_id, secret))


@router.post("/admin/cles/{key_id}/revoquer")
@french_pages
async def admin_revoke_key(request: Request, key_id: str) -> Response:
    services = services_of(request)
    identity = await require_role(request, ADMIN, ADMIN_ONLY)
    await read_form(request)
    info = await to_thread.run_sync(services.keys.info, key_id)
    if info is None:
        raise WebError(404, "Clé introuvable", "Cette clé n'existe pas.")
    revoked = await to_thread.run_sync(services.keys.revoke, key_id)
    await audit_web(
        services,
        "admin.key.revoke",
        "ok",
        200,
        identity,
        {"target_user": info.user_id, "key_id": key_id, "changed": revoked},
    )
    return await _page(request, notice=f"Clé {key_id} de {info.user_id} révoquée.")


@router.post("/admin/formations")
@french_pages
async def admin_record_training(request: Request) -> Response:
    services = services_of(request)
    identity = await require_role(request, ADMIN, ADMIN_ONLY)
    fields = await read_form(request)
    user_id, course = fields.get("utilisateur", "").strip(), fields.get("formation", "").strip()
    if not user_id or not course:
        raise WebError(422, "Formation incomplète", "Indiquez la personne, la formation et une date passée.")
    try:
        completed_on = date.fromisoformat(fields.get("date", ""))
    except ValueError:
        raise WebError(422, "Date invalide", "Indiquez la date de la formation (jj/mm/aaaa).") from None
    if completed_on > date.today():
        raise WebError(422, "Date invalide", "La date de la formation ne peut pas être à venir.")
    await to_thread.run_sync(services.keys.record_training, user_id, course, completed_on)
    await audit_web(
        services,
        "admin.training.record",
        "ok",
        200,
        identity,
        {"target_user": user_id, "course": course, "completed_on": completed_on.isoformat()},
    )
    return await _page(request, notice=f"Formation de {user_id} enregistrée.")
