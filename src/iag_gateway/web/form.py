"""The staff web pages (French): sign-in, template list, generated forms, answers, exports.

Pages are rendered on the server (Jinja2, autoescaped) and work without JavaScript; the
small ``static/form.js`` streams the answer when it can. Every template call goes
through the same :class:`Pipeline` as the API, with the identity taken from the signed
session cookie (``session.py``), so it is authorised, redacted and audited alike.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable
from functools import wraps
from typing import Any
from urllib.parse import parse_qsl, quote

from anyio import to_thread
from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response, StreamingResponse

from iag_gateway.audit.models import AuditEntry
from iag_gateway.errors import (
    BadRequest,
    GatewayError,
    InputInvalid,
    NotFound,
    PayloadTooLarge,
    PermissionDenied,
)
from iag_gateway.exchange import Exchange, new_request_id
from iag_gateway.identity.keys import Identity
from iag_gateway.pipeline import Pipeline
from iag_gateway.policy.engine import can_read_audit, template_approve_domains, template_submit_domains
from iag_gateway.prompts.models import PromptTemplate
from iag_gateway.responses import completion_body
from iag_gateway.services import Services
from iag_gateway.web import session as web_session
from iag_gateway.web.docx_export import DOCX_MEDIA_TYPE, build_docx, build_markdown
from iag_gateway.web.reviews import acknowledge
from iag_gateway.web.session import CSRF_FIELD, WebSession
from iag_gateway.web.views import (
    HERE,
    WebError,
    error_page,
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
FORM_LIMIT = 16 * 1024


def services_of(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


# -- errors, in French -------------------------------------------------------------------


Handler = Callable[..., Awaitable[Response]]


def french_pages(handler: Handler) -> Handler:
    """Turn any error raised by a page handler into the French error page."""

    @wraps(handler)
    async def wrapper(*args: Any, **kwargs: Any) -> Response:
        try:
            return await handler(*args, **kwargs)
        except Exception as exc:  # GatewayError, WebError, or a bug: never a stack trace on the page
            if not isinstance(exc, GatewayError | WebError):
                log.error("unexpected error on %s", kwargs["request"].url.path, exc_info=exc)
            return error_page(kwargs["request"], exc)

    return wrapper


# -- session, CSRF and form bodies --------------------------------------------------------


async def current_identity(request: Request) -> Identity | None:
    """Return the signed-in person (key still active), remembering the CSRF token for the page."""
    services = services_of(request)
    session = web_session.read_session(request, services.settings)
    if session is None or not session.signed_in:
        return None
    assert session.key_id is not None and session.user_id is not None
    identity = await to_thread.run_sync(
        web_session.identity_for, services.keys, session.key_id, session.user_id
    )
    if identity is not None:
        request.state.web_identity, request.state.web_csrf = identity, session.csrf
    return identity


async def require_identity(request: Request) -> Identity:
    identity = await current_identity(request)
    if identity is None:
        raise WebError(
            401, "Session expirée", "Votre session a expiré ou votre clé a été révoquée. Reconnectez-vous."
        )
    return identity


async def read_form(request: Request, limit: int = FORM_LIMIT) -> dict[str, str]:
    """Read an urlencoded body (bounded) after checking the Origin and the CSRF token."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/x-www-form-urlencoded":
        raise WebError(415, "Format non accepté", "Ce formulaire doit être envoyé depuis la page prévue.")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge("form body too large")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise PayloadTooLarge("form body too large")
    fields = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
    session = web_session.read_session(request, services_of(request).settings)
    submitted = request.headers.get(web_session.CSRF_HEADER) or fields.get(CSRF_FIELD)
    if not web_session.same_origin(request) or not web_session.csrf_valid(session, submitted):
        raise WebError(
            403,
            "Formulaire refusé",
            "Le jeton de sécurité du formulaire est absent ou invalide (page trop ancienne ou envoyée "
            "depuis un autre site). Rechargez la page et recommencez.",
        )
    return fields


def to_login() -> RedirectResponse:
    return RedirectResponse("/connexion", status_code=303)


async def audit_web(
    services: Services, route: str, outcome: str, status: int, identity: Identity | None
) -> None:
    entry = AuditEntry(
        request_id=new_request_id(),
        route=route,
        outcome=outcome,
        status_code=status,
        user_id=identity.user_id if identity else None,
        department=identity.department if identity else None,
        roles=sorted(identity.roles) if identity else [],
    )
    await to_thread.run_sync(services.audit.append, entry)


def visible_template(services: Services, identity: Identity, template_id: str) -> PromptTemplate:
    template = services.templates.get(template_id)
    if template.id not in {t.id for t in services.templates.visible_to(identity.roles)}:
        raise PermissionDenied("template not visible to these roles")
    return template


def exchange_for(
    identity: Identity, template: PromptTemplate, fields: dict[str, str], stream: bool
) -> Exchange:
    inputs = {f.name: fields[f.name] for f in template.inputs if f.name in fields}
    ex = Exchange(route="template", template_id=template.id)
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


@router.get("/connexion")
@french_pages
async def login_form(request: Request) -> Response:
    if await current_identity(request) is not None:
        return RedirectResponse("/", status_code=303)
    settings = services_of(request).settings
    session = web_session.read_session(request, settings)
    fresh = session is None or session.signed_in
    if session is None or fresh:
        session = WebSession.anonymous()
    response = page(request, "login.html", csrf=session.csrf, error=None, notice=None)
    if fresh:
        web_session.write_session(response, session, settings)
    return response


@router.post("/connexion")
@french_pages
async def login(request: Request) -> Response:
    services = services_of(request)
    fields = await read_form(request)
    token = fields.get("cle", "").strip()
    identity = await to_thread.run_sync(services.keys.authenticate, token) if token else None
    if identity is None:
        await audit_web(services, "web.login", "unauthenticated", 401, None)
        csrf = fields.get(CSRF_FIELD, "")
        error = "Clé d'accès inconnue, mal saisie ou révoquée. Vérifiez-la et recommencez."
        return page(request, "login.html", status=401, csrf=csrf, error=error, notice=None)
    await audit_web(services, "web.login", "ok", 200, identity)
    # Auditors who use no template land on the journal they came for, the directorate on its queue.
    policy = services.policies.current.policy
    landing = "/"
    if not services.templates.visible_to(identity.roles):
        if can_read_audit(policy, identity.roles):
            landing = "/audit"
        elif template_approve_domains(policy, identity.roles) or template_submit_domains(
            policy, identity.roles
        ):
            landing = "/gabarits"
    response = RedirectResponse(landing, status_code=303)
    web_session.write_session(response, WebSession.for_identity(identity), services.settings)
    return response


@router.get("/deconnexion")
@french_pages
async def logout_form(request: Request) -> Response:
    if await current_identity(request) is None:
        return to_login()
    return page(request, "logout.html")


@router.post("/deconnexion")
@french_pages
async def logout(request: Request) -> Response:
    await read_form(request)
    services = services_of(request)
    session = WebSession.anonymous()
    response = page(
        request, "login.html", csrf=session.csrf, identity=None, error=None, notice="Vous êtes déconnecté(e)."
    )
    web_session.write_session(response, session, services.settings)
    return response


@router.get("/")
@french_pages
async def home(request: Request) -> Response:
    identity = await current_identity(request)
    if identity is None:
        return to_login()
    visible = services_of(request).templates.visible_to(identity.roles)
    groups = [(label, [t for t in visible if t.domain == domain]) for domain, label in DOMAINS]
    return page(request, "home.html", groups=[(label, items) for label, items in groups if items])


@router.get("/formulaires/{template_id}")
@french_pages
async def template_form(request: Request, template_id: str) -> Response:
    identity = await current_identity(request)
    if identity is None:
        return to_login()
    template = visible_template(services_of(request), identity, template_id)
    return page(request, "form.html", **form_context(template, {}, []))


@router.post("/formulaires/{template_id}")
@french_pages
async def run_form(request: Request, template_id: str) -> Response:
    """Without JavaScript: run the template and answer with the whole page."""
    services = services_of(request)
    identity = await require_identity(request)
    fields = await read_form(request, services.settings.max_body_bytes)
    template = visible_template(services, identity, template_id)
    values = {f.name: fields.get(f.name, "") for f in template.inputs}
    ex = exchange_for(identity, template, fields, stream=False)
    try:
        await Pipeline(services).handle(ex)
    except InputInvalid as exc:
        return page(request, "form.html", status=422, **form_context(template, values, field_errors(exc)))
    body = completion_body(ex, services)
    meta = body["iag"]
    context = form_context(template, values, [])
    context["answer"] = {
        "text": body["choices"][0]["message"]["content"],
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
        ex = exchange_for(identity, template, fields, stream=True)
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
    headers = {"Cache-Control": "no-store", "X-IAG-Request-Id": ex.request_id, "X-Accel-Buffering": "no"}
    return StreamingResponse(with_summary(stream), media_type="text/event-stream", headers=headers)


@router.post("/export/{kind}")
@french_pages
async def export(request: Request, kind: str) -> Response:
    services = services_of(request)
    await require_identity(request)
    fields = await read_form(request, services.settings.max_body_bytes)
    text = fields.get("texte", "").strip()
    if not text:
        raise WebError(400, "Rien à exporter", "Aucune réponse à exporter : lancez d'abord une rédaction.")
    title = fields.get("titre", "").strip()[:200] or "Texte généré par IA"
    mention = fields.get("mention", "").strip()[:500] or None
    stem = "reponse-" + time.strftime("%Y%m%d-%H%M%S")
    if kind == "docx":
        data = await to_thread.run_sync(build_docx, title, text, mention)
        return Response(data, media_type=DOCX_MEDIA_TYPE, headers=attachment(f"{stem}.docx"))
    if kind == "md":
        markdown = build_markdown(title, text, mention)
        return Response(markdown, media_type="text/markdown; charset=utf-8", headers=attachment(f"{stem}.md"))
    raise NotFound("unknown export format")


def attachment(filename: str) -> dict[str, str]:
    return {
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}",
        "Cache-Control": "no-store",
    }


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
    try:
        seq = await to_thread.run_sync(acknowledge, services, identity, fields.get("request_id"))
    except BadRequest:
        message = "Cette relecture ne correspond à aucune réponse obtenue avec votre session."
        if wants_json:
            return JSONResponse({"error": {"message": message}}, 400)
        raise WebError(400, "Relecture refusée", message) from None
    message = f"Relecture enregistrée dans le journal d'audit (n° {seq}). Merci."
    if wants_json:
        return JSONResponse({"acknowledged": True, "message": message})
    return page(request, "reviewed.html", message=message)
