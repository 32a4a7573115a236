"""The command line as operators use it: real subprocesses on a real database."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


def cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "IAG_DATABASE_URL": f"sqlite:///{db}"}
    return subprocess.run(
        [sys.executable, "-m", "iag_gateway.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli.db"


def test_when_key_created_then_key_alone_on_last_line_and_listed_without_secret(db: Path) -> None:
    created = cli(db, "keys", "create", "--user", "u1", "--department", "pole-achats", "--role", "buyer")
    assert created.returncode == 0, created.stderr
    key = created.stdout.strip().splitlines()[-1]
    assert key.startswith("iag_") and " " not in key
    listed = cli(db, "keys", "list")
    assert "u1" in listed.stdout and key.split("_")[2] not in listed.stdout
    revoked = cli(db, "keys", "revoke", key.split("_")[1])
    assert revoked.returncode == 0
    assert "revoked" in cli(db, "keys", "list").stdout


def test_when_chain_is_edited_then_audit_verify_names_the_record(db: Path) -> None:
    from iag_gateway.audit.models import AuditEntry
    from iag_gateway.audit.store import AuditStore
    from iag_gateway.storage.engine import make_engine
    from iag_gateway.storage.migrate import upgrade

    engine = make_engine(f"sqlite:///{db}")
    upgrade(engine)
    store = AuditStore(engine)
    for index in range(5):
        store.append(AuditEntry(request_id=f"req_{index}", route="chat", outcome="ok", status_code=200))
    engine.dispose()
    ok = cli(db, "audit", "verify")
    assert ok.returncode == 0 and "intact (5 records)" in ok.stdout
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE audit_event SET status_code = 500 WHERE seq = 3")
    broken = cli(db, "audit", "verify")
    assert broken.returncode == 1 and "seq=3" in broken.stderr


def test_when_policy_check_on_shipped_policies_then_ok_and_broken_copy_fails(
    db: Path, tmp_path: Path
) -> None:
    ok = cli(db, "policy", "check")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    import shutil

    from iag_gateway.settings import PROJECT_ROOT

    broken = tmp_path / "policies"
    shutil.copytree(PROJECT_ROOT / "policies", broken)
    limits = broken / "limits.yaml"
    limits.write_text(limits.read_text(encoding="utf-8") + "\nunexpected_key: 1\n", encoding="utf-8")
    bad = cli(db, "policy", "check", "--policies", str(broken))
    assert bad.returncode != 0
    assert "limits.yaml" in bad.stdout + bad.stderr and "unexpected_key" in bad.stdout + bad.stderr


def test_when_policy_explained_then_decision_and_articles_printed(db: Path) -> None:
    out = cli(
        db,
        "policy",
        "explain",
        "--role",
        "staff",
        "--department",
        "pole-achats",
        "--model",
        "onprem-llm",
        "--prompt",
        "Bonjour",
    )
    assert out.returncode == 0, out.stderr
    assert "art-5.1" in out.stdout or "5.1" in out.stdout


def test_when_a_prohibited_use_is_explained_then_the_classifier_score_and_refusal_are_printed(db: Path) -> None:
    out = cli(
        db,
        "policy",
        "explain",
        "--role",
        "research",
        "--model",
        "onprem-llm",
        "--prompt",
        "M. Hugo Lemaire, 70 kg, pyélonéphrite : je lui mets combien de ceftriaxone ce soir ?",
    )
    assert out.returncode == 0, out.stderr
    assert "Usage (classifieur) : catégorie la plus probable prescription, score " in out.stdout
    assert "REFUS" in out.stdout and "usage-intent-prescription" in out.stdout
    assert "Lemaire" not in out.stdout
