"""Turn the gateway's objects into what the French pages show: errors, summaries, form fields.

The routes (``form.py``) decide what happens; this module only decides how it reads. It is
also where the French error page is drawn, for the routes and for the app-wide handler
(``errors.py``) alike, so every page path answers a 404 or a 500 the same way.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

from iag_gateway.errors import (
    AuthenticationFailed,
    BadRequest,
    GatewayError,
    NotFound,
    PayloadTooLarge,
    PermissionDenied,
    PolicyDenied,
    RateLimited,
    ServiceUnavailable,
    UpstreamError,
)
from iag_gateway.pii.placeholders import readable
from iag_gateway.policy.grants import (
    can_read_audit,
    can_read_dashboard,
    template_approve_domains,
    template_submit_domains,
)
from iag_gateway.prompts.models import PromptTemplate, TemplateInput
from iag_gateway.web.reviews import STATEMENT

HERE = Path(__file__).resolve().parent
REVIEW_REMINDER = "Texte généré par IA : relisez-le avant tout usage"
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
INTERNAL_ERROR = (500, "Erreur interne", "Une erreur interne est survenue ; la demande n'a pas abouti.")
#: Titles and messages for the gateway's errors, most specific first.
ERROR_TEXTS: tuple[tuple[type[GatewayError], str, str], ...] = (
    (AuthenticationFailed, "Session expirée", "Votre session a expiré ou votre clé a été révoquée."),
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
)


class WebError(Exception):
    """A refusal specific to the pages (bad CSRF token, no session), shown as a French page."""

    def __init__(self, status: int, title: str, message: str) -> None:
        super().__init__(message)
        self.status, self.title, self.message = status, title, message


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True, undefined=jinja2.StrictUndefined
    )


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render one page with the security headers every page carries."""
    identity = getattr(request.state, "web_identity", None)
    context.setdefault("identity", identity)
    context.setdefault("csrf", getattr(request.state, "web_csrf", ""))
    if identity is not None:
        policy = request.app.state.services.policies.current.policy
        context.setdefault("show_audit_link", can_read_audit(policy, identity.roles))
        context.setdefault("show_dashboard_link", can_read_dashboard(policy, identity.roles))
        grants = policy.access.roles
        context.setdefault(
            "show_keys_link", any(grants[r].self_service_keys for r in identity.roles if r in grants)
        )
        context.setdefault("show_admin_link", "admin" in identity.roles)
        context.setdefault(
            "show_templates_link",
            bool(
                template_submit_domains(policy, identity.roles)
                or template_approve_domains(policy, identity.roles)
            ),
        )
    html = _environment().get_template(name).render(**context)
    return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)


def french_error(exc: Exception) -> tuple[int, str, str]:
    """Return (status, title, message) for a page; never a stack trace or the prompt."""
    if isinstance(exc, WebError):
        return exc.status, exc.title, exc.message
    if not isinstance(exc, GatewayError):
        return INTERNAL_ERROR
    status = exc.status
    if isinstance(exc, PolicyDenied | RateLimited):
        return status, "Demande refusée" if status == 403 else "Limite d'usage atteinte", exc.message
    if isinstance(exc, PermissionDenied):  # each refusal says what it refuses
        return status, "Accès refusé", exc.message
    for kind, title, message in ERROR_TEXTS:
        if isinstance(exc, kind):
            return status, title, message
    return INTERNAL_ERROR


def error_page(request: Request, exc: Exception) -> HTMLResponse:
    """Render the French error page for ``exc``, keeping its HTTP status."""
    status, title, message = french_error(exc)
    response = page(request, "error.html", status=status, title=title, message=message, status_code=status)
    if isinstance(exc, GatewayError):
        response.headers.update(exc.headers())  # Retry-After on 429 and 503
    return response


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
            yield readable_event(event)
    finally:
        # A client that goes away must still close the pipeline's stream, so the call is recorded now.
        close = getattr(stream, "aclose", None)
        if close is not None:
            await close()


def readable_event(event: bytes) -> bytes:
    """Write the masks of a streamed answer chunk in words (« [nom masqué] »), for the page."""
    if not event.startswith(b"data: {") or b"<" not in event:
        return event
    payload = json.loads(event[len(b"data: ") :])
    for choice in payload.get("choices") or []:
        delta = choice.get("delta") or {}
        if isinstance(delta.get("content"), str):
            delta["content"] = readable(delta["content"])
    return b"data: " + json.dumps(payload, ensure_ascii=False).encode("utf-8") + b"\n\n"


def interrupted_message(error: dict[str, Any]) -> str:
    """A mid-stream error in French (charter refusals already are)."""
    message = error.get("message")
    if error.get("code") in ("policy_denied", "rate_limited") and isinstance(message, str):
        return "La rédaction a été interrompue. " + message
    return (
        "La rédaction a été interrompue : le service d'IA n'a pas répondu correctement. "
        "Réessayez dans quelques instants."
    )


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
    template: PromptTemplate, values: dict[str, str], errors: list[tuple[str, str]], model: str
) -> dict[str, Any]:
    """Everything ``form.html`` needs: the fields (typed values, errors) and the notices."""
    by_field = dict(errors)
    return {
        "template": template,
        "fields": [field_view(f, values.get(f.name, ""), by_field.get(f.name)) for f in template.inputs],
        "errors": labelled_errors(template, errors),
        "answer": None,
        "reminder": REVIEW_REMINDER,
        # What a published text must carry (the template's own mention, model filled in).
        "publication_mention": template.mention_for(model) if template.publishable else None,
        "statement": STATEMENT,
    }


def labelled_errors(template: PromptTemplate, errors: list[tuple[str, str]]) -> list[dict[str, str]]:
    """Name each field error with the field's French label (for the summary and the JSON answer)."""
    labels = {f.name: f.label for f in template.inputs}
    return [{"field": name, "label": labels.get(name, name), "message": msg} for name, msg in errors]
