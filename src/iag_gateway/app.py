"""Build the FastAPI application; every service is created in the lifespan."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI

from iag_gateway.audit.heads_config import build_signer
from iag_gateway.audit.store import AuditStore
from iag_gateway.identity.keys import KeyStore
from iag_gateway.identity.oidc_client import OidcClient
from iag_gateway.identity.oidc_config import load_oidc_config
from iag_gateway.metrics import Metrics
from iag_gateway.pii.engine import PiiEngine
from iag_gateway.policy.loader import PolicyHolder
from iag_gateway.policy.provider_check import check_provider_fallbacks
from iag_gateway.policy.quotas import build_quota_enforcer
from iag_gateway.policy.template_models import check_templates_resolve
from iag_gateway.projects.store import ProjectStore
from iag_gateway.prompts.catalogue import TemplateCatalogue
from iag_gateway.prompts.library import TemplateLibrary
from iag_gateway.prompts.versions import TemplateVersionStore
from iag_gateway.providers.config import load_provider_config
from iag_gateway.providers.router import ProviderRouter
from iag_gateway.services import Services
from iag_gateway.settings import Settings
from iag_gateway.storage.engine import make_engine
from iag_gateway.storage.migrate import upgrade
from iag_gateway.telemetry import Telemetry
from iag_gateway.usage.classifier import UsageClassifier
from iag_gateway.usage.gate import UsageGate
from iag_gateway.web import (
    admin,
    api,
    console,
    console_heads,
    dashboard,
    feedback,
    form,
    health,
    keys_page,
    projects,
    signin,
    template_admin,
)
from iag_gateway.web.errors import install_error_handlers
from iag_gateway.web.observe import ObserveRequests
from iag_gateway.web.projects import purge_expired
from iag_gateway.web.session import WebSessionMiddleware

log = logging.getLogger("iag_gateway")


@dataclass(frozen=True)
class Models:
    """The loaded models: no thread, file or socket, so worker processes share them by fork."""

    pii: PiiEngine
    usage: UsageClassifier


def load_models(settings: Settings) -> Models:
    """Load the personal-data analyser and the usage model (the slow part of a start)."""
    return Models(
        pii=PiiEngine.build(
            model=settings.pii_model,
            allow_list_files=settings.pii_allow_lists,
            timeout_s=settings.pii_timeout_s,
            cache_dir=settings.cache_dir,
        ),
        usage=UsageClassifier.load(),
    )


def build_services(
    settings: Settings, models: Models | None = None, template_files: TemplateCatalogue | None = None
) -> Services:
    """Create the long-lived services (fails fast on any invalid configuration).

    ``models`` and ``template_files`` (the shipped templates of ``settings.templates_dir``,
    parsed and compiled) are those a forking parent loaded once for all its workers; everything
    else (engines, clients, exporters, thread pools) is built here, in the process that uses it.
    """
    policies = PolicyHolder(settings.policies_dir, settings.charter_dir)
    provider_config = load_provider_config(settings.config)
    check_provider_fallbacks(
        policies.current.policy, provider_config.router_settings.fallbacks, str(settings.config)
    )
    oidc_client = None
    if settings.oidc_config is not None:
        oidc_client = OidcClient(load_oidc_config(settings.oidc_config), settings.oidc_client_secret)
    engine = make_engine(settings.database_url)
    upgrade(engine)
    quotas = build_quota_enforcer(make_engine(settings.database_url, durable=False), settings.redis_url)
    quotas.ping()  # a wrong IAG_REDIS_URL stops startup here, not at the first call
    metrics = Metrics()
    audit = AuditStore(engine)
    heads = build_signer(settings, audit, policies.current.policy.audit.signed_heads)
    router = ProviderRouter(provider_config)
    # Served templates: the shipped files plus the versions the directorate approved (art. 2.1).
    templates = TemplateLibrary(settings.templates_dir, TemplateVersionStore(engine), files=template_files)
    templates.record_files()
    check_templates_resolve(templates.all(), policies.current.policy, provider_config)
    models = models or load_models(settings)
    return Services(
        settings=settings,
        keys=KeyStore(engine),
        audit=audit,
        heads=heads,
        policies=policies,
        quotas=quotas,
        pii=models.pii,
        templates=templates,
        router=router,
        telemetry=Telemetry(settings.otel_exporter, settings.otel_endpoint, metrics=metrics),
        metrics=metrics,
        usage=UsageGate(models.usage, asker=router),
        projects=ProjectStore(engine),
        oidc=oidc_client,
    )


def _policy_files_stamp(*directories: Path) -> tuple[tuple[str, float], ...]:
    files = sorted(p for d in directories if d.is_dir() for p in d.rglob("*") if p.is_file())
    return tuple((str(p), p.stat().st_mtime) for p in files)


async def _sign_heads(services: Services) -> None:
    """Sign the trail's head every ``every_seconds`` (when records came since the last head)."""
    signer = services.heads
    assert signer is not None
    while True:
        await asyncio.sleep(min(signer.schedule.every_seconds, 5.0))
        if signer.due_by_time():
            await asyncio.to_thread(signer.sign_quietly)


async def _watch_policies(services: Services, interval_s: float = 2.0) -> None:
    """Reload policies when their files change (an invalid edit keeps the old version)."""
    settings = services.settings
    stamp = _policy_files_stamp(settings.policies_dir, settings.charter_dir)
    while True:
        await asyncio.sleep(interval_s)
        current = _policy_files_stamp(settings.policies_dir, settings.charter_dir)
        if current != stamp:
            stamp = current
            reload_policy(services)


def reload_policy(services: Services) -> None:
    """Reload the policy files (SIGHUP, file change) and publish the version now served."""
    services.policies.reload()
    loaded = services.policies.current
    services.metrics.serving_policy(loaded.version, loaded.digest)


def create_app(settings: Settings | None = None, services: Services | None = None) -> FastAPI:
    """Return the gateway application; nothing is built until the lifespan starts."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        built = services or build_services(settings)
        app.state.services = built
        purge_expired(built)  # « Mes projets » past the policy's retention
        built.metrics.serving_policy(built.policies.current.version, built.policies.current.digest)
        loop = asyncio.get_running_loop()
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signal.SIGHUP, reload_policy, built)
        watcher = asyncio.create_task(_watch_policies(built)) if settings.watch_policies else None
        signing = None
        if built.heads is not None:
            await asyncio.to_thread(built.heads.sign_quietly)  # what a previous run left unsigned
            signing = asyncio.create_task(_sign_heads(built))
        try:
            yield
        finally:
            if watcher:
                watcher.cancel()
            if signing:
                signing.cancel()
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.remove_signal_handler(signal.SIGHUP)
            built.meter.close()  # token charges still pending are written
            if built.heads is not None:
                built.heads.close()  # at shutdown: the last records are covered by a head
            built.telemetry.shutdown()
            built.pii.close()
            await built.router.aclose()

    app = FastAPI(title="iag-gateway", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None)
    install_error_handlers(app)
    app.add_middleware(WebSessionMiddleware)
    app.include_router(api.router)
    app.include_router(signin.router)
    app.include_router(form.router)
    app.include_router(projects.router)
    app.include_router(keys_page.router)
    app.include_router(admin.router)
    app.include_router(console.router)
    app.include_router(template_admin.router)
    app.include_router(console_heads.router)
    app.include_router(dashboard.router)
    app.include_router(feedback.api_router)
    app.include_router(feedback.router)
    app.include_router(health.router)
    app.add_middleware(ObserveRequests)
    return app
