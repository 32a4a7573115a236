"""Build the SQLAlchemy engine: a durable SQLite file by default, PostgreSQL by URL.

SQLite is tuned for an audit trail that must survive a power cut: WAL journal,
``synchronous=FULL`` (each commit is fsync'ed), a busy timeout so concurrent
writers queue instead of failing, and pooled connections reused across threads.
Transactions are started by us (``BEGIN`` or ``BEGIN IMMEDIATE``) rather than
by the sqlite3 module, so that writers can take the write lock up front, and after
``SharedMemoryGuard`` checked the WAL's shared-memory file (see ``shared_memory``).
The database file itself is never mapped (``mmap_size=0``): a file cut under a mapping
kills the process with SIGBUS. A full disk surfaces as ``DiskFull``.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import stat
import threading
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, ExceptionContext, make_url
from sqlalchemy.pool import ConnectionPoolEntry, StaticPool

from iag_gateway.storage.faults import StorageFault, from_sqlite_error
from iag_gateway.storage.shared_memory import guard_for

log = logging.getLogger("iag_gateway.storage")

#: Execution option: begin SQLite transactions with ``BEGIN IMMEDIATE``.
SQLITE_IMMEDIATE = "iag_sqlite_immediate"

DEFAULT_BUSY_TIMEOUT_S = 5.0
DEFAULT_CONNECT_TIMEOUT_S = 5
DEFAULT_LOCK_TIMEOUT_MS = 5000


def make_engine(
    url: str,
    *,
    busy_timeout_s: float = DEFAULT_BUSY_TIMEOUT_S,
    connect_timeout_s: int = DEFAULT_CONNECT_TIMEOUT_S,
    lock_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS,
    durable: bool = True,
    read_only: bool = False,
) -> Engine:
    """Create an engine for ``url`` (``sqlite:///path.db`` or ``postgresql+psycopg://...``).

    Creating the engine does not connect; the first use does. Timeouts bound how
    long a call may wait for the database before the caller fails closed.
    ``durable=False`` (quota counters only) skips the per-commit disk sync: a power
    cut may lose the last counts, an application crash loses nothing. The audit
    trail always uses a durable engine. ``read_only=True`` (``audit verify``, ``export``)
    opens SQLite in ``mode=ro`` and PostgreSQL sessions read-only: checking a forensic
    copy never changes a byte of it.
    """
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if read_only and parsed.database not in (None, "", ":memory:"):
            url = sa.engine.URL.create(
                "sqlite", database=f"file:{parsed.database}", query={"mode": "ro", "uri": "true"}
            ).render_as_string(hide_password=False)
        return _sqlite_engine(url, busy_timeout_s, durable, read_only=read_only)
    if backend == "postgresql":
        return _postgres_engine(url, connect_timeout_s, lock_timeout_ms, durable, read_only=read_only)
    raise ValueError(f"unsupported database URL scheme: {parsed.drivername!r}")


def _keep_private(database: Path, warned: set[Path]) -> None:
    """Make the SQLite files readable by their owner only: create a missing one 0600, tighten an old one.

    The trail and « Mes projets » hold personal data; SQLite gives the ``-wal`` and ``-shm``
    files the mode of the database file (``unixOpen``), so they are private too. An existing
    file open to other users (0644 from an earlier version) has group and other access taken
    off (0644 → 0600), and so have its ``-wal`` and ``-shm``; one warning line names them. A file this
    process does not own is left as it is, with a warning naming it once per engine (in
    ``warned``). Nothing here opens an existing file: a descriptor closed beside SQLite's would
    drop its locks (``wal_index``); ``stat`` and ``chmod`` go by path. Any other failure is
    left to SQLite, which reports it at the first connection.
    """
    with contextlib.suppress(OSError):
        os.close(os.open(database, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    tightened: list[str] = []
    for path in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
        try:
            status = os.stat(path)
        except OSError:
            continue
        mode = stat.S_IMODE(status.st_mode)
        if not mode & 0o077:
            continue
        problem = _take_others_off(path, status.st_uid, mode)
        if problem is None:
            tightened.append(f"{path} ({mode:04o} → {mode & 0o700:04o})")
        elif path not in warned:
            warned.add(path)
            log.warning("SQLite file %s is open to other users (mode %04o), left so: %s", path, mode, problem)
    if tightened:
        log.warning("SQLite files were open to other users, now private: %s", ", ".join(tightened))


def _take_others_off(path: Path, owner: int, mode: int) -> str | None:
    """Take group and other access off ``path`` (by path: no descriptor); say why not, or ``None``."""
    if owner != os.geteuid():
        return f"owned by uid {owner}, not by this process"
    try:
        os.chmod(path, mode & 0o700)
    except OSError as exc:
        return f"{type(exc).__name__}: {exc.strerror}"
    return None


def _sqlite_engine(
    url: str, busy_timeout_s: float, durable: bool = True, *, read_only: bool = False
) -> Engine:
    parsed = make_url(url)
    in_memory = parsed.database in (None, "", ":memory:")
    kwargs: dict[str, Any] = {
        "connect_args": {"check_same_thread": False, "timeout": busy_timeout_s},
    }
    if in_memory:
        # One shared connection, otherwise every checkout would see an empty database.
        kwargs["poolclass"] = StaticPool
    else:
        kwargs.update(pool_size=8, max_overflow=8, pool_timeout=busy_timeout_s)
    engine = sa.create_engine(url, **kwargs)
    busy_ms = int(busy_timeout_s * 1000)
    database = Path(str(parsed.database))
    guard = None if in_memory else guard_for(database)
    if not in_memory and not read_only:
        warned: set[Path] = set()

        @event.listens_for(engine, "do_connect")
        def _on_do_connect(*_args: Any) -> None:
            _keep_private(database, warned)  # before SQLite creates or opens it

    if guard is not None:
        guard.watch(engine)

        @event.listens_for(engine, "checkin")
        def _on_checkin(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
            if dbapi_connection is not None and guard.returned(dbapi_connection):
                record.invalidate()  # closed now: the process must drop its mapping to remap

        @event.listens_for(engine, "close")
        def _on_close(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
            guard.closed(dbapi_connection)

        @event.listens_for(engine, "close_detached")
        def _on_close_detached(dbapi_connection: Any) -> None:
            guard.closed(dbapi_connection)

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> StorageFault | None:
        return from_sqlite_error(context.original_exception)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # Take transaction control away from the sqlite3 module (see module docstring).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            if guard is not None:
                guard.connecting(dbapi_connection)
            cursor.execute("PRAGMA mmap_size=0")
            if not in_memory and not read_only:
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL" if durable else "PRAGMA synchronous=NORMAL")
            cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
            cursor.execute("PRAGMA foreign_keys=ON")
        except BaseException:
            cursor.close()
            dbapi_connection.close()  # the pool drops it without closing it or telling the guard
            if guard is not None:
                guard.closed(dbapi_connection)
            raise
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if guard is not None:
            guard.check(conn.connection.dbapi_connection)
        immediate = conn.get_execution_options().get(SQLITE_IMMEDIATE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _postgres_engine(
    url: str, connect_timeout_s: int, lock_timeout_ms: int, durable: bool = True, *, read_only: bool = False
) -> Engine:
    parsed = make_url(url)
    connect_args: dict[str, Any] = {}
    if "connect_timeout" not in parsed.query:
        connect_args["connect_timeout"] = connect_timeout_s
    engine = sa.create_engine(
        url,
        connect_args=connect_args,
        pool_size=8,
        max_overflow=8,
        pool_timeout=max(1, connect_timeout_s),
        # After a server restart every pooled connection is dead; detect it on checkout.
        pool_pre_ping=True,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # A stuck writer holding the chain lock must not hang every request forever, and a
        # commit must reach the disk before the call proceeds, whatever the server default.
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"SET lock_timeout = {int(lock_timeout_ms)}")
            cursor.execute("SET synchronous_commit = on" if durable else "SET synchronous_commit = off")
            if read_only:
                cursor.execute("SET default_transaction_read_only = on")
        finally:
            cursor.close()
        dbapi_connection.commit()

    return engine


def sqlite_file(engine: Engine) -> Path | None:
    """The database file behind a SQLite engine (``None`` in memory or off SQLite)."""
    if not is_sqlite(engine) or engine.url.database in (None, "", ":memory:"):
        return None
    return Path(str(engine.url.database)).resolve()


def missing_sqlite_file(url: str) -> Path | None:
    """The file a ``sqlite:///`` URL names when it does not exist (``None`` otherwise).

    Connecting would create it: read-only commands check first.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    path = Path(str(parsed.database))
    return None if path.exists() else path.resolve()


def file_identity(path: Path) -> tuple[int, int] | None:
    """``(device, inode)`` of ``path``, ``None`` if it does not exist: tells a file from its replacement."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_dev, stat.st_ino


def is_sqlite(engine: Engine) -> bool:
    """Say whether ``engine`` talks to SQLite."""
    return engine.dialect.name == "sqlite"


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
    """The lock writers take before a write transaction on ``engine``'s SQLite file (a no-op off SQLite)."""
    if not is_sqlite(engine):
        return contextlib.nullcontext()
    database = engine.url.database
    in_memory = database in (None, "", ":memory:")
    key = f":memory:#{id(engine)}" if in_memory else str(Path(str(database)).resolve())
    with _SQLITE_WRITE_LOCKS_GUARD:
        lock = _SQLITE_WRITE_LOCKS.get(key)
        if lock is None:
            lock_file = None if in_memory or _read_only_url(engine) else Path(key + WRITER_LOCK_SUFFIX)
            lock = _SQLITE_WRITE_LOCKS[key] = SqliteWriterLock(lock_file)
        return lock
