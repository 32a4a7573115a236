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
import logging
import os
import stat
import weakref
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, ExceptionContext, make_url
from sqlalchemy.pool import ConnectionPoolEntry, StaticPool

from iag_gateway.storage.faults import StorageFault, from_sqlite_error
from iag_gateway.storage.shared_memory import guard_for

log = logging.getLogger("iag_gateway.storage")

#: Execution option: begin SQLite transactions with ``BEGIN IMMEDIATE`` (engines of
#: ``make_engine`` only: see ``begins_immediate``).
SQLITE_IMMEDIATE = "iag_sqlite_immediate"
_IMMEDIATE_ENGINES: weakref.WeakSet[Engine] = weakref.WeakSet()

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

    _IMMEDIATE_ENGINES.add(engine)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if guard is not None:
            guard.check(conn.connection.dbapi_connection)
        immediate = conn.get_execution_options().get(SQLITE_IMMEDIATE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def begins_immediate(engine: Engine) -> bool:
    """Tell whether ``engine`` honours ``SQLITE_IMMEDIATE`` (a SQLite engine of ``make_engine``).

    On another SQLite engine, Python's ``sqlite3`` begins no transaction before a ``SELECT``:
    what a transaction reads before its first write may have changed when it writes.
    """
    return engine in _IMMEDIATE_ENGINES


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
