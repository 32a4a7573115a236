"""The analysis timeout counts the analysis, not the time spent waiting for a free thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from iag_gateway.errors import PiiEngineBusy
from iag_gateway.pii.cpu_clock import ThreadCpuClock
from iag_gateway.pii.engine import PiiEngine

WORKERS = 4


@pytest.fixture
def shared(engine: PiiEngine) -> Iterator[tuple[PiiEngine, threading.Event]]:
    """An engine over the session's loaded analyzer whose analysis threads are all busy until set."""
    busy = PiiEngine(
        engine._analyzer, engine._allow_list, timeout_s=1.0, model=engine.model, queue_timeout_s=0.3
    )
    release = threading.Event()
    for _ in range(WORKERS):
        busy._executor.submit(release.wait, 10)
    yield busy, release
    release.set()
    busy.close()


def test_when_no_thread_frees_in_time_then_busy_with_retry_after(
    shared: tuple[PiiEngine, threading.Event],
) -> None:
    busy, _ = shared
    with pytest.raises(PiiEngineBusy) as caught:
        busy.analyze("Appelez Mme Lina Roche au 06 48 21 93 07.")
    assert caught.value.status == 503 and int(caught.value.headers()["Retry-After"]) >= 1


def test_when_text_waited_longer_than_the_timeout_then_its_analysis_still_completes(
    engine: PiiEngine,
) -> None:
    patient = PiiEngine(
        engine._analyzer, engine._allow_list, timeout_s=1.5, model=engine.model, queue_timeout_s=20
    )
    release = threading.Event()
    for _ in range(WORKERS):
        patient._executor.submit(release.wait, 10)
    threading.Timer(3.0, release.set).start()  # queued twice as long as the analysis timeout
    try:
        entities = patient.analyze("Appelez Mme Lina Roche au 06 48 21 93 07.")
    finally:
        release.set()
        patient.close()
    assert [e.label for e in entities] == ["PERSON", "PHONE_NUMBER"]


def test_when_the_analysing_thread_waits_then_its_cpu_clock_does_not_count_the_wait() -> None:
    clock = ThreadCpuClock()
    done = threading.Event()

    def waiting() -> None:
        clock.start()
        done.wait(5)  # a thread waiting for the lock or the CPU uses no CPU time

    thread = threading.Thread(target=waiting)
    thread.start()
    clock.started.wait()
    time.sleep(0.5)
    used, wall = clock.used(), clock.wall()
    done.set()
    thread.join()
    assert wall >= 0.5
    if hasattr(time, "pthread_getcpuclockid"):
        assert used < 0.25
