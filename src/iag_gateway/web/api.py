"""The OpenAI-compatible API and the template endpoints."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

from anyio import to_thread
from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from iag_gateway.audit.filters import AuditFilter
from iag_gateway.errors import FiredRule, ModelNotFound, PayloadTooLarge, PolicyDenied
from iag_gateway.exchange import Exchange
from iag_gateway.pipeline import Pipeline
from iag_gateway.policy.engine import allowed_models, article_refs
from iag_gateway.policy.grants import can_read_audit
from iag_gateway.policy.models import ModelEntry
from iag_gateway.policy.template_models import mention_model
from iag_gateway.prompts.catalogue import summary
from iag_gateway.providers.labels import DEMO_LABEL
from iag_gateway.responses import completion_body, response_metadata
from iag_gateway.services import Services
from iag_gateway.stages.receive import parse_json_object
from iag_gateway.web import openapi
from iag_gateway.web.audited import audited_call, bearer_token
from iag_gateway.web.errors import id_headers
from iag_gateway.web.french_format import byte_size
from iag_gateway.web.observe import name_request
from iag_gateway.web.reviews import acknowledge

router = APIRouter(prefix="/v1")


def services_of(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


async def read_body(request: Request, limit: int) -> bytes:
    """Read at most ``limit`` bytes of body, or raise ``PayloadTooLarge`` (413)."""
    declared = request.headers.get("content-length")
    too_large = PayloadTooLarge(f"Le corps de la requête dépasse la limite de {byte_size(limit)}.")
    if declared and declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def labelled_headers(ex: Exchange) -> dict[str, str]:
    """Transparency headers every answer carries."""
    decision = ex.decision
    return {
        **id_headers(ex.request_id),
        "X-IAG-Generated": "ai",
        "X-IAG-Model": ex.model,
        "X-IAG-Policy-Version": ex.policy_version or "",
        "X-IAG-Review-Required": "true" if decision and decision.review_required else "false",
    }


async def run_exchange(request: Request, ex: Exchange) -> Response:
    """Read the body, run the pipeline, and answer JSON or a server-sent event stream."""
    services = services_of(request)
    pipeline = Pipeline(services)
    name_request(request, ex.request_id)
    try:
        ex.body = await read_body(request, services.settings.max_body_bytes)
    except PayloadTooLarge as exc:
        ex.fail(exc)
        await to_thread.run_sync(pipeline.record_only, ex)
        raise
    handling = asyncio.ensure_future(pipeline.handle(ex))
    hang_up = asyncio.ensure_future(_disconnected(request))
    try:
        await asyncio.wait({handling, hang_up}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        if not handling.done():
            # The caller went away: cancel the provider call (the pipeline records it as
            # cancelled, 499, and charges no tokens), then answer no one.
            handling.cancel()
        hang_up.cancel()
    try:
        stream = await handling
    except asyncio.CancelledError:
        if hang_up.cancelled() or not hang_up.done():
            raise  # this request itself is being cancelled (shutdown)
        return Response(status_code=499)
    if stream is not None:
        return StreamingResponse(stream, media_type="text/event-stream", headers=labelled_headers(ex))
    return JSONResponse(completion_body(ex, services), headers=labelled_headers(ex))


async def _disconnected(request: Request) -> None:
    """Return when the caller hangs up (the body was read: only a disconnect can come next)."""
    while (await request.receive())["type"] != "http.disconnect":
        pass


@router.post("/chat/completions", openapi_extra=openapi.body(openapi.CHAT_REQUEST))
async def chat_completions(request: Request) -> Response:
    ex = Exchange(
        route="chat",
        token=bearer_token(request),
        declared_data_class=request.headers.get("x-iag-data-class"),
    )
    return await run_exchange(request, ex)


@router.post("/templates/{template_id}/run", openapi_extra=openapi.body(openapi.TEMPLATE_RUN))
async def run_template(template_id: str, request: Request) -> Response:
    ex = Exchange(
        route="template",
        token=bearer_token(request),
        template_id=template_id,
        declared_data_class=request.headers.get("x-iag-data-class"),
    )
    return await run_exchange(request, ex)


# -- calls outside the pipeline, each audited as one record -----------------------------


@router.get("/models", openapi_extra=openapi.ERRORS)
async def list_models(request: Request) -> JSONResponse:
    services = services_of(request)
    async with audited_call(request, "models") as call:
        configured = set(services.router.config.aliases)
        data = [
            _model_entry(services, entry)
            for entry in allowed_models(services.policies.current.policy, call.caller.roles)
            if entry.alias in configured
        ]
    return JSONResponse({"object": "list", "data": data}, headers=id_headers(call.request_id))


@router.get("/models/{model_id:path}", openapi_extra=openapi.ERRORS)
async def get_model(model_id: str, request: Request) -> JSONResponse:
    """One model the caller may use, or a 404 in the OpenAI shape (unknown and forbidden look alike)."""
    services = services_of(request)
    async with audited_call(request, "models.get") as call:
        configured = set(services.router.config.aliases)
        for entry in allowed_models(services.policies.current.policy, call.caller.roles):
            if entry.alias == model_id and entry.alias in configured:
                body = _model_entry(services, entry)
                break
        else:
            raise ModelNotFound(
                f"Le modèle « {model_id} » n'existe pas ou ne vous est pas ouvert.", param="model"
            )
    return JSONResponse(body, headers=id_headers(call.request_id))


def _model_entry(services: Services, entry: ModelEntry) -> dict[str, Any]:
    demo = services.router.is_demo(entry.alias)
    return {
        "id": entry.alias,
        "object": "model",
        "created": 0,
        "owned_by": "iag-gateway",
        "iag": {
            "label": DEMO_LABEL if demo else f"Modèle « {entry.alias} » (IA générative)",
            "demo_model": demo,
            "hosting": entry.hosting,
            "max_data_class": entry.max_data_class,
        },
    }


@router.get("/templates", openapi_extra=openapi.ERRORS)
async def list_templates(request: Request) -> JSONResponse:
    services = services_of(request)
    async with audited_call(request, "templates.list") as call:
        data = [summary(t) for t in services.templates.visible_to(call.caller.roles)]
    return JSONResponse({"object": "list", "data": data}, headers=id_headers(call.request_id))


@router.get("/templates/{template_id}", openapi_extra=openapi.ERRORS)
async def get_template(template_id: str, request: Request) -> JSONResponse:
    services = services_of(request)
    async with audited_call(request, "templates.get") as call:
        template = services.templates.get_for(template_id, call.caller.roles)
        body = {
            **summary(template),
            "inputs_schema": template.input_json_schema(),
            "ai_mention": template.mention_for(mention_model(services, template, call.caller.roles)),
            "references": [r.model_dump(mode="json") for r in template.references],
        }
    return JSONResponse(body, headers=id_headers(call.request_id))


@router.post("/reviews", openapi_extra=openapi.body(openapi.REVIEW))
async def acknowledge_review(request: Request) -> JSONResponse:
    """Record « J'ai relu et je prends la responsabilité de ce texte » for a call."""
    services = services_of(request)
    async with audited_call(request, "review.ack") as call:
        body = parse_json_object(await read_body(request, 16 * 1024))
        seq = await to_thread.run_sync(
            acknowledge, services, call.caller, body.get("request_id"), call.request_id
        )
        call.recorded_elsewhere = True  # the acknowledgement is this call's record
    return JSONResponse(
        {"acknowledged": True, "request_id": body.get("request_id"), "audit_seq": seq},
        headers=id_headers(call.request_id),
    )


@router.get("/audit/events", openapi_extra=openapi.ERRORS)
async def audit_events(
    request: Request,
    since: datetime | None = None,
    until: datetime | None = None,
    user: str | None = None,
    department: str | None = None,
    model: str | None = None,
    outcome: str | None = None,
    route: str | None = None,
    limit: int = Query(default=100, ge=1, le=1000),
    cursor: int | None = Query(default=None, ge=0),
) -> JSONResponse:
    services = services_of(request)
    async with audited_call(request, "audit.read") as call:
        policy = services.policies.current.policy
        if not can_read_audit(policy, call.caller.roles):
            rule = policy.access.rules.audit_read
            raise PolicyDenied(
                f"Refusé : {article_refs(rule.articles)} de la charte — seuls les auditeurs désignés "
                "consultent les traces.",
                (FiredRule(rule.id, tuple(rule.articles), "deny"),),
            )
        filters = AuditFilter(
            since=since,
            until=until,
            user_id=user,
            department=department,
            model=model,
            outcome=outcome,
            route=route,
        )
        events, next_cursor = await to_thread.run_sync(
            lambda: services.audit.query(filters, limit=limit, cursor=cursor)
        )
    return JSONResponse(
        {"object": "list", "data": [e.public_dict() for e in events], "next_cursor": next_cursor},
        headers=id_headers(call.request_id),
    )


__all__ = ["response_metadata", "router"]
