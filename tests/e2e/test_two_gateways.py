"""Two ``iag-gateway serve`` processes on one database share the quotas and the audit chain.

One user fires concurrent calls at both processes: the per-user rate limit of
``limits.yaml`` (lowered to 5 a minute) must hold across them, every call must be
recorded, and the hash chain both processes appended to concurrently must verify.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from iag_gateway.storage.testing import postgres_available, scratch_postgres, sqlite_url
from tests.e2e.processes import (
    GatewayProcess,
    chat,
    cli,
    copy_policies,
    create_key,
    export_jsonl,
    gateway_env,
    replace_once,
    running,
)
from tests.fakes.upstream import FakeUpstream
from tests.harness import provider_config

pytestmark = pytest.mark.slow

RATE_LIMIT = 5
CALLS = 16
USER = "agent-quota"


@dataclass
class SharedDatabase:
    env: dict[str, str]
    gateways: list[GatewayProcess]
    user_key: str
    auditor_key: str


@pytest.fixture(
    scope="module",
    params=[pytest.param("postgres", marks=pytest.mark.postgres), pytest.param("sqlite")],
)
def shared(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, upstream: FakeUpstream
) -> Iterator[SharedDatabase]:
    tmp = tmp_path_factory.mktemp(f"two-gateways-{request.param}")
    policies = copy_policies(tmp / "policies")
    replace_once(
        policies / "limits.yaml",
        "    window: minute\n    requests: 20\n",
        f"    window: minute\n    requests: {RATE_LIMIT}\n",
    )
    config = provider_config(tmp / "providers.yaml", upstream.base_url, timeout_s=10)
    database: AbstractContextManager[str]
    if request.param == "postgres":
        if not postgres_available():
            pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
        database = scratch_postgres()
    else:
        database = nullcontext(sqlite_url(tmp / "shared.db"))
    with database as url:
        env = gateway_env(url, config, policies_dir=policies)
        # The first CLI call migrates the database; both gateways then start on a ready schema.
        user_key = create_key(env, USER, "buyer")
        with ThreadPoolExecutor(max_workers=1) as side:
            auditor = side.submit(
                create_key, env, "controle-interne", "auditor", department="controle-interne"
            )
            with running([(env, tmp / "gateway-a.log"), (env, tmp / "gateway-b.log")]) as gateways:
                yield SharedDatabase(env, gateways, user_key, auditor.result())


def _clear_of_minute_boundary(margin_s: float = 15.0) -> None:
    """Wait for a fresh minute if the burst could straddle two per-minute quota windows."""
    now = datetime.now(UTC)
    second = now.second + now.microsecond / 1e6
    if second > 60 - margin_s:
        time.sleep(60 - second + 0.5)


def _burst(shared: SharedDatabase) -> list[httpx.Response]:
    """CALLS requests released together, alternating between the two processes."""
    start = threading.Barrier(CALLS)

    def one(index: int) -> httpx.Response:
        gateway = shared.gateways[index % 2]
        start.wait()
        return chat(
            gateway.base_url, shared.user_key, f"Résumé de la consultation {index} pour le lot de gants."
        )

    _clear_of_minute_boundary()
    with ThreadPoolExecutor(max_workers=CALLS) as pool:
        return list(pool.map(one, range(CALLS)))


@pytest.fixture(scope="module")
def burst(shared: SharedDatabase) -> list[httpx.Response]:
    return _burst(shared)


def test_when_one_user_bursts_across_two_processes_then_exactly_the_rate_limit_succeeds(
    burst: list[httpx.Response],
) -> None:
    statuses = Counter(response.status_code for response in burst)
    assert statuses == {200: RATE_LIMIT, 429: CALLS - RATE_LIMIT}, [r.text for r in burst]


def test_when_a_burst_is_refused_then_each_refusal_has_retry_after_and_cites_article_10_3(
    burst: list[httpx.Response],
) -> None:
    refused = [response for response in burst if response.status_code == 429]
    assert refused
    for response in refused:
        assert 1 <= int(response.headers["Retry-After"]) <= 60
        error = response.json()["error"]
        assert error["message"].startswith("Limite atteinte : article 10.3 de la charte")
        assert f"{RATE_LIMIT} requêtes par minute pour votre compte" in error["message"]


def test_when_both_processes_answered_then_each_served_part_of_the_burst(
    burst: list[httpx.Response], shared: SharedDatabase
) -> None:
    # Sanity check of the set-up: calls alternated between two live processes.
    assert all(g.process.poll() is None for g in shared.gateways)
    assert len({r.url.port for r in burst}) == 2


@pytest.fixture(scope="module")
def chat_records(burst: list[httpx.Response], shared: SharedDatabase) -> list[dict[str, Any]]:
    """The user's chat records, exported with the CLI once the burst is over."""
    records = export_jsonl(shared.env, "--user", USER)
    return [r for r in records if r["route"] == "chat" and r["outcome"] != "in_flight"]


def test_when_the_burst_is_over_then_every_call_is_in_the_audit_trail_with_its_outcome(
    burst: list[httpx.Response], chat_records: list[dict[str, Any]]
) -> None:
    expected = {r.headers["X-IAG-Request-Id"]: r.status_code for r in burst}
    records = chat_records
    assert len(records) == CALLS
    assert {r["request_id"]: r["status_code"] for r in records} == expected
    assert Counter(r["outcome"] for r in records) == {"ok": RATE_LIMIT, "denied": CALLS - RATE_LIMIT}
    assert {r["error_type"] for r in records if r["outcome"] == "denied"} == {"RateLimited"}


def test_when_a_quota_refuses_then_its_audit_record_cites_the_quota_rule_and_article_10_3(
    chat_records: list[dict[str, Any]],
) -> None:
    denied = [r for r in chat_records if r["outcome"] == "denied"]
    assert denied
    for record in denied:
        assert record["decision"] == "deny"
        assert "quota-user-rate" in [rule["rule_id"] for rule in record["rules"]]
        assert "art-10.3" in record["articles"]


def test_when_an_auditor_queries_the_api_then_both_processes_calls_are_listed(
    burst: list[httpx.Response], shared: SharedDatabase
) -> None:
    response = httpx.get(
        shared.gateways[1].base_url + "/v1/audit/events",
        params={"user": USER, "route": "chat", "limit": 1000},
        headers={"Authorization": f"Bearer {shared.auditor_key}"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    listed = {event["request_id"] for event in response.json()["data"]}
    assert listed == {r.headers["X-IAG-Request-Id"] for r in burst}


def test_when_two_processes_appended_concurrently_then_audit_verify_exits_0(
    burst: list[httpx.Response], shared: SharedDatabase
) -> None:
    result = cli(shared.env, "audit", "verify")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "audit chain intact" in result.stdout
