"""Group commit: jobs queued during a write go together in the next one; failures fail closed."""

from __future__ import annotations

import threading
import time

import pytest

from iag_gateway.errors import ServiceUnavailable
from iag_gateway.storage.group_commit import GroupCommit, Job


class _Writer:
    """A write function that records its groups and can be held (the first group) or made to fail."""

    def __init__(self) -> None:
        self.groups: list[list[int]] = []
        self.release = threading.Event()
        self.entered = threading.Event()
        self.fail_on: set[int] = set()

    def __call__(self, group: list[Job[int]]) -> None:
        self.groups.append([job.payload for job in group])
        self.entered.set()
        self.release.wait(10)
        if any(job.payload in self.fail_on for job in group):
            raise RuntimeError("disk gone")
        for job in group:
            job.result = job.payload * 10
            job.committed = True


def _unavailable() -> ServiceUnavailable:
    return ServiceUnavailable("écriture interrompue")


def _queue_behind_a_held_write(commits: GroupCommit[int], writer: _Writer, others: int) -> dict[int, object]:
    """Job 0 is written first and held there until ``others`` more callers queued; return each outcome."""
    out: dict[int, object] = {}

    def call(payload: int) -> None:
        try:
            out[payload] = commits.run(payload).result
        except Exception as exc:  # the test inspects what each caller raised
            out[payload] = exc

    threads = [threading.Thread(target=call, args=(0,))]
    threads[0].start()
    assert writer.entered.wait(10)
    threads += [threading.Thread(target=call, args=(p,)) for p in range(1, others + 1)]
    for thread in threads[1:]:
        thread.start()
    deadline = time.monotonic() + 10
    while commits.queued() < others:
        assert time.monotonic() < deadline, "the callers never queued"
        time.sleep(0.001)
    writer.release.set()
    for thread in threads:
        thread.join(10)
    return out


def test_when_jobs_arrive_during_a_write_then_they_go_together_in_the_next_one() -> None:
    writer = _Writer()
    commits = GroupCommit(writer, max_group=64, interrupted=_unavailable)
    out = _queue_behind_a_held_write(commits, writer, 5)
    assert writer.groups[0] == [0]
    assert sorted(writer.groups[1]) == [1, 2, 3, 4, 5]
    assert len(writer.groups) == 2
    assert out == {p: p * 10 for p in range(6)}
    assert commits.queued() == 0


def test_when_more_jobs_wait_than_a_group_holds_then_they_are_written_in_several() -> None:
    writer = _Writer()
    commits = GroupCommit(writer, max_group=2, interrupted=_unavailable)
    out = _queue_behind_a_held_write(commits, writer, 5)
    assert [len(group) for group in writer.groups] == [1, 2, 2, 1]
    assert out == {p: p * 10 for p in range(6)}


def test_when_a_write_is_interrupted_then_its_jobs_fail_closed_and_the_next_group_is_written() -> None:
    writer = _Writer()
    writer.fail_on = {0, 1}
    commits = GroupCommit(writer, max_group=2, interrupted=_unavailable)
    out = _queue_behind_a_held_write(commits, writer, 4)
    assert isinstance(out[0], RuntimeError)  # the writer raises what interrupted it
    failed = next(group for group in writer.groups[1:] if 1 in group)
    assert len(failed) == 2
    writer_job, grouped = failed
    assert isinstance(out[writer_job], RuntimeError)
    assert isinstance(out[grouped], ServiceUnavailable)  # never told it was written: fails closed
    for group in writer.groups[1:]:
        if group is not failed:
            assert all(out[p] == p * 10 for p in group)  # the next group was still written
    assert sorted(p for group in writer.groups for p in group) == [0, 1, 2, 3, 4]


def test_when_a_group_shares_one_error_then_each_caller_raises_its_own_copy() -> None:
    writer = _Writer()
    shared = ServiceUnavailable("base indisponible")

    def write(group: list[Job[int]]) -> None:
        if group[0].payload == 0:
            writer(group)  # the first group: held until the others queued
            return
        for job in group:
            job.error = shared

    commits = GroupCommit(write, max_group=8, interrupted=_unavailable)
    out = _queue_behind_a_held_write(commits, writer, 3)
    errors = [out[p] for p in range(1, 4)]
    assert all(isinstance(error, ServiceUnavailable) and error.message == shared.message for error in errors)
    assert len({id(error) for error in errors}) == 3  # the writer raises it, the others a copy each


def test_when_the_write_sets_an_error_then_every_caller_of_the_group_raises_it() -> None:
    def refuse(group: list[Job[int]]) -> None:
        for job in group:
            job.error = ServiceUnavailable("base indisponible")

    commits = GroupCommit(refuse, max_group=8, interrupted=_unavailable)
    with pytest.raises(ServiceUnavailable, match="base indisponible"):
        commits.run(1)
    with pytest.raises(ServiceUnavailable, match="base indisponible"):
        commits.run(2)  # the failed group handed over: nobody is left waiting
