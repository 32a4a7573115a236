"""The systemd unit runs the gateway so that what it writes is private and writable where configured."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path, PurePosixPath

import pytest

REPO = Path(__file__).resolve().parents[2]
UNIT = REPO / "deploy" / "iag-gateway.service"
ENV_EXAMPLE = REPO / "deploy" / "iag-gateway.env.example"
#: Settings naming a file the gateway itself creates or appends to.
WRITTEN_FILES = ("IAG_AUDIT_HEADS_FILE",)


def _settings(path: Path, separator: str = "=") -> dict[str, list[str]]:
    """``KEY=value`` lines (comments and ``[Section]`` headers skipped); a key may repeat."""
    found: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith(("#", ";", "[")):
            continue
        key, _, value = line.partition(separator)
        found.setdefault(key.strip(), []).append(value.strip())
    return found


def _writable(unit: dict[str, list[str]]) -> list[PurePosixPath]:
    """The directories ``ProtectSystem=strict`` leaves writable: ReadWritePaths and systemd's own."""
    paths = [PurePosixPath(p.lstrip("-")) for value in unit.get("ReadWritePaths", []) for p in value.split()]
    for key, base in (
        ("StateDirectory", "/var/lib"),
        ("LogsDirectory", "/var/log"),
        ("CacheDirectory", "/var/cache"),
    ):
        paths += [PurePosixPath(base) / name for value in unit.get(key, []) for name in value.split()]
    return paths


def test_when_the_unit_starts_the_gateway_then_the_files_it_creates_are_its_users_only() -> None:
    assert _settings(UNIT).get("UMask") == ["0077"]


def test_when_the_example_environment_names_a_file_to_write_then_the_unit_lets_the_gateway_write_it() -> None:
    unit = _settings(UNIT)
    assert unit.get("ProtectSystem") == ["strict"]
    env = _settings(ENV_EXAMPLE)
    writable = _writable(unit)
    for name in WRITTEN_FILES:
        target = PurePosixPath(env[name][0])
        assert any(target.is_relative_to(directory) for directory in writable), (name, target, writable)


def test_when_systemd_reads_the_unit_then_it_finds_nothing_wrong_but_the_missing_install(
    tmp_path: Path,
) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    copy = tmp_path / UNIT.name
    shutil.copy(UNIT, copy)
    result = subprocess.run(
        [analyze, "verify", "--man=no", str(copy)], capture_output=True, text=True, timeout=60, check=False
    )
    complaints = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if line.strip() and "/opt/iag-gateway/.venv/bin/iag-gateway is not executable" not in line
    ]
    assert complaints == []
