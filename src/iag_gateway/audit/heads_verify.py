"""Check the trail against its signed heads; prove a record's inclusion (``audit verify --heads``, ``prove``).

The heads export (JSON lines, see ``signing.SignedHead``) is the reference a
database administrator does not control. ``verify_heads`` stops at the first
inconsistency, in this order:

1. the hash chain (``chain.verify``: edits, deletions, insertions, reordering);
2. the leaves: every record from 1 up is either live or kept by a purge, once;
3. each exported head: its signature with the published key; sizes and times that
   never go back (a replayed old head); a size the database still holds (truncation,
   rewind, wipe); the first head's root over the database's leaves; each next head
   consistent with the one before (RFC 6962 consistency proof from the database's
   leaves, checked against both signed roots);
4. the heads kept in the database: signed, never going back, each one in the export
   (but for heads signed after the export's last: a crash between commit and export);
5. the latest checkpoint: matched by an ``audit.purge`` record (seq, anchor), covered
   by a signed head, every purged record older than that purge's cutoff, and the
   cutoff no later than the retention allows (``metadata_days``, when given).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from iag_gateway.audit.chain import read_checkpoint, verify
from iag_gateway.audit.merkle import MerkleLevels, leaf_data, verify_consistency, verify_inclusion
from iag_gateway.audit.models import AUDIT_EVENT_TABLE, format_timestamp
from iag_gateway.audit.retention import PURGE_ROUTE
from iag_gateway.audit.signing import SignedHead, TreeHead, signature_valid
from iag_gateway.audit.tree import LeafRow, iter_leaf_rows
from iag_gateway.audit.tree_models import SIGNED_HEAD_TABLE
from iag_gateway.errors import AuditInconsistent, AuditUnavailable, NotFound

#: Where to look when the database does not match a signed head.
_WHERE = "`iag-gateway audit verify --heads FICHIER` nomme la première incohérence"


@dataclass(frozen=True)
class HeadsReport:
    """The outcome: ``problem`` names the first inconsistency (``None``: all holds)."""

    problem: str | None
    heads_checked: int
    records: int
    last: SignedHead | None

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def unsigned(self) -> int:
        """Records appended after the last signed head (not yet protected by a signature)."""
        return self.records - (self.last.head.tree_size if self.last else 0)


class _Inconsistent(Exception):
    pass


def verify_heads(
    engine: Engine,
    lines: Iterable[str],
    public_key: Ed25519PublicKey,
    *,
    metadata_days: int | None = None,
) -> HeadsReport:
    """Check the database against the exported heads ``lines``; raise ``AuditUnavailable`` if unreadable."""
    heads: list[SignedHead] = []
    records = 0
    try:
        chain = verify(engine)
        if not chain.ok:
            raise _Inconsistent(f"hash chain broken at record {chain.first_bad_seq}: {chain.reason}")
        with engine.connect() as conn:
            rows = _leaf_rows(conn)
            records = len(rows)
            levels = MerkleLevels([row.leaf() for row in rows])
            heads = _check_export(lines, public_key, levels)
            _check_database_heads(conn, public_key, heads)
            _check_checkpoint(conn, rows, heads, metadata_days)
    except _Inconsistent as exc:
        return HeadsReport(str(exc), len(heads), records, heads[-1] if heads else None)
    except SQLAlchemyError as exc:
        raise AuditUnavailable("Journal d'audit indisponible : il n'a pas pu être lu.") from exc
    return HeadsReport(None, len(heads), records, heads[-1] if heads else None)


def _leaf_rows(conn: Connection) -> list[LeafRow]:
    rows: list[LeafRow] = []
    for row in iter_leaf_rows(conn):
        expected = len(rows) + 1
        if row.seq < expected:
            raise _Inconsistent(f"record {row.seq} is both purged and still in the trail")
        if row.seq > expected:
            raise _Inconsistent(f"record {expected} is neither in the trail nor kept by a purge")
        rows.append(row)
    return rows


def _check_export(lines: Iterable[str], key: Ed25519PublicKey, levels: MerkleLevels) -> list[SignedHead]:
    heads: list[SignedHead] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"signed head on line {number}"
        try:
            signed = SignedHead.from_json(line)
        except ValueError as exc:
            raise _Inconsistent(f"{where} is unreadable: {exc}") from exc
        if not signature_valid(signed, key):
            raise _Inconsistent(f"{where} is not signed by the published key (forged or altered)")
        size, root = signed.head.tree_size, bytes.fromhex(signed.head.root_hash)
        previous = heads[-1].head if heads else None
        if previous is not None and size < previous.tree_size:
            raise _Inconsistent(
                f"{where} goes back from {previous.tree_size} to {size} records (an old head replayed)"
            )
        if previous is not None and signed.head.timestamp < previous.timestamp:
            raise _Inconsistent(f"{where} goes back in time (an old head replayed)")
        if size > levels.size:
            raise _Inconsistent(
                f"{where} covers {size} records but the database holds {levels.size} "
                "(records removed: truncated, rewound or wiped)"
            )
        if previous is None:
            if levels.root(size) != root:
                raise _Inconsistent(f"{where}: records 1..{size} in the database do not give its signed root")
        else:
            proof = levels.consistency_proof(previous.tree_size, size)
            old_root = bytes.fromhex(previous.root_hash)
            if not verify_consistency(previous.tree_size, size, old_root, root, proof):
                raise _Inconsistent(
                    f"{where} is not consistent with the head before it over the database's records "
                    f"(records 1..{size} were altered, inserted, reordered or re-chained)"
                )
        heads.append(signed)
    return heads


def _check_database_heads(conn: Connection, key: Ed25519PublicKey, exported: list[SignedHead]) -> None:
    known = {(s.head.tree_size, s.head.root_hash, s.signature) for s in exported}
    table, largest = SIGNED_HEAD_TABLE, -1
    for row in conn.execute(sa.select(table).order_by(table.c.id)).mappings():
        signed = _row_head(row)
        where = f"database head #{row['id']} ({signed.head.tree_size} records)"
        if not signature_valid(signed, key):
            raise _Inconsistent(f"{where} is not signed by the published key (forged)")
        if signed.head.tree_size < largest:
            raise _Inconsistent(f"{where} goes back after a head of {largest} records (an old head replayed)")
        largest = signed.head.tree_size
        newer = bool(exported) and signed.head.timestamp > exported[-1].head.timestamp
        if (signed.head.tree_size, signed.head.root_hash, signed.signature) not in known and not newer:
            # Only a head signed after the export's last may be missing from it (a crash between
            # the commit and the export's write).
            raise _Inconsistent(f"{where} is not in the heads export")
    if exported and largest < exported[-1].head.tree_size:
        raise _Inconsistent(
            f"the database's heads stop at {largest} records, the export's at {exported[-1].head.tree_size}"
        )


def _row_head(row: Any) -> SignedHead:
    head = TreeHead(int(row["tree_size"]), str(row["root_hash"]), str(row["timestamp"]))
    return SignedHead(head, str(row["key_id"]), str(row["signature"]))


def _check_checkpoint(
    conn: Connection, rows: list[LeafRow], heads: list[SignedHead], metadata_days: int | None
) -> None:
    checkpoint = read_checkpoint(conn)
    purged = [row for row in rows if row.purged]
    if checkpoint is None:
        if purged:
            raise _Inconsistent(f"records 1..{purged[-1].seq} were purged without a checkpoint")
        return
    through = checkpoint.through_seq
    if not purged or purged[-1].seq != through or purged[-1].hash != checkpoint.anchor_hash:
        raise _Inconsistent(f"the checkpoint through record {through} does not match the purged records")
    purge = _justifying_purge(conn, through, checkpoint.anchor_hash)
    if purge is None:
        raise _Inconsistent(
            f"the checkpoint through record {through} is not justified by an audit.purge record (forged)"
        )
    seq, created_at, extra = purge
    where = f"the purge recorded as record {seq}"
    if heads and heads[-1].head.tree_size < seq:
        raise _Inconsistent(f"{where} is not yet covered by a signed head")
    cutoff_text = extra.get("metadata_before")
    try:
        cutoff = datetime.strptime(str(cutoff_text), "%Y-%m-%dT%H:%M:%S.%fZ").replace(
            tzinfo=created_at.tzinfo
        )
    except ValueError as exc:
        raise _Inconsistent(f"{where} has no readable cutoff") from exc
    young = next((row for row in purged if row.created_at >= cutoff), None)
    if young is not None:
        raise _Inconsistent(f"record {young.seq} was purged though newer than the cutoff of {where}")
    if metadata_days is not None and cutoff > created_at - timedelta(days=metadata_days):
        raise _Inconsistent(f"{where} cut sooner than the retention of {metadata_days} days allows")


def _justifying_purge(
    conn: Connection, through: int, anchor: str
) -> tuple[int, datetime, dict[str, Any]] | None:
    events = AUDIT_EVENT_TABLE
    stmt = (
        sa.select(events.c.seq, events.c.created_at, events.c.extra)
        .where(events.c.route == PURGE_ROUTE, events.c.seq > through)
        .order_by(events.c.seq)
    )
    for row in conn.execute(stmt):
        extra = row.extra if isinstance(row.extra, dict) else json.loads(row.extra)
        if extra.get("purged_through_seq") == through and extra.get("anchor_hash") == anchor:
            return int(row.seq), row.created_at, extra
    return None


def prove(engine: Engine, request_id: str, head: SignedHead) -> dict[str, Any]:
    """Inclusion proofs (RFC 6962 §2.1.1) of the records of ``request_id`` in the tree of ``head``.

    Returns ``{"head": ..., "proofs": [{"seq", "leaf_index", "leaf_data", "audit_path"}]}``
    with hashes in hex. Raises ``NotFound`` when no record has that request id, or none is
    covered by the head yet (it names ``audit sign``); ``AuditUnavailable`` when the database
    cannot be read; ``AuditInconsistent`` when its leaves do not give the head's root.
    """
    try:
        with engine.connect() as conn:
            rows = _leaf_rows(conn)
            seqs = [
                int(seq)
                for seq in conn.execute(
                    sa.select(AUDIT_EVENT_TABLE.c.seq).where(AUDIT_EVENT_TABLE.c.request_id == request_id)
                ).scalars()
            ]
    except SQLAlchemyError as exc:
        raise AuditUnavailable("Journal d'audit indisponible : il n'a pas pu être lu.") from exc
    except _Inconsistent as exc:
        raise AuditInconsistent(f"Aucune preuve possible : {exc} ; {_WHERE}") from exc
    size = head.head.tree_size
    covered = sorted(seq for seq in seqs if seq <= size)
    if not seqs:
        raise NotFound(
            f"aucun enregistrement du journal ne porte l'identifiant « {request_id} » (celui que donne "
            "la réponse de l'appel, `request_id`)"
        )
    if not covered:
        raise NotFound(
            f"les enregistrements de cette demande (n° {min(seqs)}) sont postérieurs à la dernière tête "
            f"signée ({size} enregistrements) : signez-en une nouvelle avec `iag-gateway audit sign`, "
            "puis relancez `iag-gateway audit prove`"
        )
    if size > len(rows):
        raise AuditInconsistent(
            f"Aucune preuve possible : la tête signée couvre {size} enregistrements, "
            f"la base n'en contient que {len(rows)} ; {_WHERE}"
        )
    levels = MerkleLevels([row.leaf() for row in rows[:size]])
    root = bytes.fromhex(head.head.root_hash)
    if levels.root(size) != root:
        raise AuditInconsistent(
            "Aucune preuve possible : les enregistrements de la base ne donnent pas la racine signée ; "
            + _WHERE
        )
    proofs = []
    for seq in covered:
        row = rows[seq - 1]
        path = levels.inclusion_proof(seq - 1, size)
        assert verify_inclusion(row.leaf(), seq - 1, size, path, root)
        proofs.append(
            {
                "seq": seq,
                "leaf_index": seq - 1,
                "leaf_data": leaf_data(seq, format_timestamp(row.created_at), row.hash).decode("ascii"),
                "audit_path": [node.hex() for node in path],
            }
        )
    return {"head": json.loads(head.to_json()), "proofs": proofs}
