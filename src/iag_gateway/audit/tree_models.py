"""The two tables behind the Merkle tree: signed heads, and the leaves of purged records.

Both are append-only: the gateway inserts, never updates or deletes (on PostgreSQL
the migration revokes ``UPDATE``/``DELETE`` from the gateway's role).
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from iag_gateway.storage.types import UtcDateTime


class AuditSignedHead(SQLModel, table=True):
    """One signed tree head (see ``signing``), with the frontier that lets a restart resume the tree."""

    __tablename__ = "audit_signed_head"

    id: int | None = Field(default=None, sa_column=sa.Column(sa.Integer(), primary_key=True))
    tree_size: int = Field(sa_column=sa.Column(sa.BigInteger(), nullable=False))
    root_hash: str = Field(sa_column=sa.Column(sa.String(64), nullable=False))
    signed_at: datetime = Field(sa_column=sa.Column(UtcDateTime(), nullable=False))
    timestamp: str = Field(sa_column=sa.Column(sa.String(40), nullable=False))
    key_id: str = Field(sa_column=sa.Column(sa.String(32), nullable=False))
    signature: str = Field(sa_column=sa.Column(sa.String(128), nullable=False))
    frontier: list[str] = Field(default_factory=list, sa_column=sa.Column(sa.JSON(), nullable=False))


class AuditPurgedLeaf(SQLModel, table=True):
    """What stays of a record deleted by retention: enough to recompute its Merkle leaf.

    ``created_at`` and the chain ``hash`` hold no content (the hash is a SHA-256 over
    it); keeping them keeps every signed head and every later proof checkable.
    """

    __tablename__ = "audit_purged_leaf"

    seq: int = Field(
        sa_column=sa.Column(
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=False
        )
    )
    created_at: datetime = Field(sa_column=sa.Column(UtcDateTime(), nullable=False))
    hash: str = Field(sa_column=sa.Column(sa.String(64), nullable=False))


SIGNED_HEAD_TABLE: sa.Table = SQLModel.metadata.tables["audit_signed_head"]
PURGED_LEAF_TABLE: sa.Table = SQLModel.metadata.tables["audit_purged_leaf"]
