"""Template governance pages (French): referents submit drafts, the directorate approves or rejects.

``/gabarits`` lists what the signed-in person may act on; ``/gabarits/nouveau`` takes the
full YAML of a new template or a new version; ``/gabarits/{id}`` shows every version with
its diff, submitter, approver, dates and comment, and carries the decision form for the
directorate. The rules live in ``prompts/workflow.py``; each submission and decision
(refusals included) appends one audit record citing template id, version and digest.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from anyio import to_thread
from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from iag_gateway.errors import GatewayError, NotFound, TemplateConfigError, VersionConflict
from iag_gateway.identity.keys import Identity
from iag_gateway.policy.grants import (
    can_read_audit,
    covers,
    template_approve_domains,
    template_submit_domains,
)
from iag_gateway.prompts import workflow
from iag_gateway.prompts.versions import TemplateVersion
from iag_gateway.services import Services
from iag_gateway.web import template_admin_views as views
from iag_gateway.web.console import console_entry
from iag_gateway.web.form import DOMAINS, current_identity, french_pages, read_form, services_of, to_login
from iag_gateway.web.views import WebError, page

router = APIRouter(include_in_schema=False)
SOURCE_LIMIT = 256 * 1024  # urlencoded YAML of at most ~100 kB


@dataclass
class Rights:
    submit: frozenset[str]
    approve: frozenset[str]
    read_audit: bool

    @property
    def any(self) -> bool:
        return bool(self.submit or self.approve or self.read_audit)


def rights_of(services: Services, identity: Identity) -> Rights:
    policy = services.policies.current.policy
    return Rights(
        template_submit_domains(policy, identity.roles),
        template_approve_domains(policy, identity.roles),
        can_read_audit(policy, identity.roles),
    )


# -- the record of each action ----------------------------------------------------------


@dataclass
class Action:
    """One submission or decision: what it concerned, filled in as the handler learns it."""

    identity: Identity
    route: str
    template_id: str | None = None
    version: str | None = None
    digest: str | None = None
    decision: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    rejected: Exception | None = None  # a refusal shown on the form itself (422, 409)


@asynccontextmanager
async def audited(request: Request, identity: Identity, route: str) -> AsyncIterator[Action]:
    """Run one action and append its single audit record with its real outcome."""
    services = services_of(request)
    action = Action(identity, route)
    error: Exception | None = None
    try:
        yield action
    except Exception as exc:
        error = exc
        raise
    finally:
        error = error or action.rejected
        outcome, status = _outcome(error)
        entry = dataclasses.replace(
            console_entry(identity, action.extra, outcome, status, error, route),
            template_id=action.template_id,
            template_version=action.version,
            template_digest=action.digest,
            decision=action.decision,
        )
        await to_thread.run_sync(services.audit.append, entry)


def _outcome(error: Exception | None) -> tuple[str, int]:
    if error is None:
        return "ok", 200
    if isinstance(error, TemplateConfigError):
        return "rejected", 422
    if isinstance(error, GatewayError):
        return error.outcome, error.status
    if isinstance(error, WebError):
        return ("denied" if error.status in (401, 403) else "rejected"), error.status
    return "error", 500


def _refused(rights: Rights) -> None:
    if not rights.any:
        raise WebError(
            403,
            "Accès refusé",
            "La gestion des gabarits est réservée aux référents de domaine et à la direction désignée "
            "(articles 2.1 et 5.1 de la charte).",
        )


# -- pages ---------------------------------------------------------------------------------


@router.get("/gabarits")
@french_pages
async def overview(request: Request) -> Response:
    identity = await current_identity(request)
    if identity is None:
        return to_login()
    services = services_of(request)
    rights = rights_of(services, identity)
    _refused(rights)
    library = services.templates
    pending = await to_thread.run_sync(library.store.by_state, "submitted")
    visible_pending = [
        v
        for v in pending
        if covers(rights.approve | rights.submit, v.domain) or v.submitted_by == identity.user_id
    ]
    domains = [
        (key, label)
        for key, label in DOMAINS
        if covers(rights.submit | rights.approve, key) or rights.read_audit
    ]
    groups = [(key, label, [t for t in library.all() if t.domain == key]) for key, label in domains]
    return page(
        request,
        "template_admin.html",
        nav_current="gabarits",
        groups=groups,
        pending=[views.version_row(v) for v in visible_pending],
        can_submit=rights.submit,
        can_approve=bool(rights.approve),
        covers=covers,
    )


@router.get("/gabarits/nouveau")
@french_pages
async def submission_form(request: Request) -> Response:
    identity = await current_identity(request)
    if identity is None:
        return to_login()
    services = services_of(request)
    rights = rights_of(services, identity)
    domains = [(key, label) for key, label in DOMAINS if covers(rights.submit, key)]
    if not domains:
        raise WebError(403, "Accès refusé", "Seuls les référents de domaine soumettent des gabarits.")
    source, domain = views.starting_text(services.templates, request.query_params.get("depuis"), domains)
    return page(
        request,
        "template_submit.html",
        nav_current="gabarits",
        domains=domains,
        domain=domain,
        source=source,
        error=None,
    )


@router.post("/gabarits/nouveau")
@french_pages
async def submit(request: Request) -> Response:
    identity = await current_identity(request)
    if identity is None:
        return to_login()
    services = services_of(request)
    fields = await read_form(request, SOURCE_LIMIT)
    rights = rights_of(services, identity)
    domains = [(key, label) for key, label in DOMAINS if covers(rights.submit, key)]
    domain, source = fields.get("domaine", ""), fields.get("source", "")
    async with audited(request, identity, "templates.submit") as action:
        action.extra = {"domain": domain, "source_bytes": len(source.encode("utf-8"))}
        policy = services.policies.current.policy
        try:
            version, _ = await to_thread.run_sync(
                workflow.submit, services.templates, policy, identity, domain, source
            )
        except (TemplateConfigError, VersionConflict) as exc:
            action.rejected = exc
            status = 409 if isinstance(exc, VersionConflict) else 422
            return page(
                request,
                "template_submit.html",
                status=status,
                nav_current="gabarits",
                domains=domains,
                domain=domain,
                source=source,
                error=views.submission_error(exc),
            )
        action.template_id, action.version, action.digest = (
            version.template_id,
            version.version,
            version.source_digest,
        )
    return RedirectResponse(
        f"/gabarits/{quote(version.template_id)}?soumis={quote(version.version)}", status_code=303
    )


@router.get("/gabarits/{template_id}")
@french_pages
async def history(request: Request, template_id: str) -> Response:
    identity = await current_identity(request)
    if identity is None:
        return to_login()
    services = services_of(request)
    rights = rights_of(services, identity)
    library = services.templates
    versions: list[TemplateVersion] = await to_thread.run_sync(library.store.history, template_id)
    if not versions:
        raise NotFound("Gabarit inconnu.")
    domain = versions[0].domain
    usable = template_id in {t.id for t in library.visible_to(identity.roles)}
    if not (usable or rights.read_audit or covers(rights.submit | rights.approve, domain)):
        raise WebError(403, "Accès refusé", "Ce gabarit n'est pas ouvert à vos fonctions.")
    served = library.get(template_id) if template_id in library else None
    return page(
        request,
        "template_history.html",
        nav_current="gabarits",
        template_id=template_id,
        served=served,
        versions=[views.version_row(v, served) for v in versions],
        can_decide=covers(rights.approve, domain),
        me=identity.user_id,
        submitted=request.query_params.get("soumis"),
        decided={"approuvee": "version approuvée", "rejetee": "version rejetée"}.get(
            request.query_params.get("decision", "")
        ),
    )


@router.post("/gabarits/{template_id}/versions/{version}/decision")
@french_pages
async def decide(request: Request, template_id: str, version: str) -> Response:
    identity = await current_identity(request)
    if identity is None:
        return to_login()
    services = services_of(request)
    fields = await read_form(request)
    approve = fields.get("decision") == "approuver"
    comment = fields.get("commentaire", "")
    async with audited(request, identity, "templates.decide") as action:
        action.template_id, action.version = template_id, version
        action.decision = "approved" if approve else "rejected"
        action.extra = {"comment_digest": hashlib.sha256(comment.strip().encode("utf-8")).hexdigest()}
        policy = services.policies.current.policy
        try:
            decided = await to_thread.run_sync(
                lambda: workflow.decide(
                    services.templates,
                    policy,
                    identity,
                    template_id,
                    version,
                    approve=approve,
                    comment=comment,
                )
            )
        except (TemplateConfigError, VersionConflict) as exc:
            action.rejected = exc
            raise WebError(
                409 if isinstance(exc, VersionConflict) else 422,
                "Décision non enregistrée",
                views.submission_error(exc),
            ) from None
        action.digest = decided.digest or decided.source_digest
    word = "approuvee" if approve else "rejetee"
    return RedirectResponse(f"/gabarits/{quote(template_id)}?decision={word}", status_code=303)
