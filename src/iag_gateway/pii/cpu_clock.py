"""Measure the CPU time one analysis thread spends, read from the thread that waits for it.

The analysis timeout must count the analysis, not the time a text spent queued, nor the
time its thread waited for the interpreter lock while other requests were analysed: the
per-thread CPU clock of POSIX (``pthread_getcpuclockid``) counts exactly that. Where the
platform has none, the wall clock since the analysis started stands in.
"""

from __future__ import annotations

import threading
import time


class ThreadCpuClock:
    """Call ``start`` in the analysing thread; read ``used`` from any thread."""

    def __init__(self) -> None:
        self._clock: int | None = None
        self._start = 0.0
        self._wall_start = 0.0
        self.started = threading.Event()

    def start(self) -> None:
        """Start counting the calling thread's CPU seconds."""
        self._wall_start = time.monotonic()
        getter = getattr(time, "pthread_getcpuclockid", None)
        if getter is not None:
            self._clock = getter(threading.get_ident())
            self._start = time.clock_gettime(self._clock)
        self.started.set()

    def used(self) -> float:
        """Return the CPU seconds used since ``start`` (wall seconds without a thread clock)."""
        if self._clock is None:
            return time.monotonic() - self._wall_start
        try:
            return time.clock_gettime(self._clock) - self._start
        except OSError:  # the thread is gone: count the wall clock instead
            return time.monotonic() - self._wall_start

    def wall(self) -> float:
        """Return the wall seconds since ``start``."""
        return time.monotonic() - self._wall_start
