"""Policies reload in a running ``iag-gateway serve`` process: on file change and on SIGHUP.

Two processes share one database, each with its own copy of ``policies/``: one
watches its files (``IAG_WATCH_POLICIES=true``), the other does not, so only SIGHUP
can make it reload. An invalid edit must be refused, logged with the file's name,
and leave the previous version serving.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from iag_gateway.storage.testing import sqlite_url
from tests.e2e.processes import (
    SHIPPED_POLICIES,
    GatewayProcess,
    chat,
    copy_policies,
    create_key,
    gateway_env,
    replace_once,
    running,
)
from tests.fakes.upstream import FakeUpstream
from tests.harness import provider_config

pytestmark = pytest.mark.slow

SHIPPED_VERSION = "2025.06-1"
VERSION_LINE = f'version: "{SHIPPED_VERSION}"'


@dataclass
class ReloadingGateway:
    process: GatewayProcess
    policies: Path
    key: str

    def call(self) -> httpx.Response:
        response = chat(self.process.base_url, self.key, "Reformule la clause de pénalités du marché.")
        assert response.status_code == 200, response.text
        return response

    def policy_version(self) -> str:
        return self.call().headers["X-IAG-Policy-Version"]


@dataclass
class Gateways:
    watching: ReloadingGateway
    signalled: ReloadingGateway


@pytest.fixture(scope="module")
def gateways(tmp_path_factory: pytest.TempPathFactory, upstream: FakeUpstream) -> Iterator[Gateways]:
    tmp = tmp_path_factory.mktemp("policy-reload")
    config = provider_config(tmp / "providers.yaml", upstream.base_url, timeout_s=10)
    database = sqlite_url(tmp / "gateway.db")
    watched, signalled = copy_policies(tmp / "watched"), copy_policies(tmp / "signalled")
    watch_env = gateway_env(database, config, policies_dir=watched, watch_policies=True)
    signal_env = gateway_env(database, config, policies_dir=signalled, watch_policies=False)
    # One key per process, so the calls of one test never eat the other's per-minute quota.
    watch_key = create_key(watch_env, "agent-watched", "buyer")
    with ThreadPoolExecutor(max_workers=1) as side:
        signal_key = side.submit(create_key, signal_env, "agent-signalled", "buyer")
        with running([(watch_env, tmp / "watching.log"), (signal_env, tmp / "signalled.log")]) as (w, s):
            yield Gateways(
                watching=ReloadingGateway(w, watched, watch_key),
                signalled=ReloadingGateway(s, signalled, signal_key.result()),
            )


def _eventually(check: Callable[[], bool], timeout_s: float = 15.0, every_s: float = 1.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(every_s)
    return True


def test_when_a_watched_file_gets_an_invalid_edit_then_it_is_refused_and_calls_keep_the_old_version(
    gateways: Gateways,
) -> None:
    gateway = gateways.watching
    assert gateway.policy_version() == SHIPPED_VERSION
    limits = gateway.policies / "limits.yaml"
    limits.write_text(limits.read_text(encoding="utf-8") + "unknown_setting: 1\n", encoding="utf-8")

    # The watcher looks every 2 s; its refusal is logged on stderr naming the file.
    assert _eventually(lambda: "policy reload refused" in gateway.process.log_text(), every_s=0.25), (
        gateway.process.log_text()
    )
    time.sleep(1)  # one more watcher cycle: the refused version must not come back later
    refusal = next(line for line in gateway.process.log_text().splitlines() if "reload refused" in line)
    assert str(limits) in refusal and "unknown key" in refusal
    assert f"keeping version {SHIPPED_VERSION}" in refusal

    response = gateway.call()
    assert response.headers["X-IAG-Policy-Version"] == SHIPPED_VERSION
    assert gateway.process.process.poll() is None


def test_when_a_watched_file_is_fixed_then_the_new_version_serves_without_a_signal(
    gateways: Gateways,
) -> None:
    gateway = gateways.watching
    (gateway.policies / "limits.yaml").write_bytes((SHIPPED_POLICIES / "limits.yaml").read_bytes())
    replace_once(gateway.policies / "policy.yaml", VERSION_LINE, 'version: "2025.06-watched"')

    assert _eventually(lambda: gateway.policy_version() == "2025.06-watched")


def test_when_sighup_follows_a_valid_edit_then_the_new_version_serves(gateways: Gateways) -> None:
    gateway = gateways.signalled
    replace_once(gateway.policies / "policy.yaml", VERSION_LINE, 'version: "2025.06-signalled"')
    time.sleep(2.5)  # longer than a watcher cycle: this process does not watch, nothing changes
    assert gateway.policy_version() == SHIPPED_VERSION

    gateway.process.send_signal(signal.SIGHUP)

    assert _eventually(lambda: gateway.policy_version() == "2025.06-signalled")
    assert gateway.process.process.poll() is None  # SIGHUP reloads; it does not stop the server
