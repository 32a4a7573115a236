"""PostgreSQL: the gateway's role may only insert into the audit tables; retention runs as its own role.

Its other tables get the least the gateway needs too (template versions, projects).

Runs against the real server, in a private schema, with the session role switched
to the group roles that migration 0005 creates (``-c role=...`` at connection).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ProgrammingError

from iag_gateway.audit.heads import HeadSigner, JsonlHeadSink, SigningSchedule
from iag_gateway.audit.heads_verify import verify_heads
from iag_gateway.audit.signing import HeadKey
from iag_gateway.audit.store import AuditStore
from iag_gateway.errors import AuditUnavailable
from iag_gateway.projects.store import ProjectStore
from iag_gateway.prompts.versions import TemplateVersion, TemplateVersionStore
from iag_gateway.storage.engine import make_engine
from iag_gateway.storage.migrate import upgrade
from iag_gateway.storage.types import utc_now
from tests.audit.audit_helpers import make_entry

pytestmark = pytest.mark.postgres


def _as_role(url: str, role: str) -> Engine:
    parsed = make_url(url)
    query = dict(parsed.query)
    query["options"] = f"{query['options']} -crole={role}"
    return make_engine(parsed.set(query=query).render_as_string(hide_password=False))


@pytest.fixture
def roles(pg_url: str) -> Iterator[tuple[Engine, Engine, Engine]]:
    owner = make_engine(pg_url)
    upgrade(owner)
    app, purger = _as_role(pg_url, "iag_gateway_app"), _as_role(pg_url, "iag_audit_purge")
    yield owner, app, purger
    for engine in (owner, app, purger):
        engine.dispose()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_event SET user_id = 'mallory' WHERE seq = 2",
        "DELETE FROM audit_event WHERE seq > 1",
        "TRUNCATE audit_event",
        "UPDATE audit_signed_head SET tree_size = 1",
        "DELETE FROM audit_signed_head",
        "INSERT INTO audit_checkpoint (purged_through_seq, anchor_hash, purged_at, purged_count, reason) "
        "VALUES (1, 'x', now(), 1, 'forged')",
        "INSERT INTO audit_purged_leaf (seq, created_at, hash) VALUES (99, now(), 'x')",
        "DELETE FROM audit_purged_leaf",
    ],
)
def test_when_gateway_role_rewrites_the_trail_then_postgres_refuses(
    roles: tuple[Engine, Engine, Engine], tmp_path: Path, statement: str
) -> None:
    _owner, app, _purger = roles
    upgrade(app)  # at head already: the gateway's startup check works under its role
    store = AuditStore(app)
    for i in range(3):
        store.append(make_entry(i))
    signer = HeadSigner(store, HeadKey.generate(), [JsonlHeadSink(tmp_path / "h.jsonl")], SigningSchedule())
    assert signer.sign() is not None
    with pytest.raises(ProgrammingError, match="permission denied"), app.begin() as conn:
        conn.execute(sa.text(statement))


def test_when_retention_runs_then_only_the_purge_role_may_delete(
    roles: tuple[Engine, Engine, Engine], tmp_path: Path
) -> None:
    owner, app, purger = roles
    key = HeadKey.generate()
    heads = tmp_path / "heads.jsonl"
    store = AuditStore(app)
    signer = HeadSigner(
        store, key, [JsonlHeadSink(heads)], SigningSchedule(every_records=4), background=False
    )
    for i in range(6):
        store.append(make_entry(i))
    cutoff = utc_now()
    store.append(make_entry(6))
    with pytest.raises(AuditUnavailable):
        store.purge(metadata_before=cutoff, text_before=cutoff)
    report = AuditStore(purger).purge(metadata_before=cutoff, text_before=cutoff)
    assert report.records_deleted == 6 and report.audit_seq == 8
    assert signer.sign() is not None
    lines = heads.read_text().splitlines()
    result = verify_heads(owner, lines, key.public_key, metadata_days=0)
    assert result.ok, result.problem
    assert result.records == 8 and [h for h in lines if '"tree_size":4' in h]


def test_when_the_gateway_keeps_template_versions_and_projects_then_it_may_do_only_that(
    roles: tuple[Engine, Engine, Engine],
) -> None:
    _owner, app, _purger = roles
    versions = TemplateVersionStore(app)
    submitted = versions.add(
        TemplateVersion(
            row_id=0, template_id="note-achat", version="1.1.0", domain="achats", title="Note", origin="db",
            state="submitted", source="id: note-achat\n", source_digest="0" * 64, served_source=None,
            digest=None, diff="", diff_base=None, submitted_by="u1", submitted_at=utc_now(),
            decided_by=None, decided_at=None, comment=None,
        )
    )  # fmt: skip
    decided = versions.decide("note-achat", "1.1.0", state="approved", by="u2", comment="ok")
    assert decided is not None and decided.state == "approved" and submitted.row_id == decided.row_id
    assert [v.version for v in versions.history("note-achat")] == ["1.1.0"]
    projects = ProjectStore(app)
    project = projects.save(
        user_id="u1", template_id="note-achat", template_title="Note", template_version="1.1.0",
        request_id="req_0001", inputs={"objet": "x"}, answer="Réponse",
    )  # fmt: skip
    assert projects.mark_reviewed("u1", "req_0001")
    assert [p.project_id for p in projects.list_for("u1")] == [project.project_id]
    assert projects.purge(utc_now()) == 1
    for statement in (
        "UPDATE template_version SET source = 'x'",
        "DELETE FROM template_version",
        "UPDATE project SET answer = 'x'",
        "TRUNCATE project",
    ):
        with pytest.raises(ProgrammingError, match="permission denied"), app.begin() as conn:
            conn.execute(sa.text(statement))
