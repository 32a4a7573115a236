"""The project table and what a page may show of one project.

The stored text is the text the author saw: inputs and answer as restored for them (not
the pseudonymised form sent to the model). It is personal data kept in the hospital's
own database, readable only by its author through « Mes projets », never written to the
audit trail (which keeps digests and metadata), and purged after the retention period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from iag_gateway.storage.types import UtcDateTime


class ProjectRow(SQLModel, table=True):
    """One generation kept for its author."""

    __tablename__ = "project"

    project_id: str = Field(sa_column=sa.Column(sa.String(32), primary_key=True))
    user_id: str = Field(sa_column=sa.Column(sa.String(), nullable=False, index=True))
    template_id: str = Field(sa_column=sa.Column(sa.String(), nullable=False))
    template_title: str = Field(sa_column=sa.Column(sa.String(), nullable=False))
    template_version: str = Field(sa_column=sa.Column(sa.String(), nullable=False))
    request_id: str = Field(sa_column=sa.Column(sa.String(64), nullable=False, index=True, unique=True))
    inputs: dict[str, str] = Field(sa_column=sa.Column(sa.JSON(), nullable=False))
    answer: str = Field(sa_column=sa.Column(sa.Text(), nullable=False))
    created_at: datetime = Field(sa_column=sa.Column(UtcDateTime(), nullable=False, index=True))
    reviewed_at: datetime | None = Field(default=None, sa_column=sa.Column(UtcDateTime(), nullable=True))
    reviewed_by: str | None = Field(default=None, sa_column=sa.Column(sa.String(), nullable=True))


PROJECT_TABLE: sa.Table = SQLModel.metadata.tables["project"]


@dataclass(frozen=True)
class Project:
    """One project as its author sees it."""

    project_id: str
    user_id: str
    template_id: str
    template_title: str
    template_version: str
    request_id: str
    inputs: dict[str, str]
    answer: str
    created_at: datetime
    reviewed_at: datetime | None
    reviewed_by: str | None

    @property
    def reviewed(self) -> bool:
        return self.reviewed_at is not None
