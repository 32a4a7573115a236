"""Tables for API keys and training records, and the key summary shown to admins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from iag_gateway.storage.types import UtcDateTime, utc_now


class ApiKey(SQLModel, table=True):
    """One API key. Only a salted hash of its secret is kept; the plaintext is shown once."""

    __tablename__ = "api_key"

    key_id: str = Field(sa_column=sa.Column(sa.String(32), primary_key=True))
    user_id: str = Field(sa_column=sa.Column(sa.String(), nullable=False, index=True))
    department: str = Field(sa_column=sa.Column(sa.String(), nullable=False))
    roles: list[str] = Field(sa_column=sa.Column(sa.JSON(), nullable=False))
    label: str = Field(default="", sa_column=sa.Column(sa.String(), nullable=False))
    salt: str = Field(sa_column=sa.Column(sa.String(64), nullable=False))
    secret_hash: str = Field(sa_column=sa.Column(sa.String(64), nullable=False))
    created_at: datetime = Field(sa_column=sa.Column(UtcDateTime(), nullable=False))
    revoked_at: datetime | None = Field(default=None, sa_column=sa.Column(UtcDateTime(), nullable=True))
    expires_at: datetime | None = Field(default=None, sa_column=sa.Column(UtcDateTime(), nullable=True))


class TrainingRecord(SQLModel, table=True):
    """A user's completed AI-literacy training (AI Act art. 4); one row per user."""

    __tablename__ = "training_record"

    user_id: str = Field(sa_column=sa.Column(sa.String(), primary_key=True))
    course: str = Field(sa_column=sa.Column(sa.String(), nullable=False))
    completed_on: date = Field(sa_column=sa.Column(sa.Date(), nullable=False))


API_KEY_TABLE: sa.Table = SQLModel.metadata.tables["api_key"]
TRAINING_TABLE: sa.Table = SQLModel.metadata.tables["training_record"]


@dataclass(frozen=True)
class ApiKeyInfo:
    """What may be shown about a key: everything but its hash and salt."""

    key_id: str
    user_id: str
    department: str
    roles: frozenset[str]
    label: str
    created_at: datetime
    revoked_at: datetime | None
    expires_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None and not self.expired

    @property
    def expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= utc_now()
