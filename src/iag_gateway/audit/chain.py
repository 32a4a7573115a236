"""The hash chain: how a record's hash is computed and how the whole trail is checked.

``hash = sha256(prev_hash || "\\n" || canonical)`` where ``canonical`` is compact
JSON with sorted keys over ``seq``, ``created_at`` and every content field.
Timestamps are ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` and ``latency_ms`` is written with
exactly three decimals, so the bytes hashed do not depend on the backend or on
float formatting. Editing, deleting, inserting or reordering records breaks the
chain; ``verify`` names the first record where it breaks.

The chain detects tampering by someone who does not recompute every later hash;
an attacker with write access could rewrite the tail consistently. Noting the
head hash out of band (the auditor's periodic report) closes that gap.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from iag_gateway.audit.models import (
    AUDIT_CHAIN_HEAD_TABLE,
    AUDIT_EVENT_TABLE,
    CONTENT_FIELDS,
    GENESIS_HASH,
    format_timestamp,
)
from iag_gateway.errors import AuditUnavailable


def canonical_content(values: Mapping[Any, Any]) -> bytes:
    """Serialise ``seq``, ``created_at`` and the content fields of a record, deterministically."""
    doc: dict[str, Any] = {name: values.get(name) for name in CONTENT_FIELDS}
    doc["seq"] = int(values["seq"])
    created_at = values["created_at"]
    if not isinstance(created_at, datetime):
        raise TypeError("created_at must be a datetime")
    doc["created_at"] = format_timestamp(created_at)
    latency = doc.get("latency_ms")
    doc["latency_ms"] = None if latency is None else f"{float(latency):.3f}"
    text = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return text.encode("utf-8")


def chain_hash(prev_hash: str, values: Mapping[Any, Any]) -> str:
    """Return the hash of a record whose predecessor's hash is ``prev_hash``."""
    digest = hashlib.sha256(prev_hash.encode("ascii"))
    digest.update(b"\n")
    digest.update(canonical_content(values))
    return digest.hexdigest()


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of a chain check; ``first_bad_seq`` names where it breaks."""

    ok: bool
    checked: int
    first_bad_seq: int | None
    reason: str
    head_seq: int = 0
    head_hash: str = GENESIS_HASH


def verify(engine: Engine, *, batch: int = 1000) -> VerifyResult:
    """Walk the whole trail in ``seq`` order, ``batch`` rows at a time, and check every link.

    Raises ``AuditUnavailable`` when the store cannot be read.
    """
    try:
        return _verify(engine, batch)
    except SQLAlchemyError as exc:
        raise AuditUnavailable("audit store unavailable: the chain could not be read") from exc


def _read_head(engine: Engine) -> tuple[int, str] | None:
    head = AUDIT_CHAIN_HEAD_TABLE
    with engine.connect() as conn:
        row = conn.execute(sa.select(head.c.seq, head.c.hash).where(head.c.id == 1)).one_or_none()
    return None if row is None else (int(row.seq), str(row.hash))


def _verify(engine: Engine, batch: int) -> VerifyResult:
    head = _read_head(engine)
    if head is None:
        return VerifyResult(False, 0, None, "chain head row is missing")
    events = AUDIT_EVENT_TABLE
    expected_seq, prev_hash, checked = 1, GENESIS_HASH, 0

    def bad(seq: int, reason: str) -> VerifyResult:
        assert head is not None
        return VerifyResult(False, checked, seq, reason, head[0], head[1])

    while True:
        # Each batch in its own short transaction: a long verify must not block writers.
        with engine.connect() as conn:
            stmt = sa.select(events).where(events.c.seq >= expected_seq).order_by(events.c.seq).limit(batch)
            rows = conn.execute(stmt).mappings().all()
        if not rows:
            break
        for row in rows:
            seq = int(row["seq"])
            if seq > head[0]:
                # Appended since the head was read? A committed record always moves the head too.
                head = _read_head(engine) or head
                if seq > head[0]:
                    return bad(seq, f"record {seq} lies beyond the chain head ({head[0]})")
            if seq != expected_seq:
                return bad(expected_seq, f"record {expected_seq} is missing (next is {seq})")
            if row["prev_hash"] != prev_hash:
                return bad(seq, f"record {seq} does not point to record {seq - 1}")
            if chain_hash(prev_hash, row) != row["hash"]:
                return bad(seq, f"record {seq} was altered (hash mismatch)")
            checked += 1
            prev_hash, expected_seq = row["hash"], seq + 1
    if expected_seq - 1 != head[0]:
        return bad(expected_seq, f"records {expected_seq}..{head[0]} are missing")
    if prev_hash != head[1]:
        return bad(head[0], "the chain head does not match the last record")
    return VerifyResult(True, checked, None, "ok", head[0], head[1])
