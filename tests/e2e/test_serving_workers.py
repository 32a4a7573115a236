"""``serve --workers 2``: workers forked from one loaded parent, restarted when they die.

A real ``iag-gateway serve`` process on loopback, the fake upstream, SQLite; the
workers are found in ``/proc`` as the parent's children.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from iag_gateway.storage.testing import sqlite_url
from tests.e2e.processes import chat, copy_policies, create_key, gateway_env, running
from tests.fakes.upstream import FakeUpstream
from tests.harness import provider_config

pytestmark = pytest.mark.slow


def children(pid: int) -> set[int]:
    """The live child processes of ``pid`` (Linux ``/proc``)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry.name))
    return found


def eventually(check: Callable[[], bool], timeout_s: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def test_when_a_worker_is_killed_then_the_parent_forks_another_and_calls_are_answered(
    tmp_path: Path, upstream: FakeUpstream
) -> None:
    env = gateway_env(
        sqlite_url(tmp_path / "gateway.db"),
        provider_config(tmp_path / "p.yaml", upstream.base_url),
        policies_dir=copy_policies(tmp_path / "policies"),
    )
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
