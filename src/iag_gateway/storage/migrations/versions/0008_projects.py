"""« Mes projets »: each author's generations (template, inputs, answer, review), kept for a while.

Revision ID: 0008
Revises: 0002
Create Date: 2026-11-29

Branches 0003-0007 are written in parallel; when they are merged this revision's
``down_revision`` becomes the newest of them (it touches no table of theirs).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_UTC_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "project",
        sa.Column("project_id", sa.String(32), primary_key=True),
        sa.Column("user_id", sa.String(), nullable=False),
        sa.Column("template_id", sa.String(), nullable=False),
        sa.Column("template_title", sa.String(), nullable=False),
        sa.Column("template_version", sa.String(), nullable=False),
        sa.Column("request_id", sa.String(64), nullable=False),
        sa.Column("inputs", sa.JSON(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("created_at", _UTC_TS, nullable=False),
        sa.Column("reviewed_at", _UTC_TS, nullable=True),
        sa.Column("reviewed_by", sa.String(), nullable=True),
    )
    op.create_index("ix_project_user_id", "project", ["user_id"])
    op.create_index("ix_project_request_id", "project", ["request_id"], unique=True)
    op.create_index("ix_project_created_at", "project", ["created_at"])


def downgrade() -> None:
    op.drop_table("project")
