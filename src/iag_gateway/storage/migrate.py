"""Bring the database schema to the latest revision (``alembic upgrade head``, in code).

Called by ``iag-gateway db upgrade`` and at gateway startup. Several gateway
processes may start at once: on PostgreSQL an advisory lock serialises them, on
SQLite ``BEGIN IMMEDIATE`` does; the late ones find the schema current and do nothing.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from iag_gateway.errors import AuditUnavailable
from iag_gateway.storage.engine import SQLITE_IMMEDIATE, make_engine

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
#: Arbitrary constant key of the PostgreSQL advisory lock held while migrating.
_MIGRATION_LOCK_KEY = 0x1A6_0001


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade(engine: Engine | str, revision: str = "head") -> tuple[str | None, str | None]:
    """Apply every pending migration up to ``revision``; return the revisions (before, after).

    ``before`` is ``None`` for a database that had no schema yet. Raises
    ``AuditUnavailable`` when the database cannot be reached or migrated (e.g. it is at
    a revision this version does not know): startup must stop.
    """
    if isinstance(engine, str):
        owned = make_engine(engine)
        try:
            return _upgrade(owned, revision)
        finally:
            owned.dispose()
    return _upgrade(engine, revision)


def _upgrade(engine: Engine, revision: str) -> tuple[str | None, str | None]:
    try:
        return _run_upgrade(engine, revision)
    except (SQLAlchemyError, CommandError) as exc:
        raise AuditUnavailable(f"Le schéma de la base n'a pas pu être migré : {exc}") from exc


def _run_upgrade(engine: Engine, revision: str) -> tuple[str | None, str | None]:
    config = _config()
    with engine.connect() as connection:
        connection.execution_options(**{SQLITE_IMMEDIATE: True})
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK_KEY})")
            before = MigrationContext.configure(connection).get_current_revision()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            after = MigrationContext.configure(connection).get_current_revision()
    return before, after


def upgrade_summary(before: str | None, after: str | None) -> str:
    """One line for ``db upgrade``: created, migrated, or already up to date (revisions named)."""
    if before is None:
        return f"database created at revision {after}"
    if before != after:
        return f"database migrated from revision {before} to {after}"
    return f"database already up to date (revision {after})"


def require_current_schema(engine: Engine) -> None:
    """Raise ``AuditUnavailable`` (naming the fix) unless the schema is at this version's head.

    Every command but ``serve`` and ``db upgrade`` calls this instead of migrating: a
    read-only command must not write, and an operator upgrades on purpose.
    """
    try:
        current = current_revision(engine)
    except SQLAlchemyError as exc:
        raise AuditUnavailable(
            f"Base de données injoignable ou absente ({type(getattr(exc, 'orig', None) or exc).__name__}) ; "
            "correctif : vérifiez IAG_DATABASE_URL, puis lancez `iag-gateway db upgrade`."
        ) from exc
    head = head_revision()
    if current != head:
        raise AuditUnavailable(
            f"Le schéma de la base est à la révision {current or 'aucune'}, cette version attend {head} ; "
            "correctif : lancez `iag-gateway db upgrade`."
        )


def open_current(url: str, *, read_only: bool = False) -> Engine:
    """An engine on the database at ``url``, already at this version's schema (never migrated).

    Migrations run only from ``serve`` and ``db upgrade``; read-only commands open the
    database read-only, so checking a forensic copy leaves it byte for byte unchanged.
    Raises ``AuditUnavailable`` as ``require_current_schema`` does.
    """
    engine = make_engine(url, read_only=read_only)
    require_current_schema(engine)
    return engine


def current_revision(engine: Engine) -> str | None:
    """Return the database's schema revision, or ``None`` when it was never migrated."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    """Return the newest revision shipped with this version of the gateway."""
    return ScriptDirectory.from_config(_config()).get_current_head()
