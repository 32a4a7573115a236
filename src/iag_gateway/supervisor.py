"""Keep N forked worker processes running; forward SIGHUP, stop them on SIGTERM/SIGINT.

The parent loads what the workers share (models, imported modules) once, then forks:
a worker starts in milliseconds and its pages stay shared with the parent until written
(copy on write). ``gc.freeze()`` before forking keeps the collector from writing to
every inherited object. A worker that dies is forked again from the same loaded parent.
The parent holds no thread, file or socket a worker could inherit half-used, except the
listening sockets the workers accept on.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from types import FrameType

log = logging.getLogger("iag_gateway.serving")

#: A worker that exits sooner than this after its fork is restarted only after a pause.
CRASH_LOOP_S = 5.0


class Supervisor:
    """Fork ``count`` workers running ``serve_worker(slot)`` and keep them alive until told to stop.

    ``slot`` (0 to ``count - 1``) names the worker's place: one that dies is replaced in
    the same slot (it serves on that slot's listening socket, see ``serving``).
    """

    def __init__(
        self,
        serve_worker: Callable[[int], None],
        count: int,
        *,
        graceful_s: float = 15.0,
        on_worker_exit: Callable[[int], None] = lambda pid: None,
    ) -> None:
        self._serve_worker = serve_worker
        self._count = count
        self._graceful_s = graceful_s
        self._on_worker_exit = on_worker_exit
        self._workers: dict[int, tuple[int, float]] = {}  # pid -> (slot, monotonic time of its fork)
        self._stopping = False
        self._hup = False

    @property
    def pids(self) -> list[int]:
        return sorted(self._workers)

    def run(self, started: Callable[[], None] = lambda: None) -> None:
        """Fork the workers, call ``started`` (in the parent), supervise until SIGTERM/SIGINT."""
        previous = {
            sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
        }
        try:
            gc.collect()
            gc.freeze()  # inherited objects are never scanned, so their pages are never copied
            for slot in range(self._count):
                self._fork(slot)
            started()
            while not self._stopping:
                time.sleep(0.2)  # a signal interrupts it; its handler only sets a flag
                if self._hup:
                    self._hup = False
                    self._forward(signal.SIGHUP)
                self._reap(restart=not self._stopping)
        finally:
            self._stop_all()
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        if signum == signal.SIGHUP:
            self._hup = True
        else:
            self._stopping = True

    def _forward(self, signum: int) -> None:
        for pid in self._workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signum)
        if signum == signal.SIGHUP:
            log.info("policy reload requested in %d workers", len(self._workers))

    def _fork(self, slot: int) -> None:
        if threading.active_count() > 1:  # a thread's locks would be copied held, forever
            log.warning("forking with %d threads running", threading.active_count())
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid:
            self._workers[pid] = (slot, time.monotonic())
            return
        code = 1
        try:
            for sig in (signal.SIGTERM, signal.SIGINT):
                signal.signal(sig, signal.SIG_DFL)
            # Until the worker's loop takes SIGHUP (policy reload), a forwarded one must not kill it.
            signal.signal(signal.SIGHUP, signal.SIG_IGN)
            gc.enable()
            self._serve_worker(slot)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:
            log.exception("worker %d stopped on an error", os.getpid())
        finally:
            logging.shutdown()
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)  # never run the parent's cleanup (``finally`` blocks, atexit) here

    def _reap(self, *, restart: bool) -> None:
        while self._workers:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            forked = self._workers.pop(pid, None)
            if forked is None:
                continue
            self._on_worker_exit(pid)
            if restart:
                log.warning("worker %d exited (%s); starting another", pid, _exit_cause(status))
                slot, started = forked
                if time.monotonic() - started < CRASH_LOOP_S:
                    time.sleep(1.0)
                self._fork(slot)

    def _stop_all(self) -> None:
        self._forward(signal.SIGTERM)
        deadline = time.monotonic() + self._graceful_s
        while self._workers and time.monotonic() < deadline:
            self._reap(restart=False)
            time.sleep(0.05)
        for pid in list(self._workers):
            log.error("worker %d did not stop in %.0f s; killing it", pid, self._graceful_s)
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self._workers.pop(pid, None)
            self._on_worker_exit(pid)


def _exit_cause(status: int) -> str:
    """« killed by SIGBUS » or « code 1 », from a ``waitpid`` status."""
    if os.WIFSIGNALED(status):
        return f"killed by {signal.Signals(os.WTERMSIG(status)).name}"
    return f"code {os.waitstatus_to_exitcode(status)}"
