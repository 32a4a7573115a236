"""The SQLite files hold personal data (the trail, « Mes projets »): only their owner reads them."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from iag_gateway.storage.engine import make_engine
from iag_gateway.storage.testing import sqlite_url


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_when_the_database_is_created_then_it_and_its_wal_files_are_readable_by_their_owner_only(
    tmp_path: Path,
) -> None:
    database = tmp_path / "trail.db"
    engine = make_engine(sqlite_url(database))
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x)")
        conn.exec_driver_sql("INSERT INTO t VALUES (1)")
    with engine.connect() as conn:  # held open: the -wal and -shm files exist meanwhile
        assert conn.exec_driver_sql("SELECT count(*) FROM t").scalar() == 1
        files = [database, Path(f"{database}-wal"), Path(f"{database}-shm")]
        assert {path.name: _mode(path) for path in files} == {path.name: 0o600 for path in files}
    engine.dispose()


def _open_to_others(database: Path) -> sqlite3.Connection:
    """A database made before files were private: 0644, with its -wal and -shm (held by the connection)."""
    held = sqlite3.connect(database)
    held.execute("PRAGMA journal_mode=WAL")
    held.execute("CREATE TABLE t (x)")
    held.execute("INSERT INTO t VALUES (1)")
    held.commit()
    for path in _files(database):
        path.chmod(0o644)
    return held


def _files(database: Path) -> list[Path]:
    return [database, Path(f"{database}-wal"), Path(f"{database}-shm")]


def test_when_an_existing_database_is_open_to_others_then_it_and_its_wal_files_become_private(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    database = tmp_path / "old.db"
    held = _open_to_others(database)
    engine = make_engine(sqlite_url(database))
    with caplog.at_level(logging.INFO, logger="iag_gateway.storage"):
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM t").scalar() == 1
        second = make_engine(sqlite_url(database))
        with second.connect() as conn:  # already private: nothing more to say
            conn.exec_driver_sql("SELECT 1")
    held.close()
    engine.dispose()
    second.dispose()
    assert {path.name: _mode(path) for path in _files(database) if path.exists()} == {
        path.name: 0o600 for path in _files(database) if path.exists()
    }
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 1, lines
    assert all(f"{path} (0644 → 0600)" in lines[0] for path in _files(database)), lines


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_when_an_open_database_belongs_to_another_user_then_it_is_left_and_named_in_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    database = tmp_path / "theirs.db"
    sqlite3.connect(database).close()
    database.chmod(0o644)
    os.chown(database, 65534, 65534)  # nobody
    engine = make_engine(sqlite_url(database))
    with (
        caplog.at_level(logging.WARNING, logger="iag_gateway.storage"),
        engine.connect() as first,
        engine.connect() as second,  # two connections, one warning
    ):
        first.exec_driver_sql("SELECT 1")
        second.exec_driver_sql("SELECT 1")
    engine.dispose()
    assert _mode(database) == 0o644
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 1, lines
    assert str(database) in lines[0] and "uid 65534" in lines[0]
