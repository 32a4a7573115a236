"""Every call that leaves has a trace before it leaves; a trail swapped underneath is noticed (#10 items 2, 3)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from iag_gateway.audit.chain import verify
from iag_gateway.audit.store import AuditStore
from iag_gateway.errors import AuditUnavailable
from iag_gateway.storage.engine import make_engine
from iag_gateway.storage.migrate import upgrade
from iag_gateway.storage.testing import sqlite_url
from tests.audit.audit_helpers import make_entry


def test_when_a_call_started_and_never_completed_then_verify_counts_it(engine: Engine) -> None:
    store = AuditStore(engine)
    store.append(make_entry(1, outcome="in_flight"))
    store.append(make_entry(1, outcome="ok"))
    store.append(make_entry(2, outcome="in_flight"))
    store.append(make_entry(3, outcome="denied"))
    result = verify(engine)
    assert result.ok and result.checked == 4
    assert result.incomplete == 1


def test_when_the_sqlite_file_is_deleted_under_the_store_then_writes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "gateway.db"
    engine = make_engine(sqlite_url(path))
    upgrade(engine)
    store = AuditStore(engine)
    store.append(make_entry(1))
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with pytest.raises(AuditUnavailable) as caught:
        store.append(make_entry(2))
    assert caught.value.status == 503
    with pytest.raises(AuditUnavailable):
        store.ping()
    engine.dispose()


def test_when_the_sqlite_file_is_replaced_by_another_trail_then_writes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "gateway.db"
    engine = make_engine(sqlite_url(path))
    upgrade(engine)
    store = AuditStore(engine)
    store.append(make_entry(1))
    store.append(make_entry(2))
    engine.dispose()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    fresh = make_engine(sqlite_url(path))  # someone puts an empty, migrated trail in its place
    upgrade(fresh)
    fresh.dispose()
    with pytest.raises(AuditUnavailable):
        store.append(make_entry(3))
    engine.dispose()


def test_when_audit_verify_targets_a_missing_database_then_it_fails_and_creates_nothing(
    tmp_path: Path,
) -> None:
    path = tmp_path / "absent.db"
    env = {**os.environ, "IAG_DATABASE_URL": sqlite_url(path), "IAG_ENV": "test"}
    iag = Path(sys.executable).with_name("iag-gateway")
    done = subprocess.run([str(iag), "audit", "verify"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert not path.exists()
    assert "absent.db" in done.stderr + done.stdout
