"""User feedback on answers, and the index the dashboard's aggregates read.

``feedback``: « utile / pas utile », a pseudonymised comment, minutes saved.
``ix_audit_event_dashboard``: covers the columns the dashboard groups and sums, so that
its scans over a period read the index rather than the whole records (hashes, JSON, texts);
``ix_audit_event_user_time`` gives each key holder's last activity in one seek.

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

DASHBOARD_COLUMNS = (
    "created_at",
    "route",
    "outcome",
    "department",
    "template_id",
    "model_alias",
    "user_id",
    "prompt_tokens",
    "completion_tokens",
)


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
    op.create_index("ix_audit_event_dashboard", "audit_event", list(DASHBOARD_COLUMNS))
    op.create_index("ix_audit_event_user_time", "audit_event", ["user_id", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_audit_event_user_time", table_name="audit_event")
    op.drop_index("ix_audit_event_dashboard", table_name="audit_event")
    op.drop_table("feedback")
