"""What one audit record holds: the entry a caller gives and the row the store keeps.

Never raw personal data: ``prompt_text`` and ``response_text`` are the *redacted*
texts, stored only when the deployment policy says so (the caller decides and
passes ``None`` otherwise); personal data appear only as entity counts by type.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from iag_gateway.storage.types import UtcDateTime

OUTCOMES: frozenset[str] = frozenset(
    {"ok", "denied", "rejected", "failed", "error", "unauthenticated", "cancelled", "in_flight"}
)
#: Outcome of the record written just before a provider is called; the call's final record
#: (same ``request_id``) follows. Append-only: the first record is never updated.
IN_FLIGHT = "in_flight"

#: Hash that the first record of the chain points back to.
GENESIS_HASH = "0" * 64


def digest_text(text: str) -> str:
    """Return the SHA-256 hex digest of ``text`` (UTF-8), as stored for prompts and responses."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(kw_only=True)
class AuditEntry:
    """The content of one audit record, as the gateway hands it to the store.

    ``created_at``, ``seq`` and the chain hashes are set by the store.
    """

    request_id: str
    route: str
    outcome: str
    user_id: str | None = None
    department: str | None = None
    roles: list[str] = field(default_factory=list)
    model_alias: str | None = None
    provider_model: str | None = None
    template_id: str | None = None
    template_version: str | None = None
    template_digest: str | None = None
    decision: str | None = None
    rules: list[dict[str, Any]] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    policy_version: str | None = None
    policy_digest: str | None = None
    pii_counts: dict[str, int] = field(default_factory=dict)
    response_pii_counts: dict[str, int] = field(default_factory=dict)
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    total_tokens: int | None = None
    latency_ms: float | None = None
    status_code: int | None = None
    error_type: str | None = None
    error_code: str | None = None
    streamed: bool = False
    prompt_digest: str | None = None
    response_digest: str | None = None
    prompt_text: str | None = None
    response_text: str | None = None
    ref_request_id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.request_id:
            raise ValueError("audit entry needs a request_id")
        if not self.route:
            raise ValueError("audit entry needs a route")
        if self.outcome not in OUTCOMES:
            raise ValueError(f"unknown audit outcome {self.outcome!r}; expected one of {sorted(OUTCOMES)}")

    def content(self) -> dict[str, Any]:
        """Return the fields as a plain dict (JSON values copied, latency rounded to the µs).

        Text that no UTF-8 encoder accepts (a lone surrogate) is replaced by U+FFFD, so
        that building a record never fails on what a caller or a provider sent.
        """
        values: dict[str, Any] = _encodable(vars(self))  # a copy: new dicts and lists all through
        if self.latency_ms is not None:
            # Rounded before storage so that the hashed value is exactly the stored one.
            values["latency_ms"] = round(float(self.latency_ms), 3)
        return values


def _encodable(value: Any) -> Any:
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8") if _has_surrogate(value) else value
    if isinstance(value, dict):
        return {_encodable(k): _encodable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_encodable(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_encodable(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _encodable(dataclasses.asdict(value))
    return value


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


#: Content fields in declaration order, as stored and exported.
CONTENT_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(AuditEntry))
#: Each redacted text and the digest that stands for it in the chain. Retention clears the
#: texts long before the record goes, so the hash commits to the digest, not the text.
TEXT_DIGESTS: tuple[tuple[str, str], ...] = (
    ("prompt_text", "prompt_digest"),
    ("response_text", "response_digest"),
)
#: Content fields the chain hash covers (plus seq and created_at): all but the texts.
HASHED_FIELDS: tuple[str, ...] = tuple(
    name for name in CONTENT_FIELDS if name not in {text for text, _digest in TEXT_DIGESTS}
)
JSON_FIELDS: frozenset[str] = frozenset(
    {"roles", "rules", "articles", "pii_counts", "response_pii_counts", "extra"}
)


def _text(*, nullable: bool = True, index: bool = False) -> Any:
    return Field(default=None, sa_column=sa.Column(sa.String(), nullable=nullable, index=index))


def _json() -> Any:
    return Field(default_factory=dict, sa_column=sa.Column(sa.JSON(), nullable=False))


class AuditEvent(SQLModel, table=True):
    """One persisted audit record, linked to the previous one by ``prev_hash``.

    ``hash = sha256(prev_hash || canonical(seq, created_at, content))`` (see ``chain``);
    the canonical content leaves out the redacted texts, which must match their digests.
    """

    __tablename__ = "audit_event"
    __table_args__ = (
        # The dashboard's scans read this index only (migration 0007).
        sa.Index(
            "ix_audit_event_dashboard",
            "created_at",
            "route",
            "outcome",
            "department",
            "template_id",
            "model_alias",
            "user_id",
            "prompt_tokens",
            "completion_tokens",
        ),
        sa.Index("ix_audit_event_user_time", "user_id", "created_at"),  # last activity per key holder
    )

    seq: int = Field(
        sa_column=sa.Column(
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=False
        )
    )
    created_at: datetime = Field(sa_column=sa.Column(UtcDateTime(), nullable=False, index=True))
    request_id: str = Field(sa_column=sa.Column(sa.String(), nullable=False, index=True))
    route: str = Field(sa_column=sa.Column(sa.String(), nullable=False))
    outcome: str = Field(sa_column=sa.Column(sa.String(20), nullable=False))
    user_id: str | None = _text(index=True)
    department: str | None = _text(index=True)
    roles: list[str] = Field(default_factory=list, sa_column=sa.Column(sa.JSON(), nullable=False))
    model_alias: str | None = _text()
    provider_model: str | None = _text()
    template_id: str | None = _text()
    template_version: str | None = _text()
    template_digest: str | None = _text()
    decision: str | None = _text()
    rules: list[dict[str, Any]] = Field(default_factory=list, sa_column=sa.Column(sa.JSON(), nullable=False))
    articles: list[str] = Field(default_factory=list, sa_column=sa.Column(sa.JSON(), nullable=False))
    policy_version: str | None = _text()
    policy_digest: str | None = _text()
    pii_counts: dict[str, int] = _json()
    response_pii_counts: dict[str, int] = _json()
    prompt_tokens: int | None = Field(default=None, sa_column=sa.Column(sa.Integer(), nullable=True))
    completion_tokens: int | None = Field(default=None, sa_column=sa.Column(sa.Integer(), nullable=True))
    total_tokens: int | None = Field(default=None, sa_column=sa.Column(sa.Integer(), nullable=True))
    latency_ms: float | None = Field(default=None, sa_column=sa.Column(sa.Float(), nullable=True))
    status_code: int | None = Field(default=None, sa_column=sa.Column(sa.Integer(), nullable=True))
    error_type: str | None = _text()
    error_code: str | None = _text()
    streamed: bool = Field(default=False, sa_column=sa.Column(sa.Boolean(), nullable=False))
    prompt_digest: str | None = _text()
    response_digest: str | None = _text()
    prompt_text: str | None = Field(default=None, sa_column=sa.Column(sa.Text(), nullable=True))
    response_text: str | None = Field(default=None, sa_column=sa.Column(sa.Text(), nullable=True))
    ref_request_id: str | None = _text(index=True)
    extra: dict[str, Any] = _json()
    prev_hash: str = Field(sa_column=sa.Column(sa.String(64), nullable=False))
    hash: str = Field(sa_column=sa.Column(sa.String(64), nullable=False))

    def public_dict(self) -> dict[str, Any]:
        """Return the record as a JSON-safe dict (timestamps in ISO 8601 UTC), for the API and exports."""
        return public_dict_from(self.model_dump())


class AuditChainHead(SQLModel, table=True):
    """The chain's last ``seq`` and ``hash`` (one row, ``id = 1``).

    Appends lock this row, which serialises writers across processes, and it lets
    ``verify`` notice records deleted from the end of the chain.
    """

    __tablename__ = "audit_chain_head"

    id: int = Field(sa_column=sa.Column(sa.Integer(), primary_key=True, autoincrement=False))
    seq: int = Field(sa_column=sa.Column(sa.BigInteger(), nullable=False))
    hash: str = Field(sa_column=sa.Column(sa.String(64), nullable=False))


class AuditCheckpoint(SQLModel, table=True):
    """Where the chain now starts after retention deleted its oldest records.

    ``verify`` begins at ``purged_through_seq + 1`` and expects that record's
    ``prev_hash`` to be ``anchor_hash`` (the hash of the last deleted record).
    Records deleted without a checkpoint still show as missing.
    """

    __tablename__ = "audit_checkpoint"

    id: int | None = Field(default=None, sa_column=sa.Column(sa.Integer(), primary_key=True))
    purged_through_seq: int = Field(sa_column=sa.Column(sa.BigInteger(), nullable=False))
    anchor_hash: str = Field(sa_column=sa.Column(sa.String(64), nullable=False))
    purged_at: datetime = Field(sa_column=sa.Column(UtcDateTime(), nullable=False))
    purged_count: int = Field(sa_column=sa.Column(sa.BigInteger(), nullable=False))
    reason: str = Field(sa_column=sa.Column(sa.String(), nullable=False))


#: Core handles on the tables, for the statements that skip the ORM (append, verify, purge).
AUDIT_EVENT_TABLE: sa.Table = SQLModel.metadata.tables["audit_event"]
AUDIT_CHAIN_HEAD_TABLE: sa.Table = SQLModel.metadata.tables["audit_chain_head"]
AUDIT_CHECKPOINT_TABLE: sa.Table = SQLModel.metadata.tables["audit_checkpoint"]

#: Column order used by exports and ``public_dict``.
PUBLIC_FIELDS: tuple[str, ...] = ("seq", "created_at", *CONTENT_FIELDS, "prev_hash", "hash")


def public_dict_from(values: dict[str, Any]) -> dict[str, Any]:
    """Shape a row's values as ``AuditEvent.public_dict`` does."""
    out = {name: values.get(name) for name in PUBLIC_FIELDS}
    created_at = out["created_at"]
    if isinstance(created_at, datetime):
        out["created_at"] = format_timestamp(created_at)
    return out


def format_timestamp(value: datetime) -> str:
    """Format an aware datetime as ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` in UTC (the hashed form)."""
    if value.tzinfo is None:
        raise ValueError("naive datetime in the audit trail")
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
