"""Bad input on the command line: one line naming what is wrong, never a traceback.

Each case was found by a fresh user (2026-12-01) as a traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import cli


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    assert cli(path, "db", "upgrade").returncode == 0
    return path


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("keys", "create", "--user", "u1", "--department", "", "--role", "buyer"), "'--department'"),
        (("keys", "create", "--user", "   ", "--department", "achats", "--role", "buyer"), "'--user'"),
        (("training", "record", "--user", ""), "'--user'"),
    ],
)
def test_an_empty_person_or_service_is_refused_by_name(db: Path, args: tuple[str, ...], named: str) -> None:
    result = cli(db, *args)
    assert result.returncode == 2
    assert named in result.stderr and "must not be empty" in result.stderr
    assert "Traceback" not in result.stderr
    assert "u1" not in cli(db, "keys", "list").stdout  # nothing was created


def test_a_database_url_of_another_backend_is_one_line_that_keeps_its_password_to_itself() -> None:
    env_url = "mysql://gateway:s3cretpw@db.chu.local/iag"
    result = subprocess.run(
        [sys.executable, "-m", "iag_gateway.cli", "keys", "list"],
        capture_output=True,
        text=True,
        env={**os.environ, "IAG_DATABASE_URL": env_url},
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "IAG_DATABASE_URL" in lines[0] and "postgresql+psycopg://" in lines[0]
    assert "s3cretpw" not in result.stderr


def test_a_signing_key_into_a_missing_directory_is_one_line(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "absent" / "heads.key"
    result = cli(db, "audit", "keygen", "--out", str(out))
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: cannot write {out}: No such file or directory"


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ('{"id": "a", "text": "Bonjour"}\nceci n\'est pas du JSON\n', ":2: not a JSON line"),
        ('{"id": "a"}\n', ":1: a record is a JSON object with a string « text »"),
        ('["Bonjour"]\n', ":1: a record is a JSON object with a string « text »"),
    ],
)
def test_a_scan_input_that_is_not_the_corpus_format_names_its_line(
    db: Path, tmp_path: Path, content: str, said: str
) -> None:
    source = tmp_path / "input.jsonl"
    source.write_text(content, encoding="utf-8")
    result = cli(db, "pii", "scan", str(source))
    assert result.returncode == 2
    assert f"error: {source}{said}" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("shared", ["admin", "Administrateur", " superuser "])
def test_an_administrator_key_for_a_shared_account_name_is_refused(db: Path, shared: str) -> None:
    before = cli(db, "keys", "list").stdout
    result = cli(db, "keys", "create", "--user", shared, "--department", "dsi", "--role", "admin")
    assert result.returncode == 2 and "'--user'" in result.stderr and "Traceback" not in result.stderr
    assert cli(db, "keys", "list").stdout == before  # nothing was created
    # the name is no problem for a key without the admin role (a service's program key)
    assert (
        cli(db, "keys", "create", "--user", "admin", "--department", "dsi", "--role", "buyer").returncode == 0
    )
