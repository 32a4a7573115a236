"""SQLite's ``-shm`` file damaged under processes that hold the trail open (issue #10, item 4).

Each holder is a child process (``shm_child``): if the guard misses a case, SQLite's
mapping raises SIGBUS and the child dies, which the test reports instead of dying with it.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from iag_gateway.errors import AuditUnavailable, ServiceUnavailable
from iag_gateway.storage.faults import DiskFull, from_sqlite_error
from tests.e2e.processes import REPO


class Holder:
    """A child process with the trail open, answering one JSON line per command."""

    def __init__(self, database: Path, first_number: int = 0) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.storage.shm_child", str(database), str(first_number)],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.ask_line() == {"ready": True}

    def ask_line(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            code = self.process.wait(timeout=30)
            name = signal.Signals(-code).name if code < 0 else f"exit {code}"
            raise AssertionError(f"the process holding the trail died ({name})")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def ask(self, command: str) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.ask_line()

    def ask_nothing(self, command: str) -> None:
        """Send ``command`` and leave its answers to ``ask_line``."""
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def close(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            with contextlib.suppress(BrokenPipeError):
                self.process.stdin.close()
            self.process.wait(timeout=30)


@pytest.fixture
def holders(tmp_path: Path) -> Iterator[Callable[[int], Holder]]:
    started: list[Holder] = []

    def start(first_number: int = 0) -> Holder:
        started.append(Holder(tmp_path / "trail.db", first_number))
        return started[-1]

    yield start
    for holder in started:
        holder.close()


def _shm(tmp_path: Path) -> Path:
    return tmp_path / "trail.db-shm"


def _truncate(path: Path) -> None:
    os.truncate(path, 0)


def _cut_in_half(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def _replace(path: Path) -> None:
    path.unlink()
    path.write_bytes(b"\0" * 32768)


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (_truncate, "tronqué"),
        (_cut_in_half, "tronqué"),
        (Path.unlink, "supprimé"),
        (_replace, "remplacé"),
    ],
)
def test_when_the_shm_file_is_damaged_then_503_naming_it_then_the_trail_resumes_intact(
    tmp_path: Path, holders: Callable[[int], Holder], damage: Callable[[Path], object], said: str
) -> None:
    holder = holders(0)
    for _ in range(3):
        assert "ok" in holder.ask("append")
    damage(_shm(tmp_path))
    refused = holder.ask("append")
    assert refused["status"] == 503
    assert "Journal d'audit indisponible" in refused["message"] and said in refused["message"]
    assert holder.ask("append") == {"ok": 4}
    verified = holder.ask("verify")
    assert verified["ok"] and verified["checked"] == 4, verified


def _until_ok(holder: Holder, deadline_s: float = 15.0) -> int:
    """Append until the holder answers ok (it maps the file again once that is safe)."""
    deadline = time.monotonic() + deadline_s
    while True:
        answer = holder.ask("append")
        if "ok" in answer:
            return int(answer["ok"])
        assert answer["status"] == 503 and time.monotonic() < deadline, answer
        time.sleep(0.1)


def test_when_two_processes_hold_the_trail_and_the_shm_is_truncated_then_both_resume_on_one_chain(
    tmp_path: Path, holders: Callable[[int], Holder]
) -> None:
    first, second = holders(0), holders(1000)
    assert first.ask("append") == {"ok": 1}
    assert second.ask("append") == {"ok": 2}
    _truncate(_shm(tmp_path))
    assert first.ask("append")["status"] == 503
    # Neither maps the file again beside the other's cut mapping; the second lets go
    # on its own (its watcher), then both go on, on one index rebuilt from the WAL.
    assert _until_ok(first) == 3
    assert _until_ok(second) == 4
    assert first.ask("append") == {"ok": 5}
    verified = second.ask("verify")
    assert verified["ok"] and verified["checked"] == 5, verified


def _burst(holder: Holder, count: int, acked: list[tuple[int, str]], deaths: list[str]) -> None:
    holder.ask_nothing(f"burst {count}")
    while True:
        try:
            answer = holder.ask_line()
        except AssertionError as died:  # SIGBUS inside a transaction: like kill -9, nothing committed is lost
            deaths.append(str(died))
            return
        if answer.get("done"):
            return
        if "ok" in answer:
            acked.append((int(answer["ok"]), str(answer["request_id"])))


@pytest.mark.parametrize("damage", [_truncate, _cut_in_half, Path.unlink])
def test_when_the_shm_is_damaged_under_two_writing_processes_then_no_committed_record_is_lost(
    tmp_path: Path, holders: Callable[[int], Holder], damage: Callable[[Path], object]
) -> None:
    """The kind behind the soak's lost records: every append a process saw committed stays, in one chain."""
    acked: list[tuple[int, str]] = []
    deaths: list[str] = []
    for round_number in range(3):
        writers = [holders(100000 * (2 * round_number + 1)), holders(100000 * (2 * round_number + 2))]
        threads = [threading.Thread(target=_burst, args=(w, 400, acked, deaths)) for w in writers]
        for thread in threads:
            thread.start()
        for _ in range(3):
            time.sleep(0.4)
            with contextlib.suppress(FileNotFoundError):
                damage(_shm(tmp_path))
        for thread in threads:
            thread.join(timeout=120)
        for writer in writers:
            writer.close()
    assert len(acked) > 100, (len(acked), deaths)
    with contextlib.closing(sqlite3.connect(tmp_path / "trail.db")) as db:
        stored = dict(db.execute("SELECT seq, request_id FROM audit_event").fetchall())
    lost = [(seq, rid) for seq, rid in acked if stored.get(seq) != rid]
    assert not lost, f"{len(lost)} committed records lost or overwritten, e.g. {lost[:3]}; deaths {deaths}"
    checker = holders(0)
    verified = checker.ask("verify")
    assert verified["ok"] and verified["checked"] == len(stored), verified


def test_when_sqlite_reports_a_full_disk_then_the_503_says_so_in_french() -> None:
    import sqlite3

    full = sqlite3.connect(":memory:")
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = 13  # type: ignore[attr-defined]
    fault = from_sqlite_error(error)
    full.close()
    assert isinstance(fault, DiskFull) and isinstance(fault, sa.exc.SQLAlchemyError)
    try:
        try:
            raise fault
        except sa.exc.SQLAlchemyError as exc:
            raise AuditUnavailable(
                "Journal d'audit indisponible : la requête n'a pas été transmise."
            ) from exc
    except ServiceUnavailable as refused:
        message = refused.body()["error"]["message"]
    assert message == (
        "Journal d'audit indisponible : la requête n'a pas été transmise. "
        "Cause : disque de la base de données plein."
    )
