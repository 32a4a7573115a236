"""The feedback table: one row per answered call, given by the person who made the call."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from iag_gateway.storage.types import UtcDateTime

#: Upper bound of « temps gagné estimé » (minutes): a working day.
MAX_MINUTES_SAVED = 8 * 60
#: Longest comment kept (characters), after pseudonymisation.
MAX_COMMENT = 2000


class Feedback(SQLModel, table=True):
    """« Utile / pas utile » for one call, an optional pseudonymised comment and minutes saved.

    ``template_id``, ``model_alias`` and ``department`` are copied from the call's audit
    record so that rates per template are one ``GROUP BY`` away. ``comment`` is the
    *pseudonymised* text (names, phones… replaced by placeholders), never the typed one.
    """

    __tablename__ = "feedback"

    id: int | None = Field(default=None, sa_column=sa.Column(sa.Integer(), primary_key=True))
    created_at: datetime = Field(sa_column=sa.Column(UtcDateTime(), nullable=False, index=True))
    request_id: str = Field(sa_column=sa.Column(sa.String(), nullable=False, unique=True))
    user_id: str = Field(sa_column=sa.Column(sa.String(), nullable=False))
    department: str | None = Field(default=None, sa_column=sa.Column(sa.String(), nullable=True))
    template_id: str | None = Field(default=None, sa_column=sa.Column(sa.String(), nullable=True, index=True))
    model_alias: str | None = Field(default=None, sa_column=sa.Column(sa.String(), nullable=True))
    useful: bool = Field(sa_column=sa.Column(sa.Boolean(), nullable=False))
    comment: str | None = Field(default=None, sa_column=sa.Column(sa.Text(), nullable=True))
    comment_pii_counts: dict[str, Any] = Field(
        default_factory=dict, sa_column=sa.Column(sa.JSON(), nullable=False)
    )
    minutes_saved: int | None = Field(default=None, sa_column=sa.Column(sa.Integer(), nullable=True))


FEEDBACK_TABLE: sa.Table = SQLModel.metadata.tables["feedback"]
