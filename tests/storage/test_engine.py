from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from iag_gateway.audit.models import AuditEntry
from iag_gateway.audit.store import AuditStore
from iag_gateway.storage.engine import make_engine
from iag_gateway.storage.migrate import upgrade
from iag_gateway.storage.testing import sqlite_url


def _pragma(engine: Engine, name: str) -> object:
    with engine.connect() as conn:
        return conn.exec_driver_sql(f"PRAGMA {name}").scalar()


def test_when_sqlite_file_then_wal_full_sync_and_busy_timeout(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "g.db"), busy_timeout_s=2.5)
    assert _pragma(engine, "journal_mode") == "wal"
    assert _pragma(engine, "synchronous") == 2  # FULL
    assert _pragma(engine, "busy_timeout") == 2500
    engine.dispose()


def test_when_engine_created_then_nothing_touched_on_disk(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "g.db"))
    assert list(tmp_path.iterdir()) == []
    engine.dispose()


def test_when_sqlite_in_memory_then_all_connections_share_one_database() -> None:
    engine = make_engine("sqlite://")
    upgrade(engine)
    store = AuditStore(engine)
    store.append(AuditEntry(request_id="r", route="/", outcome="ok"))
    assert store.head()[0] == 1
    engine.dispose()


def test_when_unsupported_scheme_then_value_error() -> None:
    with pytest.raises(ValueError, match="mysql"):
        make_engine("mysql://root@localhost/db")


def test_when_url_has_connect_timeout_then_it_is_kept() -> None:
    engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/x?connect_timeout=1")
    assert engine.url.query["connect_timeout"] == "1"
    engine.dispose()
