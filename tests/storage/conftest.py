"""Run each store test on a migrated SQLite file and on a private PostgreSQL schema."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from iag_gateway.storage.engine import make_engine
from iag_gateway.storage.migrate import upgrade
from iag_gateway.storage.testing import postgres_available, scratch_postgres, sqlite_url

_BACKENDS = [pytest.param("sqlite"), pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def postgres_up() -> bool:
    return postgres_available()


@pytest.fixture(params=_BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path, postgres_up: bool) -> Iterator[str]:
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "gateway.db")
        return
    if not postgres_up:
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    with scratch_postgres() as url:
        yield url


@pytest.fixture
def pg_url(postgres_up: bool) -> Iterator[str]:
    """A private PostgreSQL schema (not migrated), for PostgreSQL-only tests."""
    if not postgres_up:
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    with scratch_postgres() as url:
        yield url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    upgrade(engine)
    yield engine
    engine.dispose()
