"""The staff web pages (French): template list, generated forms, answers, exports, review.

Pages are rendered on the server (Jinja2, autoescaped) and work without JavaScript; the
small ``static/form.js`` streams the answer when it can. Every template call goes
through the same :class:`Pipeline` as the API, with the identity taken from the session
(``session.py``), so it is authorised, redacted and audited alike. Each answer is kept
in « Mes projets » for its author (``projects.py``); exports and the review read it
from there, never from the browser.
"""

from __future__ import annotations

import json
import logging

from anyio import to_thread
from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse

from iag_gateway.errors import BadRequest, GatewayError, InputInvalid, PermissionDenied
from iag_gateway.exchange import Exchange, new_request_id
from iag_gateway.identity.keys import Identity
from iag_gateway.pii.placeholders import readable
from iag_gateway.pipeline import Pipeline
from iag_gateway.policy.template_models import mention_model
from iag_gateway.prompts.models import PromptTemplate
from iag_gateway.responses import completion_body
from iag_gateway.services import Services
from iag_gateway.web.observe import name_request
from iag_gateway.web.pages import attachment as attachment  # re-exported for console.py
from iag_gateway.web.pages import current_identity as current_identity
from iag_gateway.web.pages import french_pages as french_pages
from iag_gateway.web.pages import read_form as read_form
from iag_gateway.web.pages import require_identity
from iag_gateway.web.pages import services_of as services_of
from iag_gateway.web.pages import to_login as to_login
from iag_gateway.web.projects import export_project, keep_project, keeping_stream, project_of_request
from iag_gateway.web.reviews import acknowledge
from iag_gateway.web.views import (
    HERE,
    WebError,
    form_context,
    french_error,
    labelled_errors,
    masking_summary,
    page,
    with_summary,
)

log = logging.getLogger("iag_gateway.web.form")
router = APIRouter(include_in_schema=False)

STATIC_FILES = {"app.css": "text/css; charset=utf-8", "form.js": "text/javascript; charset=utf-8"}
DOMAINS = (
    ("comptabilite", "Comptabilité analytique"),
    ("achats", "Achats"),
    ("recherche", "Recherche clinique"),
)


def own_domains(services: Services, identity: Identity) -> list[str]:
    """The template domains the policy opens to the person's roles by name (not through "*")."""
    grants = services.policies.current.policy.access.roles
    return [
        d
        for role in sorted(identity.roles)
        if role in grants
        for d in grants[role].template_domains
        if d != "*"
    ]


def visible_template(services: Services, identity: Identity, template_id: str) -> PromptTemplate:
    template = services.templates.get(template_id)
    if template.id not in {t.id for t in services.templates.visible_to(identity.roles)}:
        raise PermissionDenied("Ce gabarit n'est pas ouvert à vos rôles.")
    return template


def exchange_for(
    request: Request, identity: Identity, template: PromptTemplate, fields: dict[str, str], stream: bool
) -> Exchange:
    """The call a form post makes; its request id names the post's log line, as an API call's does."""
    inputs = {f.name: fields[f.name] for f in template.inputs if f.name in fields}
    ex = Exchange(route="template", template_id=template.id)
    name_request(request, ex.request_id)
    ex.body = json.dumps({"inputs": inputs, "stream": stream}).encode("utf-8")
    ex.identity = identity
    return ex


def field_errors(exc: InputInvalid) -> list[tuple[str, str]]:
    return [(e.field, e.message) for e in exc.errors]


# -- pages -----------------------------------------------------------------------------


@router.get("/static/{name}")
async def static_file(name: str) -> Response:
    if name not in STATIC_FILES:
        return Response("Fichier introuvable.", status_code=404, media_type="text/plain; charset=utf-8")
    return FileResponse(
        HERE / "static" / name, media_type=STATIC_FILES[name], headers={"Cache-Control": "no-cache"}
    )


@router.get("/")
@french_pages
async def home(request: Request) -> Response:
    identity = await current_identity(request)
    if identity is None:
        return to_login()
    services = services_of(request)
    visible = services.templates.visible_to(identity.roles)
    validated = [t for t in visible if t.status != "draft"]
    own = own_domains(services, identity)
    ordered = sorted(DOMAINS, key=lambda item: (item[0] not in own, DOMAINS.index(item)))
    groups = [(label, [t for t in validated if t.domain == domain]) for domain, label in ordered]
    drafts = [t for t in visible if t.status == "draft"]  # an administrator's trials, never « validé »
    return page(
        request, "home.html", groups=[(label, items) for label, items in groups if items], drafts=drafts
    )


@router.get("/formulaires/{template_id}")
@french_pages
async def template_form(request: Request, template_id: str) -> Response:
    identity = await current_identity(request)
    if identity is None:
        return to_login()
    template = visible_template(services_of(request), identity, template_id)
    values: dict[str, str] = {}
    source = request.query_params.get("depuis")
    if source:  # « dupliquer avec modifications »: the inputs of one of the author's projects
        project = await to_thread.run_sync(services_of(request).projects.get, identity.user_id, source)
        if project is not None and project.template_id == template.id:
            values = dict(project.inputs)
    return page(
        request,
        "form.html",
        **form_context(template, values, [], mention_model(services_of(request), template, identity.roles)),
    )


@router.post("/formulaires/{template_id}")
@french_pages
async def run_form(request: Request, template_id: str) -> Response:
    """Without JavaScript: run the template and answer with the whole page."""
    services = services_of(request)
    identity = await require_identity(request)
    fields = await read_form(request, services.settings.max_body_bytes)
    template = visible_template(services, identity, template_id)
    values = {f.name: fields.get(f.name, "") for f in template.inputs}
    ex = exchange_for(request, identity, template, fields, stream=False)
    try:
        await Pipeline(services).handle(ex)
    except InputInvalid as exc:
        return page(
            request,
            "form.html",
            status=422,
            **form_context(template, values, field_errors(exc), ex.model or "?"),
        )
    body = completion_body(ex, services)
    meta = body["iag"]
    text = body["choices"][0]["message"]["content"] or ""
    await keep_project(services, identity, template, ex.request_id, values, text)
    context = form_context(template, values, [], ex.model)
    context["answer"] = {
        "text": readable(text),
        "request_id": ex.request_id,
        "masked": masking_summary(meta["pii_masked"]),
        "mention": meta["ai_mention"],
        "model_label": meta["model_label"],
        "review_required": meta["review_required"],
    }
    return page(request, "form.html", **context)


@router.post("/formulaires/{template_id}/executer")
async def stream_form(request: Request, template_id: str) -> Response:
    """With JavaScript: relay the answer as server-sent events; errors come back as JSON."""
    services = services_of(request)
    try:
        identity = await require_identity(request)
        fields = await read_form(request, services.settings.max_body_bytes)
        template = visible_template(services, identity, template_id)
        ex = exchange_for(request, identity, template, fields, stream=True)
        stream = await Pipeline(services).handle(ex)
    except InputInvalid as exc:
        errors = labelled_errors(template, field_errors(exc))
        return JSONResponse(
            {"error": {"message": "Le formulaire contient des erreurs.", "fields": errors}}, 422
        )
    except (GatewayError, WebError) as exc:
        status, title, message = french_error(exc)
        return JSONResponse({"error": {"title": title, "message": message}}, status)
    assert stream is not None
    values = {f.name: fields.get(f.name, "") for f in template.inputs}
    kept = keeping_stream(with_summary(stream), services, identity, template, ex.request_id, values)
    headers = {"Cache-Control": "no-store", "X-IAG-Request-Id": ex.request_id, "X-Accel-Buffering": "no"}
    return StreamingResponse(kept, media_type="text/event-stream", headers=headers)


@router.post("/export/{kind}")
@french_pages
async def export(request: Request, kind: str) -> Response:
    """Export the answer of one of the author's requests (text read from « Mes projets »)."""
    services = services_of(request)
    identity = await require_identity(request)
    fields = await read_form(request)
    project = await project_of_request(services, identity, fields.get("request_id", ""))
    return await export_project(services, identity, project, kind)


@router.post("/relecture")
@french_pages
async def review(request: Request) -> Response:
    """Record « J'ai relu et je prends la responsabilité de ce texte » for one answer."""
    services = services_of(request)
    identity = await require_identity(request)
    fields = await read_form(request)
    wants_json = request.headers.get("x-requested-with") == "fetch"
    if fields.get("relu") != "oui":
        message = "Cochez la case « J'ai relu et je prends la responsabilité de ce texte » pour confirmer."
        if wants_json:
            return JSONResponse({"error": {"message": message}}, 400)
        raise WebError(400, "Relecture non confirmée", message)
    request_id = fields.get("request_id", "")
    acknowledgement = new_request_id()
    try:
        seq = await to_thread.run_sync(acknowledge, services, identity, request_id, acknowledgement)
    except BadRequest:
        message = "Cette relecture ne correspond à aucune réponse obtenue avec votre session."
        if wants_json:
            return JSONResponse({"error": {"message": message}}, 400)
        raise WebError(400, "Relecture refusée", message) from None
    name_request(request, acknowledgement)  # recorded: the log line names the acknowledgement's record
    await to_thread.run_sync(services.projects.mark_reviewed, identity.user_id, request_id)
    message = f"Relecture enregistrée dans le journal d'audit (n° {seq}). Merci."
    if wants_json:
        return JSONResponse({"acknowledged": True, "message": message})
    back = fields.get("retour", "")
    return page(request, "reviewed.html", message=message, back=back if back.startswith("/projets/") else "")
