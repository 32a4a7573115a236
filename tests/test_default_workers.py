"""``serve``'s worker count when none is given: the usable cores plus one."""

from __future__ import annotations

import os
import subprocess
import sys

from iag_gateway.serving import default_workers


def test_the_default_is_one_more_worker_than_the_cores_this_process_may_use() -> None:
    assert default_workers() == len(os.sched_getaffinity(0)) + 1


def test_a_process_pinned_to_one_core_gets_two_workers_whatever_the_host_has() -> None:
    # A container's cpuset is an affinity mask: the host's core count must not be used.
    code = (
        "import os; os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}); "
        "from iag_gateway.serving import default_workers; print(default_workers(), os.cpu_count())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    workers, host_cores = (int(v) for v in out.split())
    assert workers == 2
    assert host_cores >= 1
