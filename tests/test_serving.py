"""Start-up of ``iag-gateway serve``: the configuration check runs beside the model loading
in a forked process, yet a failing check still stops the start with one line and its code."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from iag_gateway.settings import PROJECT_ROOT


def serve(tmp_path: Path, workers: int, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "IAG_DATABASE_URL": f"sqlite:///{tmp_path / 'g.db'}", **env}
    command = ["serve", "--host", "127.0.0.1", "--port", "0", "--workers", str(workers)]
    return subprocess.run(
        [sys.executable, "-m", "iag_gateway.cli", *command],
        capture_output=True,
        text=True,
        env=full,
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize("workers", [1, 2])
def test_when_a_policy_file_is_invalid_then_serve_stops_with_one_line_naming_it_and_exit_code_2(
    tmp_path: Path, workers: int
) -> None:
    policies = tmp_path / "policies"
    shutil.copytree(PROJECT_ROOT / "policies", policies)
    limits = policies / "limits.yaml"
    limits.write_text(limits.read_text(encoding="utf-8") + "\nunexpected_key: 1\n", encoding="utf-8")

    result = serve(tmp_path, workers, {"IAG_POLICIES_DIR": str(policies)})

    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "limits.yaml" in lines[0] and "unexpected_key" in lines[0]


def test_when_the_redis_url_is_wrong_then_several_workers_stop_as_one_does(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        dead_port = probe.getsockname()[1]
    env = {"IAG_REDIS_URL": f"redis://127.0.0.1:{dead_port}/0"}

    one = serve(tmp_path, 1, env)
    several = serve(tmp_path, 2, env)

    assert several.returncode == one.returncode != 0
    assert several.stderr == one.stderr and len(several.stderr.strip().splitlines()) == 1
