"""Operating one instance with two workers, as the hospital's IT runs it: logs, probes,
Prometheus, OTLP traces, policy reload by SIGHUP, and a Redis outage.

One ``iag-gateway serve --workers 2`` process (JSON logs, quotas in a private Redis,
traces to a fake OTLP collector) serves every test of this module; a real Prometheus
server (Debian's ``prometheus``) scrapes it and is queried through its HTTP API.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from iag_gateway.storage.testing import sqlite_url
from tests.e2e.processes import (
    GatewayProcess,
    chat,
    copy_policies,
    create_key,
    free_ports,
    gateway_env,
    replace_once,
    running,
)
from tests.fakes.otlp import FakeCollector
from tests.fakes.upstream import FakeUpstream
from tests.harness import provider_config

pytestmark = pytest.mark.slow

SECRET = "Mme Gwenaëlle Kerhervé-Tanguy"
SHIPPED_VERSION = "2025.06-1"


def tool(name: str) -> str:
    """A Debian tool the Makefile installs (``make ops-tools``); skipped outside CI if absent."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing: `make ops-tools` installs it")
        pytest.skip(f"{name} is not installed (make ops-tools)")
    return path


@dataclass
class Instance:
    gateway: GatewayProcess
    policies: Path
    key: str
    collector: FakeCollector
    redis: subprocess.Popen[bytes]
    redis_port: int
    tmp: Path

    @property
    def url(self) -> str:
        return self.gateway.base_url

    def log_lines(self) -> list[dict[str, Any]]:
        lines = []
        for line in self.gateway.log_text().splitlines():
            if line.startswith("{"):
                lines.append(json.loads(line))
        return lines


def _start_redis(port: int, tmp: Path) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [tool("redis-server"), "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(tmp)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    _eventually(lambda: _redis_answers(port), timeout_s=10, every_s=0.1)
    return process


def _redis_answers(port: int) -> bool:
    import socket

    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _eventually(check: Callable[[], bool], timeout_s: float = 20.0, every_s: float = 0.5) -> bool:
    deadline = time.monotonic() + timeout_s
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(every_s)
    return True


@pytest.fixture(scope="module")
def instance(tmp_path_factory: pytest.TempPathFactory, upstream: FakeUpstream) -> Iterator[Instance]:
    tmp = tmp_path_factory.mktemp("operations")
    collector = FakeCollector().start()
    [redis_port] = free_ports(1)
    redis = _start_redis(redis_port, tmp)
    policies = copy_policies(tmp / "policies")
    env = gateway_env(
        sqlite_url(tmp / "gateway.db"),
        provider_config(tmp / "p.yaml", upstream.base_url),
        policies_dir=policies,
    )
    env.update(
        IAG_WORKERS="2",
        IAG_LOG_FORMAT="json",
        IAG_REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
        IAG_OTEL_EXPORTER="otlp",
        IAG_OTEL_ENDPOINT=collector.endpoint,
        OTEL_BSP_SCHEDULE_DELAY="200",
    )
    key = create_key(env, "agent-exploitation", "buyer")
    try:
        with running([(env, tmp / "gateway.log")]) as (gateway,):
            live = Instance(gateway, policies, key, collector, redis, redis_port, tmp)
            assert _eventually(lambda: _ready(live), timeout_s=120), gateway.log_text()
            yield live
    finally:
        redis.terminate()
        redis.wait(timeout=10)
        collector.stop()


def _ready(live: Instance) -> bool:
    try:
        return all(httpx.get(live.url + "/readyz", timeout=5).status_code == 200 for _ in range(4))
    except httpx.TransportError:
        return False


def test_when_calls_are_served_by_two_workers_then_each_gives_one_log_line_without_text(
    instance: Instance,
) -> None:
    ids = []
    for _ in range(4):
        response = chat(instance.url, instance.key, f"Reformule la demande de {SECRET} pour le CCTP.")
        assert response.status_code == 200, response.text
        ids.append(response.headers["X-IAG-Request-Id"])
    assert _eventually(
        lambda: all(any(line.get("request_id") == i for line in instance.log_lines()) for i in ids), 5
    )
    access = [
        line
        for line in instance.log_lines()
        if line["logger"] == "iag_gateway.access" and line.get("request_id") in ids
    ]
    assert len(access) == 4  # exactly one line per request
    for line in access:
        assert line["route"] == "/v1/chat/completions" and line["status"] == 200 and line["method"] == "POST"
        assert isinstance(line["latency_ms"], float) and line["latency_ms"] > 0
    assert "Kerhervé" not in instance.gateway.log_text() and "Reformule" not in instance.gateway.log_text()
    assert "alembic" not in instance.gateway.log_text().lower()


def test_when_ready_then_readyz_reports_each_check_and_the_policy_version_served(instance: Instance) -> None:
    body = httpx.get(instance.url + "/readyz", timeout=5).json()
    assert body["status"] == "ready"
    assert body["checks"] == {
        "database": "ok",
        "policies": "ok",
        "pii_model": "ok",
        "providers": "ok",
        "disk": "ok",
        "redis": "ok",
    }
    assert body["policy"]["version"] == SHIPPED_VERSION and len(body["policy"]["digest"]) == 64
    assert httpx.get(instance.url + "/healthz", timeout=5).json()["status"] == "ok"


def test_when_prometheus_scrapes_the_gateway_then_promql_returns_the_counts_sent(instance: Instance) -> None:
    prometheus = tool("prometheus")
    sent = 5
    for _ in range(sent):
        assert (
            chat(instance.url, instance.key, f"Résume la note de {SECRET}.", model="mistral-eu").status_code
            == 200
        )
    refused = chat(instance.url, instance.key, "Bonjour", model="openai-us")
    assert refused.status_code == 403  # not approved (art. 4.2)
    exposition = httpx.get(instance.url + "/metrics", timeout=5).text
    assert (
        "Kerhervé" not in exposition and "Résume" not in exposition and "agent-exploitation" not in exposition
    )

    [port] = free_ports(1)
    config = instance.tmp / "prometheus.yml"
    config.write_text(
        "global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
        "scrape_configs:\n"
        f"  - job_name: iag\n    static_configs: [{{targets: ['127.0.0.1:{instance.gateway.port}']}}]\n",
        encoding="utf-8",
    )
    server = subprocess.Popen(
        [prometheus, f"--config.file={config}", f"--storage.tsdb.path={instance.tmp / 'tsdb'}",
         f"--web.listen-address=127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:

        def query(promql: str) -> float | None:
            try:
                answer = httpx.get(
                    f"http://127.0.0.1:{port}/api/v1/query", params={"query": promql}, timeout=2
                )
                result = answer.json()["data"]["result"]
            except (httpx.TransportError, ValueError, KeyError):
                return None
            return float(result[0]["value"][1]) if result else None

        ok = 'sum(iag_requests_total{route="chat",model="mistral-eu",outcome="ok",status="200"})'
        assert _eventually(lambda: query(ok) == sent, timeout_s=30), query(ok)
        assert query('sum(iag_refusals_total{article="art-4.2"})') == 1
        assert query('sum(iag_requests_total{model="openai-us",outcome="denied",status="403"})') == 1
        assert (query('sum(iag_pii_masked_total{entity_type="PERSON"})') or 0) >= sent
        assert (query('sum(iag_stage_seconds_count{stage="redact"})') or 0) >= sent
        assert (query("sum(iag_audit_append_seconds_count)") or 0) >= sent + 1
        assert query(f'count(iag_policy_info{{version="{SHIPPED_VERSION}"}} == 1)') == 2  # one per worker
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_when_traces_are_exported_then_the_collector_gets_genai_spans_in_one_trace(
    instance: Instance,
) -> None:
    response = chat(instance.url, instance.key, f"Prépare un courrier pour {SECRET}.")
    request_id = response.headers["X-IAG-Request-Id"]

    def server_span() -> Any:
        return next(
            (
                s
                for s in instance.collector.spans
                if s.kind == 2 and s.attributes.get("iag.request_id") == request_id
            ),
            None,
        )

    assert _eventually(lambda: server_span() is not None, timeout_s=15)
    root = server_span()
    assert root.name == "POST /v1/chat/completions" and root.service == "iag-gateway"
    assert root.attributes["http.response.status_code"] == 200
    in_trace = [s for s in instance.collector.spans if s.trace_id == root.trace_id]
    assert _eventually(
        lambda: any(s.name == "iag.record" for s in instance.collector.spans if s.trace_id == root.trace_id),
        10,
    )
    in_trace = [s for s in instance.collector.spans if s.trace_id == root.trace_id]
    names = {s.name for s in in_trace}
    assert {"iag.authenticate", "iag.redact", "iag.authorize", "chat onprem-llm", "iag.record"} <= names
    genai = next(s for s in in_trace if s.name == "chat onprem-llm")
    assert genai.kind == 3  # CLIENT
    assert genai.attributes["gen_ai.operation.name"] == "chat"
    assert genai.attributes["gen_ai.provider.name"] == "openai"
    assert genai.attributes["gen_ai.request.model"] == "onprem-llm"
    assert (
        genai.attributes["gen_ai.usage.input_tokens"] > 0
        and genai.attributes["gen_ai.usage.output_tokens"] > 0
    )
    raw = b"".join(instance.collector.raw_bodies)
    assert "Kerhervé".encode() not in raw and b"courrier" not in raw


def test_when_sighup_reaches_the_parent_then_every_worker_serves_the_new_version(instance: Instance) -> None:
    replace_once(instance.policies / "policy.yaml", f'version: "{SHIPPED_VERSION}"', 'version: "2025.07-1"')
    instance.gateway.send_signal(signal.SIGHUP)

    def all_new() -> bool:  # either worker may answer: ask often enough to meet both
        answers = [httpx.get(instance.url + "/readyz", timeout=5).json() for _ in range(8)]
        return {answer["policy"]["version"] for answer in answers} == {"2025.07-1"}

    assert _eventually(all_new, timeout_s=20), instance.gateway.log_text()[-3000:]
    assert instance.gateway.process.poll() is None  # reloaded, not restarted or stopped
    answer = chat(instance.url, instance.key, "Bonjour")
    assert answer.headers["X-IAG-Policy-Version"] == "2025.07-1"


def test_when_redis_goes_down_then_readyz_fails_calls_get_503_and_the_outage_is_logged(
    instance: Instance,
) -> None:
    instance.redis.terminate()
    instance.redis.wait(timeout=10)
    try:
        ready = httpx.get(instance.url + "/readyz", timeout=10)
        assert ready.status_code == 503 and ready.json()["checks"]["redis"] == "failed"
        call = chat(instance.url, instance.key, "Bonjour")
        assert call.status_code == 503
        outages = [line for line in instance.log_lines() if line["logger"] == "iag_gateway.outage"]
        assert any(
            line["dependency"] == "redis" and "Connection" in (line.get("cause") or "") for line in outages
        ), outages
        request_id = call.headers["X-IAG-Request-Id"]

        def access_line() -> dict[str, Any] | None:
            return next(
                (
                    line
                    for line in instance.log_lines()
                    if line.get("request_id") == request_id and line["logger"] == "iag_gateway.access"
                ),
                None,
            )

        assert _eventually(lambda: access_line() is not None, timeout_s=5)
        request_line = access_line()
        assert request_line is not None
        assert request_line["status"] == 503
    finally:
        instance.redis = _start_redis(instance.redis_port, instance.tmp)
    assert _eventually(lambda: _ready(instance), timeout_s=20)
    assert chat(instance.url, instance.key, "Bonjour").status_code == 200
