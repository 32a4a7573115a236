"""Initial schema: API keys, training records, the hash-chained audit trail, quota usage.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_UTC_TS = sa.DateTime(timezone=True)
_SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "api_key",
        sa.Column("key_id", sa.String(32), primary_key=True),
        sa.Column("user_id", sa.String(), nullable=False),
        sa.Column("department", sa.String(), nullable=False),
        sa.Column("roles", sa.JSON(), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("salt", sa.String(64), nullable=False),
        sa.Column("secret_hash", sa.String(64), nullable=False),
        sa.Column("created_at", _UTC_TS, nullable=False),
        sa.Column("revoked_at", _UTC_TS, nullable=True),
    )
    op.create_index("ix_api_key_user_id", "api_key", ["user_id"])

    op.create_table(
        "training_record",
        sa.Column("user_id", sa.String(), primary_key=True),
        sa.Column("course", sa.String(), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=False),
    )

    op.create_table(
        "audit_event",
        sa.Column("seq", _SEQ, primary_key=True, autoincrement=False),
        sa.Column("created_at", _UTC_TS, nullable=False),
        sa.Column("request_id", sa.String(), nullable=False),
        sa.Column("route", sa.String(), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("user_id", sa.String(), nullable=True),
        sa.Column("department", sa.String(), nullable=True),
        sa.Column("roles", sa.JSON(), nullable=False),
        sa.Column("model_alias", sa.String(), nullable=True),
        sa.Column("provider_model", sa.String(), nullable=True),
        sa.Column("template_id", sa.String(), nullable=True),
        sa.Column("template_version", sa.String(), nullable=True),
        sa.Column("template_digest", sa.String(), nullable=True),
        sa.Column("decision", sa.String(), nullable=True),
        sa.Column("rules", sa.JSON(), nullable=False),
        sa.Column("articles", sa.JSON(), nullable=False),
        sa.Column("policy_version", sa.String(), nullable=True),
        sa.Column("policy_digest", sa.String(), nullable=True),
        sa.Column("pii_counts", sa.JSON(), nullable=False),
        sa.Column("response_pii_counts", sa.JSON(), nullable=False),
        sa.Column("prompt_tokens", sa.Integer(), nullable=True),
        sa.Column("completion_tokens", sa.Integer(), nullable=True),
        sa.Column("total_tokens", sa.Integer(), nullable=True),
        sa.Column("latency_ms", sa.Float(), nullable=True),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("error_type", sa.String(), nullable=True),
        sa.Column("error_code", sa.String(), nullable=True),
        sa.Column("streamed", sa.Boolean(), nullable=False),
        sa.Column("prompt_digest", sa.String(), nullable=True),
        sa.Column("response_digest", sa.String(), nullable=True),
        sa.Column("prompt_text", sa.Text(), nullable=True),
        sa.Column("response_text", sa.Text(), nullable=True),
        sa.Column("ref_request_id", sa.String(), nullable=True),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    for column in ("created_at", "request_id", "user_id", "department", "ref_request_id"):
        op.create_index(f"ix_audit_event_{column}", "audit_event", [column])

    head = op.create_table(
        "audit_chain_head",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.bulk_insert(head, [{"id": 1, "seq": 0, "hash": "0" * 64}])

    # Used by the quota code; "window" is a reserved word in PostgreSQL, quote it in raw SQL.
    op.create_table(
        "quota_usage",
        sa.Column("scope", sa.String(200), nullable=False),
        sa.Column("window", sa.String(40), nullable=False),
        sa.Column("requests", sa.Integer(), nullable=False, server_default=sa.text("0")),
        sa.Column("tokens", sa.BigInteger(), nullable=False, server_default=sa.text("0")),
        sa.PrimaryKeyConstraint("scope", "window"),
    )


def downgrade() -> None:
    op.drop_table("quota_usage")
    op.drop_table("audit_chain_head")
    op.drop_table("audit_event")
    op.drop_table("training_record")
    op.drop_table("api_key")
