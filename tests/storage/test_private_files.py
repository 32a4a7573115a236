"""The SQLite files hold personal data (the trail, « Mes projets »): only their owner reads them."""

from __future__ import annotations

import stat
from pathlib import Path

import sqlalchemy as sa

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


def test_when_the_database_already_exists_then_its_mode_is_left_as_its_operator_set_it(
    tmp_path: Path,
) -> None:
    database = tmp_path / "shared.db"
    database.touch(mode=0o640)
    database.chmod(0o640)
    engine = make_engine(sqlite_url(database))
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE t (x)"))
    engine.dispose()
    assert _mode(database) == 0o640
