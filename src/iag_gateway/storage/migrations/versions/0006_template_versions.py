"""Template versions: every version of every prompt template, its diff and its approval.

Revision ID: 0006
Revises: 0002 (re-point to the last of 0003–0005 when those branches are merged)
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_UTC_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "template_version",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("template_id", sa.String(80), nullable=False),
        sa.Column("version", sa.String(40), nullable=False),
        sa.Column("domain", sa.String(40), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("origin", sa.String(8), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("source_digest", sa.String(64), nullable=False),
        sa.Column("served_source", sa.Text(), nullable=True),
        sa.Column("digest", sa.String(64), nullable=True),
        sa.Column("diff", sa.Text(), nullable=False),
        sa.Column("diff_base", sa.String(40), nullable=True),
        sa.Column("submitted_by", sa.String(), nullable=False),
        sa.Column("submitted_at", _UTC_TS, nullable=False),
        sa.Column("decided_by", sa.String(), nullable=True),
        sa.Column("decided_at", _UTC_TS, nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.UniqueConstraint("template_id", "version", name="uq_template_version"),
    )
    op.create_index("ix_template_version_template_id", "template_version", ["template_id"])
    op.create_index("ix_template_version_state", "template_version", ["state"])


def downgrade() -> None:
    op.drop_index("ix_template_version_state", "template_version")
    op.drop_index("ix_template_version_template_id", "template_version")
    op.drop_table("template_version")
