"""The hash chain: how a record's hash is computed and how the whole trail is checked.

``hash = sha256(prev_hash || "\\n" || canonical)`` where ``canonical`` is compact
JSON with sorted keys over ``seq``, ``created_at`` and every content field but the
redacted texts: the hash commits to their digests instead, so that retention can
clear a text without breaking the chain, and ``verify`` checks that a text still
present matches its digest. Timestamps are ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` and
``latency_ms`` is written with exactly three decimals, so the bytes hashed do not
depend on the backend or on float formatting. Editing, deleting, inserting or
reordering records breaks the chain; ``verify`` names the first record where it
breaks. After retention deleted the oldest records, the chain starts at the
latest ``audit_checkpoint``: its ``anchor_hash`` is the first remaining record's
``prev_hash``.

The chain detects tampering by someone who does not recompute every later hash;
an attacker with write access could rewrite the tail consistently. Noting the
head hash out of band (the auditor's periodic report) closes that gap. The same
holds for checkpoints, which are not chained themselves: each purge is also
recorded in the chain (route ``audit.purge``, with the checkpoint's seq and anchor
hash in ``extra``) so that an auditor can match every checkpoint to its record.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from iag_gateway.audit.models import (
    AUDIT_CHAIN_HEAD_TABLE,
    AUDIT_CHECKPOINT_TABLE,
    AUDIT_EVENT_TABLE,
    GENESIS_HASH,
    HASHED_FIELDS,
    IN_FLIGHT,
    TEXT_DIGESTS,
    digest_text,
    format_timestamp,
)
from iag_gateway.errors import AuditUnavailable


def canonical_content(values: Mapping[Any, Any]) -> bytes:
    """Serialise ``seq``, ``created_at`` and the hashed content fields of a record, deterministically."""
    doc: dict[str, Any] = {name: values.get(name) for name in HASHED_FIELDS}
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


def check_record(row: Mapping[Any, Any], expected_seq: int, prev_hash: str) -> str | None:
    """Say why ``row`` is not the chain's record ``expected_seq`` after ``prev_hash``; ``None`` if it is."""
    seq = int(row["seq"])
    if seq != expected_seq:
        return f"record {expected_seq} is missing (next is {seq})"
    if row["prev_hash"] != prev_hash:
        return f"record {seq} does not point to record {seq - 1}"
    if chain_hash(prev_hash, row) != row["hash"]:
        return f"record {seq} was altered (hash mismatch)"
    return text_mismatch(row)


def text_mismatch(row: Mapping[Any, Any]) -> str | None:
    """Say which redacted text of ``row`` no longer matches the digest the chain commits to."""
    for text_field, digest_field in TEXT_DIGESTS:
        text = row[text_field]
        if text is not None and (row[digest_field] is None or digest_text(text) != row[digest_field]):
            return f"record {row['seq']} was altered ({text_field} does not match {digest_field})"
    return None


@dataclass(frozen=True)
class Checkpoint:
    """The latest ``audit_checkpoint``: records up to ``through_seq`` were purged."""

    through_seq: int
    anchor_hash: str


def read_checkpoint(conn: Connection) -> Checkpoint | None:
    """Return the latest checkpoint, or ``None`` when no record was ever purged."""
    table = AUDIT_CHECKPOINT_TABLE
    row = conn.execute(
        sa.select(table.c.purged_through_seq, table.c.anchor_hash)
        .order_by(table.c.purged_through_seq.desc(), table.c.id.desc())
        .limit(1)
    ).one_or_none()
    return None if row is None else Checkpoint(int(row.purged_through_seq), str(row.anchor_hash))


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of a chain check; ``first_bad_seq`` names where it breaks."""

    ok: bool
    checked: int
    first_bad_seq: int | None
    reason: str
    head_seq: int = 0
    head_hash: str = GENESIS_HASH
    #: Records up to this seq were purged by retention (0: none); the check starts after it.
    checkpoint_seq: int = 0
    #: Calls whose "in flight" record has no final record (still running, or the gateway died).
    incomplete: int = 0


def verify(engine: Engine, *, batch: int = 1000) -> VerifyResult:
    """Walk the trail after the latest checkpoint in ``seq`` order, ``batch`` rows at a time.

    Raises ``AuditUnavailable`` when the store cannot be read.
    """
    try:
        return _verify(engine, batch)
    except SQLAlchemyError as exc:
        raise AuditUnavailable("Journal d'audit indisponible : la chaîne n'a pas pu être lue.") from exc


def _read_head(engine: Engine) -> tuple[int, str] | None:
    head = AUDIT_CHAIN_HEAD_TABLE
    with engine.connect() as conn:
        row = conn.execute(sa.select(head.c.seq, head.c.hash).where(head.c.id == 1)).one_or_none()
    return None if row is None else (int(row.seq), str(row.hash))


def _read_checkpoint(engine: Engine) -> Checkpoint:
    with engine.connect() as conn:
        return read_checkpoint(conn) or Checkpoint(0, GENESIS_HASH)


def _verify(engine: Engine, batch: int) -> VerifyResult:
    # Checkpoint first: the head, read after it, is then never behind it (heads only move on).
    checkpoint = _read_checkpoint(engine)
    head = _read_head(engine)
    if head is None:
        return VerifyResult(False, 0, None, "chain head row is missing")
    events = AUDIT_EVENT_TABLE
    expected_seq, prev_hash, checked = checkpoint.through_seq + 1, checkpoint.anchor_hash, 0

    def bad(seq: int, reason: str) -> VerifyResult:
        assert head is not None
        return VerifyResult(False, checked, seq, reason, head[0], head[1], checkpoint.through_seq)

    if checkpoint.through_seq > head[0]:
        return bad(head[0], f"the checkpoint ({checkpoint.through_seq}) lies beyond the chain head")
    while True:
        # Each batch in its own short transaction: a long verify must not block writers.
        with engine.connect() as conn:
            stmt = sa.select(events).where(events.c.seq >= expected_seq).order_by(events.c.seq).limit(batch)
            rows = conn.execute(stmt).mappings().all()
        if not rows or int(rows[0]["seq"]) != expected_seq:
            # Purged since the checkpoint was read? A purge always moves the checkpoint too:
            # start again after the new one.
            latest = _read_checkpoint(engine)
            if latest.through_seq >= expected_seq:
                head = _read_head(engine) or head
                checkpoint, checked = latest, 0
                expected_seq, prev_hash = latest.through_seq + 1, latest.anchor_hash
                continue
        if not rows:
            break
        for row in rows:
            seq = int(row["seq"])
            if seq > head[0]:
                # Appended since the head was read? A committed record always moves the head too.
                head = _read_head(engine) or head
                if seq > head[0]:
                    return bad(seq, f"record {seq} lies beyond the chain head ({head[0]})")
            reason = check_record(row, expected_seq, prev_hash)
            if reason is not None:
                return bad(expected_seq, reason)
            checked += 1
            prev_hash, expected_seq = row["hash"], seq + 1
    if expected_seq - 1 != head[0]:
        return bad(expected_seq, f"records {expected_seq}..{head[0]} are missing")
    if prev_hash != head[1]:
        return bad(head[0], "the chain head does not match the last record")
    return VerifyResult(
        True, checked, None, "ok", head[0], head[1], checkpoint.through_seq, _count_incomplete(engine)
    )


def _count_incomplete(engine: Engine) -> int:
    """Count calls that have an ``in_flight`` record and no final record with the same request id."""
    started, final = AUDIT_EVENT_TABLE.alias("started"), AUDIT_EVENT_TABLE.alias("final")
    stmt = (
        sa.select(sa.func.count(sa.distinct(started.c.request_id)))
        .where(started.c.outcome == IN_FLIGHT)
        .where(~sa.exists().where(final.c.request_id == started.c.request_id, final.c.outcome != IN_FLIGHT))
    )
    with engine.connect() as conn:
        return int(conn.execute(stmt).scalar() or 0)
