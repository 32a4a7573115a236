"""Keep, list, mark reviewed and purge authors' projects (SQLite or PostgreSQL).

Every read takes the author's user id: there is no query that returns another person's
project text. Database failures become ``AuditUnavailable`` (the page answers 503).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from iag_gateway.errors import AuditUnavailable
from iag_gateway.projects.models import PROJECT_TABLE, Project
from iag_gateway.storage.types import utc_now

#: The list shows at most this many projects (newest first).
LIST_LIMIT = 200


class ProjectStore:
    """Authors' projects in the database behind ``engine``."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def save(
        self,
        *,
        user_id: str,
        template_id: str,
        template_title: str,
        template_version: str,
        request_id: str,
        inputs: dict[str, str],
        answer: str,
    ) -> Project:
        """Keep one generation for its author; return it."""
        row: dict[str, Any] = {
            "project_id": secrets.token_hex(16),
            "user_id": user_id,
            "template_id": template_id,
            "template_title": template_title,
            "template_version": template_version,
            "request_id": request_id,
            "inputs": inputs,
            "answer": answer,
            "created_at": utc_now(),
            "reviewed_at": None,
            "reviewed_by": None,
        }
        with self._transaction() as conn:
            conn.execute(sa.insert(PROJECT_TABLE), row)
        return Project(**row)

    def list_for(self, user_id: str) -> list[Project]:
        """The author's projects, newest first."""
        stmt = (
            sa.select(PROJECT_TABLE)
            .where(PROJECT_TABLE.c.user_id == user_id)
            .order_by(PROJECT_TABLE.c.created_at.desc())
            .limit(LIST_LIMIT)
        )
        with self._transaction() as conn:
            return [Project(**dict(r)) for r in conn.execute(stmt).mappings()]

    def get(self, user_id: str, project_id: str) -> Project | None:
        """One of the author's projects by its id; ``None`` if it is not theirs or gone."""
        return self._one(PROJECT_TABLE.c.project_id == project_id, user_id)

    def by_request(self, user_id: str, request_id: str) -> Project | None:
        """One of the author's projects by the request that produced it."""
        return self._one(PROJECT_TABLE.c.request_id == request_id, user_id)

    def mark_reviewed(self, user_id: str, request_id: str, at: datetime | None = None) -> bool:
        """Record that the author acknowledged the review; ``False`` if no such project."""
        stmt = (
            sa.update(PROJECT_TABLE)
            .where(PROJECT_TABLE.c.request_id == request_id, PROJECT_TABLE.c.user_id == user_id)
            .values(reviewed_at=at or utc_now(), reviewed_by=user_id)
        )
        with self._transaction() as conn:
            return conn.execute(stmt).rowcount > 0

    def purge(self, before: datetime) -> int:
        """Delete every project written before ``before`` (UTC-aware); return how many."""
        stmt = sa.delete(PROJECT_TABLE).where(PROJECT_TABLE.c.created_at < before)
        with self._transaction() as conn:
            return int(conn.execute(stmt).rowcount)

    def _one(self, condition: sa.ColumnElement[bool], user_id: str) -> Project | None:
        stmt = sa.select(PROJECT_TABLE).where(condition, PROJECT_TABLE.c.user_id == user_id)
        with self._transaction() as conn:
            row = conn.execute(stmt).mappings().one_or_none()
        return None if row is None else Project(**dict(row))

    @contextmanager
    def _transaction(self) -> Iterator[sa.Connection]:
        try:
            with self._engine.begin() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise AuditUnavailable("Registre des projets indisponible.") from exc
