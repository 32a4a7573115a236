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
from collections.abc import AsyncIterator, Awaitable, Callable
from functools import cache, wraps
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote

import jinja2
from anyio import to_thread
from fastapi import APIRouter, Request
from fastapi.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)

from iag_gateway.audit.models import AuditEntry
from iag_gateway.errors import (
    AuthenticationFailed,
    BadRequest,
    GatewayError,
    InputInvalid,
    NotFound,
    PayloadTooLarge,
    PermissionDenied,
    PolicyDenied,
    RateLimited,
    ServiceUnavailable,
    UpstreamError,
)
from iag_gateway.exchange import Exchange, new_request_id
from iag_gateway.identity.keys import Identity
from iag_gateway.pipeline import Pipeline, completion_body
from iag_gateway.prompts.models import PromptTemplate, TemplateInput
from iag_gateway.services import Services
from iag_gateway.web import session as web_session
from iag_gateway.web.docx_export import DOCX_MEDIA_TYPE, build_docx, build_markdown
from iag_gateway.web.reviews import STATEMENT, acknowledge
from iag_gateway.web.session import CSRF_FIELD, WebSession

log = logging.getLogger("iag_gateway.web.form")
router = APIRouter(include_in_schema=False)

HERE = Path(__file__).resolve().parent
STATIC_FILES = {"app.css": "text/css; charset=utf-8", "form.js": "text/javascript; charset=utf-8"}
DOMAINS = (
    ("comptabilite", "Comptabilité analytique"),
    ("achats", "Achats"),
    ("recherche", "Recherche clinique"),
)
REVIEW_REMINDER = "Texte généré par IA : relisez-le avant tout usage"
FORM_LIMIT = 16 * 1024
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}
#: French names of what the redaction stage masks: (singular, plural, feminine).
PII_LABELS: dict[str, tuple[str, str, bool]] = {
    "PERSON": ("nom de personne", "noms de personne", False),
    "PHONE_NUMBER": ("numéro de téléphone", "numéros de téléphone", False),
    "EMAIL_ADDRESS": ("adresse électronique", "adresses électroniques", True),
    "ADDRESS": ("adresse postale", "adresses postales", True),
    "FR_NIR": ("numéro de sécurité sociale", "numéros de sécurité sociale", False),
    "IBAN_CODE": ("IBAN", "IBAN", False),
    "DATE_OF_BIRTH": ("date de naissance", "dates de naissance", True),
    "PATIENT_ID": ("identifiant patient", "identifiants patient", False),
    "HEALTH_PRO_ID": (
        "identifiant de professionnel de santé",
        "identifiants de professionnels de santé",
        False,
    ),
}


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True, undefined=jinja2.StrictUndefined
    )


class WebError(Exception):
    """A refusal specific to the pages (bad CSRF token, no session), shown as a French page."""

    def __init__(self, status: int, title: str, message: str) -> None:
        super().__init__(message)
        self.status, self.title, self.message = status, title, message


def services_of(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render one page with the security headers every page carries."""
    context.setdefault("identity", getattr(request.state, "web_identity", None))
    context.setdefault("csrf", getattr(request.state, "web_csrf", ""))
    html = _environment().get_template(name).render(**context)
    return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)


# -- errors, in French -------------------------------------------------------------------


def french_error(exc: Exception) -> tuple[int, str, str]:
    """Return (status, title, message) for a page; never a stack trace or the prompt."""
    if isinstance(exc, WebError):
        return exc.status, exc.title, exc.message
    if not isinstance(exc, GatewayError):
        return 500, "Erreur interne", "Une erreur interne est survenue ; la demande n'a pas abouti."
    status = exc.status
    if isinstance(exc, PolicyDenied | RateLimited):
        return status, "Demande refusée" if status == 403 else "Limite d'usage atteinte", exc.message
    table: list[tuple[type[GatewayError], str, str]] = [
        (AuthenticationFailed, "Session expirée", "Votre session a expiré ou votre clé a été révoquée."),
        (PermissionDenied, "Accès refusé", "Vos rôles ne vous donnent pas accès à ce modèle."),
        (NotFound, "Page introuvable", "La page ou le modèle demandé n'existe pas."),
        (PayloadTooLarge, "Texte trop volumineux", "Le texte envoyé dépasse la taille autorisée."),
        (BadRequest, "Demande invalide", "La demande est incomplète ou mal formée."),
        (
            UpstreamError,
            "Service d'IA indisponible",
            "Le service d'IA n'a pas répondu correctement. Réessayez dans quelques instants.",
        ),
        (
            ServiceUnavailable,
            "Service indisponible",
            "Le service est temporairement indisponible ; rien n'a été envoyé. Réessayez plus tard.",
        ),
    ]
    for kind, title, message in table:
        if isinstance(exc, kind):
            return status, title, message
    return 500, "Erreur interne", "Une erreur interne est survenue ; la demande n'a pas abouti."


def error_page(request: Request, exc: Exception) -> HTMLResponse:
    status, title, message = french_error(exc)
    response = page(request, "error.html", status=status, title=title, message=message, status_code=status)
    if isinstance(exc, RateLimited):
        response.headers["Retry-After"] = str(exc.retry_after)
    return response


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
    engine = services.keys._engine
    identity = await to_thread.run_sync(web_session.identity_for, engine, session.key_id, session.user_id)
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


# -- view models ---------------------------------------------------------------------------


def masking_summary(counts: dict[str, int]) -> str:
    """« 1 nom de personne, 1 numéro de téléphone masqués avant envoi » (types and counts only)."""
    parts, total, all_feminine = [], 0, True
    for entity, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if count <= 0:
            continue
        singular, plural, feminine = PII_LABELS.get(
            entity, ("donnée personnelle", "données personnelles", True)
        )
        parts.append(f"{count} {singular if count == 1 else plural}")
        total += count
        all_feminine = all_feminine and feminine
    if not parts:
        return "Aucune donnée personnelle détectée : rien n'a été masqué avant envoi."
    verb = "masqué" + ("e" if all_feminine else "") + ("s" if total > 1 else "")
    return f"{', '.join(parts)} {verb} avant envoi."


def field_view(field: TemplateInput, value: str, error: str | None) -> dict[str, Any]:
    """What the form macro needs to draw one input."""
    widget = {"long_text": "textarea", "list": "textarea", "choice": "select"}.get(field.type, "input")
    html_type = {"number": "number", "money": "number", "date": "date"}.get(field.type, "text")
    hint = field.help
    if field.type == "list":
        hint = (hint + " " if hint else "") + f"Une valeur par ligne (au plus {field.effective_max_items})."
    if field.type == "money":
        hint = (hint + " " if hint else "") + "Montant en euros, centimes facultatifs."
    return {
        "name": field.name,
        "label": field.label,
        "help": hint,
        "required": field.required,
        "widget": widget,
        "type": html_type,
        "value": value,
        "error": error,
        "choices": field.choices or [],
        "maxlength": field.effective_max_length if field.type in ("text", "long_text") else None,
        "min": field.min,
        "max": field.max,
        "step": "0.01" if field.type == "money" else ("any" if field.type == "number" else None),
        "rows": 8 if field.type == "long_text" else 4,
    }


def form_context(
    template: PromptTemplate, values: dict[str, str], errors: list[tuple[str, str]]
) -> dict[str, Any]:
    by_field = dict(errors)
    labels = {f.name: f.label for f in template.inputs}
    return {
        "template": template,
        "fields": [field_view(f, values.get(f.name, ""), by_field.get(f.name)) for f in template.inputs],
        "errors": [{"field": name, "label": labels.get(name, name), "message": msg} for name, msg in errors],
        "answer": None,
        "reminder": REVIEW_REMINDER,
        # What a published text must carry (the template's own mention, model filled in).
        "publication_mention": template.mention_for(template.model) if template.publishable else None,
        "statement": STATEMENT,
    }


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
    response = RedirectResponse("/", status_code=303)
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
        labels = {f.name: f.label for f in template.inputs}
        errors = [{"field": f, "label": labels.get(f, f), "message": m} for f, m in field_errors(exc)]
        return JSONResponse(
            {"error": {"message": "Le formulaire contient des erreurs.", "fields": errors}}, 422
        )
    except (GatewayError, WebError) as exc:
        status, title, message = french_error(exc)
        return JSONResponse({"error": {"title": title, "message": message}}, status)
    assert stream is not None
    headers = {"Cache-Control": "no-store", "X-IAG-Request-Id": ex.request_id, "X-Accel-Buffering": "no"}
    return StreamingResponse(with_summary(stream), media_type="text/event-stream", headers=headers)


async def with_summary(stream: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    """Relay the pipeline's events, adding the French masking summary and French error messages."""
    pending = True
    try:
        async for event in stream:
            if (pending and event.startswith(b"data: {")) or event.startswith(b'data: {"error"'):
                payload = json.loads(event[len(b"data: ") :])
                if isinstance(payload.get("error"), dict):
                    payload["error"]["message"] = interrupted_message(payload["error"])
                elif isinstance(payload.get("iag"), dict):
                    payload["iag"]["masked_summary"] = masking_summary(payload["iag"].get("pii_masked") or {})
                    pending = False
                event = b"data: " + json.dumps(payload, ensure_ascii=False).encode("utf-8") + b"\n\n"
            yield event
    finally:
        # A client that goes away must still close the pipeline's stream, so the call is recorded now.
        close = getattr(stream, "aclose", None)
        if close is not None:
            await close()


def interrupted_message(error: dict[str, Any]) -> str:
    """A mid-stream error in French (charter refusals already are)."""
    message = error.get("message")
    if error.get("code") in ("policy_denied", "rate_limited") and isinstance(message, str):
        return "La rédaction a été interrompue. " + message
    return (
        "La rédaction a été interrompue : le service d'IA n'a pas répondu correctement. "
        "Réessayez dans quelques instants."
    )


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
