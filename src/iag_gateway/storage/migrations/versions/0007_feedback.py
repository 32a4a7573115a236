"""User feedback on answers: « utile / pas utile », a pseudonymised comment, minutes saved.

Revision ID: 0007
Revises: 0002 (the other branches' 0003-0006 come in between once merged)
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("request_id", sa.String(), nullable=False, unique=True),
        sa.Column("user_id", sa.String(), nullable=False),
        sa.Column("department", sa.String(), nullable=True),
        sa.Column("template_id", sa.String(), nullable=True),
        sa.Column("model_alias", sa.String(), nullable=True),
        sa.Column("useful", sa.Boolean(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("comment_pii_counts", sa.JSON(), nullable=False),
        sa.Column("minutes_saved", sa.Integer(), nullable=True),
    )
    op.create_index("ix_feedback_created_at", "feedback", ["created_at"])
    op.create_index("ix_feedback_template_id", "feedback", ["template_id"])


def downgrade() -> None:
    op.drop_table("feedback")
