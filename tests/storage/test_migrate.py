from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from iag_gateway.audit.models import AUDIT_EVENT_TABLE
from iag_gateway.errors import AuditUnavailable
from iag_gateway.identity.models import API_KEY_TABLE
from iag_gateway.projects.models import PROJECT_TABLE
from iag_gateway.storage.engine import make_engine
from iag_gateway.storage.migrate import current_revision, head_revision, upgrade

OWN_TABLES = {
    "api_key",
    "training_record",
    "audit_event",
    "audit_chain_head",
    "audit_checkpoint",
    "audit_signed_head",
    "audit_purged_leaf",
    "template_version",
    "feedback",
    "project",
    "audit_rollup_state",
    "audit_rollup_call",
    "audit_rollup_user",
    "audit_rollup_rule",
    "audit_rollup_pii",
    "audit_rollup_review",
}


def test_when_upgraded_then_at_head_with_every_table(engine: Engine) -> None:
    assert current_revision(engine) == head_revision() == "0010"
    names = set(sa.inspect(engine).get_table_names())
    assert OWN_TABLES | {"quota_usage", "alembic_version"} <= names


def test_when_upgraded_twice_then_nothing_changes(engine: Engine) -> None:
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM audit_chain_head").scalar() == 1


def test_when_upgrade_given_a_url_then_it_migrates(db_url: str) -> None:
    upgrade(db_url)
    engine = make_engine(db_url)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_when_models_compared_with_migrated_schema_then_they_match(engine: Engine) -> None:
    assert {AUDIT_EVENT_TABLE.name, API_KEY_TABLE.name, PROJECT_TABLE.name} <= OWN_TABLES
    metadata = sa.MetaData()
    for name in OWN_TABLES:
        SQLModel.metadata.tables[name].to_metadata(metadata)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_name": lambda name, kind, _parent: kind != "table" or name in OWN_TABLES,
            },
        )
        diff = compare_metadata(context, metadata)
    assert diff == []


def test_when_quota_usage_created_then_shape_is_exactly_as_specified(engine: Engine) -> None:
    inspector = sa.inspect(engine)
    columns = {c["name"]: c for c in inspector.get_columns("quota_usage")}
    assert list(columns) == ["scope", "window", "requests", "tokens"]
    assert isinstance(columns["scope"]["type"], sa.String)
    assert columns["scope"]["type"].length == 200
    assert columns["window"]["type"].length == 40
    assert isinstance(columns["requests"]["type"], sa.Integer)
    assert isinstance(columns["tokens"]["type"], sa.BigInteger)
    assert not columns["requests"]["nullable"]
    assert not columns["tokens"]["nullable"]
    assert inspector.get_pk_constraint("quota_usage")["constrained_columns"] == ["scope", "window"]
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO quota_usage (scope, \"window\") VALUES ('user:u1', '2025-01-01')"))
        row = conn.execute(sa.text("SELECT requests, tokens FROM quota_usage")).one()
    assert tuple(row) == (0, 0)


def test_when_database_unreachable_then_upgrade_raises_audit_unavailable() -> None:
    engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/x", connect_timeout_s=1)
    with pytest.raises(AuditUnavailable, match="n'a pas pu être migré"):
        upgrade(engine)
    engine.dispose()


def test_when_database_at_unknown_revision_then_upgrade_refuses(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(AuditUnavailable, match="9999"):
        upgrade(engine)
