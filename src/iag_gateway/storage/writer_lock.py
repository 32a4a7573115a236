"""Writers of one SQLite file take turns: this process's threads, then processes (``flock``).

Taken by every writer of the gateway's SQLite database (audit trail, quota counters,
template registry) before its write transaction; a no-op on PostgreSQL.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import threading
import time
from pathlib import Path

from sqlalchemy.engine import Engine

from iag_gateway.storage.engine import DEFAULT_BUSY_TIMEOUT_S, is_sqlite
from iag_gateway.storage.faults import StorageFault

log = logging.getLogger("iag_gateway.storage")

#: Suffix of the file beside a SQLite database that its writers lock (``flock``) in turn.
WRITER_LOCK_SUFFIX = "-writer-lock"
#: Longest wait for another process's write transaction, as SQLite's own busy timeout.
WRITER_LOCK_TIMEOUT_S = DEFAULT_BUSY_TIMEOUT_S


class SqliteWriterLock:
    """Serialise the write transactions on one SQLite file: this process's threads, then processes.

    SQLite lets one writer at a time and makes the others poll: its busy handler sleeps 1,
    2, 5, 10 … up to 100 ms between tries, however soon the lock is free again. Under load
    the workers' quota reservations and audit records slept there while the CPU idled (a
    quarter of two cores at 50 concurrent calls, issue #11) and the slowest calls waited
    hundreds of milliseconds. Here a writer first takes a lock of its process (threads queue
    and wake at once), then an exclusive ``flock`` on ``<database>-writer-lock``, which the
    kernel hands to the next process as soon as it is released, and which it releases when a
    holder dies. The ``flock`` is tried without blocking, then again every 0.1 to 2 ms, for
    ``timeout_s`` at most (a stuck process must not hang every other one): then
    ``StorageFault``, as SQLite's busy timeout. Writers that do not take it (another program
    on the file) still meet SQLite's own lock and busy handler, and so does this one if it may
    not open the lock file (a warning, once). See flock(2).
    """

    def __init__(self, lock_file: Path | None, timeout_s: float = WRITER_LOCK_TIMEOUT_S) -> None:
        self._threads = threading.Lock()
        self._lock_file = lock_file
        self._timeout_s = timeout_s
        self._fd: int | None = None

    def __enter__(self) -> SqliteWriterLock:
        self._threads.acquire()
        try:
            if self._lock_file is not None:
                self._lock_process()
        except BaseException:
            self._threads.release()
            raise
        return self

    def __exit__(self, *_exc: object) -> None:
        try:
            if self._fd is not None:
                self._flock(fcntl.LOCK_UN)
        finally:
            self._threads.release()

    def _lock_process(self) -> None:
        if self._fd is None and not self._open():
            return
        deadline = time.monotonic() + self._timeout_s
        pause = 0.0001
        while not self._flock(fcntl.LOCK_EX | fcntl.LOCK_NB):
            if time.monotonic() >= deadline:
                raise StorageFault("base de données verrouillée par un autre processus")
            time.sleep(pause)
            pause = min(pause * 2, 0.002)

    def _open(self) -> bool:
        """Open (create) the lock file; without the right to, warn once and rely on SQLite's lock alone.

        A lock file created by root (a maintenance command) is given to the database file's
        owner, as SQLite does with its ``-wal`` and ``-shm`` files, so the service can open it.
        """
        assert self._lock_file is not None
        try:
            self._fd = os.open(self._lock_file, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        except PermissionError:
            log.warning(
                "%s cannot be opened (permission denied); writers of other processes queue in "
                "SQLite's busy handler instead",
                self._lock_file.name,
            )
            self._lock_file = None
            return False
        except OSError as exc:
            raise StorageFault(
                f"verrou d'écriture {self._lock_file.name} inaccessible ({exc.strerror})"
            ) from exc
        if os.geteuid() == 0:
            database = Path(str(self._lock_file)[: -len(WRITER_LOCK_SUFFIX)])
            with contextlib.suppress(OSError):
                owner = database.stat()
                if os.fstat(self._fd).st_uid != owner.st_uid:
                    os.fchown(self._fd, owner.st_uid, owner.st_gid)
        return True

    def _flock(self, operation: int) -> bool:
        """``flock(2)`` the lock file: False if held elsewhere; ``StorageFault`` on an error."""
        assert self._fd is not None
        try:
            fcntl.flock(self._fd, operation)
        except BlockingIOError:
            return False
        except OSError as exc:  # e.g. ENOLCK on a network file system
            raise StorageFault(f"verrou d'écriture indisponible ({exc.strerror})") from exc
        return True

    def after_fork(self) -> None:
        """In a forked child: a fresh thread lock, and no descriptor (its ``flock`` is the parent's)."""
        self._threads = threading.Lock()  # a parent thread may have held it at the fork
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None


# One lock per SQLite database file, shared by every engine of this process on that file
# (the audit trail's, the quota counters', the template registry's). A process-wide
# registry, like logging's, because the resource it guards (the file) is process-wide too;
# in a forked child every lock is reset (``after_fork``) and keeps its place.
_SQLITE_WRITE_LOCKS: dict[str, SqliteWriterLock] = {}
_SQLITE_WRITE_LOCKS_GUARD = threading.Lock()


def _reset_writer_locks() -> None:
    global _SQLITE_WRITE_LOCKS_GUARD
    _SQLITE_WRITE_LOCKS_GUARD = threading.Lock()
    for lock in _SQLITE_WRITE_LOCKS.values():
        lock.after_fork()


os.register_at_fork(after_in_child=_reset_writer_locks)


def _read_only_url(engine: Engine) -> bool:
    """A ``mode=ro`` SQLite URL (``make_engine(read_only=True)``): it never writes, so locks nothing."""
    return engine.url.query.get("mode") == "ro"


def writer_lock(engine: Engine) -> contextlib.AbstractContextManager[object]:
    """The lock writers take before a write transaction on ``engine``'s SQLite file.

    A no-op off SQLite and on a read-only engine (it never writes).
    """
    if not is_sqlite(engine) or _read_only_url(engine):
        return contextlib.nullcontext()
    database = engine.url.database
    in_memory = database in (None, "", ":memory:")
    key = f":memory:#{id(engine)}" if in_memory else str(Path(str(database)).resolve())
    with _SQLITE_WRITE_LOCKS_GUARD:
        lock = _SQLITE_WRITE_LOCKS.get(key)
        if lock is None:
            lock_file = None if in_memory else Path(key + WRITER_LOCK_SUFFIX)
            lock = _SQLITE_WRITE_LOCKS[key] = SqliteWriterLock(lock_file)
        return lock
