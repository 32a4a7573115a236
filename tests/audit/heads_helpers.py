"""A real signed trail to tamper with, and the tampering an administrator with write access could do."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from iag_gateway.audit.chain import chain_hash
from iag_gateway.audit.heads import HeadSigner, JsonlHeadSink, SigningSchedule
from iag_gateway.audit.heads_verify import HeadsReport, verify_heads
from iag_gateway.audit.models import AUDIT_CHAIN_HEAD_TABLE, AUDIT_CHECKPOINT_TABLE, AUDIT_EVENT_TABLE
from iag_gateway.audit.signing import HeadKey
from iag_gateway.audit.store import AuditStore
from iag_gateway.audit.tree_models import PURGED_LEAF_TABLE, SIGNED_HEAD_TABLE
from iag_gateway.storage.types import utc_now
from tests.audit.audit_helpers import make_entry

EVENTS = AUDIT_EVENT_TABLE


@dataclass
class Trail:
    engine: Engine
    store: AuditStore
    signer: HeadSigner
    key: HeadKey
    heads_file: Path

    def verify(self, **kwargs: Any) -> HeadsReport:
        lines = self.heads_file.read_text(encoding="ascii").splitlines()
        return verify_heads(self.engine, lines, self.key.public_key, **kwargs)

    def rows(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(sa.select(EVENTS).order_by(EVENTS.c.seq)).mappings()]

    def row(self, seq: int) -> dict[str, Any]:
        return next(r for r in self.rows() if r["seq"] == seq)


def build_trail(engine: Engine, tmp: Path, *, every_records: int = 10) -> Trail:
    """~60 varied records, heads every ``every_records``, a retention purge of the first 15, a final head."""
    key = HeadKey.generate()
    heads_file = tmp / "heads.jsonl"
    store = AuditStore(engine)
    sinks = [JsonlHeadSink(heads_file)]
    signer = HeadSigner(store, key, sinks, SigningSchedule(every_records, 3600), background=False)
    outcomes = ["ok", "denied", "ok", "failed", "ok", "rejected"]
    for i in range(15):
        store.append(make_entry(i, outcome=outcomes[i % 6], user_id=f"u.{i % 4}"))
    cutoff = utc_now()
    for i in range(15, 45):
        store.append(make_entry(i, outcome=outcomes[i % 6], streamed=i % 5 == 0, department=f"d{i % 3}"))
    report = store.purge(metadata_before=cutoff, text_before=None, reason="test retention")
    assert report.records_deleted == 15
    signer.sign()  # a purge is signed at once
    for i in range(45, 58):
        store.append(make_entry(i, route="/v1/templates/render", template_id=f"t{i % 2}"))
    signer.sign()
    return Trail(engine, store, signer, key, heads_file)


def execute(engine: Engine, *statements: Any) -> None:
    with engine.begin() as conn:
        for statement in statements:
            conn.execute(statement)


def set_head(engine: Engine, seq: int, hash_: str) -> Any:
    return (
        sa.update(AUDIT_CHAIN_HEAD_TABLE).where(AUDIT_CHAIN_HEAD_TABLE.c.id == 1).values(seq=seq, hash=hash_)
    )


def rechain(trail: Trail, change: Callable[[list[dict[str, Any]]], list[dict[str, Any]]]) -> None:
    """Rewrite the live trail as ``change`` says, renumber it, recompute every hash and the head.

    What an administrator who knows the chain's algorithm does: the chain verifies again.
    """
    rows = trail.rows()
    first_seq, anchor = rows[0]["seq"], rows[0]["prev_hash"]
    rows = change(rows)
    prev = anchor
    for offset, row in enumerate(rows):
        row["seq"] = first_seq + offset
        row["prev_hash"] = prev
        row["hash"] = prev = chain_hash(prev, row)
    execute(trail.engine, sa.delete(EVENTS))
    with trail.engine.begin() as conn:
        if rows:
            conn.execute(sa.insert(EVENTS), rows)
        conn.execute(set_head(trail.engine, first_seq + len(rows) - 1, prev))


def forge_checkpoint(trail: Trail, through: int, *, keep_leaves: bool) -> None:
    """Claim a purge through ``through`` that retention never did, and delete the records."""
    rows = [r for r in trail.rows() if r["seq"] <= through]
    statements: list[Any] = [
        sa.insert(AUDIT_CHECKPOINT_TABLE).values(
            purged_through_seq=through,
            anchor_hash=rows[-1]["hash"],
            purged_at=utc_now(),
            purged_count=len(rows),
            reason="retention",
        ),
        sa.delete(EVENTS).where(EVENTS.c.seq <= through),
    ]
    if keep_leaves:
        values = [{"seq": r["seq"], "created_at": r["created_at"], "hash": r["hash"]} for r in rows]
        statements.insert(0, sa.insert(PURGED_LEAF_TABLE).values(values))
    execute(trail.engine, *statements)


def wipe(trail: Trail) -> None:
    execute(
        trail.engine,
        sa.delete(EVENTS),
        sa.delete(PURGED_LEAF_TABLE),
        sa.delete(AUDIT_CHECKPOINT_TABLE),
        sa.delete(SIGNED_HEAD_TABLE),
        set_head(trail.engine, 0, "0" * 64),
    )
