"""Stream an audit export to the browser as it is written (JSON Lines by ``audit.export``,
the French spreadsheet CSV by ``console_csv``).

``export`` writes to a text file; here that file is a bounded queue read by the
response, so a whole-trail export never sits in memory and a slow download slows the
export down rather than piling it up. The reading is recorded exactly once: by the
worker when the export ends (done, failed or abandoned), or by the response's
background task when the download never started.
"""

from __future__ import annotations

import contextlib
import io
import logging
import queue
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from iag_gateway.audit.export import export
from iag_gateway.audit.filters import AuditFilter
from iag_gateway.audit.store import AuditStore
from iag_gateway.web.console_csv import write_french_csv

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

log = logging.getLogger("iag_gateway.web.console")
CHUNK_BYTES = 64 * 1024
QUEUE_CHUNKS = 8
#: ``record(outcome, http_status, records_written)``: appends the reading's audit record.
Recorder = Callable[[str, int, int | None], None]


class _Abandoned(Exception):
    """The download ended before the export did: stop exporting."""


class _QueueSink(io.RawIOBase):
    """The raw end of the export's file: each buffered block goes to the queue."""

    def __init__(self, put: Callable[[bytes], None]) -> None:
        super().__init__()
        self._put = put
        self.discard = False

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer) -> int:
        chunk = bytes(data)
        if not self.discard:
            self._put(chunk)
        return len(chunk)


class ExportStream:
    """One export, produced by a worker thread and consumed by ``chunks()``."""

    def __init__(self, store: AuditStore, fmt: str, filters: AuditFilter, record: Recorder) -> None:
        self._store, self._fmt, self._filters, self._record = store, fmt, filters, record
        self._queue: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=QUEUE_CHUNKS)
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._started = self._recorded = False

    def chunks(self) -> Iterator[bytes]:
        """Yield the export's bytes; raise if it failed (the download is then cut short)."""
        with self._lock:
            if self._recorded:
                return
            self._started = True
        threading.Thread(target=self._produce, name="audit-export", daemon=True).start()
        try:
            while (item := self._queue.get()) is not None:
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:
            self._stop.set()

    def response_ended(self) -> None:
        """Stop the worker if the client left; record the reading if it never started."""
        self._stop.set()
        with self._lock:
            never_started = not self._started
        if never_started:
            self._finish("cancelled", 200, None)

    def _put(self, item: bytes | BaseException | None) -> None:
        while True:
            if self._stop.is_set():
                raise _Abandoned
            with contextlib.suppress(queue.Full):
                self._queue.put(item, timeout=0.25)
                return

    def _produce(self) -> None:
        sink = _QueueSink(self._put)
        # A byte-order mark on CSV so French Excel reads the accents as UTF-8.
        encoding = "utf-8-sig" if self._fmt == "csv" else "utf-8"
        out = io.TextIOWrapper(io.BufferedWriter(sink, CHUNK_BYTES), encoding=encoding, newline="")
        outcome, status, count, failure = "error", 500, None, None
        try:
            if self._fmt == "csv":  # the console's CSV is for a French spreadsheet
                count = write_french_csv(self._store, self._filters, out)
            else:
                count = export(self._store, self._fmt, out, self._filters)
            out.flush()
            outcome, status = "ok", 200
        except _Abandoned:
            outcome, status = "cancelled", 200
        except Exception as exc:  # the store failed mid-way: the download must not look complete
            log.error("audit export failed", exc_info=exc)
            failure = exc
        finally:
            sink.discard = True
            with contextlib.suppress(Exception):
                out.close()
        try:
            self._finish(outcome, status, count)
        except Exception as exc:  # the reading could not be recorded: do not complete the download
            failure = failure or exc
        with contextlib.suppress(_Abandoned):
            self._put(failure)  # ``None`` ends the download normally

    def _finish(self, outcome: str, status: int, count: int | None) -> None:
        with self._lock:
            if self._recorded:
                return
            self._recorded = True
        self._record(outcome, status, count)
