"""The Merkle tree over the audit records, hashed as RFC 6962 §2.1 defines it.

``leaf = SHA-256(0x00 || data)``, ``node = SHA-256(0x01 || left || right)``: the
prefixes keep a leaf from passing for a node. The tree over ``n`` leaves splits at
``k``, the largest power of two smaller than ``n`` (RFC 6962 §2.1); the empty tree's
hash is ``SHA-256("")``. Leaf ``i`` (from 0) is the record ``seq = i + 1``; its data
is ``seq``, ``created_at`` and the record's chain hash (``leaf_data``), so a purge
can keep the leaf computable from three short values that hold no content.

``Frontier`` keeps the compact range (the roots of the complete subtrees, one per
bit of ``n``), so appending a leaf costs O(1) hashes amortised and the root
O(log n). ``MerkleLevels`` keeps every complete subtree over a list of leaves, for
the proofs (RFC 6962 §2.1.1 audit paths, §2.1.2 consistency proofs), and the
verifiers follow RFC 9162 §2.1.3.2 and §2.1.4.2 (the successor RFC's algorithms).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(data: bytes) -> bytes:
    """Return ``SHA-256(0x00 || data)`` (32 bytes)."""
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """Return ``SHA-256(0x01 || left || right)`` (32 bytes)."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def leaf_data(seq: int, created_at: str, record_hash: str) -> bytes:
    """The bytes a record contributes as leaf ``seq - 1``: ``"<seq>\\n<created_at>\\n<chain hash>"``.

    ``created_at`` is the hashed timestamp form (``models.format_timestamp``); the
    chain hash commits to the whole content (``chain.chain_hash``).
    """
    return f"{seq}\n{created_at}\n{record_hash}".encode("ascii")


def split(n: int) -> int:
    """The largest power of two strictly smaller than ``n`` (``n >= 2``)."""
    return 1 << ((n - 1).bit_length() - 1)


@dataclass
class Frontier:
    """The compact range of a tree: ``(size, hash)`` of its complete subtrees, left to right."""

    size: int = 0
    nodes: list[tuple[int, bytes]] = field(default_factory=list)

    def append(self, leaf: bytes) -> None:
        """Add a leaf hash at index ``size``; merge the equal-sized subtrees it completes."""
        nodes, width = self.nodes, 1
        nodes.append((1, leaf))
        while len(nodes) >= 2 and nodes[-2][0] == width:
            (_, right), (_, left) = nodes.pop(), nodes.pop()
            width *= 2
            nodes.append((width, node_hash(left, right)))
        self.size += 1

    def root(self) -> bytes:
        """Return the tree hash (RFC 6962 MTH) of the ``size`` leaves appended so far."""
        if not self.nodes:
            return EMPTY_ROOT
        acc = self.nodes[-1][1]
        for _width, node in reversed(self.nodes[:-1]):
            acc = node_hash(node, acc)
        return acc

    def to_json(self) -> list[str]:
        """The node hashes in hex, left to right (their sizes follow from ``size``)."""
        return [node.hex() for _width, node in self.nodes]

    @classmethod
    def from_json(cls, size: int, nodes: Sequence[str]) -> Frontier:
        """Rebuild from ``to_json``; raise ``ValueError`` if the node count does not fit ``size``."""
        widths = [1 << bit for bit in reversed(range(size.bit_length())) if size >> bit & 1]
        if len(widths) != len(nodes):
            raise ValueError(f"a frontier of {size} leaves has {len(widths)} nodes, not {len(nodes)}")
        return cls(size, [(w, bytes.fromhex(h)) for w, h in zip(widths, nodes, strict=True)])


class MerkleLevels:
    """Every complete, aligned subtree over ``leaves``, for roots and proofs at any size.

    Memory: about two hashes per leaf (64 MB of hashes for a million records).
    """

    def __init__(self, leaves: Sequence[bytes]) -> None:
        self.levels: list[list[bytes]] = [list(leaves)]
        while len(self.levels[-1]) >= 2:
            below = self.levels[-1]
            self.levels.append([node_hash(below[i], below[i + 1]) for i in range(0, len(below) - 1, 2)])

    @property
    def size(self) -> int:
        return len(self.levels[0])

    def root(self, size: int) -> bytes:
        """MTH of the first ``size`` leaves; raise ``ValueError`` beyond the leaves held."""
        self._check(size)
        return EMPTY_ROOT if size == 0 else self._subtree(0, size)

    def inclusion_proof(self, index: int, size: int) -> list[bytes]:
        """RFC 6962 §2.1.1 ``PATH(index, D[0:size])``, bottom up."""
        self._check(size)
        if not 0 <= index < size:
            raise ValueError(f"leaf {index} is not in a tree of {size} leaves")
        return self._path(index, 0, size)

    def consistency_proof(self, old_size: int, size: int) -> list[bytes]:
        """RFC 6962 §2.1.2 ``PROOF(old_size, D[0:size])`` (empty when ``old_size`` is 0 or ``size``)."""
        self._check(size)
        if not 0 <= old_size <= size:
            raise ValueError(f"no consistency proof from {old_size} to {size} leaves")
        if old_size in (0, size):
            return []
        return self._subproof(old_size, 0, size, True)

    def _check(self, size: int) -> None:
        if not 0 <= size <= self.size:
            raise ValueError(f"the tree holds {self.size} leaves, not {size}")

    def _subtree(self, lo: int, hi: int) -> bytes:
        n = hi - lo
        if n & (n - 1) == 0 and lo % n == 0:
            return self.levels[n.bit_length() - 1][lo // n]
        k = split(n)
        return node_hash(self._subtree(lo, lo + k), self._subtree(lo + k, hi))

    def _path(self, m: int, lo: int, hi: int) -> list[bytes]:
        n = hi - lo
        if n == 1:
            return []
        k = split(n)
        if m < k:
            return [*self._path(m, lo, lo + k), self._subtree(lo + k, hi)]
        return [*self._path(m - k, lo + k, hi), self._subtree(lo, lo + k)]

    def _subproof(self, m: int, lo: int, hi: int, whole: bool) -> list[bytes]:
        n = hi - lo
        if m == n:
            return [] if whole else [self._subtree(lo, hi)]
        k = split(n)
        if m <= k:
            return [*self._subproof(m, lo, lo + k, whole), self._subtree(lo + k, hi)]
        return [*self._subproof(m - k, lo + k, hi, False), self._subtree(lo, lo + k)]


def verify_inclusion(leaf: bytes, index: int, size: int, proof: Sequence[bytes], root: bytes) -> bool:
    """Check an audit path (RFC 9162 §2.1.3.2): does ``leaf`` sit at ``index`` of the tree ``root``?"""
    if not 0 <= index < size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root


def verify_consistency(
    old_size: int, size: int, old_root: bytes, root: bytes, proof: Sequence[bytes]
) -> bool:
    """Check a consistency proof (RFC 9162 §2.1.4.2): is tree ``old_root`` a prefix of tree ``root``?"""
    if not 0 <= old_size <= size:
        return False
    if old_size == size:
        return not proof and old_root == root
    if old_size == 0:
        return not proof and old_root == EMPTY_ROOT
    path = list(proof)
    if old_size & (old_size - 1) == 0:
        path.insert(0, old_root)
    if not path:
        return False
    fn, sn = old_size - 1, size - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and fr == old_root and sr == root
