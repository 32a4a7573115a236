"""Alembic environment: run migrations on the connection handed over by ``migrate.upgrade``."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through iag_gateway.storage.migrate.upgrade()")

context.configure(connection=connection, target_metadata=None, transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
