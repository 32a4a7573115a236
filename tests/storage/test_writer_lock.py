"""Writers of one SQLite file take turns across processes: no busy-handler sleeps, no hang, no sharing after fork."""

from __future__ import annotations

import os
import signal
import stat
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from iag_gateway.storage.engine import make_engine
from iag_gateway.storage.faults import StorageFault
from iag_gateway.storage.writer_lock import WRITER_LOCK_SUFFIX, SqliteWriterLock, writer_lock


def _hold_in_child(lock_file: Path, seconds: float, ready: Path) -> int:
    """Fork a process that takes the lock, says so, holds it ``seconds`` and exits; return its pid."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 1
        try:
            with SqliteWriterLock(lock_file):
                ready.write_text(str(time.monotonic()))
                time.sleep(seconds)
                Path(str(ready) + ".released").write_text(str(time.monotonic()))
            code = 0
        finally:
            os._exit(code)
    deadline = time.monotonic() + 10
    while not ready.exists():
        assert time.monotonic() < deadline, "the child never took the lock"
        time.sleep(0.005)
    return pid


def test_a_writer_waits_for_another_process_and_takes_the_lock_as_soon_as_it_is_released(
    tmp_path: Path,
) -> None:
    lock_file = tmp_path / "g.db-writer-lock"
    ready = tmp_path / "ready"
    pid = _hold_in_child(lock_file, 0.3, ready)
    with SqliteWriterLock(lock_file):
        taken = time.monotonic()
    os.waitpid(pid, 0)
    released = float(Path(str(ready) + ".released").read_text())
    assert taken >= released  # never both at once
    assert taken - released < 0.05  # polled every 2 ms at most, not SQLite's 100 ms steps


def test_a_process_stuck_holding_the_lock_makes_writers_fail_not_hang(tmp_path: Path) -> None:
    lock_file = tmp_path / "g.db-writer-lock"
    pid = _hold_in_child(lock_file, 30, tmp_path / "ready")
    try:
        started = time.monotonic()
        with pytest.raises(StorageFault) as caught, SqliteWriterLock(lock_file, timeout_s=0.2):
            pass
        assert 0.2 <= time.monotonic() - started < 2
        assert caught.value.reason_fr == "base de données verrouillée par un autre processus"
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


def test_a_holder_killed_with_sigkill_releases_the_lock(tmp_path: Path) -> None:
    lock_file = tmp_path / "g.db-writer-lock"
    pid = _hold_in_child(lock_file, 30, tmp_path / "ready")
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    with SqliteWriterLock(lock_file, timeout_s=1):
        pass


def test_a_forked_child_does_not_share_its_parents_lock(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'g.db'}")
    with engine.connect():
        pass
    with writer_lock(engine):  # the parent writes while it forks
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            signal.alarm(10)  # a child stuck on an inherited, held lock dies: the parent reads nothing
            outcome = b"shared"
            try:
                lock = writer_lock(engine)
                lock._timeout_s = 0.2  # type: ignore[attr-defined]
                with lock:
                    pass
            except StorageFault:
                outcome = b"waited"
            finally:
                os.write(write, outcome)
                os._exit(0)
        os.close(write)
        os.waitpid(pid, 0)
        assert os.read(read, 16) == b"waited"
        os.close(read)


def test_the_lock_file_is_private_and_beside_the_database(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'g.db'}")
    with writer_lock(engine), engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE t (x INTEGER)"))
    lock_file = tmp_path / ("g.db" + WRITER_LOCK_SUFFIX)
    assert stat.S_IMODE(lock_file.stat().st_mode) == 0o600
    assert writer_lock(make_engine(f"sqlite:///{tmp_path / 'g.db'}")) is writer_lock(engine)


def test_read_only_and_in_memory_engines_create_no_lock_file(tmp_path: Path) -> None:
    database = tmp_path / "g.db"
    with make_engine(f"sqlite:///{database}").begin() as conn:
        conn.execute(sa.text("CREATE TABLE t (x INTEGER)"))
    before = sorted(p.name for p in tmp_path.iterdir())
    with writer_lock(make_engine(f"sqlite:///{database}", read_only=True)):
        pass
    with writer_lock(make_engine("sqlite://")):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_a_lock_file_made_by_root_is_given_to_the_databases_owner(tmp_path: Path) -> None:
    database = tmp_path / "g.db"
    with make_engine(f"sqlite:///{database}").begin() as conn:
        conn.execute(sa.text("CREATE TABLE t (x INTEGER)"))
    os.chown(database, 4321, 4321)  # the service user's database; root runs a maintenance command
    with SqliteWriterLock(tmp_path / ("g.db" + WRITER_LOCK_SUFFIX)):
        pass
    made = (tmp_path / ("g.db" + WRITER_LOCK_SUFFIX)).stat()
    assert (made.st_uid, made.st_gid) == (4321, 4321)


def test_a_lock_file_that_cannot_be_opened_is_a_storage_fault_not_a_traceback(tmp_path: Path) -> None:
    lock_file = tmp_path / "g.db-writer-lock"
    lock_file.mkdir()  # not a file: open(2) fails with EISDIR
    lock = SqliteWriterLock(lock_file, timeout_s=1)
    with pytest.raises(StorageFault) as caught, lock:
        pass
    assert caught.value.reason_fr.startswith("verrou d'écriture g.db-writer-lock inaccessible")
    lock_file.rmdir()
    with lock:  # its thread lock was released with the fault: the next writer gets it
        pass
