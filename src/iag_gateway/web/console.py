"""The auditors' console (French): the audit trail as pages, its exports, the chain check, the charter.

Only the roles that ``can_read_audit`` allows (article 8.3) see ``/audit…``; every request
there reads the trail and is itself recorded once, when it ends, as ``audit.console``
with its real outcome (a refusal too). Pages show what the store holds and nothing
else: counts of masked data by type, digests, and the pseudonymised texts only where
the deployment keeps them. The charter (``/charte``) is open to every signed-in person.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from anyio import to_thread
from fastapi import APIRouter, Request
from fastapi.responses import Response, StreamingResponse
from starlette.background import BackgroundTask

from iag_gateway.audit.chain import VerifyResult, verify
from iag_gateway.audit.export import FORMATS
from iag_gateway.audit.filters import AuditFilter
from iag_gateway.audit.models import AuditEntry
from iag_gateway.errors import FiredRule, GatewayError, NotFound, PolicyDenied
from iag_gateway.exchange import REQUEST_ID, new_request_id
from iag_gateway.identity.keys import Identity
from iag_gateway.policy.charter import charter_files
from iag_gateway.policy.engine import article_refs
from iag_gateway.policy.grants import can_read_audit
from iag_gateway.policy.models import PolicySet
from iag_gateway.recorded_names import UNKNOWN
from iag_gateway.services import Services
from iag_gateway.web import console_views as views
from iag_gateway.web.console_chain_view import head_view, verification_view
from iag_gateway.web.console_export import ExportStream
from iag_gateway.web.console_filters import ConsoleFilters, parse_cursor, parse_filters
from iag_gateway.web.console_heads_view import signed_head_view
from iag_gateway.web.console_labels import OUTCOME_LABELS, ROUTE_LABELS
from iag_gateway.web.form import attachment, current_identity, french_pages, read_form, services_of, to_login
from iag_gateway.web.french_format import grouped
from iag_gateway.web.markdown import render
from iag_gateway.web.views import WebError, page

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 50
CONSOLE_ROUTE = "audit.console"
EXPORT_MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}


# -- who may read, and the record of each reading -----------------------------------------


@dataclass
class ConsoleCall:
    """One reading of the trail: who, what was looked at (``extra``), and whether it is recorded."""

    identity: Identity
    extra: dict[str, Any] = field(default_factory=dict)
    recorded_elsewhere: bool = False  # the export stream writes its own record when it ends


def audit_denied(services: Services) -> PolicyDenied:
    rule = services.policies.current.policy.access.rules.audit_read
    message = (
        f"Refusé : {article_refs(rule.articles)} de la charte — seuls les auditeurs et administrateurs "
        "désignés consultent les traces."
    )
    return PolicyDenied(message, (FiredRule(rule.id, tuple(rule.articles), "deny", message),))


def console_entry(
    identity: Identity,
    extra: dict[str, Any],
    outcome: str,
    status: int,
    error: Exception | None = None,
    route: str = CONSOLE_ROUTE,
) -> AuditEntry:
    rules = list(getattr(error, "rules", ()) or ())
    return AuditEntry(
        request_id=new_request_id(),
        route=route,
        outcome=outcome,
        status_code=status,
        error_type=type(error).__name__ if error else None,
        error_code=error.code if isinstance(error, GatewayError) else None,
        user_id=identity.user_id,
        department=identity.department,
        roles=sorted(identity.roles),
        rules=[{"rule_id": r.rule_id, "articles": list(r.articles), "effect": r.effect} for r in rules],
        articles=list(dict.fromkeys(a for r in rules for a in r.articles)),
        extra=extra,
    )


def outcome_of(error: Exception | None) -> tuple[str, int]:
    """The audit outcome and HTTP status of a console request that ended with ``error``."""
    if error is None:
        return "ok", 200
    if isinstance(error, GatewayError):
        return error.outcome, error.status
    if isinstance(error, WebError):
        return ("denied" if error.status in (401, 403) else "rejected"), error.status
    return "error", 500


#: Who may open a reading, and the refusal otherwise (the journal's gate by default).
Gate = tuple[Callable[[PolicySet, frozenset[str]], bool], Callable[[Services], PolicyDenied]]
AUDIT_GATE: Gate = (can_read_audit, audit_denied)


@asynccontextmanager
async def console_call(
    request: Request, identity: Identity, view: str, *, gate: Gate = AUDIT_GATE, route: str = CONSOLE_ROUTE
) -> AsyncIterator[ConsoleCall]:
    """Refuse roles the gate does not admit (article 8.3 for the journal), run the block, then
    append the reading's one record."""
    services = services_of(request)
    call = ConsoleCall(identity, {"view": view})
    error: Exception | None = None
    allowed, denied = gate
    try:
        if not allowed(services.policies.current.policy, identity.roles):
            raise denied(services)
        yield call
    except Exception as exc:
        error = exc
        raise
    finally:
        if not call.recorded_elsewhere:
            outcome, status = outcome_of(error)
            entry = console_entry(identity, call.extra, outcome, status, error, route)
            await to_thread.run_sync(services.audit.append, entry)


# -- pages ---------------------------------------------------------------------------------


@router.get("/audit")
@french_pages
async def audit_list(request: Request) -> Response:
    identity = await current_identity(request)
    if identity is None:
        return to_login()
    services = services_of(request)
    filters, errors = parse_filters(request.query_params)
    cursor = parse_cursor(request.query_params.get("avant"))
    async with console_call(request, identity, "list") as call:
        call.extra.update(filters=filters.recorded(), cursor=cursor)
        events: list[Any] = []
        next_cursor: int | None = None
        total: int | None = None
        if not errors:
            events, next_cursor = await to_thread.run_sync(
                lambda: services.audit.query(
                    filters.audit_filter(), limit=PAGE_SIZE, cursor=cursor, newest_first=True
                )
            )
            total = await to_thread.run_sync(services.audit.count, filters.audit_filter())
        head = await to_thread.run_sync(services.audit.head)
        signed = await to_thread.run_sync(signed_head_view, services)
    return page(
        request,
        "audit_list.html",
        status=400 if errors else 200,
        signed_head=signed,
        **list_context(filters, errors, events, cursor, next_cursor, head, None, total),
    )


def list_context(
    filters: ConsoleFilters,
    errors: list[str],
    events: list[Any],
    cursor: int | None,
    next_cursor: int | None,
    head: tuple[int, str],
    verification: VerifyResult | None,
    total: int | None = None,
) -> dict[str, Any]:
    query = filters.query()
    return {
        "nav_current": "audit",
        "filters": filters,
        "errors": errors,
        "outcomes": OUTCOME_LABELS,
        "routes": ROUTE_LABELS,
        "total": grouped(total) if total is not None else None,
        "total_n": total or 0,
        "rows": [views.row_view(e) for e in events],
        "first_page": cursor is None,
        "newest_url": "/audit" + (f"?{urlencode(query)}" if query else ""),
        "older_url": f"/audit?{urlencode([*query, ('avant', str(next_cursor))])}" if next_cursor else None,
        "export_query": urlencode(query),
        "head": head_view(*head),
        "verification": verification_view(verification) if verification else None,
    }


@router.post("/audit/verifier")
@french_pages
async def verify_chain(request: Request) -> Response:
    """Walk the whole chain (on demand only: it reads every record) and show the result."""
    identity = await current_identity(request)
    if identity is None:
        return to_login()
    services = services_of(request)
    await read_form(request)
    async with console_call(request, identity, "verify") as call:
        result = await to_thread.run_sync(verify, services.audit.engine)
        call.extra.update(intact=result.ok, checked=result.checked, head_seq=result.head_seq)
        events, next_cursor = await to_thread.run_sync(
            lambda: services.audit.query(AuditFilter(), limit=PAGE_SIZE, newest_first=True)
        )
        signed = await to_thread.run_sync(signed_head_view, services)
    head = (result.head_seq, result.head_hash)
    filters = ConsoleFilters()
    context = list_context(filters, [], events, None, next_cursor, head, result)
    return page(request, "audit_list.html", signed_head=signed, **context)


@router.get("/audit/export.{fmt}")
@french_pages
async def audit_export(request: Request, fmt: str) -> Response:
    """Stream the records matching the page's filters as CSV or JSON Lines (``audit.export``)."""
    identity = await current_identity(request)
    if identity is None:
        return to_login()
    if fmt not in FORMATS:
        raise NotFound("Format d'export inconnu.")
    services = services_of(request)
    filters, errors = parse_filters(request.query_params)
    async with console_call(request, identity, "export") as call:
        call.extra.update(format=fmt, filters=filters.recorded())
        if errors:
            raise WebError(400, "Filtre invalide", " ".join(errors))

        def record(outcome: str, status: int, count: int | None) -> None:
            extra = {**call.extra, "records": count} if count is not None else call.extra
            services.audit.append(console_entry(identity, extra, outcome, status))

        stream = ExportStream(services.audit, fmt, filters.audit_filter(every_record=fmt == "jsonl"), record)
        call.recorded_elsewhere = True
    filename = "journal-audit-" + time.strftime("%Y%m%d-%H%M%S") + "." + fmt
    return StreamingResponse(
        stream.chunks(),
        media_type=EXPORT_MEDIA_TYPES[fmt],
        headers=attachment(filename),
        background=BackgroundTask(stream.response_ended),
    )


@router.get("/audit/{request_id}")
@french_pages
async def audit_detail(request: Request, request_id: str) -> Response:
    identity = await current_identity(request)
    if identity is None:
        return to_login()
    services = services_of(request)
    async with console_call(request, identity, "detail") as call:
        # a request id the gateway could have issued, not any text typed into the address
        call.extra.update(viewed_request_id=request_id if REQUEST_ID.fullmatch(request_id) else UNKNOWN)
        events = await to_thread.run_sync(services.audit.get, request_id)
        if not events:
            raise WebError(
                404, "Demande introuvable", "Aucun enregistrement du journal ne porte cet identifiant."
            )
    records = [views.detail_view(e, request_id) for e in events]
    return page(
        request,
        "audit_detail.html",
        request_id=request_id,
        records=records,
        nav_current="audit",
    )


@router.get("/charte")
@french_pages
async def charter(request: Request) -> Response:
    identity = await current_identity(request)
    if identity is None:
        return to_login()
    services = services_of(request)
    documents = await to_thread.run_sync(read_charter, services)
    return page(
        request,
        "charter.html",
        documents=documents,
        version=services.policies.current.version,
        digest=services.policies.current.digest[:12],
        nav_current="charte",
    )


def read_charter(services: Services) -> list[Any]:
    """Render each charter file of ``settings.charter_dir``, in name order."""
    return [render(path.read_text(encoding="utf-8")) for path in charter_files(services.settings.charter_dir)]
