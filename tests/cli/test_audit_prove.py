"""``audit prove`` as operators run it: each failure is one line naming what is missing and what makes it."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from iag_gateway.audit.models import AuditEntry
from iag_gateway.audit.signing import write_key_pair
from iag_gateway.audit.store import AuditStore
from iag_gateway.storage.engine import make_engine
from iag_gateway.storage.migrate import upgrade

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Trail:
    """A migrated trail of 5 records, a key, and an export whose one head covers the first 3."""

    db: Path
    heads: Path
    key: Path


def run(
    tmp_path: Path, db: Path, heads: Path, *args: str, key: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("IAG_")}
    env.update(
        IAG_DATABASE_URL=f"sqlite:///{db}",
        IAG_AUDIT_HEADS_FILE=str(heads),
        IAG_POLICIES_DIR=str(REPO / "policies"),
        IAG_CHARTER_DIR=str(REPO / "charter"),
    )
    if key is not None:
        env["IAG_AUDIT_SIGNING_KEY_FILE"] = str(key)
    return subprocess.run(
        [sys.executable, "-m", "iag_gateway.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=180,
        check=False,
    )


def _append(db: Path, *request_ids: str) -> None:
    engine = make_engine(f"sqlite:///{db}")
    store = AuditStore(engine)
    for request_id in request_ids:
        store.append(AuditEntry(request_id=request_id, route="chat", outcome="ok", status_code=200))
    engine.dispose()


@pytest.fixture(scope="module")
def trail(tmp_path_factory: pytest.TempPathFactory) -> Trail:
    where = tmp_path_factory.mktemp("prove")
    db, heads, key = where / "trail.db", where / "heads.jsonl", where / "audit.key"
    upgrade(f"sqlite:///{db}")
    write_key_pair(key)
    _append(db, "req_a", "req_b", "req_c")
    signed = run(where, db, heads, "audit", "sign", key=key)
    assert signed.returncode == 0, signed.stderr
    _append(db, "req_d", "req_e")
    return Trail(db, heads, key)


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert result.stdout == ""
    return lines[0]


def test_when_the_record_is_covered_then_its_proof_is_printed(trail: Trail, tmp_path: Path) -> None:
    proved = run(tmp_path, trail.db, trail.heads, "audit", "prove", "req_b")
    assert proved.returncode == 0, proved.stderr
    assert [p["seq"] for p in json.loads(proved.stdout)["proofs"]] == [2]


def test_when_there_is_no_database_then_exit_4_naming_db_upgrade_and_none_is_created(
    trail: Trail, tmp_path: Path
) -> None:
    absent = tmp_path / "absent.db"
    result = run(tmp_path, absent, trail.heads, "audit", "prove", "req_b")
    line = _one_line(result)
    assert result.returncode == 4
    assert str(absent) in line and "IAG_DATABASE_URL" in line and "`iag-gateway db upgrade`" in line
    assert not absent.exists()


def test_when_there_is_no_heads_export_then_exit_4_naming_the_file_its_setting_and_audit_sign(
    trail: Trail, tmp_path: Path
) -> None:
    absent = tmp_path / "no-heads.jsonl"
    result = run(tmp_path, trail.db, absent, "audit", "prove", "req_b")
    line = _one_line(result)
    assert result.returncode == 4
    assert str(absent) in line and "IAG_AUDIT_HEADS_FILE" in line and "`iag-gateway audit sign`" in line


def test_when_the_heads_export_holds_no_head_then_exit_4_naming_the_option_and_audit_sign(
    trail: Trail, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="ascii")
    result = run(tmp_path, trail.db, trail.heads, "audit", "prove", "req_b", "--heads", str(empty))
    line = _one_line(result)
    assert result.returncode == 4
    assert str(empty) in line and "(--heads)" in line and "aucune tête signée" in line
    assert "`iag-gateway audit sign`" in line


def test_when_the_heads_export_cannot_be_read_then_exit_2_saying_why(trail: Trail, tmp_path: Path) -> None:
    result = run(tmp_path, trail.db, tmp_path, "audit", "prove", "req_b")  # a directory
    line = _one_line(result)
    assert result.returncode == 2
    assert line == f"error: {tmp_path}: the signed heads export cannot be read (Is a directory)"


def test_when_no_record_has_the_request_id_then_exit_4_naming_it(trail: Trail, tmp_path: Path) -> None:
    result = run(tmp_path, trail.db, trail.heads, "audit", "prove", "req_zz")
    line = _one_line(result)
    assert result.returncode == 4
    assert "« req_zz »" in line


def test_when_the_request_came_after_the_last_head_then_exit_4_naming_audit_sign(
    trail: Trail, tmp_path: Path
) -> None:
    result = run(tmp_path, trail.db, trail.heads, "audit", "prove", "req_e")
    line = _one_line(result)
    assert result.returncode == 4
    assert "n° 5" in line and "(3 enregistrements)" in line and "`iag-gateway audit sign`" in line


def test_when_the_database_lost_records_its_head_covers_then_exit_1_naming_verify_heads(
    trail: Trail, tmp_path: Path
) -> None:
    rewound = tmp_path / "rewound.db"
    shutil.copy(trail.db, rewound)
    with sqlite3.connect(rewound) as raw:
        kept = raw.execute("SELECT hash FROM audit_event WHERE seq = 2").fetchone()[0]
        raw.execute("DELETE FROM audit_event WHERE seq > 2")
        raw.execute("UPDATE audit_chain_head SET seq = 2, hash = ? WHERE id = 1", (kept,))
    raw.close()
    result = run(tmp_path, rewound, trail.heads, "audit", "prove", "req_b")
    line = _one_line(result)
    assert result.returncode == 1
    assert "couvre 3 enregistrements, la base n'en contient que 2" in line
    assert "`iag-gateway audit verify --heads FICHIER`" in line
