"""A bounded fault soak in every test run (the full one is ``make soak``)."""

from __future__ import annotations

from pathlib import Path

from tests.soak.soak import run_soak


def test_when_two_gateways_face_faults_and_a_kill_then_no_leak_every_provider_call_recorded_chain_intact(
    tmp_path: Path,
) -> None:
    report = run_soak(300, workers=8, workdir=tmp_path, cut_shm=2)
    print("\n" + report.table())
    assert report.sent == 300
    assert report.shm_cuts == 2
    assert report.leaks == 0
    assert report.upstream_requests > 100
    assert report.without_record == 0
    assert report.chain_ok, report.chain
    assert report.answered > 100
    assert not [
        status for status in report.refused if status.startswith("5") and status not in ("502", "503", "504")
    ]
