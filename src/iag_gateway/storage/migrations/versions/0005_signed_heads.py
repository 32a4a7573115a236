"""Signed tree heads and purged leaves; on PostgreSQL, insert-only audit tables for the gateway role.

Two group roles (cluster-wide, created once, ``NOLOGIN``): ``iag_gateway_app``, to be
granted to the login role the gateway runs as, may read the audit tables and insert
records and signed heads, but never update or delete them (``audit_chain_head`` excepted: it is the writers'
lock and a cache that ``verify --heads`` does not trust); ``iag_audit_purge``, for
the retention job (``IAG_AUDIT_PURGE_DATABASE_URL``), may delete old records, clear
their texts and move the checkpoint. Tables of later migrations need their own grants.

NOTE for merging: other branches add 0003 and 0004; this revision must then revise "0004".

Revision ID: 0005
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0002"
branch_labels = None
depends_on = None

APP_ROLE = "iag_gateway_app"
PURGE_ROLE = "iag_audit_purge"
_INSERT_ONLY = ("audit_event", "audit_checkpoint", "audit_signed_head", "audit_purged_leaf")


def upgrade() -> None:
    op.create_table(
        "audit_signed_head",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("tree_size", sa.BigInteger(), nullable=False),
        sa.Column("root_hash", sa.String(64), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("timestamp", sa.String(40), nullable=False),
        sa.Column("key_id", sa.String(32), nullable=False),
        sa.Column("signature", sa.String(128), nullable=False),
        sa.Column("frontier", sa.JSON(), nullable=False),
    )
    op.create_table(
        "audit_purged_leaf",
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        _grant_postgres()


def _grant_postgres() -> None:
    for role in (APP_ROLE, PURGE_ROLE):
        op.execute(
            f"DO $$ BEGIN CREATE ROLE {role} NOLOGIN; "
            "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
        )
    schema = "current_schema()"
    grant_usage = f"GRANT USAGE ON SCHEMA %I TO {APP_ROLE}, {PURGE_ROLE}"
    op.execute(f"DO $$ BEGIN EXECUTE format('{grant_usage}', {schema}); END $$")
    audit = ", ".join(_INSERT_ONLY)
    op.execute(f"REVOKE ALL ON {audit}, audit_chain_head FROM PUBLIC")
    # The gateway: everything it needs on its other tables, insert-only on the audit trail.
    op.execute(
        f"DO $$ BEGIN EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I "
        f"TO {APP_ROLE}', {schema}); EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I "
        f"TO {APP_ROLE}', {schema}); END $$"
    )
    op.execute(f"REVOKE UPDATE, DELETE, TRUNCATE ON {audit} FROM {APP_ROLE}")
    # Only the retention job writes checkpoints and purged leaves.
    op.execute(f"REVOKE INSERT ON audit_checkpoint, audit_purged_leaf FROM {APP_ROLE}")
    # Retention: delete old records, clear old texts, move the checkpoint, trace the purge.
    op.execute(f"GRANT SELECT, INSERT ON {audit}, audit_chain_head TO {PURGE_ROLE}")
    op.execute(f"GRANT SELECT ON alembic_version TO {PURGE_ROLE}")
    op.execute(f"GRANT DELETE, UPDATE (prompt_text, response_text) ON audit_event TO {PURGE_ROLE}")
    op.execute(f"GRANT UPDATE ON audit_checkpoint, audit_chain_head TO {PURGE_ROLE}")
    op.execute(
        f"GRANT USAGE, SELECT ON SEQUENCE audit_checkpoint_id_seq, audit_signed_head_id_seq TO {PURGE_ROLE}"
    )


def downgrade() -> None:
    op.drop_table("audit_purged_leaf")
    op.drop_table("audit_signed_head")
