"""Read the Merkle leaves of the trail from the database: purged records first, then the live ones.

Leaf ``seq - 1`` is ``merkle.leaf_data(seq, created_at, hash)``. Records deleted
by retention left ``(seq, created_at, hash)`` in ``audit_purged_leaf``; the others
are read from ``audit_event``. The reader yields rows in ``seq`` order and leaves
it to the caller to notice gaps (a missing leaf makes every later head uncomputable).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from iag_gateway.audit.merkle import leaf_data, leaf_hash
from iag_gateway.audit.models import AUDIT_EVENT_TABLE, format_timestamp
from iag_gateway.audit.tree_models import PURGED_LEAF_TABLE

_PAGE = 2000


@dataclass(frozen=True)
class LeafRow:
    """What a leaf is made of; ``purged`` when it comes from ``audit_purged_leaf``."""

    seq: int
    created_at: datetime
    hash: str
    purged: bool

    def leaf(self) -> bytes:
        return leaf_hash(leaf_data(self.seq, format_timestamp(self.created_at), self.hash))


def iter_leaf_rows(conn: Connection, after: int = 0, upto: int | None = None) -> Iterator[LeafRow]:
    """Yield purged then live leaf rows with ``after < seq <= upto``, each part in ``seq`` order, by pages."""
    for table, purged in ((PURGED_LEAF_TABLE, True), (AUDIT_EVENT_TABLE, False)):
        cursor = after
        while True:
            stmt = sa.select(table.c.seq, table.c.created_at, table.c.hash).where(table.c.seq > cursor)
            if upto is not None:
                stmt = stmt.where(table.c.seq <= upto)
            rows = conn.execute(stmt.order_by(table.c.seq).limit(_PAGE)).all()
            for row in rows:
                yield LeafRow(int(row.seq), row.created_at, str(row.hash), purged)
            if len(rows) < _PAGE:
                break
            cursor = int(rows[-1].seq)


def record_hash_at(conn: Connection, seq: int) -> str | None:
    """The chain hash of record ``seq``, live or purged (``None`` if neither holds it)."""
    for table in (AUDIT_EVENT_TABLE, PURGED_LEAF_TABLE):
        value = conn.execute(sa.select(table.c.hash).where(table.c.seq == seq)).scalar_one_or_none()
        if value is not None:
            return str(value)
    return None
