"""Feedback on an answer: ``POST /v1/feedback`` (API key) and ``POST /retour`` (the web form).

Both check that the call is one of the caller's own answered calls, pseudonymise the
comment with the personal-data engine and write one ``feedback`` audit record
(``feedback/store.py``).
"""

from __future__ import annotations

from typing import Any

from anyio import to_thread
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from iag_gateway.errors import BadRequest
from iag_gateway.feedback.models import MAX_MINUTES_SAVED
from iag_gateway.feedback.store import FEEDBACK_ROUTE, FeedbackInput, record_feedback
from iag_gateway.stages.receive import parse_json_object
from iag_gateway.web.api import read_body, services_of
from iag_gateway.web.audited import audited_call
from iag_gateway.web.form import french_pages, read_form
from iag_gateway.web.pages import require_identity
from iag_gateway.web.views import WebError, page

api_router = APIRouter(prefix="/v1")
router = APIRouter(include_in_schema=False)


@api_router.post("/feedback")
async def feedback_api(request: Request) -> JSONResponse:
    """``{"request_id": "req_…", "useful": true, "comment": "…", "minutes_saved": 20}``."""
    services = services_of(request)
    async with audited_call(request, FEEDBACK_ROUTE) as call:
        given = FeedbackInput.from_json(parse_json_object(await read_body(request, 16 * 1024)))
        seq = await to_thread.run_sync(record_feedback, services, call.caller, given)
        call.recorded_elsewhere = True  # the feedback record is this call's record
    return JSONResponse(
        {"recorded": True, "request_id": given.request_id, "audit_seq": seq},
        headers={"X-IAG-Request-Id": call.request_id},
    )


def form_input(fields: dict[str, str]) -> FeedbackInput:
    """Read the web form: ``avis`` (utile / pas-utile), ``commentaire``, ``minutes``; French errors."""
    verdict = fields.get("avis")
    if verdict not in ("utile", "pas-utile"):
        raise WebError(400, "Avis incomplet", "Choisissez « Utile » ou « Pas utile ».")
    minutes_text = fields.get("minutes", "").strip()
    minutes: Any = None
    if minutes_text:
        if not minutes_text.isdigit() or int(minutes_text) > MAX_MINUTES_SAVED:
            raise WebError(
                400,
                "Temps gagné invalide",
                f"Le temps gagné est un nombre entier de minutes, de 0 à {MAX_MINUTES_SAVED}.",
            )
        minutes = int(minutes_text)
    body = {
        "request_id": fields.get("request_id", ""),
        "useful": verdict == "utile",
        "comment": fields.get("commentaire") or None,
        "minutes_saved": minutes,
    }
    try:
        return FeedbackInput.from_json(body)
    except BadRequest as exc:
        raise WebError(
            400, "Avis refusé", "Cet avis ne correspond à aucune réponse obtenue avec votre session."
        ) from exc


@router.post("/retour")
@french_pages
async def feedback_form(request: Request) -> Response:
    """The « Cette réponse vous a-t-elle été utile ? » form under each answer."""
    services = services_of(request)
    identity = await require_identity(request)
    fields = await read_form(request)
    wants_json = request.headers.get("x-requested-with") == "fetch"
    try:
        given = form_input(fields)
        seq = await to_thread.run_sync(record_feedback, services, identity, given)
    except (WebError, BadRequest) as exc:
        message = (
            exc.message
            if isinstance(exc, WebError)
            else (
                "Un avis a déjà été donné pour cette réponse, ou elle "
                "ne correspond à aucune réponse de votre session."
            )
        )
        if wants_json:
            return JSONResponse({"error": {"message": message}}, 400)
        raise WebError(400, "Avis refusé", message) from None
    message = f"Merci : votre avis est enregistré (journal n° {seq})."
    if wants_json:
        return JSONResponse({"recorded": True, "message": message})
    return page(request, "reviewed.html", message=message, title="Avis enregistré")
