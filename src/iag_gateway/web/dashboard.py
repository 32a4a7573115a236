"""The directorate's dashboard (``/tableau-de-bord``): figures, drill-down, monthly report.

Open to the roles whose grant has ``read_dashboard`` (the auditors and the ``direction``
role, articles 2.1 and 10.3). Every reading is recorded in the audit trail once, as
``dashboard``, with the filters used. The directorate sees aggregates by department,
template and model; names of people (the drill-down's user column, the access review)
are shown only to the roles that may read the trail (article 8.3), never for an
evaluation of individuals (article 5.4).
"""

from __future__ import annotations

import time
from datetime import date
from typing import Any

from anyio import to_thread
from fastapi import APIRouter, Request
from fastapi.responses import Response

from iag_gateway.audit.access_review import review_access
from iag_gateway.audit.aggregates import AuditAggregates
from iag_gateway.errors import FiredRule, PolicyDenied
from iag_gateway.footprint.costing import Costing
from iag_gateway.footprint.factors import all_factors
from iag_gateway.policy.engine import article_refs
from iag_gateway.policy.grants import can_read_audit, can_read_dashboard
from iag_gateway.services import Services
from iag_gateway.web.console import Gate, console_call
from iag_gateway.web.console_filters import page_url, parse_cursor
from iag_gateway.web.console_labels import OUTCOME_LABELS, PII_SHORT
from iag_gateway.web.console_views import row_view
from iag_gateway.web.dashboard_access import access_view
from iag_gateway.web.dashboard_filters import DashboardFilters, parse_dashboard_filters, today_in_paris
from iag_gateway.web.dashboard_sections import sections, summary_cards
from iag_gateway.web.form import current_identity, french_pages, services_of, to_login
from iag_gateway.web.french_format import grouped
from iag_gateway.web.report import MONTH_FORMATS, monthly_report, parse_month, report_response
from iag_gateway.web.views import WebError, page

router = APIRouter(include_in_schema=False)
DASHBOARD_ROUTE = "dashboard"
DRILL_PAGE = 50
DEFAULT_IDLE_DAYS = 90


def dashboard_denied(services: Services) -> PolicyDenied:
    rule = services.policies.current.policy.access.rules.dashboard_read
    message = (
        f"Refusé : {article_refs(rule.articles)} de la charte — le tableau de bord est réservé à la "
        "direction des données et de l'IA et aux auditeurs."
    )
    return PolicyDenied(message, (FiredRule(rule.id, tuple(rule.articles), "deny", message),))


DASHBOARD_GATE: Gate = (can_read_dashboard, dashboard_denied)


def costing_of(services: Services) -> Costing:
    models = services.policies.current.policy.providers.models
    return Costing({m.alias: m for m in models}, all_factors(models))


def template_titles(services: Services) -> dict[str, str]:
    return {t.id: t.title for t in services.templates.all()}


def read_filters(request: Request, services: Services) -> tuple[DashboardFilters, list[str], set[str]]:
    providers = {m.provider for m in services.policies.current.policy.providers.models}
    filters, errors = parse_dashboard_filters(request.query_params, providers)
    return filters, errors, providers


@router.get("/tableau-de-bord")
@french_pages
async def dashboard(request: Request) -> Response:
    identity = await current_identity(request)
    if identity is None:
        return to_login()
    services = services_of(request)
    filters, errors, providers = read_filters(request, services)
    policy = services.policies.current.policy
    idle_days = parse_cursor(request.query_params.get("jours")) or DEFAULT_IDLE_DAYS
    async with console_call(
        request, identity, "dashboard", gate=DASHBOARD_GATE, route=DASHBOARD_ROUTE
    ) as call:
        call.extra.update(filters=dict(filters.query()))
        auditor = can_read_audit(policy, identity.roles)
        context = await to_thread.run_sync(
            lambda: dashboard_context(services, filters, today_in_paris(), auditor, idle_days)
        )
    return page(
        request,
        "dashboard.html",
        status=400 if errors else 200,
        nav_current="tableau",
        errors=errors,
        providers=sorted(providers),
        **context,
    )


def dashboard_context(
    services: Services,
    filters: DashboardFilters,
    today: date,
    auditor: bool,
    idle_days: int,
    *,
    rollup: bool = True,
) -> dict[str, Any]:
    """Everything the page shows: SQL aggregates, cost and footprint, the access review for auditors.

    ``rollup=False`` computes the figures from the records alone (the benchmark's baseline).
    """
    policy = services.policies.current.policy
    scope = filters.scope(policy, today)
    publishable = tuple(t.id for t in services.templates.all() if t.publishable)
    aggregates = AuditAggregates(services.audit.engine, rollup=rollup)
    data = aggregates.all(scope, publishable)
    options = {
        **aggregates.options(),
        "template": sorted(t.id for t in services.templates.all()),
        "model": [m.alias for m in policy.providers.models],
    }
    costing = costing_of(services)
    access = access_view(review_access(services.audit.engine), idle_days) if auditor else None
    first, last = filters.period(today)
    titles = template_titles(services)
    return {
        "filters": filters,
        "period": (first.strftime("%d/%m/%Y"), last.strftime("%d/%m/%Y")),
        "cards": summary_cards(data, costing),
        "sections": sections(data, filters, costing, titles),
        "options": options,
        "titles": titles,
        "access": access,
        "idle_days": idle_days,
        "month": first.strftime("%Y-%m") if filters.du else today.strftime("%Y-%m"),
        "report_query": filters.query(),
    }


@router.get("/tableau-de-bord/enregistrements")
@french_pages
async def drill_down(request: Request) -> Response:
    """The records behind a figure: the dashboard's scope plus the figure's own criterion."""
    identity = await current_identity(request)
    if identity is None:
        return to_login()
    services = services_of(request)
    filters, errors, _ = read_filters(request, services)
    policy = services.policies.current.policy
    more = {k: request.query_params.get(k, "")[:100] for k in ("issue", "article", "donnee")}
    if more["issue"] and more["issue"] not in OUTCOME_LABELS:
        errors.append("L'issue choisie n'existe pas.")
    cursor = parse_cursor(request.query_params.get("avant"))
    async with console_call(
        request, identity, "drill-down", gate=DASHBOARD_GATE, route=DASHBOARD_ROUTE
    ) as call:
        call.extra.update(filters={**dict(filters.query()), **{k: v for k, v in more.items() if v}})
        if errors:
            raise WebError(400, "Filtre invalide", " ".join(errors))
        audit_filter = filters.audit_filter(policy, today_in_paris(), **more)
        events, next_cursor = await to_thread.run_sync(
            lambda: services.audit.query(audit_filter, limit=DRILL_PAGE, cursor=cursor, newest_first=True)
        )
        total = await to_thread.run_sync(services.audit.count, audit_filter)
    auditor = can_read_audit(policy, identity.roles)
    here = filters.query(**more)
    return page(
        request,
        "dashboard_records.html",
        nav_current="tableau",
        rows=[row_view(e) for e in events],
        total=grouped(total),
        criteria=criteria_text(filters, more, template_titles(services)),
        show_users=auditor,
        back_url=filters.link("/tableau-de-bord"),
        older_url=page_url("/tableau-de-bord/enregistrements", here, next_cursor),
    )


def criteria_text(filters: DashboardFilters, more: dict[str, str], titles: dict[str, str]) -> list[str]:
    first, last = filters.period(today_in_paris())
    out = [f"du {first.strftime('%d/%m/%Y')} au {last.strftime('%d/%m/%Y')}"]
    if filters.service:
        out.append(f"service {filters.service}")
    if filters.gabarit:
        out.append(f"gabarit {titles.get(filters.gabarit, filters.gabarit)}")
    if filters.modele:
        out.append(f"modèle {filters.modele}")
    if filters.fournisseur:
        out.append(f"fournisseur {filters.fournisseur}")
    if more.get("issue"):
        out.append("issue « " + OUTCOME_LABELS[more["issue"]] + " »")
    if more.get("article"):
        out.append("article " + more["article"].removeprefix("art-"))
    if more.get("donnee"):
        out.append("donnée masquée : " + PII_SHORT.get(more["donnee"], (more["donnee"],) * 2)[1])
    return out


@router.get("/tableau-de-bord/rapport.{fmt}")
@french_pages
async def report(request: Request, fmt: str) -> Response:
    """The monthly report per department and use case (``?mois=2026-11``), as .docx or CSV."""
    identity = await current_identity(request)
    if identity is None:
        return to_login()
    if fmt not in MONTH_FORMATS:
        raise WebError(404, "Page introuvable", "Ce format de rapport n'existe pas.")
    services = services_of(request)
    month = parse_month(request.query_params.get("mois", ""))
    async with console_call(request, identity, "report", gate=DASHBOARD_GATE, route=DASHBOARD_ROUTE) as call:
        call.extra.update(format=fmt, month=month.isoformat()[:7] if month else None)
        if month is None:
            raise WebError(400, "Mois invalide", "Le mois doit être au format AAAA-MM.")
        content: Any = await to_thread.run_sync(
            monthly_report, services, costing_of(services), template_titles(services), month, fmt
        )
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return report_response(content, fmt, f"rapport-mensuel-{month.isoformat()[:7]}-{stamp}.{fmt}")
