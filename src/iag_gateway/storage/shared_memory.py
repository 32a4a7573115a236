"""Keep SQLite's shared-memory file (``<db>-shm``) from killing the process or losing records.

In WAL mode SQLite maps ``<db>-shm`` (the WAL index) into every process with
``mmap(MAP_SHARED)``. If someone truncates that file (another process, an operator, a
cleaning script, even root), the next access to a mapped page past its new end raises
SIGBUS: no Python code can catch it, the process dies in the middle of whatever it was
doing. If the file is deleted or replaced, this process keeps its old mapping and locks
while other processes open the new file: two WAL indexes for one database, writers no
longer exclude each other. A truncated file given its length back while another process
is inside a transaction lets that process commit onto an index whose earlier entries are
zeros, which a checkpoint would follow. And the previous version of this guard lost 66
committed records (issue #10) by opening and closing a descriptor of the file, which
released SQLite's WAL write lock (see ``wal_index``): hence the three rules below.

``SharedMemoryGuard`` (one per database file and process, shared by every engine of the
process on that file) checks the file with one ``stat`` before every transaction, and
once a second from a watcher thread, against what this process mapped: the same file
(device, inode) and no smaller than the largest size seen. When it differs, every
transaction is refused with ``SharedMemoryLost`` (a ``StorageFault``: 503, as for any
database failure) and the process lets go of its mapping:

1. It never opens a descriptor on the ``-shm`` or database file while it holds a
   connection: closing one would release SQLite's locks (``wal_index``).
2. It closes its connections, idle ones at once and busy ones as they come back. Closing
   is safe because SQLite reads the index on close only when it is the database's last
   connection (it checkpoints). So a cut file is given its length back (zero pages) and
   its header voided before the process's last close, and only when no other process
   holds the database (``/proc/locks``) and none of this process's connections is inside
   a transaction: nobody can then commit onto the emptied index, and SQLite rebuilds it
   from the WAL file, which holds the data.
3. It maps the file again (its next connection) only when no other process holds the
   database, or when they hold the current ``-shm`` file and it is long enough for the
   frames its header counts: never beside a process still on a deleted, replaced or cut
   index. Until then it answers 503 and ``/readyz`` says not ready.

What stays out of reach: a process inside a transaction when the file is cut touches a
page past the end and dies of SIGBUS (the mapping is SQLite's, in C), as does a process
closing its last connection at the very moment the other processes close theirs. Under
load this is not rare (``make soak SOAK_CUT_SHM=5``). The process dies as under
``kill -9``, which loses nothing committed; ``serve`` always runs its workers under a
supervising parent (``supervisor.Supervisor``, one worker included), which holds no
database connection and forks another worker: the gateway stays up, the call in flight
keeps its in-flight record (« never completed » in ``audit verify``), the chain is
intact. Only no shared mapping cures the death itself (``locking_mode=EXCLUSIVE``, one
process per database, or PostgreSQL). Off Linux (no ``/proc/locks``) the guard cannot
tell whether it is alone: it never gives the file its length back, and maps it again as
soon as its own connections are closed.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import weakref
from pathlib import Path

from sqlalchemy.engine import Engine

from iag_gateway.storage import wal_index
from iag_gateway.storage.faults import StorageFault

log = logging.getLogger("iag_gateway.storage")

WATCH_PERIOD_S = 1.0
_MAP_ATTEMPTS = 10  # a process opening the database holds it a moment before it maps the index
_MAP_WAIT_S = 0.05


class SharedMemoryLost(StorageFault):
    """The ``-shm`` file this process mapped was truncated, deleted or replaced."""


class SharedMemoryGuard:
    """Watch one database's ``-shm`` file for this process (see the module docstring)."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = Path(f"{database}-shm")
        self._lock = threading.Lock()
        self._open: set[int] = set()  # ids of the DBAPI connections open on the database
        self._busy: set[int] = set()  # ... of those inside a transaction
        self._mapped: tuple[int, int] | None = None  # (device, inode) of the file mapped
        self._size = 0  # the largest size seen of that file: SQLite never shrinks it while mapped
        self._lost: str | None = None
        self._engines: weakref.WeakSet[Engine] = weakref.WeakSet()
        self._watcher: int | None = None  # pid of the process whose watcher thread runs

    @property
    def lost(self) -> str | None:
        """Why the mapping is unusable (French), or ``None``."""
        return self._lost

    def watch(self, engine: Engine) -> None:
        """Close ``engine``'s idle connections when the file is lost."""
        self._engines.add(engine)

    def connecting(self, connection: object) -> None:
        """Before a new connection's first statement: refuse while mapping the file is unsafe."""
        for attempt in range(_MAP_ATTEMPTS):
            with self._lock:
                if self._open and self._lost is not None:
                    raise SharedMemoryLost(self._lost)
                # beside an open connection the process already maps the file it checks
                unsafe = None if self._open else self._unsafe_to_map()
                if unsafe is None:
                    self._open.add(id(connection))
                    break
            if attempt == _MAP_ATTEMPTS - 1:
                log.warning("shared-memory file %s: not mapped again yet: %s", self.path, unsafe)
                raise SharedMemoryLost(unsafe)
            time.sleep(_MAP_WAIT_S)
        self._start_watcher()

    def closed(self, connection: object) -> None:
        """After a connection closed: with none left, the process has dropped its mapping."""
        with self._lock:
            self._open.discard(id(connection))
            self._busy.discard(id(connection))
            if not self._open:
                if self._lost is not None:
                    log.warning("shared-memory file %s: no connection left", self.path)
                self._lost, self._mapped, self._size = None, None, 0

    def check(self, connection: object) -> None:
        """Before a transaction: raise ``SharedMemoryLost`` unless the mapped file is intact."""
        with self._lock:
            reason = self._notice()
            if reason is None:
                self._busy.add(id(connection))
                return
        self._let_go()
        raise SharedMemoryLost(reason)

    def returned(self, connection: object) -> bool:
        """After a transaction, as its connection comes back: say whether to close that connection.

        Also remembers how far the file reaches now (SQLite may have grown it).
        """
        with self._lock:
            self._busy.discard(id(connection))
            return self._notice() is not None and self._closing_is_safe()

    def poll(self) -> None:
        """From the watcher: notice a lost file even when no transaction runs, and let go."""
        with self._lock:
            if not self._open or self._notice() is None:
                return
        self._let_go()

    def _notice(self) -> str | None:
        """Why the mapping is unusable, looking at the file unless already known (lock held)."""
        if self._lost is None:
            self._lost = self._look()
            if self._lost is not None:
                log.error("shared-memory file %s: %s; refusing until mapped again", self.path, self._lost)
        return self._lost

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

    def _cut_under_us(self) -> bool:
        """The file this process mapped is still there and shorter than its mapping."""
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            return False
        return (stat.st_dev, stat.st_ino) == self._mapped and stat.st_size < self._size

    def _closing_is_safe(self) -> bool:
        """Whether this process may close connections now (called with the lock held).

        Only a last close reads the index; before it, a cut file gets its length back if
        nobody can be committing onto it (rule 2 of the module docstring).
        """
        if self._busy or not self._cut_under_us():
            return True
        holders = wal_index.other_holders(self.database)
        if holders is None or holders:
            return True  # someone else holds the database: no close of ours reads the index
        failed = wal_index.reset_index(self.path, self._size)
        if failed is not None:
            log.error("shared-memory file %s: cannot reset it to %d bytes: %s", self.path, self._size, failed)
            return False
        log.warning("shared-memory file %s: reset, index rebuilt from the WAL", self.path)
        return True

    def _let_go(self) -> None:
        with self._lock:
            safe = self._lost is not None and self._closing_is_safe()
        if safe:
            for engine in list(self._engines):
                engine.pool.dispose()

    def _unsafe_to_map(self) -> str | None:
        """Why mapping the file now could corrupt the index, or ``None`` (rule 3; lock held, nothing open)."""
        holders = wal_index.other_holders(self.database)
        if not holders:  # alone (SQLite rebuilds the index), or off Linux
            return None
        shm_holders = wal_index.other_holders(self.path)
        if not shm_holders:
            return "un autre processus garde un fichier de mémoire partagée SQLite supprimé ou remplacé"
        if not wal_index.frames_fit(self.path):
            return "fichier de mémoire partagée SQLite tronqué, en attente des autres processus"
        return None

    def _start_watcher(self) -> None:
        pid = os.getpid()
        with self._lock:
            if self._watcher == pid:
                return
            self._watcher = pid
        watcher = threading.Thread(target=self._watch, name=f"shm-guard:{self.path.name}", daemon=True)
        watcher.start()

    def _watch(self) -> None:
        while True:
            time.sleep(WATCH_PERIOD_S)
            try:
                self.poll()
            except Exception:  # the watcher must outlive any fault; transactions check again
                log.exception("shared-memory file %s: watcher", self.path)


_GUARDS: dict[str, SharedMemoryGuard] = {}
_GUARDS_LOCK = threading.Lock()


def guard_for(database: Path) -> SharedMemoryGuard:
    """The process's guard for ``database`` (one per file, like the file's mapping)."""
    key = str(database.resolve())
    with _GUARDS_LOCK:
        return _GUARDS.setdefault(key, SharedMemoryGuard(Path(key)))
