"""Proofs over a real signed trail (after a retention purge), checked by the RFC 6962 reference of test_merkle."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from iag_gateway.audit.heads_verify import prove
from iag_gateway.audit.merkle import MerkleLevels
from iag_gateway.audit.signing import SignedHead, signature_valid
from iag_gateway.audit.tree import iter_leaf_rows
from iag_gateway.errors import NotFound
from tests.audit.heads_helpers import Trail, build_trail
from tests.audit.test_merkle import root_from_path, roots_from_subproof


@pytest.fixture
def trail(engine: Engine, tmp_path: Path) -> Trail:
    return build_trail(engine, tmp_path)


def _heads(trail: Trail) -> list[SignedHead]:
    return [SignedHead.from_json(line) for line in trail.heads_file.read_text().splitlines()]


def test_when_any_remaining_record_is_proved_then_the_reference_rebuilds_the_signed_root(
    trail: Trail,
) -> None:
    last = _heads(trail)[-1]
    assert signature_valid(last, trail.key.public_key)
    remaining = trail.rows()
    assert remaining[0]["seq"] == 16  # 1..15 were purged
    for row in remaining:
        document = prove(trail.engine, row["request_id"], last)
        proofs = [p for p in document["proofs"] if p["seq"] == row["seq"]]
        assert len(proofs) == 1
        proof = proofs[0]
        leaf = hashlib.sha256(b"\x00" + proof["leaf_data"].encode("ascii")).digest()
        path = [bytes.fromhex(node) for node in proof["audit_path"]]
        root = root_from_path(proof["leaf_index"], last.head.tree_size, leaf, path)
        assert root.hex() == last.head.root_hash, row["seq"]
        assert proof["leaf_data"].split("\n") == [
            str(row["seq"]),
            proof["leaf_data"].split("\n")[1],
            row["hash"],
        ]


def test_when_two_signed_heads_are_compared_then_the_reference_accepts_the_consistency_proof(
    trail: Trail,
) -> None:
    heads = _heads(trail)
    with trail.engine.connect() as conn:
        levels = MerkleLevels([row.leaf() for row in iter_leaf_rows(conn)])
    for old, new in [(heads[0], heads[-1]), (heads[1], heads[4]), (heads[3], heads[5])]:
        m, n = old.head.tree_size, new.head.tree_size
        proof = levels.consistency_proof(m, n)
        old_root, new_root = bytes.fromhex(old.head.root_hash), bytes.fromhex(new.head.root_hash)
        assert roots_from_subproof(m, n, list(proof), True, old_root) == (old_root, new_root)


def test_when_request_is_unknown_or_not_yet_signed_then_not_found(trail: Trail) -> None:
    first = _heads(trail)[0]
    with pytest.raises(NotFound):
        prove(trail.engine, "req-unknown", first)
    with pytest.raises(NotFound):
        prove(trail.engine, trail.rows()[-1]["request_id"], first)  # appended after that head
