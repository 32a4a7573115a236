"""Probes: /healthz (alive), /readyz (each dependency, the policy version served), /metrics."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from iag_gateway.audit.models import AuditEntry
from iag_gateway.web.health import version_key
from tests.conftest import gateway_settings
from tests.fakes.upstream import FakeUpstream
from tests.harness import LiveGateway, start_gateway


@pytest.fixture(scope="module")
def strict(tmp_path_factory: pytest.TempPathFactory, upstream: FakeUpstream) -> Iterator[LiveGateway]:
    live = start_gateway(
        gateway_settings(Path(tmp_path_factory.mktemp("strict")), upstream, require_newest_policy=True)
    )
    yield live
    live.stop()


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory, upstream: FakeUpstream) -> Iterator[LiveGateway]:
    """An instance whose database other instances write to too (records appended below)."""
    live = start_gateway(gateway_settings(Path(tmp_path_factory.mktemp("shared")), upstream))
    yield live
    live.stop()


def test_when_ready_then_readyz_lists_every_check_and_the_policy_version(gateway: LiveGateway) -> None:
    answer = httpx.get(gateway.base_url + "/readyz", timeout=10)
    assert answer.status_code == 200
    body = answer.json()
    assert body["checks"] == {
        "database": "ok",
        "policies": "ok",
        "pii_model": "ok",
        "providers": "ok",
        "disk": "ok",
    }
    assert body["policy"]["version"] == gateway.services.policies.current.version
    assert httpx.get(gateway.base_url + "/healthz", timeout=5).json()["status"] == "ok"


def test_when_metrics_are_scraped_then_the_policy_served_is_published(gateway: LiveGateway) -> None:
    answer = httpx.get(gateway.base_url + "/metrics", timeout=10)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/plain")
    version = gateway.services.policies.current.version
    assert (
        f'iag_policy_info{{digest="{gateway.services.policies.current.digest[:12]}",version="{version}"}} 1.0'
        in answer.text
    )


def test_when_a_newer_policy_is_recorded_in_the_shared_database_then_a_strict_instance_is_not_ready(
    strict: LiveGateway,
) -> None:
    served = strict.services.policies.current.version
    strict.services.audit.append(  # an older version still recorded by a lagging instance: fine
        AuditEntry(
            request_id="req_old", route="chat", outcome="ok", status_code=200, policy_version="2001.01-1"
        )
    )
    assert httpx.get(strict.base_url + "/readyz", timeout=10).status_code == 200
    # Another instance, already reloaded, wrote a record under a newer version.
    strict.services.audit.append(
        AuditEntry(
            request_id="req_other", route="chat", outcome="ok", status_code=200, policy_version="2999.01-1"
        )
    )
    answer = httpx.get(strict.base_url + "/readyz", timeout=10)
    assert answer.status_code == 503
    body = answer.json()
    assert body["checks"]["policy_current"] == "failed"
    assert body["policy"] == {**body["policy"], "version": served, "newest_recorded": "2999.01-1"}


def test_when_instances_recorded_two_contents_under_the_newest_version_then_readyz_shows_both_digests(
    shared: LiveGateway,
) -> None:
    for request_id, version, digest in (
        ("req_a", "2999.01-1", "a" * 64),
        ("req_b", "2999.01-1", "b" * 64),  # edited, version not bumped
        ("req_c", "2001.01-1", "c" * 64),
    ):
        shared.services.audit.append(
            AuditEntry(
                request_id=request_id,
                route="chat",
                outcome="ok",
                status_code=200,
                policy_version=version,
                policy_digest=digest,
            )
        )
    policy = httpx.get(shared.base_url + "/readyz", timeout=10).json()["policy"]
    assert policy["newest_recorded"] == "2999.01-1"
    assert policy["newest_recorded_digests"] == ["a" * 12, "b" * 12]


@pytest.mark.parametrize(
    ("older", "newer"),
    [
        ("2025.06-1", "2025.06-2"),
        ("2025.06-9", "2025.06-10"),
        ("2025.06-1", "2025.10-1"),
        ("2025.06", "2025.06-1"),
    ],
)
def test_when_versions_are_ordered_then_numbers_compare_as_numbers(older: str, newer: str) -> None:
    assert version_key(older) < version_key(newer)
