"""« Mes projets » storage on SQLite and PostgreSQL: author-only reads, review mark, retention purge."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from iag_gateway.projects.models import PROJECT_TABLE
from iag_gateway.projects.store import ProjectStore
from iag_gateway.storage.types import utc_now


def keep(store: ProjectStore, user_id: str, request_id: str) -> str:
    project = store.save(
        user_id=user_id,
        template_id="achats-cctp",
        template_title="CCTP",
        template_version="1.2.0",
        request_id=request_id,
        inputs={"objet": "Gants"},
        answer=f"Texte de {user_id}",
    )
    return project.project_id


def age(engine: Engine, project_id: str, days: float) -> None:
    with engine.begin() as conn:
        conn.execute(
            sa.update(PROJECT_TABLE)
            .where(PROJECT_TABLE.c.project_id == project_id)
            .values(created_at=utc_now() - timedelta(days=days))
        )


def test_when_another_person_asks_for_a_project_then_nothing_is_returned(engine: Engine) -> None:
    store = ProjectStore(engine)
    mine = keep(store, "alice", "req_a1")
    keep(store, "bob", "req_b1")
    assert store.get("alice", mine) is not None and store.get("bob", mine) is None
    assert store.by_request("bob", "req_a1") is None
    assert [p.user_id for p in store.list_for("bob")] == ["bob"]


def test_when_review_is_marked_then_only_the_authors_project_changes(engine: Engine) -> None:
    store = ProjectStore(engine)
    project_id = keep(store, "alice", "req_a2")
    assert not store.mark_reviewed("bob", "req_a2")
    assert store.mark_reviewed("alice", "req_a2")
    project = store.get("alice", project_id)
    assert project is not None and project.reviewed and project.reviewed_by == "alice"


def test_when_projects_are_older_than_the_retention_then_purged_and_younger_ones_kept(engine: Engine) -> None:
    store = ProjectStore(engine)
    old, edge, young = (
        keep(store, "alice", "req_o"),
        keep(store, "alice", "req_e"),
        keep(store, "alice", "req_y"),
    )
    age(engine, old, 31)
    age(engine, edge, 29.9)
    cutoff = utc_now() - timedelta(days=30)
    assert store.purge(before=cutoff) == 1
    assert {p.project_id for p in store.list_for("alice")} == {edge, young}
    assert store.purge(before=cutoff) == 0
