"""The dashboard's daily roll-up (``audit_rollup_*``), backfilled from the records already in the trail.

Per Paris day: calls and tokens, the sets of users (at several grains), rule firings, masked data, and
acknowledgements, by department, template and model (see ``audit/rollup_models.py``).
The backfill is the roll-up's own fold (``rollup.fold_chunk``), run on this migration's
connection until the whole trail is folded; on an empty trail it only sets the state
row. A later change to these tables must keep this revision's backfill working or
copy the statements it needs here.

On PostgreSQL the gateway's role (``iag_gateway_app``) may read the roll-up, insert and
delete its day rows (a day is rebuilt whole) and move its state row; nothing more. The
audit tables keep their grants: the fold only reads them. The role also gets, at last,
``SELECT, INSERT`` on ``feedback`` (revision 0007 came after 0005's grants), which the
dashboard reads, and the least it needs on ``template_version`` (0006: read, submit,
record a decision) and ``project`` (0008: read, save, mark reviewed, delete expired).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

APP_ROLE = "iag_gateway_app"
DIMS = ("department", "template_id", "model_alias")
DAY_TABLES = (
    "audit_rollup_call",
    "audit_rollup_user",
    "audit_rollup_rule",
    "audit_rollup_pii",
    "audit_rollup_review",
)


def _day_and_dims() -> list[sa.Column[str]]:
    return [
        sa.Column("day", sa.String(10), nullable=False),
        *(sa.Column(name, sa.String(), nullable=True) for name in DIMS),
    ]


def _counts(*names: str) -> list[sa.Column[int]]:
    return [sa.Column(name, sa.BigInteger(), nullable=False) for name in names]


def upgrade() -> None:
    op.create_table(
        "audit_rollup_state",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("through_seq", sa.BigInteger(), nullable=False),
        sa.Column("purged_through_seq", sa.BigInteger(), nullable=False),
        sa.Column("folded_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "audit_rollup_call",
        *_day_and_dims(),
        *_counts(
            "calls",
            "ok",
            "denied",
            "prompt_tokens",
            "completion_tokens",
            "ok_prompt_tokens",
            "ok_completion_tokens",
        ),
    )
    op.create_table(
        "audit_rollup_user",
        *_day_and_dims(),
        sa.Column("user_id", sa.String(), nullable=False),
        sa.Column("grain", sa.SmallInteger(), nullable=False),  # the dimensions kept, a bit mask
    )
    op.create_table(
        "audit_rollup_rule",
        *_day_and_dims(),
        *(
            sa.Column(name, sa.String(), nullable=True)
            for name in ("rule_id", "effect", "message", "article")
        ),
        *_counts("firings"),
    )
    op.create_table(
        "audit_rollup_pii",
        *_day_and_dims(),
        sa.Column("pii_type", sa.String(), nullable=True),
        *_counts("records", "total"),
    )
    op.create_table(
        "audit_rollup_review",
        *_day_and_dims(),
        *_counts("acknowledged"),
        sa.Column("delay_sum_s", sa.Float(), nullable=False),
        sa.Column("delay_max_s", sa.Float(), nullable=False),
    )
    op.create_index("ix_audit_rollup_user_day", "audit_rollup_user", ["grain", "day", *DIMS, "user_id"])
    for table in ("call", "rule", "pii", "review"):
        op.create_index(f"ix_audit_rollup_{table}_day", f"audit_rollup_{table}", ["day"])
    op.execute("INSERT INTO audit_rollup_state (id, through_seq, purged_through_seq) VALUES (1, 0, 0)")
    if op.get_bind().dialect.name == "postgresql":
        tables = ", ".join(DAY_TABLES)
        op.execute(f"REVOKE ALL ON {tables}, audit_rollup_state FROM PUBLIC")
        op.execute(f"GRANT SELECT, INSERT, DELETE ON {tables} TO {APP_ROLE}")
        op.execute(f"GRANT SELECT, UPDATE ON audit_rollup_state TO {APP_ROLE}")
        # 0007 created ``feedback`` after 0005's grants: the dashboard reads it, the form writes it.
        op.execute(f"GRANT SELECT, INSERT ON feedback TO {APP_ROLE}")
        op.execute(f"GRANT USAGE, SELECT ON SEQUENCE feedback_id_seq TO {APP_ROLE}")
        # 0006 and 0008 came after them too. Template versions: submitted (insert), decided once
        # (update of the decision's columns), never deleted. Projects: saved, marked reviewed,
        # deleted past their retention (``projects.purge_expired``), never rewritten otherwise.
        decision = "state, decided_by, decided_at, comment, served_source, digest"
        op.execute(f"GRANT SELECT, INSERT, UPDATE ({decision}) ON template_version TO {APP_ROLE}")
        op.execute(f"GRANT USAGE, SELECT ON SEQUENCE template_version_id_seq TO {APP_ROLE}")
        review = "reviewed_at, reviewed_by"
        op.execute(f"GRANT SELECT, INSERT, UPDATE ({review}), DELETE ON project TO {APP_ROLE}")
    _backfill()


def _backfill() -> None:
    from iag_gateway.audit.rollup import fold_chunk

    conn = op.get_bind()
    head = conn.execute(sa.text("SELECT max(seq) FROM audit_event")).scalar() or 0
    while fold_chunk(conn).through_seq < head:
        pass


def downgrade() -> None:
    for table in (*DAY_TABLES, "audit_rollup_state"):
        op.drop_table(table)
