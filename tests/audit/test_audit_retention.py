"""Retention: texts cleared and old records purged behind a checkpoint, the chain still verifying."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from iag_gateway.audit.chain import VerifyResult, chain_hash, verify
from iag_gateway.audit.models import (
    AUDIT_CHAIN_HEAD_TABLE,
    AUDIT_CHECKPOINT_TABLE,
    AUDIT_EVENT_TABLE,
    GENESIS_HASH,
    AuditEntry,
    AuditEvent,
)
from iag_gateway.audit.retention import PURGE_ROUTE
from iag_gateway.audit.store import AuditStore
from iag_gateway.cli import main
from iag_gateway.errors import AuditUnavailable
from iag_gateway.storage.engine import make_engine
from iag_gateway.storage.migrate import current_revision, head_revision, upgrade
from iag_gateway.storage.testing import sqlite_url
from iag_gateway.storage.types import utc_now
from tests.audit.audit_helpers import make_entry

EVENTS = AUDIT_EVENT_TABLE
CHECKPOINTS = AUDIT_CHECKPOINT_TABLE


def with_text(n: int) -> AuditEntry:
    """An entry whose redacted texts were stored (they match make_entry's digests)."""
    return make_entry(n, prompt_text=f"prompt {n}", response_text=f"response {n}")


@pytest.fixture
def store(engine: Engine) -> AuditStore:
    return AuditStore(engine)


@pytest.fixture
def events(store: AuditStore) -> list[AuditEvent]:
    return [store.append(with_text(i)) for i in range(1, 11)]


def _rows(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(sa.select(EVENTS).order_by(EVENTS.c.seq)).mappings()]


def _checkpoints(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(sa.select(CHECKPOINTS).order_by(CHECKPOINTS.c.id)).mappings()]


def _sql(engine: Engine, statement: str, **params: object) -> None:
    with engine.begin() as conn:
        conn.execute(sa.text(statement), params)


def _age(engine: Engine, days_by_seq: dict[int, int]) -> None:
    """Make records look ``days`` old, re-chaining the trail as if they had been written then."""
    with engine.begin() as conn:
        rows = [dict(r) for r in conn.execute(sa.select(EVENTS).order_by(EVENTS.c.seq)).mappings()]
        prev = GENESIS_HASH
        for row in rows:
            if row["seq"] in days_by_seq:
                row["created_at"] = row["created_at"] - timedelta(days=days_by_seq[row["seq"]])
            row["prev_hash"], row["hash"] = prev, chain_hash(prev, row)
            conn.execute(sa.update(EVENTS).where(EVENTS.c.seq == row["seq"]).values(row))
            prev = row["hash"]
        conn.execute(sa.update(AUDIT_CHAIN_HEAD_TABLE).values(hash=prev))


def _assert_ok(result: VerifyResult) -> None:
    assert result.ok, (result.first_bad_seq, result.reason)


def test_when_texts_older_than_cutoff_then_cleared_and_chain_verifies(
    store: AuditStore, engine: Engine, events: list[AuditEvent]
) -> None:
    report = store.purge(metadata_before=None, text_before=events[3].created_at)

    assert (report.texts_cleared, report.records_deleted, report.audit_seq) == (3, 0, 11)
    rows = _rows(engine)
    assert [r["prompt_text"] is None and r["response_text"] is None for r in rows[:10]] == [True] * 3 + [
        False
    ] * 7
    assert all(r["prompt_digest"] and r["response_digest"] for r in rows[:10])
    assert [r["hash"] for r in rows[:10]] == [e.hash for e in events]
    assert rows[10]["route"] == PURGE_ROUTE and rows[10]["extra"]["texts_cleared"] == 3
    _assert_ok(verify(engine, batch=4))
    assert _checkpoints(engine) == []


@pytest.mark.parametrize("column", ["prompt_text", "response_text"])
def test_when_cleared_text_is_forged_then_verify_names_the_record(
    store: AuditStore, engine: Engine, events: list[AuditEvent], column: str
) -> None:
    store.purge(metadata_before=None, text_before=events[3].created_at)
    _sql(engine, f"UPDATE audit_event SET {column} = 'texte inventé' WHERE seq = 2")

    result = verify(engine, batch=4)
    assert not result.ok
    assert result.first_bad_seq == 2
    assert "altered" in result.reason and column in result.reason


def test_when_text_added_to_a_record_without_digest_then_verify_names_it(
    store: AuditStore, engine: Engine
) -> None:
    store.append(make_entry(1))
    store.append(make_entry(2, prompt_digest=None, response_digest=None))
    _sql(engine, "UPDATE audit_event SET prompt_text = 'ajout' WHERE seq = 2")
    assert verify(engine).first_bad_seq == 2


def test_when_records_older_than_cutoff_then_purged_behind_a_checkpoint_and_chain_verifies(
    store: AuditStore, engine: Engine, events: list[AuditEvent]
) -> None:
    report = store.purge(metadata_before=events[4].created_at, text_before=None, batch=3)

    assert (report.records_deleted, report.purged_through_seq) == (4, 4)
    assert report.anchor_hash == events[3].hash
    assert [r["seq"] for r in _rows(engine)] == [5, 6, 7, 8, 9, 10, 11]
    [checkpoint] = _checkpoints(engine)
    assert (checkpoint["purged_through_seq"], checkpoint["anchor_hash"]) == (4, events[3].hash)
    assert checkpoint["purged_count"] == 4 and checkpoint["reason"] == "retention"
    purge_record = _rows(engine)[-1]
    assert purge_record["route"] == PURGE_ROUTE and purge_record["outcome"] == "ok"
    assert purge_record["extra"]["records_deleted"] == 4
    assert purge_record["extra"]["purged_through_seq"] == 4
    assert purge_record["extra"]["anchor_hash"] == events[3].hash
    result = verify(engine, batch=2)
    _assert_ok(result)
    assert (result.checked, result.checkpoint_seq) == (7, 4)


def test_when_every_record_is_older_than_cutoff_then_all_go_and_chain_verifies(
    store: AuditStore, engine: Engine, events: list[AuditEvent]
) -> None:
    report = store.purge(metadata_before=utc_now(), text_before=utc_now(), batch=4)
    assert (report.records_deleted, report.purged_through_seq, report.texts_cleared) == (10, 10, 0)
    assert [r["seq"] for r in _rows(engine)] == [11]
    _assert_ok(verify(engine))


def test_when_a_newer_record_precedes_older_ones_then_purge_stops_there(
    store: AuditStore, engine: Engine, events: list[AuditEvent]
) -> None:
    # Records go in seq order only, even when a clock step made a later one look older.
    _age(engine, {4: 2})
    report = store.purge(metadata_before=events[2].created_at, text_before=None)
    assert (report.records_deleted, report.purged_through_seq) == (2, 2)
    assert [r["seq"] for r in _rows(engine)][:2] == [3, 4]
    _assert_ok(verify(engine))


def test_when_oldest_rows_deleted_without_checkpoint_then_verify_reports_them(
    store: AuditStore, engine: Engine, events: list[AuditEvent]
) -> None:
    _sql(engine, "DELETE FROM audit_event WHERE seq <= 2")
    result = verify(engine)
    assert not result.ok
    assert result.first_bad_seq == 1 and "missing" in result.reason


def test_when_rows_after_a_checkpoint_deleted_without_a_new_one_then_verify_reports_them(
    store: AuditStore, engine: Engine, events: list[AuditEvent]
) -> None:
    store.purge(metadata_before=events[4].created_at, text_before=None)
    _sql(engine, "DELETE FROM audit_event WHERE seq <= 6")
    result = verify(engine)
    assert not result.ok
    assert result.first_bad_seq == 5 and "missing" in result.reason


def test_when_checkpoint_anchor_is_rewritten_then_verify_names_the_first_remaining_record(
    store: AuditStore, engine: Engine, events: list[AuditEvent]
) -> None:
    store.purge(metadata_before=events[4].created_at, text_before=None)
    _sql(engine, "UPDATE audit_checkpoint SET anchor_hash = :h", h="f" * 64)
    assert verify(engine).first_bad_seq == 5


def test_when_chain_is_broken_then_purge_refuses_and_changes_nothing(
    store: AuditStore, engine: Engine, events: list[AuditEvent]
) -> None:
    _sql(engine, "UPDATE audit_event SET user_id = 'mallory' WHERE seq = 2")
    before = _rows(engine)
    with pytest.raises(AuditUnavailable, match="record 2 was altered"):
        store.purge(metadata_before=events[4].created_at, text_before=None)
    _sql(engine, "UPDATE audit_event SET prompt_text = 'faux' WHERE seq = 7")
    with pytest.raises(AuditUnavailable, match="record 7 was altered"):
        store.purge(metadata_before=None, text_before=utc_now())
    after = _rows(engine)
    assert [r["seq"] for r in after] == [r["seq"] for r in before]
    assert [r["prompt_text"] for r in after[:6]] == [r["prompt_text"] for r in before[:6]]
    assert _checkpoints(engine) == []


def test_when_purged_twice_with_the_same_cutoffs_then_the_second_does_nothing(
    store: AuditStore, engine: Engine, events: list[AuditEvent]
) -> None:
    cutoffs = {"metadata_before": events[4].created_at, "text_before": events[7].created_at}
    first = store.purge(**cutoffs)
    rows, head = _rows(engine), store.head()

    second = store.purge(**cutoffs)
    assert (first.records_deleted, first.texts_cleared) == (4, 3)
    assert (second.records_deleted, second.texts_cleared, second.audit_seq) == (0, 0, None)
    assert (_rows(engine), store.head()) == (rows, head)
    assert len(_checkpoints(engine)) == 1
    _assert_ok(verify(engine))


def test_when_purged_in_two_runs_then_verify_starts_at_the_latest_checkpoint(
    store: AuditStore, engine: Engine, events: list[AuditEvent]
) -> None:
    store.purge(metadata_before=events[2].created_at, text_before=None)
    store.purge(metadata_before=events[6].created_at, text_before=None)
    assert [c["purged_through_seq"] for c in _checkpoints(engine)] == [2, 6]
    result = verify(engine)
    _assert_ok(result)
    assert result.checkpoint_seq == 6


def test_when_dry_run_then_nothing_changes_and_counts_match_the_real_purge(
    store: AuditStore, engine: Engine, events: list[AuditEvent]
) -> None:
    cutoffs = {"metadata_before": events[4].created_at, "text_before": events[7].created_at}
    rows, head = _rows(engine), store.head()

    preview = store.purge(**cutoffs, dry_run=True)
    assert (_rows(engine), store.head(), _checkpoints(engine)) == (rows, head, [])
    assert preview.dry_run and preview.audit_seq is None
    done = store.purge(**cutoffs)
    assert (preview.records_deleted, preview.purged_through_seq, preview.texts_cleared) == (
        done.records_deleted,
        done.purged_through_seq,
        done.texts_cleared,
    )
    assert (done.records_deleted, done.texts_cleared) == (4, 3)


def test_when_purging_while_threads_append_and_verify_then_chain_stays_valid(
    store: AuditStore, engine: Engine
) -> None:
    for i in range(30):
        store.append(with_text(i))
    writers_done = threading.Event()

    def write(worker: int) -> None:
        for i in range(40):
            store.append(with_text(worker * 1000 + i))

    def check() -> list[VerifyResult]:
        results = []
        while not writers_done.is_set():
            results.append(verify(engine, batch=7))
        return results

    reports = []
    with ThreadPoolExecutor(max_workers=4) as pool:
        checking = pool.submit(check)
        writers = [pool.submit(write, worker) for worker in (1, 2, 3)]
        while not all(w.done() for w in writers):
            now = utc_now()
            reports.append(store.purge(metadata_before=now, text_before=now, batch=5))
        writers_done.set()
        for writer in writers:
            writer.result()
        verified = checking.result()
    reports.append(store.purge(metadata_before=utc_now(), text_before=utc_now(), batch=5))

    bad = [(r.first_bad_seq, r.reason) for r in verified if not r.ok]
    assert bad == []
    _assert_ok(verify(engine))
    purge_records = sum(1 for r in reports if r.audit_seq is not None)
    remaining = len(_rows(engine))
    assert sum(r.records_deleted for r in reports) + remaining == 30 + 3 * 40 + purge_records
    assert store.head()[0] == 30 + 3 * 40 + purge_records


def test_when_a_0001_database_is_upgraded_then_0002_adds_the_checkpoint_table(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        upgrade(engine, "0001")
        assert "audit_checkpoint" not in sa.inspect(engine).get_table_names()
        store = AuditStore(engine)
        events = [store.append(with_text(i)) for i in range(5)]

        upgrade(engine)  # 0002 adds the checkpoints; later revisions (purged leaves) ride along
        assert current_revision(engine) == head_revision()
        _assert_ok(verify(engine))
        report = store.purge(metadata_before=events[2].created_at, text_before=None)
        assert report.records_deleted == 2
        _assert_ok(verify(engine))
        _assert_schema_matches_model(engine)
    finally:
        engine.dispose()


def _assert_schema_matches_model(engine: Engine) -> None:
    metadata = sa.MetaData()
    SQLModel.metadata.tables["audit_checkpoint"].to_metadata(metadata)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_name": lambda name, kind, _p: kind != "table" or name == "audit_checkpoint",
            },
        )
        assert compare_metadata(context, metadata) == []


# --- the command line -------------------------------------------------------------------


@pytest.fixture
def cli_db(tmp_path: Path) -> Iterator[tuple[str, Engine]]:
    url = sqlite_url(tmp_path / "cli.db")
    engine = make_engine(url)
    upgrade(engine)
    yield url, engine
    engine.dispose()


def test_when_audit_purge_runs_then_it_applies_the_policy_cutoffs(cli_db: tuple[str, Engine]) -> None:
    url, engine = cli_db
    store = AuditStore(engine)
    for i in range(4):
        store.append(with_text(i))
    _age(engine, {1: 400, 2: 370, 3: 40})  # policy.yaml: metadata 365 days, redacted text 30 days
    _assert_ok(verify(engine))
    rows = _rows(engine)
    runner = CliRunner()
    env = {"IAG_DATABASE_URL": url}

    preview = runner.invoke(main, ["audit", "purge", "--dry-run"], env=env)
    assert preview.exit_code == 0, preview.output
    assert "would delete 2 records" in preview.output and "through seq=2" in preview.output
    assert "would clear the texts of 1 records" in preview.output
    assert _rows(engine) == rows

    done = runner.invoke(main, ["audit", "purge"], env=env)
    assert done.exit_code == 0, done.output
    assert "deleted 2 records" in done.output and "cleared the texts of 1 records" in done.output
    assert "purge recorded as seq=5" in done.output
    assert [(r["seq"], r["prompt_text"] is None) for r in _rows(engine)] == [(3, True), (4, False), (5, True)]
    [checkpoint] = _checkpoints(engine)
    assert checkpoint["reason"].startswith("audit-retention (policy ")
    intact = runner.invoke(main, ["audit", "verify"], env=env)
    assert intact.exit_code == 0 and "intact (3 records)" in intact.output

    again = runner.invoke(main, ["audit", "purge"], env=env)
    assert "deleted 0 records" in again.output and "recorded" not in again.output


def test_when_cutoff_is_naive_then_purge_refuses(store: AuditStore) -> None:
    with pytest.raises(ValueError, match="aware"):
        store.purge(metadata_before=datetime(2020, 1, 1), text_before=None)
