"""Keep SQLite's shared-memory file (``<db>-shm``) from killing the process or splitting the database.

In WAL mode SQLite maps ``<db>-shm`` into every process with ``mmap(MAP_SHARED)``. If
someone truncates that file (another process, an operator, a cleaning script, even
root), the next access to a mapped page past its new end raises SIGBUS: no Python code
can catch it, the process dies in the middle of whatever it was doing. If the file is
deleted or replaced, this process keeps its old mapping and locks while other processes
open the new file: two WAL indexes for one database, writers no longer exclude each
other, and the database can be corrupted.

``SharedMemoryGuard`` (one per database file and process, shared by every engine of the
process on that file) checks the file with one ``stat`` before every transaction and
before every new connection, against what this process mapped: the same file (device,
inode) and no smaller than the largest size seen. When it differs, the transaction is
refused with ``SharedMemoryLost`` (a ``StorageFault``, so every store answers 503 as for
any database failure) before SQLite touches the mapping. A truncated file is first
given back its length (``posix_fallocate``, which never shrinks a file): the pages this
process mapped are backed again, so closing a connection (SQLite may checkpoint on the
last close, reading the index) is safe. Then idle connections are closed, and busy ones
when they come back. Once no connection of the process is open, SQLite has dropped its
mapping; the next connection maps the file afresh (the index is a cache: SQLite rebuilds
it from the WAL file, which holds the data) and service resumes. If the file cannot be
given its length back (a full disk), connections stay open, every transaction is refused
and ``/readyz`` says not ready, until it can.

What stays out of reach: a truncation that lands *during* a transaction already past its
check still raises SIGBUS (the mapping is SQLite's, in C). Under load this is not rare:
with 12 concurrent callers on two processes, 3 of 10 process×cut pairs died (``make soak
SOAK_CUT_SHM=5``). The worker then dies like under ``kill -9``; ``serve`` always runs its
workers under a supervising parent (``supervisor.Supervisor``, one worker included), which
holds no database connection and forks another worker: the gateway stays up, the
call in flight keeps its in-flight record (« never completed » in ``audit verify``), the
chain is intact, and the new worker maps the file afresh. Only no shared mapping cures
the death itself (``locking_mode=EXCLUSIVE``, one process per database, or PostgreSQL).
"""

from __future__ import annotations

import logging
import os
import threading
import weakref
from pathlib import Path

from sqlalchemy.engine import Engine

from iag_gateway.storage.faults import StorageFault

log = logging.getLogger("iag_gateway.storage")


class SharedMemoryLost(StorageFault):
    """The ``-shm`` file this process mapped was truncated, deleted or replaced."""


class SharedMemoryGuard:
    """Watch one database's ``-shm`` file for this process (see the module docstring)."""

    def __init__(self, database: Path) -> None:
        self.path = Path(f"{database}-shm")
        self._lock = threading.Lock()
        self._open: set[int] = set()  # ids of the DBAPI connections open on the database
        self._mapped: tuple[int, int] | None = None  # (device, inode) of the file mapped
        self._size = 0  # the largest size seen of that file: SQLite never shrinks it while mapped
        self._lost: str | None = None
        self._backed = False  # the pages this process mapped are backed by the file again
        self._engines: weakref.WeakSet[Engine] = weakref.WeakSet()

    @property
    def lost(self) -> str | None:
        """Why the mapping is unusable (French), or ``None``."""
        return self._lost

    def watch(self, engine: Engine) -> None:
        """Close ``engine``'s idle connections when the file is lost."""
        self._engines.add(engine)

    def connecting(self, connection: object) -> None:
        """Before a new connection's first statement: refuse while other connections hold a lost mapping."""
        with self._lock:
            if self._lost is not None:
                if self._open:
                    raise SharedMemoryLost(self._lost)
                self._recovered()
            self._open.add(id(connection))

    def closed(self, connection: object) -> None:
        """After a connection closed: with none left, the next one maps the file afresh."""
        with self._lock:
            self._open.discard(id(connection))
            if not self._open:
                # No mapping left: SQLite may even delete the file on the last close.
                self._recovered()

    def check(self) -> None:
        """Before a transaction: raise ``SharedMemoryLost`` unless the mapped file is intact."""
        with self._lock:
            if self._lost is None:
                self._lost = self._look()
                if self._lost is None:
                    return
                log.error("shared-memory file %s: %s; refusing until remapped", self.path, self._lost)
            if not self._backed:
                self._backed = self._back()
            reason, backed = self._lost, self._backed
        if backed:
            self._close_idle()
        raise SharedMemoryLost(reason)

    def returned(self) -> bool:
        """After a transaction, as its connection comes back: say whether to close that connection.

        Also remembers how far the file reaches now (SQLite may have grown it).
        """
        with self._lock:
            if self._lost is None:
                self._lost = self._look()
            return self._lost is not None and self._backed

    def _look(self) -> str | None:
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            return None if self._mapped is None else "fichier de mémoire partagée SQLite supprimé"
        identity = (stat.st_dev, stat.st_ino)
        if self._mapped is None:
            self._mapped, self._size = identity, stat.st_size
        elif identity != self._mapped:
            return "fichier de mémoire partagée SQLite remplacé"
        elif stat.st_size < self._size:
            return f"fichier de mémoire partagée SQLite tronqué ({self._size} → {stat.st_size} octets)"
        else:
            self._size = stat.st_size
        return None

    def _back(self) -> bool:
        """Give a truncated file its length back; ``True`` once the mapped pages are backed."""
        if self._mapped is None:
            return True
        try:
            fd = os.open(self.path, os.O_RDWR)
        except FileNotFoundError:
            return True  # deleted: the mapping still holds the old file, which keeps its pages
        try:
            stat = os.fstat(fd)
            if (stat.st_dev, stat.st_ino) != self._mapped:
                return True  # replaced: same as deleted
            if stat.st_size < self._size:
                os.posix_fallocate(fd, 0, self._size)
            return True
        except OSError as exc:
            log.error("shared-memory file %s: cannot give it back %d bytes: %s", self.path, self._size, exc)
            return False
        finally:
            os.close(fd)

    def _recovered(self) -> None:
        if self._lost is not None:
            log.warning("shared-memory file %s: no connection left, the next one maps it afresh", self.path)
        self._lost, self._backed, self._mapped, self._size = None, False, None, 0

    def _close_idle(self) -> None:
        for engine in list(self._engines):
            engine.pool.dispose()


_GUARDS: dict[str, SharedMemoryGuard] = {}
_GUARDS_LOCK = threading.Lock()


def guard_for(database: Path) -> SharedMemoryGuard:
    """The process's guard for ``database`` (one per file, like the file's mapping)."""
    key = str(database.resolve())
    with _GUARDS_LOCK:
        return _GUARDS.setdefault(key, SharedMemoryGuard(Path(key)))
