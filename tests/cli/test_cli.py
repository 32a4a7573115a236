"""The command line as operators use it: real subprocesses on a real database."""

from __future__ import annotations

import json
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
    assert cli(db, "db", "upgrade").returncode == 0
    created = cli(db, "keys", "create", "--user", "u1", "--department", "pole-achats", "--role", "buyer")
    assert created.returncode == 0, created.stderr
    key = created.stdout.strip().splitlines()[-1]
    assert key.startswith("iag_") and " " not in key
    listed = cli(db, "keys", "list")
    secret = key.split("_", 2)[2]  # the secret itself may hold "_" (URL-safe alphabet)
    assert "u1" in listed.stdout and secret not in listed.stdout
    revoked = cli(db, "keys", "revoke", key.split("_")[1])
    assert revoked.returncode == 0
    assert "revoked" in cli(db, "keys", "list").stdout


def test_when_access_is_given_and_taken_from_the_shell_then_each_change_is_an_audit_record(db: Path) -> None:
    assert cli(db, "db", "upgrade").returncode == 0
    assert cli(db, "bootstrap", "--admin-user", "jdupont").returncode == 0
    created = cli(
        db, "keys", "create", "--user", "mleroy", "--department", "achats", "--role", "buyer", "--trained"
    )
    key_id = created.stdout.strip().splitlines()[-1].split("_")[1]
    assert cli(db, "training", "record", "--user", "pmartin", "--on", "2026-11-02").returncode == 0
    assert cli(db, "keys", "revoke", key_id).returncode == 0
    assert cli(db, "keys", "revoke", key_id).returncode == 4  # nothing changed: nothing recorded

    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT route, user_id, extra FROM audit_event ORDER BY seq").fetchall()
    actions = [(route, json.loads(extra).get("target_user")) for route, _user, extra in rows]
    assert actions == [
        ("admin.key.create", "jdupont"),
        ("admin.key.create", "mleroy"),
        ("admin.training.record", "mleroy"),
        ("admin.training.record", "pmartin"),
        ("admin.key.revoke", "mleroy"),
    ]
    assert all(user.startswith("cli:") for _route, user, _extra in rows)
    assert (
        json.loads(rows[1][2])["key_id"] == key_id and json.loads(rows[3][2])["completed_on"] == "2026-11-02"
    )
    verified = cli(db, "audit", "verify")
    assert verified.returncode == 0 and "intact (5 records)" in verified.stdout, verified.stdout


def test_when_key_created_with_an_expiry_then_listed_with_its_end(db: Path) -> None:
    assert cli(db, "db", "upgrade").returncode == 0
    args = ("keys", "create", "--user", "u2", "--department", "finances", "--role", "finance")
    created = cli(db, *args, "--expires-days", "30")
    assert created.returncode == 0, created.stderr
    key_id = created.stdout.strip().splitlines()[-1].split("_")[1]
    line = next(line for line in cli(db, "keys", "list").stdout.splitlines() if line.startswith(key_id))
    assert line.split("\t")[-1].startswith("expires 20")
    assert cli(db, *args, "--expires-days", "0").returncode != 0


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


def test_when_trail_is_signed_then_prove_verifies_and_rewind_fails_verify_heads(
    db: Path, tmp_path: Path
) -> None:
    import hashlib
    import json

    from iag_gateway.audit.models import AuditEntry
    from iag_gateway.audit.store import AuditStore
    from iag_gateway.storage.engine import make_engine
    from iag_gateway.storage.migrate import upgrade

    key, heads = tmp_path / "audit.key", tmp_path / "heads.jsonl"
    made = cli(db, "audit", "keygen", "--out", str(key))
    assert made.returncode == 0, made.stderr
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    assert cli(db, "audit", "keygen", "--out", str(key)).returncode == 2  # never overwritten
    engine = make_engine(f"sqlite:///{db}")
    upgrade(engine)
    store = AuditStore(engine)
    for index in range(7):
        store.append(AuditEntry(request_id=f"req_{index}", route="chat", outcome="ok", status_code=200))
    engine.dispose()

    def signed_cli(*args: str) -> subprocess.CompletedProcess[str]:
        env = {
            **os.environ,
            "IAG_DATABASE_URL": f"sqlite:///{db}",
            "IAG_AUDIT_SIGNING_KEY_FILE": str(key),
            "IAG_AUDIT_HEADS_FILE": str(heads),
        }
        return subprocess.run(
            [sys.executable, "-m", "iag_gateway.cli", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=180,
            check=False,
        )

    signed = signed_cli("audit", "sign")
    assert signed.returncode == 0 and "7 records" in signed.stdout, signed.stderr
    proved = signed_cli("audit", "prove", "req_4")
    assert proved.returncode == 0, proved.stderr
    document = json.loads(proved.stdout)
    (proof,) = document["proofs"]
    assert proof["seq"] == 5 and document["head"]["tree_size"] == 7

    # An outside check, from RFC 6962's definitions: leaf 4 of 7 sits under (4,5)(6) and (0..3).
    def h(data: bytes) -> bytes:
        return hashlib.sha256(data).digest()

    node = h(b"\x00" + proof["leaf_data"].encode())
    left_4_5 = h(b"\x01" + node + bytes.fromhex(proof["audit_path"][0]))
    right = h(b"\x01" + left_4_5 + bytes.fromhex(proof["audit_path"][1]))
    root = h(b"\x01" + bytes.fromhex(proof["audit_path"][2]) + right)
    assert len(proof["audit_path"]) == 3 and root.hex() == document["head"]["root_hash"]

    verified = signed_cli("audit", "verify", "--heads", str(heads), "--public-key", f"{key}.pub")
    assert verified.returncode == 0 and "consistent with 1 signed heads" in verified.stdout, verified.stderr
    with sqlite3.connect(db) as raw:
        kept = raw.execute("SELECT hash FROM audit_event WHERE seq = 5").fetchone()[0]
        raw.execute("DELETE FROM audit_event WHERE seq > 5")
        raw.execute("UPDATE audit_chain_head SET seq = 5, hash = ? WHERE id = 1", (kept,))
    assert cli(db, "audit", "verify").returncode == 0  # the chain alone is fooled
    rewound = signed_cli("audit", "verify", "--heads", str(heads), "--public-key", f"{key}.pub")
    assert rewound.returncode == 1
    assert "covers 7 records but the database holds 5" in rewound.stderr


def test_when_a_prohibited_use_is_explained_then_the_classifier_score_and_refusal_are_printed(
    db: Path,
) -> None:
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


def test_when_a_role_offered_by_the_admin_page_is_given_to_the_cli_then_the_key_is_created(db: Path) -> None:
    from iag_gateway.identity.roles import ROLES

    assert cli(db, "db", "upgrade").returncode == 0
    args = ("keys", "create", "--user", "referente", "--department", "achats")
    created = cli(db, *args, "--role", "referent_achats", "--role", "direction")
    assert created.returncode == 0, created.stderr
    help_text = " ".join(cli(db, "keys", "create", "--help").stdout.split())
    assert all(role in help_text for role in ROLES), help_text


def test_when_the_readme_lists_the_roles_then_it_lists_every_role_a_key_may_carry() -> None:
    import re

    from iag_gateway.identity.roles import ROLES

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    line = " ".join(readme.split("\nRoles: ", 1)[1].split("(rights", 1)[0].split())
    assert set(re.findall(r"`([a-z_]+)`", line)) == ROLES


def test_when_db_upgrade_runs_then_it_says_created_migrated_or_already_up_to_date(db: Path) -> None:
    from iag_gateway.storage.migrate import current_revision, head_revision, upgrade

    head = head_revision()
    created = cli(db, "db", "upgrade")
    assert created.returncode == 0 and created.stdout.strip() == f"database created at revision {head}"
    again = cli(db, "db", "upgrade")
    assert again.stdout.strip() == f"database already up to date (revision {head})"
    older = db.with_name("older.db")
    upgrade(f"sqlite:///{older}", "+1")  # the first revision only
    from iag_gateway.storage.engine import make_engine

    engine = make_engine(f"sqlite:///{older}")
    first = current_revision(engine)
    engine.dispose()
    assert first is not None and first != head
    migrated = cli(older, "db", "upgrade")
    assert migrated.stdout.strip() == f"database migrated from revision {first} to {head}"
