"""SQLite's shared-memory file cut, deleted or on a full disk: 503, the process stays up (issue #10).

In WAL mode every connection maps ``<db>-shm`` with ``mmap(MAP_SHARED)``; a page
mapped past the file's end raises SIGBUS on access, which kills the process. These
tests run a real ``iag-gateway serve`` process (a crash must not take pytest down),
damage the file under it as another process (or an operator) would, and check what the
caller gets, that its worker is still alive (the same pid: ``serve`` would replace a dead
one), that it recovers, and ``audit verify``.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from iag_gateway.storage.testing import sqlite_url
from tests.e2e.processes import GatewayProcess, chat, cli, create_key, gateway_env, running
from tests.fakes.upstream import FakeUpstream
from tests.harness import provider_config

pytestmark = pytest.mark.slow


@dataclass
class Served:
    env: dict[str, str]
    gateway: GatewayProcess
    key: str
    database: Path
    workers: set[int] = field(default_factory=set)  # the pids serving when the test began

    @property
    def shm(self) -> Path:
        return Path(f"{self.database}-shm")

    def call(self, text: str = "Rédige une phrase sur les gants.") -> httpx.Response:
        try:
            return chat(self.gateway.base_url, self.key, text)
        except httpx.TransportError as exc:
            died = [line for line in self.gateway.log_text().splitlines() if "exited (" in line]
            raise AssertionError(f"a worker died instead of answering: {exc!r} {died}") from exc

    def ready(self) -> httpx.Response:
        return httpx.get(self.gateway.base_url + "/readyz", timeout=30)

    def alive(self) -> bool:
        """``serve`` runs and the worker that served first was never replaced (so never died)."""
        return self.gateway.process.poll() is None and self.gateway.workers() == self.workers


def _serve(directory: Path, upstream: FakeUpstream, logs: Path) -> Iterator[Served]:
    config = provider_config(logs / "providers.yaml", upstream.base_url, timeout_s=10)
    database = directory / "gateway.db"
    env = gateway_env(sqlite_url(database), config)
    key = create_key(env, "agent-shm", "buyer")
    with running([(env, logs / "gateway.log")]) as [gateway]:
        served = Served(env, gateway, key, database, gateway.workers())
        assert len(served.workers) == 1, gateway.log_text()
        first = served.call()
        assert first.status_code == 200, first.text  # the gateway has mapped the -shm file
        assert served.shm.exists()
        yield served


@pytest.fixture
def served(tmp_path: Path, upstream: FakeUpstream) -> Iterator[Served]:
    yield from _serve(tmp_path, upstream, tmp_path)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 24 MiB tmpfs of its own (root only), unmounted afterwards."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _assert_refused_in_french(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text
    assert int(response.headers["Retry-After"]) > 0
    error = response.json()["error"]
    assert error["type"] and error["code"]
    assert "indisponible" in error["message"] or "plein" in error["message"], error["message"]


def _refused_unless_already_remapped(served: Served, response: httpx.Response) -> None:
    """503 in French, or 200 once the guard's watcher (1 s) noticed the damage and remapped first."""
    if response.status_code == 200:
        assert "shared-memory file" in served.gateway.log_text(), "served on a damaged mapping unnoticed"
    else:
        _assert_refused_in_french(response)


def _answers_again(served: Served, attempts: int = 5) -> httpx.Response:
    """The first 200 within a few calls: the refusal that noticed the damage may be followed by one more."""
    response = served.call()
    for _ in range(attempts - 1):
        if response.status_code == 200:
            break
        response = served.call()
    return response


def _chain_verifies(served: Served) -> None:
    verify = cli(served.env, "audit", "verify")
    assert verify.returncode == 0, verify.stdout + verify.stderr


def test_when_the_shared_memory_file_is_truncated_then_503_the_process_stays_up_and_recovers(
    served: Served,
) -> None:
    os.truncate(served.shm, 0)
    _refused_unless_already_remapped(served, served.call())
    assert served.alive()
    assert _answers_again(served).status_code == 200
    assert served.ready().status_code == 200

    os.truncate(served.shm, 0)
    not_ready = served.ready()
    if not_ready.status_code != 200:  # else the watcher remapped first, as above
        assert not_ready.status_code == 503 and not_ready.json()["checks"]["database"] == "failed"
    assert served.alive()
    assert _answers_again(served).status_code == 200
    _chain_verifies(served)


def test_when_the_shared_memory_file_is_cut_to_its_first_region_then_503_and_the_process_stays_up(
    served: Served,
) -> None:
    size = served.shm.stat().st_size
    with served.shm.open("r+b") as shm:
        shm.truncate(size // 2 if size > 32768 else 16384)
    _refused_unless_already_remapped(served, served.call())
    assert served.alive()
    assert _answers_again(served).status_code == 200
    _chain_verifies(served)


def test_when_the_shared_memory_file_is_deleted_then_503_and_the_process_moves_to_the_new_one(
    served: Served,
) -> None:
    served.shm.unlink()
    _refused_unless_already_remapped(served, served.call())
    assert served.alive()
    assert _answers_again(served).status_code == 200
    assert served.shm.exists()  # the process maps the file other processes see, not a deleted one
    _chain_verifies(served)


def test_when_the_disk_fills_up_then_503_in_french_not_ready_and_back_once_space_is_freed(
    small_disk: Path, tmp_path: Path, upstream: FakeUpstream
) -> None:
    with contextlib.closing(_serve(small_disk, upstream, tmp_path)) as serving:
        served = next(serving)
        filler = small_disk / "filler"
        with filler.open("wb") as out, contextlib.suppress(OSError):
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        refused = served.call()
        _assert_refused_in_french(refused)
        assert "plein" in refused.json()["error"]["message"]
        assert served.ready().status_code == 503
        assert served.alive()

        filler.unlink()
        assert _answers_again(served).status_code == 200
        assert served.ready().status_code == 200
        _chain_verifies(served)
