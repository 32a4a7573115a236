"""``serve``: workers forked from one loaded parent, restarted when they die, one alone included.

A real ``iag-gateway serve`` process on loopback, the fake upstream, SQLite; the
workers are found in ``/proc`` as the parent's children.
"""

from __future__ import annotations

import json
import os
import signal
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from iag_gateway.storage.testing import sqlite_url
from tests.e2e.processes import chat, children, cli, copy_policies, create_key, gateway_env, running
from tests.fakes.upstream import FakeUpstream
from tests.harness import provider_config

pytestmark = pytest.mark.slow


def eventually(check: Callable[[], bool], timeout_s: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def _gateway_env(tmp_path: Path, upstream: FakeUpstream, **provider: float) -> dict[str, str]:
    """A gateway on its own SQLite file, the fake upstream and a copy of the shipped policies.

    ``provider``: options of ``provider_config`` (``timeout_s``).
    """
    return gateway_env(
        sqlite_url(tmp_path / "gateway.db"),
        provider_config(tmp_path / "p.yaml", upstream.base_url, **provider),
        policies_dir=copy_policies(tmp_path / "policies"),
    )


def answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=30).status_code == 200
    except httpx.TransportError:
        return False


def test_when_a_worker_is_killed_then_the_parent_forks_another_and_calls_are_answered(
    tmp_path: Path, upstream: FakeUpstream
) -> None:
    env = _gateway_env(tmp_path, upstream)
    env["IAG_WORKERS"] = "2"
    key = create_key(env, "agent-exploitation", "buyer")
    with running([(env, tmp_path / "gateway.log")]) as (gateway,):
        parent = gateway.process.pid
        assert eventually(lambda: len(children(parent)) == 2), gateway.log_text()
        first = children(parent)
        victim = min(first)
        os.kill(victim, signal.SIGKILL)
        assert eventually(lambda: len(children(parent)) == 2 and victim not in children(parent))
        replacement = children(parent) - first
        assert len(replacement) == 1
        for _ in range(4):  # whichever worker accepts the connection answers
            answer = chat(gateway.base_url, key, "Bonjour, résume ce paragraphe.")
            assert answer.status_code == 200, answer.text
        assert "exited" in gateway.log_text()
        workers = children(parent)
        gateway.send_signal(signal.SIGTERM)
        assert gateway.process.wait(timeout=60) == 0  # after its workers stopped: none is left behind
        assert not any(Path(f"/proc/{pid}").exists() for pid in workers)


def test_without_a_worker_count_serve_forks_one_worker_more_than_the_cores(
    tmp_path: Path, upstream: FakeUpstream
) -> None:
    env = _gateway_env(tmp_path, upstream)
    env.pop("IAG_WORKERS")
    key = create_key(env, "agent-exploitation", "buyer")
    expected = len(os.sched_getaffinity(0)) + 1
    with running([(env, tmp_path / "gateway.log")]) as (gateway,):
        assert eventually(lambda: len(children(gateway.process.pid)) == expected), gateway.log_text()
        answer = chat(gateway.base_url, key, "Bonjour, résume ce paragraphe.")
        assert answer.status_code == 200, answer.text


def test_when_the_only_worker_dies_of_sigbus_mid_call_then_serve_answers_again_without_a_restart(
    tmp_path: Path, upstream: FakeUpstream
) -> None:
    # SIGBUS is how a process dies when SQLite's shared-memory file is cut under its mapping (#10).
    env = _gateway_env(tmp_path, upstream, timeout_s=30)
    env["IAG_WORKERS"] = "1"
    key = create_key(env, "agent-exploitation", "buyer")
    with running([(env, tmp_path / "gateway.log")]) as (gateway,), ThreadPoolExecutor(1) as side:
        workers = gateway.workers()
        assert len(workers) == 1, (workers, gateway.log_text())
        serving = next(iter(workers))
        upstream.slow_s = (
            12.0  # the call must still be in flight when the signal lands, even on a busy machine
        )
        # A nonce of its own: under pytest-xdist, a gateway of another test may still send to a
        # port this upstream got after that test's upstream stopped.
        nonce = f"dossier-{uuid.uuid4().hex[:12]}"
        cut = side.submit(
            chat, gateway.base_url, key, f"Résume ce paragraphe sur les gants {nonce}. [[slow]]"
        )
        assert eventually(lambda: nonce in json.dumps(upstream.received)), gateway.log_text()
        os.kill(serving, signal.SIGBUS)
        try:
            answered = cut.result(timeout=60)
        except httpx.TransportError:
            pass  # the call in flight died with its worker
        else:
            raise AssertionError(
                f"answered {answered.status_code} after SIGBUS to {serving}: {answered.text[:500]}\n"
                f"workers now {gateway.workers()}\n{gateway.log_text()[-4000:]}"
            )

        assert eventually(lambda: answers(gateway.base_url + "/readyz"), 120), gateway.log_text()
        answer = chat(gateway.base_url, key, "Bonjour, résume ce paragraphe.")
        assert answer.status_code == 200, answer.text
        assert gateway.process.poll() is None and len(gateway.workers() - {serving}) == 1
        assert "killed by SIGBUS" in gateway.log_text()
        metrics = httpx.get(gateway.base_url + "/metrics", timeout=30)  # multiprocess mode, one worker
        assert metrics.status_code == 200 and "iag_requests_total{" in metrics.text
    verify = cli(env, "audit", "verify")
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert "1 call(s) sent to a provider never completed" in verify.stdout
