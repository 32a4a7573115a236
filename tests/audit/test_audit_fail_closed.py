from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from iag_gateway.audit.chain import verify
from iag_gateway.audit.filters import AuditFilter
from iag_gateway.audit.store import AuditStore
from iag_gateway.errors import AuditUnavailable
from iag_gateway.storage.engine import SQLITE_IMMEDIATE, make_engine
from iag_gateway.storage.migrate import upgrade
from iag_gateway.storage.testing import sqlite_url
from tests.audit.audit_helpers import make_entry

CLOSED_PORT_URL = "postgresql+psycopg://postgres@127.0.0.1:1/x"


def _assert_unavailable(store: AuditStore) -> None:
    with pytest.raises(AuditUnavailable, match="pas été transmise") as caught:
        store.append(make_entry(1))
    assert isinstance(caught.value.__cause__, sa.exc.SQLAlchemyError)
    assert caught.value.status == 503
    with pytest.raises(AuditUnavailable):
        store.ping()
    with pytest.raises(AuditUnavailable):
        store.query(AuditFilter())


def test_when_postgres_unreachable_then_audit_unavailable() -> None:
    engine = make_engine(CLOSED_PORT_URL, connect_timeout_s=1)
    started = time.monotonic()
    _assert_unavailable(AuditStore(engine))
    with pytest.raises(AuditUnavailable):
        verify(engine)
    assert time.monotonic() - started < 10
    engine.dispose()


def test_when_sqlite_directory_gone_then_audit_unavailable(tmp_path: Path) -> None:
    directory = tmp_path / "audit"
    directory.mkdir()
    engine = make_engine(sqlite_url(directory / "gateway.db"))
    shutil.rmtree(directory)
    _assert_unavailable(AuditStore(engine))
    engine.dispose()


def test_when_schema_not_migrated_then_audit_unavailable(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "empty.db"))
    _assert_unavailable(AuditStore(engine))
    engine.dispose()


def test_when_sqlite_locked_beyond_timeout_then_audit_unavailable_and_nothing_written(
    tmp_path: Path,
) -> None:
    url = sqlite_url(tmp_path / "gateway.db")
    holder = make_engine(url)
    upgrade(holder)
    engine = make_engine(url, busy_timeout_s=0.2)
    store = AuditStore(engine)
    store.append(make_entry(0))
    with holder.connect() as conn:
        conn.execution_options(**{SQLITE_IMMEDIATE: True})
        with conn.begin():  # another writer holds the lock
            started = time.monotonic()
            with pytest.raises(AuditUnavailable):
                store.append(make_entry(1))
            assert time.monotonic() - started < 3
    assert store.head()[0] == 1
    assert store.append(make_entry(2)).seq == 2
    holder.dispose()
    engine.dispose()


@pytest.mark.postgres
def test_when_postgres_chain_locked_beyond_timeout_then_audit_unavailable(pg_url: str) -> None:
    engine = make_engine(pg_url)
    upgrade(engine)
    impatient = make_engine(pg_url, lock_timeout_ms=200)
    store = AuditStore(impatient)
    store.append(make_entry(0))
    with engine.begin() as conn:
        conn.execute(sa.text("SELECT seq FROM audit_chain_head WHERE id = 1 FOR UPDATE"))
        with pytest.raises(AuditUnavailable):
            store.append(make_entry(1))
    assert store.append(make_entry(2)).seq == 2
    impatient.dispose()
    engine.dispose()


def test_when_store_recovers_then_appends_resume(engine: Engine) -> None:
    store = AuditStore(engine)
    store.append(make_entry(0))
    engine.dispose()  # drop pooled connections, as after a database restart
    assert store.append(make_entry(1)).seq == 2
    assert verify(engine).ok
