"""Throw-away databases for tests: a migrated SQLite file or a private PostgreSQL schema.

Each PostgreSQL scratch database is a schema with a random name, selected through
the connection's ``search_path``, so parallel test runs never collide; it is
dropped on exit. Used by the test suites; nothing here runs at import time.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import make_url

from iag_gateway.storage.engine import make_engine

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def postgres_url() -> str:
    """Return the server used by tests (``IAG_TEST_POSTGRES_URL`` overrides the default)."""
    return os.environ.get("IAG_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)


def postgres_available(url: str | None = None) -> bool:
    """Say whether the test PostgreSQL server accepts connections (within 2 s)."""
    engine = make_engine(url or postgres_url(), connect_timeout_s=2)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        return True
    except Exception:
        return False
    finally:
        engine.dispose()


@contextmanager
def scratch_postgres(url: str | None = None) -> Iterator[str]:
    """Create a private schema, yield a URL that uses it, then drop it."""
    base = url or postgres_url()
    schema = f"iag_test_{secrets.token_hex(6)}"
    admin = make_engine(base)
    try:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
        parsed = make_url(base)
        query = dict(parsed.query)
        query["options"] = f"-csearch_path={schema}"
        scoped = parsed.set(query=query)
        yield scoped.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        admin.dispose()


def sqlite_url(path: Path) -> str:
    """Return the SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{path}"
