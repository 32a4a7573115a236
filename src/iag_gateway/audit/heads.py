"""Sign the trail's head every N records, every T seconds and at shutdown; publish each signed head.

The signer follows the store's appends (``appended``, called under the chain lock)
with an in-memory ``Frontier``, so a head costs one Ed25519 signature and no pass
over the trail. Records appended by other processes, or a frontier left behind by
a failed commit, are caught up from the database under the chain lock before
signing (``tree.iter_leaf_rows``), from the latest signed head whose signature and
frontier check out. A head is committed to ``audit_signed_head``, then written to
the export sinks (an append-only JSONL file, fsync'ed; syslog when configured),
which a database administrator does not control.

The signer refuses to sign a trail shorter than its last head (a rewound database):
it logs the fact and signs nothing until an auditor has looked.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import logging.handlers
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from iag_gateway.audit.merkle import Frontier, leaf_data, leaf_hash
from iag_gateway.audit.models import format_timestamp
from iag_gateway.audit.signing import HeadKey, SignedHead, TreeHead, signature_valid
from iag_gateway.audit.tree import iter_leaf_rows, record_hash_at
from iag_gateway.audit.tree_models import SIGNED_HEAD_TABLE
from iag_gateway.errors import AuditUnavailable
from iag_gateway.storage.types import utc_now

if TYPE_CHECKING:
    from iag_gateway.audit.store import AuditStore

log = logging.getLogger("iag_gateway.audit.heads")


@dataclass(frozen=True)
class SigningSchedule:
    """Sign when ``every_records`` records were appended since the last head, or ``every_seconds`` passed."""

    every_records: int = 1000
    every_seconds: float = 60.0

    def due(self, records_since: int, seconds_since: float) -> bool:
        """Say whether a head is due, ``records_since`` records and ``seconds_since`` s after the last."""
        return records_since >= self.every_records or (
            records_since > 0 and seconds_since >= self.every_seconds
        )


class HeadSink(Protocol):
    def write(self, signed: SignedHead) -> None: ...
    def exclusive(self) -> contextlib.AbstractContextManager[object]: ...


class JsonlHeadSink:
    """Append one JSON line per head to ``path`` (``O_APPEND``, fsync'ed).

    ``exclusive`` takes an advisory lock on ``path.lock`` for the whole signing, so
    several gateway processes sharing the export write their heads in order.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[object]:
        fd = os.open(str(self.path) + ".lock", os.O_WRONLY | os.O_CREAT, 0o640)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield fd
        finally:
            os.close(fd)  # releases the lock

    def write(self, signed: SignedHead) -> None:
        line = (signed.to_json() + "\n").encode("ascii")
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
        try:
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)


class SyslogHeadSink:
    """Send each head to syslog (``/dev/log``-style path or ``host:port`` over UDP), facility AUTHPRIV."""

    def __init__(self, address: str) -> None:
        target: str | tuple[str, int] = address
        if not address.startswith("/"):
            host, _, port = address.rpartition(":")
            target = (host, int(port))
        self._handler = logging.handlers.SysLogHandler(
            address=target, facility=logging.handlers.SysLogHandler.LOG_AUTHPRIV
        )
        self._handler.ident = "iag-gateway: "

    def write(self, signed: SignedHead) -> None:
        record = logging.makeLogRecord(
            {"msg": "audit-signed-head %s", "args": (signed.to_json(),), "levelno": logging.INFO}
        )
        record.levelname = "INFO"
        self._handler.emit(record)

    def exclusive(self) -> contextlib.AbstractContextManager[object]:
        return contextlib.nullcontext()

    def close(self) -> None:
        self._handler.close()


class HeadSigner:
    """Keeps the Merkle frontier of ``store``'s trail and signs its heads (see module docstring)."""

    def __init__(
        self,
        store: AuditStore,
        key: HeadKey,
        sinks: Sequence[HeadSink],
        schedule: SigningSchedule,
        clock: Callable[[], float] = time.monotonic,
        *,
        background: bool = True,
    ) -> None:
        self._store, self._key, self._sinks, self.schedule = store, key, tuple(sinks), schedule
        self._clock = clock
        # Heads due by count are signed by one worker thread, off the caller's path
        # (``background=False``: in the committing thread, for deterministic tests).
        self._worker = ThreadPoolExecutor(1, thread_name_prefix="iag-heads") if background else None
        self._queued = False
        self._committed_seq = 0  # the highest seq a commit reported (under ``_queue_lock``)
        self._frontier: Frontier | None = None  # None: rebuild from the database at the next head
        self._tail_hash: str | None = None  # chain hash of the frontier's last record
        self.last: SignedHead | None = None
        self._last_at = clock()
        self._failed_at: float | None = None
        self._signing = threading.Lock()  # one signature at a time in this process
        self._queue_lock = threading.Lock()
        store.attach(self)

    # -- called by the store ---------------------------------------------------------------

    def appended(self, seq: int, created_at: datetime, record_hash: str) -> None:
        """Feed the frontier with the record ``seq`` just written (under the chain lock)."""
        frontier = self._frontier
        if frontier is not None and frontier.size == seq - 1:
            frontier.append(leaf_hash(leaf_data(seq, format_timestamp(created_at), record_hash)))
            self._tail_hash = record_hash

    def abandoned(self) -> None:
        """The append failed after ``appended``: the frontier may hold a record never committed."""
        self._frontier, self._tail_hash = None, None

    def committed(self, seq: int) -> None:
        """After a commit: sign if ``every_records`` records have come since the last head."""
        with self._queue_lock:
            self._committed_seq = max(self._committed_seq, seq)
        last_size = self.last.head.tree_size if self.last else 0
        if not self.schedule.due(seq - last_size, 0.0):
            return
        if self._failed_at is not None and self._clock() - self._failed_at < self.schedule.every_seconds:
            return  # the last attempt failed: wait for the timer rather than retry on every call
        if self._worker is None:
            self.sign_quietly()
            return
        with self._queue_lock:
            if self._queued:
                return  # one signature is enough for every thread that crossed the threshold
            self._queued = True
        try:
            self._worker.submit(self._sign_queued)
        except RuntimeError:  # closed (shutting down): ``close`` signs what is left
            self._queued = False

    def _sign_queued(self) -> None:
        # Commits reported while this signature is made queue nothing (they would sign
        # again at once, from the head before this one); they are looked at afterwards.
        while True:
            signed = self.sign_quietly()
            last_size = self.last.head.tree_size if self.last else 0
            with self._queue_lock:
                if signed is None or not self.schedule.due(self._committed_seq - last_size, 0.0):
                    self._queued = False
                    return

    def drain(self) -> None:
        """Wait until the heads already due are signed."""
        if self._worker is not None:
            self._worker.submit(lambda: None).result()

    def close(self) -> None:
        """Sign what is left (at shutdown) and stop the worker."""
        if self._worker is not None:
            self._worker.shutdown(wait=True)
        self.sign_quietly()
        for sink in self._sinks:
            closer = getattr(sink, "close", None)
            if closer is not None:
                closer()

    # -- signing ---------------------------------------------------------------------------

    def due_by_time(self) -> bool:
        return self._clock() - self._last_at >= self.schedule.every_seconds

    def sign_quietly(self, *, force: bool = False) -> SignedHead | None:
        """``sign`` for the background paths: a failure is logged, never raised to a caller."""
        try:
            signed = self.sign(force=force)
        except (AuditUnavailable, OSError) as exc:
            self._failed_at = self._clock()
            log.error("audit tree head not signed: %s", exc)
            return None
        self._failed_at = None
        return signed

    def sign(self, *, force: bool = False) -> SignedHead | None:
        """Sign the current head unless nothing was appended since the last one (or ``force``).

        The chain lock is held only to read the head and the root (no disk write), so
        appends are not held up by the signature, the insert or the export's fsync;
        the export's own lock keeps heads in order across processes. Raises
        ``AuditUnavailable`` when the database fails or the trail is shorter than the
        last signed head, ``OSError`` when the export cannot be written.
        """
        with self._signing, contextlib.ExitStack() as held:
            for sink in self._sinks:
                held.enter_context(sink.exclusive())
            try:
                snapshot = self._snapshot(force)
                if snapshot is None:
                    return None
                head_seq, root, nodes = snapshot
                signed = self._key.sign(TreeHead(head_seq, root, format_timestamp(utc_now())))
                with self._store.engine.begin() as conn:
                    conn.execute(
                        sa.insert(SIGNED_HEAD_TABLE).values(
                            tree_size=head_seq,
                            root_hash=root,
                            signed_at=utc_now(),
                            timestamp=signed.head.timestamp,
                            key_id=signed.key_id,
                            signature=signed.signature,
                            frontier=nodes,
                        )
                    )
            except SQLAlchemyError as exc:
                self.abandoned()
                raise AuditUnavailable(
                    "Journal d'audit indisponible : la tête de l'arbre n'a pas été signée."
                ) from exc
            # After the commit: a crash in between leaves the database one head ahead of the
            # export, which verification accepts; the export never holds a head the database lacks.
            for sink in self._sinks:
                sink.write(signed)
        self.last, self._last_at = signed, self._clock()
        return signed

    def _snapshot(self, force: bool) -> tuple[int, str, list[str]] | None:
        """Under the chain lock: the head's size, root (hex) and frontier; ``None`` if nothing new."""
        with self._store.locked_chain() as (conn, head_seq, _head_hash):
            if self.last is None:
                self.last = next((signed for signed, _nodes in self._valid_heads(conn)), None)
            if self.last is not None and head_seq < self.last.head.tree_size:
                raise AuditUnavailable(
                    f"Signature refusée : le journal contient {head_seq} enregistrements, "
                    f"la dernière tête signée en couvrait {self.last.head.tree_size}."
                )
            if not force and self.last is not None and self.last.head.tree_size == head_seq:
                self._last_at = self._clock()
                return None
            frontier = self._catch_up(conn, head_seq)
            return head_seq, frontier.root().hex(), frontier.to_json()

    def _catch_up(self, conn: Connection, head_seq: int) -> Frontier:
        frontier = self._frontier
        if (
            frontier is None
            or frontier.size > head_seq
            or (frontier.size and record_hash_at(conn, frontier.size) != self._tail_hash)
        ):
            frontier, self._tail_hash = self._resume_point(conn)
        for row in iter_leaf_rows(conn, frontier.size, head_seq):
            if row.seq != frontier.size + 1:
                self._frontier = None
                raise AuditUnavailable(
                    f"L'enregistrement n° {frontier.size + 1} manque : la tête n'a pas été signée."
                )
            frontier.append(row.leaf())
            self._tail_hash = row.hash
        if frontier.size != head_seq:
            self._frontier = None
            raise AuditUnavailable(
                f"Les enregistrements n° {frontier.size + 1} à {head_seq} manquent : aucune tête signée."
            )
        self._frontier = frontier
        return frontier

    def _resume_point(self, conn: Connection) -> tuple[Frontier, str | None]:
        """The frontier of the latest signed head that checks out, or an empty one."""
        for signed, nodes in self._valid_heads(conn):
            try:
                frontier = Frontier.from_json(signed.head.tree_size, nodes)
            except (ValueError, TypeError):
                continue
            if frontier.root().hex() == signed.head.root_hash:
                return frontier, record_hash_at(conn, signed.head.tree_size)
        return Frontier(), None

    def _valid_heads(self, conn: Connection, limit: int = 20) -> Iterator[tuple[SignedHead, Any]]:
        """The database's latest heads that our key signed, newest first, with their stored frontier."""
        table = SIGNED_HEAD_TABLE
        rows = conn.execute(sa.select(table).order_by(table.c.id.desc()).limit(limit)).mappings().all()
        for row in rows:
            signed = SignedHead(
                TreeHead(int(row["tree_size"]), str(row["root_hash"]), str(row["timestamp"])),
                str(row["key_id"]),
                str(row["signature"]),
            )
            if signature_valid(signed, self._key.public_key):
                yield signed, row["frontier"]
