"""Signed tree heads: what the gateway signs about its trail, with an Ed25519 key kept outside the database.

A head says "the trail held ``tree_size`` records whose Merkle root is ``root_hash``
at ``timestamp``". The signed bytes are ``iag-gateway audit tree head v1\\n<size>\\n
<root hex>\\n<timestamp>\\n``: a fixed text form, so an outside verifier can rebuild
them with a few lines. ``key_id`` is the first 16 hex digits of SHA-256 over the raw
32-byte public key. The private key is a PKCS#8 PEM file (``IAG_AUDIT_SIGNING_KEY_FILE``)
or the same PEM in ``IAG_AUDIT_SIGNING_KEY``; the public key, a SubjectPublicKeyInfo
PEM, is published with the deployment and handed to ``audit verify --public-key``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from iag_gateway.errors import ConfigError

HEAD_DOMAIN = "iag-gateway audit tree head v1"


@dataclass(frozen=True)
class TreeHead:
    """The trail's state at one instant: record count, Merkle root (hex), UTC timestamp."""

    tree_size: int
    root_hash: str
    timestamp: str

    def message(self) -> bytes:
        """The exact bytes signed."""
        return f"{HEAD_DOMAIN}\n{self.tree_size}\n{self.root_hash}\n{self.timestamp}\n".encode("ascii")


@dataclass(frozen=True)
class SignedHead:
    """A tree head, the id of the key that signed it and the Ed25519 signature (base64)."""

    head: TreeHead
    key_id: str
    signature: str

    def to_json(self) -> str:
        """One JSON line, as written to the heads export."""
        doc = {
            "tree_size": self.head.tree_size,
            "root_hash": self.head.root_hash,
            "timestamp": self.head.timestamp,
            "key_id": self.key_id,
            "signature": self.signature,
        }
        return json.dumps(doc, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, line: str) -> SignedHead:
        """Parse one export line; raise ``ValueError`` naming what is wrong."""
        try:
            doc: Any = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"not JSON ({exc.msg})") from exc
        if not isinstance(doc, dict):
            raise ValueError("not a JSON object")
        fields = {"tree_size": int, "root_hash": str, "timestamp": str, "key_id": str, "signature": str}
        for name, kind in fields.items():
            value = doc.get(name)
            if not isinstance(value, kind) or isinstance(value, bool):
                raise ValueError(f"field {name!r} is missing or not a {kind.__name__}")
        if doc["tree_size"] < 0 or len(doc["root_hash"]) != 64:
            raise ValueError("tree_size or root_hash out of range")
        head = TreeHead(doc["tree_size"], doc["root_hash"], doc["timestamp"])
        return cls(head, doc["key_id"], doc["signature"])


def key_id(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


class HeadKey:
    """The gateway's signing key (private: never stored in the database, never logged)."""

    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        self._private = private_key
        self.public_key = private_key.public_key()
        self.key_id = key_id(self.public_key)

    def sign(self, head: TreeHead) -> SignedHead:
        signature = self._private.sign(head.message())
        return SignedHead(head, self.key_id, base64.b64encode(signature).decode("ascii"))

    def public_pem(self) -> bytes:
        return public_pem(self.public_key)

    @classmethod
    def generate(cls) -> HeadKey:
        return cls(Ed25519PrivateKey.generate())

    def private_pem(self) -> bytes:
        return self._private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )

    @classmethod
    def from_pem(cls, pem: bytes, where: str) -> HeadKey:
        """Load a PKCS#8 PEM Ed25519 key; raise ``ConfigError`` naming ``where`` otherwise."""
        try:
            key = serialization.load_pem_private_key(pem, password=None)
        except (ValueError, TypeError) as exc:
            raise ConfigError(where, "not a PEM private key without password") from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise ConfigError(where, "the audit signing key must be an Ed25519 key")
        return cls(key)


def public_pem(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def load_public_key(path: Path) -> Ed25519PublicKey:
    """Read a published public key (PEM); raise ``ConfigError`` naming the file otherwise."""
    try:
        key = serialization.load_pem_public_key(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise ConfigError(str(path), "not a readable PEM public key") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise ConfigError(str(path), "the audit public key must be an Ed25519 key")
    return key


def signature_valid(signed: SignedHead, public_key: Ed25519PublicKey) -> bool:
    """Say whether ``signed`` was signed by ``public_key`` (key id and signature both)."""
    if signed.key_id != key_id(public_key):
        return False
    try:
        public_key.verify(base64.b64decode(signed.signature, validate=True), signed.head.message())
    except (InvalidSignature, ValueError):
        return False
    return True


def write_key_pair(path: Path) -> HeadKey:
    """Create a key pair: private key at ``path`` (mode 0600, never overwritten), public at ``path.pub``."""
    key = HeadKey.generate()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(key.private_pem())
    Path(str(path) + ".pub").write_bytes(key.public_pem())
    return key
