"""Probes and metrics: ``/healthz`` (alive), ``/readyz`` (able to serve), ``/metrics``.

``/readyz`` answers 200 only when every dependency a call needs works now: the audit
database takes a write, the policy is loaded (its version and digest are reported, so
an operator sees which version each instance serves, and the digests recorded under the
newest version: two mean two contents under one version), the personal-data model analyses
text, every approved template resolves to a configured model, and Redis answers when
quotas live there; on SQLite, the disk holding the database keeps at least 1 MiB free
(a full disk refuses writes, while the database check only takes the lock). Any failure
answers 503 naming the check and logs the outage with its cause. With
``IAG_REQUIRE_NEWEST_POLICY`` the instance is also not ready while it serves a policy older
than the newest one recorded in the shared audit database.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

from anyio import to_thread
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from iag_gateway.logs import log_outage
from iag_gateway.policy.template_models import check_templates_resolve
from iag_gateway.services import Services
from iag_gateway.storage.engine import sqlite_file
from iag_gateway.storage.faults import check_free_space

router = APIRouter()


def _services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


@router.get("/healthz")
async def healthz() -> dict[str, Any]:
    """The process is alive and its event loop answers (no dependency is checked)."""
    return {"status": "ok", "time": int(time.time())}


@router.get("/readyz")
async def readyz(request: Request) -> Response:
    services = _services(request)
    loaded = services.policies.current
    checks: dict[str, str] = {}
    for name, check in _checks(services).items():
        try:
            await to_thread.run_sync(check)
            checks[name] = "ok"
        except Exception as exc:
            checks[name] = "failed"
            log_outage(name, exc)
    newest, newest_digests = await to_thread.run_sync(_newest_recorded, services)
    if (
        services.settings.require_newest_policy
        and newest
        and version_key(newest) > version_key(loaded.version)
    ):
        checks["policy_current"] = "failed"
        log_outage("policy_current", RuntimeError(f"serving {loaded.version}, newest recorded {newest}"))
    ok = all(state == "ok" for state in checks.values())
    body = {
        "status": "ready" if ok else "not_ready",
        "checks": checks,
        "policy": {
            "version": loaded.version,
            "digest": loaded.digest,
            "newest_recorded": newest,
            "newest_recorded_digests": newest_digests,
            "last_reload_error": services.policies.last_error.message
            if services.policies.last_error
            else None,
        },
    }
    services.metrics.serving_policy(loaded.version, loaded.digest)
    return JSONResponse(body, status_code=200 if ok else 503)


@router.get("/metrics")
async def metrics(request: Request) -> Response:
    services = _services(request)
    loaded = services.policies.current
    services.metrics.serving_policy(loaded.version, loaded.digest)
    payload, content_type = await to_thread.run_sync(services.metrics.render)
    return Response(payload, media_type=content_type)


def _checks(services: Services) -> dict[str, Callable[[], object]]:
    checks: dict[str, Callable[[], object]] = {
        "database": services.audit.ping,
        "policies": lambda: services.policies.current,
        "pii_model": lambda: services.pii.analyze("Bonjour, ceci est une vérification."),
        "providers": lambda: check_templates_resolve(
            services.templates.all(), services.policies.current.policy, services.router.config
        ),
    }
    database = sqlite_file(services.audit.engine)
    if database is not None:
        checks["disk"] = lambda: check_free_space(database)
    if services.settings.redis_url:
        checks["redis"] = services.quotas.ping
    return checks


def _newest_recorded(services: Services) -> tuple[str | None, list[str]]:
    """The newest policy version in the recent records, and its digests' prefixes (12 hex).

    More than one digest: instances serve different contents under that one version.
    """
    try:
        recorded = services.audit.recent_policy_versions()
    except Exception:  # the database check above reports the outage
        return None, []
    if not recorded:
        return None, []
    newest = max((version for version, _ in recorded), key=version_key)
    return newest, sorted({digest[:12] for version, digest in recorded if version == newest and digest})


def version_key(version: str) -> tuple[tuple[int, int, str], ...]:
    """Order policy versions: ``2025.06-1`` < ``2025.06-2`` < ``2025.10-1`` (numbers as numbers)."""
    parts = (p for p in re.split(r"[^0-9A-Za-z]+", version) if p)
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)
