"""The Merkle tree against an independent reading of RFC 6962 §2.1, written here from the text.

The reference below recomputes MTH, PATH and PROOF straight from the RFC's recursive
definitions over the raw leaf data, and checks proofs by rebuilding both roots
top-down from the same definitions (not with the RFC 9162 loops the module uses).
"""

from __future__ import annotations

import hashlib

import pytest

from iag_gateway.audit.merkle import (
    EMPTY_ROOT,
    Frontier,
    MerkleLevels,
    leaf_hash,
    verify_consistency,
    verify_inclusion,
)

# -- reference, from RFC 6962 §2.1 ---------------------------------------------------------


def _h(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def _k(n: int) -> int:
    """The largest power of two smaller than n."""
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(d: list[bytes]) -> bytes:
    if not d:
        return _h(b"")
    if len(d) == 1:
        return _h(b"\x00" + d[0])
    k = _k(len(d))
    return _h(b"\x01" + mth(d[:k]) + mth(d[k:]))


def path(m: int, d: list[bytes]) -> list[bytes]:
    if len(d) == 1:
        return []
    k = _k(len(d))
    if m < k:
        return [*path(m, d[:k]), mth(d[k:])]
    return [*path(m - k, d[k:]), mth(d[:k])]


def subproof(m: int, d: list[bytes], b: bool) -> list[bytes]:
    if m == len(d):
        return [] if b else [mth(d)]
    k = _k(len(d))
    if m <= k:
        return [*subproof(m, d[:k], b), mth(d[k:])]
    return [*subproof(m - k, d[k:], False), mth(d[:k])]


def root_from_path(m: int, n: int, leaf: bytes, proof: list[bytes]) -> bytes:
    """Rebuild MTH(D[n]) from leaf m and its path, consuming the path from the top."""
    if n == 1:
        assert not proof
        return leaf
    k = _k(n)
    *below, sibling = proof
    if m < k:
        return _h(b"\x01" + root_from_path(m, k, leaf, below) + sibling)
    return _h(b"\x01" + sibling + root_from_path(m - k, n - k, leaf, below))


def roots_from_subproof(m: int, n: int, proof: list[bytes], b: bool, old: bytes) -> tuple[bytes, bytes]:
    """Rebuild (MTH(D[0:m]) part, MTH(D[n]) part) from SUBPROOF(m, D[n], b), top down."""
    if m == n:
        if b:
            assert not proof
            return old, old
        (node,) = proof
        return node, node
    k = _k(n)
    *below, sibling = proof
    if m <= k:
        old_part, new_part = roots_from_subproof(m, k, below, b, old)
        return old_part, _h(b"\x01" + new_part + sibling)
    old_part, new_part = roots_from_subproof(m - k, n - k, below, False, old)
    return _h(b"\x01" + sibling + old_part), _h(b"\x01" + sibling + new_part)


DATA = [f"record {i}".encode() for i in range(70)]


# -- the module against the reference ------------------------------------------------------


def test_when_leaves_are_appended_then_frontier_root_is_rfc_mth_at_every_size() -> None:
    frontier = Frontier()
    assert frontier.root() == mth([]) == EMPTY_ROOT
    for n, data in enumerate(DATA, start=1):
        frontier.append(leaf_hash(data))
        assert frontier.root() == mth(DATA[:n]), n
        assert len(frontier.nodes) == bin(n).count("1")
        restored = Frontier.from_json(n, frontier.to_json())
        assert restored.root() == frontier.root()


def test_when_frontier_json_has_wrong_node_count_then_refused() -> None:
    with pytest.raises(ValueError):
        Frontier.from_json(6, ["00" * 32])


@pytest.mark.parametrize("n", [1, 2, 3, 5, 7, 8, 9, 16, 31, 33, 70])
def test_when_any_record_is_proved_then_reference_rebuilds_the_signed_root(n: int) -> None:
    levels = MerkleLevels([leaf_hash(d) for d in DATA])
    root = levels.root(n)
    assert root == mth(DATA[:n])
    for m in range(n):
        proof = levels.inclusion_proof(m, n)
        assert proof == path(m, DATA[:n])
        leaf = _h(b"\x00" + DATA[m])
        assert root_from_path(m, n, leaf, proof) == root
        assert verify_inclusion(leaf, m, n, proof, root)
        # The same proof must not pass for another leaf, index or root.
        assert not verify_inclusion(_h(b"\x00" + b"forged"), m, n, proof, root)
        if n > 1:
            assert not verify_inclusion(leaf, (m + 1) % n, n, proof, root)
        assert not verify_inclusion(leaf, m, n, proof, mth([*DATA[: n - 1], b"x"]))


@pytest.mark.parametrize("n", [2, 3, 4, 7, 8, 12, 17, 32, 70])
def test_when_two_heads_are_compared_then_reference_rebuilds_both_roots(n: int) -> None:
    levels = MerkleLevels([leaf_hash(d) for d in DATA])
    new_root = levels.root(n)
    for m in range(1, n + 1):
        old_root = levels.root(m)
        proof = levels.consistency_proof(m, n)
        assert proof == ([] if m == n else subproof(m, DATA[:n], True))
        assert roots_from_subproof(m, n, list(proof), True, old_root) == (old_root, new_root)
        assert verify_consistency(m, n, old_root, new_root, proof)
        if m < n:
            # An old head over other records, or a proof for other sizes, must fail.
            assert not verify_consistency(m, n, mth([b"x", *DATA[1:m]]), new_root, proof)
            assert not verify_consistency(m, n, old_root, mth([*DATA[: n - 1], b"x"]), proof)
            if m > 1:
                assert not verify_consistency(m - 1, n, levels.root(m - 1), new_root, proof)


def test_when_sizes_are_out_of_range_then_proofs_refused_and_verifiers_say_no() -> None:
    levels = MerkleLevels([leaf_hash(d) for d in DATA[:5]])
    with pytest.raises(ValueError):
        levels.root(6)
    with pytest.raises(ValueError):
        levels.inclusion_proof(5, 5)
    with pytest.raises(ValueError):
        levels.consistency_proof(4, 3)
    assert not verify_inclusion(leaf_hash(DATA[0]), 0, 0, [], EMPTY_ROOT)
    assert not verify_consistency(4, 3, levels.root(4), levels.root(3), [])
    assert verify_consistency(0, 5, EMPTY_ROOT, levels.root(5), [])
