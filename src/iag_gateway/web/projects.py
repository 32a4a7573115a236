"""« Mes projets »: each author's generations, re-opened, duplicated with changes, exported again.

A project is written when an answer is complete (the text the author saw, restored)
and is readable by its author only: every query takes the signed-in user id. Projects
older than the policy's retention (``policy.yaml`` ``projects.retention_days``, 30 days
by default) are purged whenever the list is opened and at startup. Auditors never see
project text: the audit trail keeps its own digests and metadata only.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import AsyncIterator

from anyio import to_thread
from fastapi import APIRouter, Request
from fastapi.responses import Response

from iag_gateway.errors import NotFound
from iag_gateway.identity.keys import Identity
from iag_gateway.policy.models import ProjectsRule
from iag_gateway.policy.template_models import mention_model
from iag_gateway.projects.models import Project
from iag_gateway.prompts.models import PromptTemplate
from iag_gateway.services import Services
from iag_gateway.storage.types import utc_now
from iag_gateway.web.docx_export import (
    DOCX_MEDIA_TYPE,
    ExportInfo,
    build_docx,
    build_markdown,
    export_filename,
)
from iag_gateway.web.pages import attachment, current_identity, french_pages, services_of, to_login
from iag_gateway.web.reviews import STATEMENT
from iag_gateway.web.views import WebError, page

log = logging.getLogger("iag_gateway.web.projects")
DEFAULT_RULE = ProjectsRule(id="projects-retention", articles=["art-8.1"], retention_days=30)
router = APIRouter(include_in_schema=False)
NO_PROJECT = WebError(
    404,
    "Projet introuvable",
    "Ce projet n'existe pas, n'est pas le vôtre ou a été supprimé à la fin de sa durée de conservation.",
)


def retention_rule(services: Services) -> ProjectsRule:
    """The policy's ``projects`` rule, or the 30-day default when the policy names none."""
    rule = services.policies.current.policy.meta.projects
    return rule if rule is not None else DEFAULT_RULE


def retention_days(services: Services) -> int:
    return retention_rule(services).retention_days


def purge_expired(services: Services) -> int:
    """Delete the projects past the policy's retention; return how many."""
    removed = services.projects.purge(retention_rule(services).cutoff(utc_now()))
    if removed:
        log.info("purged %d project(s) past their retention", removed)
    return removed


async def keep_project(
    services: Services,
    identity: Identity,
    template: PromptTemplate,
    request_id: str,
    inputs: dict[str, str],
    answer: str,
) -> Project:
    return await to_thread.run_sync(
        lambda: services.projects.save(
            user_id=identity.user_id,
            template_id=template.id,
            template_title=template.title,
            template_version=str(template.version),
            request_id=request_id,
            inputs=inputs,
            answer=answer,
        )
    )


async def keeping_stream(
    events: AsyncIterator[bytes],
    services: Services,
    identity: Identity,
    template: PromptTemplate,
    request_id: str,
    inputs: dict[str, str],
) -> AsyncIterator[bytes]:
    """Relay the answer's events; once it is complete (no error), keep it before the last event."""
    parts: list[str] = []
    failed = False
    async for event in events:
        if event.startswith(b"data: [DONE]"):
            if not failed:
                await keep_project(services, identity, template, request_id, inputs, "".join(parts))
        elif event.startswith(b"data: {"):
            payload = json.loads(event[len(b"data: ") :])
            failed = failed or "error" in payload
            for choice in payload.get("choices") or []:
                piece = (choice.get("delta") or {}).get("content")
                if isinstance(piece, str):
                    parts.append(piece)
        yield event


async def project_of_request(services: Services, identity: Identity, request_id: str) -> Project:
    project = await to_thread.run_sync(services.projects.by_request, identity.user_id, request_id)
    if project is None:
        raise NO_PROJECT
    return project


async def export_project(services: Services, identity: Identity, project: Project, kind: str) -> Response:
    """The project as .docx or .md, whatever its review state (before review: « à relire »)."""
    mention = None  # the publication mention says « relu par… »: only once the review is acknowledged
    if project.reviewed:
        try:
            template = services.templates.get(project.template_id)
            model = mention_model(services, template, identity.roles)
            mention = template.mention_for(model) if template.publishable else None
        except NotFound:
            pass  # the template was withdrawn since; the project is still the author's
    info = ExportInfo(
        title=project.template_title,
        author=identity.user_id,
        reference=project.request_id,
        template_id=project.template_id,
        template_version=project.template_version,
        reviewed_by=project.reviewed_by,
        reviewed_at=project.reviewed_at,
        publication_mention=mention,
    )
    if kind == "docx":
        data = await to_thread.run_sync(build_docx, info, project.answer)
        name = export_filename(project.template_id, utc_now(), "docx")
        return Response(data, media_type=DOCX_MEDIA_TYPE, headers=attachment(name))
    if kind == "md":
        name = export_filename(project.template_id, utc_now(), "md")
        markdown = build_markdown(info, project.answer)
        return Response(markdown, media_type="text/markdown; charset=utf-8", headers=attachment(name))
    raise NotFound("Format d'export inconnu.")


@router.get("/projets")
@french_pages
async def projects_list(request: Request) -> Response:
    identity = await current_identity(request)
    if identity is None:
        return to_login()
    services = services_of(request)
    await to_thread.run_sync(purge_expired, services)
    projects = await to_thread.run_sync(services.projects.list_for, identity.user_id)
    return page(
        request, "projects.html", projects=projects, retention=retention_days(services), nav_current="projets"
    )


@router.get("/projets/{project_id}")
@french_pages
async def project_detail(request: Request, project_id: str) -> Response:
    identity = await current_identity(request)
    if identity is None:
        return to_login()
    services = services_of(request)
    project = await to_thread.run_sync(services.projects.get, identity.user_id, project_id)
    if project is None:
        raise NO_PROJECT
    labels: dict[str, str] = {}
    with contextlib.suppress(NotFound):
        labels = {f.name: f.label for f in services.templates.get(project.template_id).inputs}
    inputs = [(labels.get(name, name), value) for name, value in project.inputs.items() if value]
    return page(
        request,
        "project.html",
        project=project,
        inputs=inputs,
        statement=STATEMENT,
        retention=retention_days(services),
        nav_current="projets",
    )
