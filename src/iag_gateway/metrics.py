"""Prometheus metrics of one gateway instance (``prometheus-client``), served on ``/metrics``.

Every label value comes from a closed set the gateway itself defines or reads from its
configuration: route templates, HTTP methods, model aliases (``recorded_names``: an alias
the policy does not list is ``<inconnu>``), outcomes, HTTP statuses, charter article
ids, personal-data entity types, provider names, stage names. No label ever carries a
prompt, an answer, a user id or any other free text.

With several workers (``iag-gateway serve --workers N``) the parent sets
``PROMETHEUS_MULTIPROC_DIR`` before the workers start: each worker writes its samples
there and ``/metrics`` sums them across workers (prometheus-client's multiprocess mode),
so any worker answers the totals of the whole instance.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from iag_gateway.errors import PolicyDenied, RateLimited, UpstreamError
from iag_gateway.recorded_names import recorded_model, recorded_route

if TYPE_CHECKING:
    from iag_gateway.exchange import Exchange

#: Environment variable prometheus-client reads (at import) to switch to multiprocess mode.
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
STAGE_BUCKETS = (0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
AUDIT_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 5.0)


class Metrics:
    """The instance's counters and histograms, registered in a registry of its own."""

    def __init__(self) -> None:
        self.multiprocess = bool(os.environ.get(MULTIPROC_ENV))
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.requests = Counter(
            "iag_requests", "Calls answered, by route, model alias, outcome and HTTP status.",
            ["route", "model", "outcome", "status"], registry=r,
        )  # fmt: skip
        self.http_requests = Counter(
            "iag_http_requests", "HTTP requests, by method, route template and status.",
            ["method", "route", "status"], registry=r,
        )  # fmt: skip
        self.http_seconds = Histogram(
            "iag_http_request_seconds", "Time to the last byte of the answer, by route template.",
            ["route"], buckets=STAGE_BUCKETS, registry=r,
        )  # fmt: skip
        self.refusals = Counter(
            "iag_refusals", "Calls refused by the charter, by article cited.", ["article"], registry=r
        )
        self.pii_masked = Counter(
            "iag_pii_masked",
            "Personal data masked before egress, by entity type.",
            ["entity_type"],
            registry=r,
        )
        self.stage_seconds = Histogram(
            "iag_stage_seconds", "Time spent in each pipeline stage.", ["stage"],
            buckets=STAGE_BUCKETS, registry=r,
        )  # fmt: skip
        self.tokens = Counter(
            "iag_tokens",
            "Tokens used, by model alias and kind (prompt, completion).",
            ["model", "kind"],
            registry=r,
        )
        self.quota_refusals = Counter(
            "iag_quota_refusals", "Calls refused by a quota, by quota rule id.", ["rule"], registry=r
        )
        self.audit_seconds = Histogram(
            "iag_audit_append_seconds", "Time to append one audit record (durable commit).",
            buckets=AUDIT_BUCKETS, registry=r,
        )  # fmt: skip
        self.audit_failures = Counter(
            "iag_audit_append_failures", "Audit records that could not be written.", registry=r
        )
        self.upstream_errors = Counter(
            "iag_upstream_errors",
            "Provider failures, by provider and error code.",
            ["provider", "code"],
            registry=r,
        )
        self.policy_info = Gauge(
            "iag_policy_info", "The policy version this process serves (value 1).", ["version", "digest"],
            registry=r, multiprocess_mode="liveall",
        )  # fmt: skip
        self._policy: tuple[str, str] | None = None

    # -- recording -----------------------------------------------------------------

    def exchange_done(self, ex: Exchange) -> None:
        """Count one finished pipeline call (answered, refused or failed)."""
        model = recorded_model(ex) or "none"  # never the caller's text: one series per known alias
        self.requests.labels(recorded_route(ex), model, ex.outcome, str(ex.status_code)).inc()
        for entity, count in ex.pii_counts.items():
            self.pii_masked.labels(entity).inc(count)
        if ex.usage.prompt_tokens:
            self.tokens.labels(model, "prompt").inc(ex.usage.prompt_tokens)
        if ex.usage.completion_tokens:
            self.tokens.labels(model, "completion").inc(ex.usage.completion_tokens)
        error = ex.error
        if isinstance(error, RateLimited):
            for rule in error.rules or ():
                self.quota_refusals.labels(rule.rule_id).inc()
            if not error.rules:
                self.quota_refusals.labels("unknown").inc()
        elif isinstance(error, PolicyDenied):
            for article in error.articles or ("none",):
                self.refusals.labels(article).inc()
        elif isinstance(error, UpstreamError):
            self.upstream_errors.labels(provider_name(ex.provider_model), error.code).inc()

    def http_done(self, method: str, route: str, status: int, seconds: float) -> None:
        """Count one HTTP request (every route, probes included)."""
        self.http_requests.labels(method, route, str(status)).inc()
        self.http_seconds.labels(route).observe(seconds)

    def stage(self, name: str, seconds: float) -> None:
        self.stage_seconds.labels(name).observe(seconds)

    def audit_append(self, seconds: float, *, ok: bool) -> None:
        if ok:
            self.audit_seconds.observe(seconds)
        else:
            self.audit_failures.inc()

    def serving_policy(self, version: str, digest: str) -> None:
        """Publish the policy version this process serves: 1 for it, 0 for the one it replaced.

        (Set to 0 rather than removed: in multiprocess mode a removed sample would keep its
        last value in the worker's file.) PromQL ``iag_policy_info == 1`` lists what is served.
        """
        current = (version, digest[:12])
        if self._policy == current:
            return
        if self._policy is not None:
            self.policy_info.labels(*self._policy).set(0)
        self.policy_info.labels(*current).set(1)
        self._policy = current

    # -- exposition ----------------------------------------------------------------

    def render(self) -> tuple[bytes, str]:
        """Return the text exposition of this instance (every worker's samples summed)."""
        if self.multiprocess:
            from prometheus_client import multiprocess

            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
            return generate_latest(registry), CONTENT_TYPE_LATEST
        return generate_latest(self.registry), CONTENT_TYPE_LATEST


def provider_name(provider_model: str | None) -> str:
    """The provider part of a litellm model id (``mistral/mistral-small`` → ``mistral``)."""
    if not provider_model:
        return "unknown"
    return provider_model.split("/", 1)[0] if "/" in provider_model else "unknown"


def mark_worker_dead(pid: int) -> None:
    """Forget the live gauges of a worker that exited (multiprocess mode only)."""
    if os.environ.get(MULTIPROC_ENV):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(pid)  # type: ignore[no-untyped-call]
