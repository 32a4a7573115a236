"""The console's « vérifier » against the signed heads (the same code as ``audit verify --heads``)."""

from __future__ import annotations

from anyio import to_thread
from fastapi import APIRouter, Request
from fastapi.responses import Response

from iag_gateway.audit.filters import AuditFilter
from iag_gateway.errors import ConfigError
from iag_gateway.logs import log_internal_error
from iag_gateway.web import console
from iag_gateway.web.console_filters import ConsoleFilters
from iag_gateway.web.console_heads_view import NOT_CONFIGURED, report_view, run_check, signed_head_view
from iag_gateway.web.form import current_identity, french_pages, read_form, services_of, to_login
from iag_gateway.web.observe import route_of
from iag_gateway.web.views import WebError, page

router = APIRouter(include_in_schema=False)


@router.post("/audit/verifier-tetes")
@french_pages
async def verify_signed_heads(request: Request) -> Response:
    """« Vérifier » against the signed heads (reads the whole trail: on demand only)."""
    identity = await current_identity(request)
    if identity is None:
        return to_login()
    services = services_of(request)
    await read_form(request)
    if services.heads is None:
        raise WebError(409, "Têtes signées non configurées", NOT_CONFIGURED)
    async with console.console_call(request, identity, "verify-heads") as call:
        try:
            report = await to_thread.run_sync(run_check, services)
        except ConfigError as exc:
            log_internal_error(exc, route_of(request.scope))
            raise WebError(
                409,
                "Vérification impossible",
                "L'export des têtes signées ou la clé publique est illisible : "
                "le journal du serveur en donne la cause.",
            ) from exc
        call.extra.update(consistent=report.ok, heads=report.heads_checked, records=report.records)
        events, next_cursor = await to_thread.run_sync(
            lambda: services.audit.query(AuditFilter(), limit=console.PAGE_SIZE, newest_first=True)
        )
        head = await to_thread.run_sync(services.audit.head)
        signed = await to_thread.run_sync(signed_head_view, services)
    context = console.list_context(ConsoleFilters(), [], events, None, next_cursor, head, None)
    return page(request, "audit_list.html", signed_head=signed, heads_check=report_view(report), **context)
