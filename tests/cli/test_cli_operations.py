"""What an operator runs: read-only commands never write, nominative bootstrap, one-line startup errors."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from iag_gateway.audit.models import AuditEntry
from iag_gateway.audit.store import AuditStore
from iag_gateway.settings import PROJECT_ROOT
from iag_gateway.storage.engine import make_engine
from iag_gateway.storage.migrate import upgrade


def cli(
    db: Path, *args: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "IAG_DATABASE_URL": f"sqlite:///{db}", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "iag_gateway.cli", *args],
        capture_output=True,
        text=True,
        env=full,
        input=stdin,
        timeout=180,
        check=False,
    )


def _fingerprint(db: Path) -> tuple[str, int, int]:
    return hashlib.sha256(db.read_bytes()).hexdigest(), db.stat().st_mtime_ns, db.stat().st_size


@pytest.fixture
def forensic_copy(tmp_path: Path) -> Path:
    """A closed audit database with records, as copied off a server (no WAL files beside it)."""
    db = tmp_path / "copy" / "audit.db"
    db.parent.mkdir()
    engine = make_engine(f"sqlite:///{db}")
    upgrade(engine)
    store = AuditStore(engine)
    for index in range(3):
        store.append(AuditEntry(request_id=f"req_{index}", route="chat", outcome="ok", status_code=200))
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    for side in db.parent.glob("audit.db-*"):  # a copy is the database file alone
        side.unlink()
    return db


@pytest.mark.parametrize(
    "command",
    [
        ("audit", "verify"),
        ("audit", "export", "--format", "jsonl"),
        ("audit", "export", "--format", "csv"),
        ("keys", "list"),
    ],
)
def test_when_a_read_only_command_checks_a_forensic_copy_then_not_a_byte_changes(
    forensic_copy: Path, command: tuple[str, ...]
) -> None:
    before = _fingerprint(forensic_copy)
    result = cli(forensic_copy, *command)
    assert result.returncode == 0, result.stderr
    assert _fingerprint(forensic_copy) == before


def test_when_the_schema_is_not_current_then_read_only_commands_refuse_instead_of_migrating(
    tmp_path: Path,
) -> None:
    db = tmp_path / "old.db"
    db.touch()
    result = cli(db, "audit", "verify")
    assert result.returncode != 0
    assert "iag-gateway db upgrade" in result.stderr and "Traceback" not in result.stderr
    assert db.stat().st_size == 0  # nothing was created in it
    assert cli(db, "db", "upgrade").returncode == 0
    assert cli(db, "audit", "verify").returncode == 0


def test_when_bootstrapping_then_the_first_administrator_is_named_not_a_shared_admin(tmp_path: Path) -> None:
    db = tmp_path / "boot.db"
    assert cli(db, "db", "upgrade").returncode == 0
    shared = cli(db, "bootstrap", "--admin-user", "admin")
    assert shared.returncode != 0 and "shared account" in shared.stderr
    prompted = cli(db, "bootstrap", stdin="mlefebvre\n")
    assert prompted.returncode == 0, prompted.stderr
    assert "Identifiant nominatif" in prompted.stdout and "mlefebvre" in prompted.stdout
    assert prompted.stdout.strip().splitlines()[-1].startswith("iag_")
    listed = cli(db, "keys", "list").stdout
    assert [line.split("\t")[1] for line in listed.splitlines()] == ["mlefebvre"]


@pytest.mark.parametrize(
    ("variables", "named"),
    [
        ({"IAG_SESSION_SECRET": ""}, "IAG_SESSION_SECRET"),
        ({"IAG_ENV": "prod", "IAG_SESSION_SECRET": "short"}, "IAG_SESSION_SECRET"),
        ({"IAG_PORT": "huit-mille"}, "IAG_PORT"),
        ({"IAG_PORT": "65536"}, "IAG_PORT"),
        ({"IAG_PORT": "-1"}, "IAG_PORT"),
        ({"IAG_ENV": "production"}, "IAG_ENV"),
    ],
)
def test_when_a_variable_is_wrong_then_serve_stops_with_one_line_naming_it_and_the_fix(
    tmp_path: Path, variables: dict[str, str], named: str
) -> None:
    result = cli(tmp_path / "x.db", "serve", env=variables)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert named in lines[0] and "fix" in lines[0] and "Traceback" not in result.stderr


@pytest.fixture
def dead_port() -> Iterator[int]:
    """A port nobody listens on for the whole test: bound here, never listening (connections are
    refused), so no other process on the machine can take it meanwhile."""
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        yield int(held.getsockname()[1])


def test_when_the_redis_url_is_wrong_then_startup_stops_naming_it(tmp_path: Path, dead_port: int) -> None:
    result = cli(
        tmp_path / "r.db",
        "serve",
        "--port",
        "0",
        "--workers",
        "1",
        env={"IAG_REDIS_URL": f"redis://127.0.0.1:{dead_port}/0"},
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "IAG_REDIS_URL" in lines[0] and f"127.0.0.1:{dead_port}" in lines[0]


def _serve_with_a_broken_file(tmp_path: Path, workers: str, folder: str, variable: str, file: str) -> str:
    """Copy ``folder``, add an unknown key to its ``file``, start serve on it; return its one line."""
    copy = tmp_path / folder
    shutil.copytree(PROJECT_ROOT / folder, copy)
    broken = copy / file
    broken.write_text(broken.read_text(encoding="utf-8") + "\nunexpected_key: 1\n", encoding="utf-8")

    result = cli(tmp_path / "s.db", "serve", "--port", "0", "--workers", workers, env={variable: str(copy)})

    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_when_a_policy_file_is_invalid_then_serve_stops_with_one_line_naming_it_and_exit_code_2(
    tmp_path: Path, workers: str
) -> None:
    # With several workers the check runs in a forked process beside the model loading.
    line = _serve_with_a_broken_file(tmp_path, workers, "policies", "IAG_POLICIES_DIR", "limits.yaml")
    assert "limits.yaml" in line and "unexpected_key" in line


@pytest.mark.parametrize("workers", ["1", "2"])
def test_when_a_template_is_invalid_then_serve_stops_with_one_line_naming_it(
    tmp_path: Path, workers: str
) -> None:
    """The check names the file; the parent, which loads the templates for its workers only
    once the check has passed, adds no second line."""
    file = "achats/cctp-redaction.yaml"
    line = _serve_with_a_broken_file(tmp_path, workers, "prompt_templates", "IAG_TEMPLATES_DIR", file)
    assert "cctp-redaction.yaml" in line


def test_when_the_redis_url_is_wrong_then_several_workers_stop_as_one_does(
    tmp_path: Path, dead_port: int
) -> None:
    env = {"IAG_REDIS_URL": f"redis://127.0.0.1:{dead_port}/0"}

    one = cli(tmp_path / "r.db", "serve", "--port", "0", "--workers", "1", env=env)
    several = cli(tmp_path / "r.db", "serve", "--port", "0", "--workers", "2", env=env)

    assert several.returncode == one.returncode != 0
    assert several.stderr == one.stderr and len(several.stderr.strip().splitlines()) == 1


def test_when_an_approved_template_resolves_to_no_configured_model_then_policy_check_fails(
    tmp_path: Path,
) -> None:
    config = tmp_path / "gateway.yaml"
    config.write_text(  # only a research-only model: the buyers' templates have nothing to run on
        "model_list:\n  - model_name: azure-gpt-eu\n    litellm_params: {model: azure/x, api_base: 'http://127.0.0.1:9'}\n",
        encoding="utf-8",
    )
    result = cli(tmp_path / "p.db", "policy", "check", env={"IAG_CONFIG": str(config)})
    assert result.returncode == 2
    assert "prompt_templates/achats/" in result.stderr and "no configured model fits" in result.stderr
    shipped = cli(tmp_path / "p.db", "policy", "check")
    assert shipped.returncode == 0 and "every approved template resolves" in shipped.stdout


def test_when_the_port_is_taken_then_serve_stops_with_one_line_before_loading_anything(
    tmp_path: Path,
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = cli(tmp_path / "gateway.db", "serve", "--port", str(port), "--workers", "1")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert f"127.0.0.1:{port}" in lines[0] and "--port" in lines[0]
    assert not (tmp_path / "gateway.db").exists()  # nothing migrated: it stopped first
