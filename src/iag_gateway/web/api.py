"""The OpenAI-compatible API and the template endpoints."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from anyio import to_thread
from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from iag_gateway.audit.models import AuditEntry
from iag_gateway.audit.store import AuditFilter
from iag_gateway.errors import (
    AuthenticationFailed,
    GatewayError,
    PayloadTooLarge,
    PermissionDenied,
)
from iag_gateway.exchange import Exchange, new_request_id
from iag_gateway.identity.keys import Identity
from iag_gateway.pipeline import Pipeline
from iag_gateway.policy.engine import allowed_models
from iag_gateway.prompts.catalogue import summary
from iag_gateway.responses import completion_body, response_metadata
from iag_gateway.services import Services
from iag_gateway.stages.receive import parse_json_object
from iag_gateway.web.reviews import acknowledge

router = APIRouter(prefix="/v1")


def services_of(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


async def read_body(request: Request, limit: int) -> bytes:
    """Read at most ``limit`` bytes of body, or raise ``PayloadTooLarge`` (413)."""
    declared = request.headers.get("content-length")
    too_large = PayloadTooLarge(f"Request body exceeds the limit of {limit} bytes.")
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
        "X-IAG-Request-Id": ex.request_id,
        "X-IAG-Generated": "ai",
        "X-IAG-Model": ex.model,
        "X-IAG-Policy-Version": ex.policy_version or "",
        "X-IAG-Review-Required": "true" if decision and decision.review_required else "false",
    }


async def run_exchange(request: Request, ex: Exchange) -> Response:
    """Read the body, run the pipeline, and answer JSON or a server-sent event stream."""
    services = services_of(request)
    pipeline = Pipeline(services)
    request.state.request_id = ex.request_id
    try:
        ex.body = await read_body(request, services.settings.max_body_bytes)
    except PayloadTooLarge as exc:
        ex.fail(exc)
        await to_thread.run_sync(pipeline.record_only, ex)
        raise
    stream = await pipeline.handle(ex)
    if stream is not None:
        return StreamingResponse(stream, media_type="text/event-stream", headers=labelled_headers(ex))
    return JSONResponse(completion_body(ex, services), headers=labelled_headers(ex))


@router.post("/chat/completions")
async def chat_completions(request: Request) -> Response:
    ex = Exchange(
        route="chat",
        token=bearer_token(request),
        declared_data_class=request.headers.get("x-iag-data-class"),
    )
    return await run_exchange(request, ex)


@router.post("/templates/{template_id}/run")
async def run_template(template_id: str, request: Request) -> Response:
    ex = Exchange(
        route="template",
        token=bearer_token(request),
        template_id=template_id,
        declared_data_class=request.headers.get("x-iag-data-class"),
    )
    return await run_exchange(request, ex)


# -- simple authenticated reads, each audited as one record -----------------------------


async def audited(request: Request, route: str, roles: frozenset[str] | None = None) -> tuple[Identity, str]:
    """Authenticate (and check roles for) a read-only call; audit denials."""
    services = services_of(request)
    request_id = new_request_id()
    request.state.request_id = request_id
    token = bearer_token(request)
    try:
        if not token:
            raise AuthenticationFailed("Missing API key: send 'Authorization: Bearer <key>'.")
        identity = await to_thread.run_sync(services.keys.authenticate, token)
        if identity is None:
            raise AuthenticationFailed("Invalid or revoked API key.")
        if roles is not None and not (identity.roles & roles):
            raise PermissionDenied(f"This route requires one of the roles: {', '.join(sorted(roles))}.")
    except GatewayError as exc:
        entry = AuditEntry(
            request_id=request_id,
            route=route,
            outcome=exc.outcome,
            status_code=exc.status,
            error_type=type(exc).__name__,
            error_code=exc.code,
        )
        await to_thread.run_sync(services.audit.append, entry)
        raise
    entry = AuditEntry(
        request_id=request_id,
        route=route,
        outcome="ok",
        status_code=200,
        user_id=identity.user_id,
        department=identity.department,
        roles=sorted(identity.roles),
    )
    await to_thread.run_sync(services.audit.append, entry)
    return identity, request_id


@router.get("/models")
async def list_models(request: Request) -> JSONResponse:
    services = services_of(request)
    identity, request_id = await audited(request, "models")
    configured = set(services.router.config.aliases)
    from iag_gateway.providers.labels import DEMO_LABEL

    data = []
    for entry in allowed_models(services.policies.current.policy, identity.roles):
        if entry.alias not in configured:
            continue
        demo = services.router.is_demo(entry.alias)
        data.append(
            {
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
        )
    return JSONResponse({"object": "list", "data": data}, headers={"X-IAG-Request-Id": request_id})


@router.get("/templates")
async def list_templates(request: Request) -> JSONResponse:
    services = services_of(request)
    identity, request_id = await audited(request, "templates.list")
    data = [summary(t) for t in services.templates.visible_to(identity.roles)]
    return JSONResponse({"object": "list", "data": data}, headers={"X-IAG-Request-Id": request_id})


@router.get("/templates/{template_id}")
async def get_template(template_id: str, request: Request) -> JSONResponse:
    services = services_of(request)
    identity, request_id = await audited(request, "templates.get")
    visible = {t.id: t for t in services.templates.visible_to(identity.roles)}
    template = services.templates.get(template_id)
    if template.id not in visible:
        raise PermissionDenied("Your roles do not allow this template.")
    body = {
        **summary(template),
        "inputs_schema": template.input_json_schema(),
        "ai_mention": template.mention_for(template.model),
    }
    return JSONResponse(body, headers={"X-IAG-Request-Id": request_id})


@router.post("/reviews")
async def acknowledge_review(request: Request) -> JSONResponse:
    """Record « J'ai relu et je prends la responsabilité de ce texte » for a call."""
    services = services_of(request)
    identity, _ = await audited(request, "review.auth")
    body = parse_json_object(await read_body(request, 16 * 1024))
    seq = await to_thread.run_sync(acknowledge, services, identity, body.get("request_id"))
    return JSONResponse({"acknowledged": True, "request_id": body.get("request_id"), "audit_seq": seq})


@router.get("/audit/events")
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
    _, request_id = await audited(request, "audit.read", frozenset({"auditor"}))
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
        headers={"X-IAG-Request-Id": request_id},
    )


def health(request: Request) -> dict[str, Any]:
    return {"status": "ok", "time": int(time.time())}


__all__ = ["response_metadata", "router"]
