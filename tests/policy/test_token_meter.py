"""The token meter: calls finishing during a write share the next one; nothing is lost or counted twice."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event

from iag_gateway.policy import PolicySet
from iag_gateway.policy.quota_redis import RedisQuotaStore
from iag_gateway.policy.quota_stores import SqlQuotaStore, metadata
from iag_gateway.policy.quota_windows import window_for
from iag_gateway.policy.quotas import QuotaEnforcer
from iag_gateway.policy.token_meter import TokenMeter
from iag_gateway.storage.writer_lock import writer_lock

NOW = datetime(2025, 6, 2, 12, 0, tzinfo=UTC)
MONTH = window_for("month", NOW, "Europe/Paris").key


def _store(tmp_path: Path) -> tuple[SqlQuotaStore, list[int]]:
    """A quota store on a SQLite file, and the list of its committed transactions (grows by one each)."""
    engine = create_engine(f"sqlite:///{tmp_path / 'quotas.db'}")
    metadata.create_all(engine)
    commits: list[int] = []
    event.listen(engine, "commit", lambda _conn: commits.append(1))
    return SqlQuotaStore(engine), commits


def test_calls_finishing_while_a_write_waits_share_one_transaction(tmp_path: Path, policy: PolicySet) -> None:
    store, commits = _store(tmp_path)
    meter = TokenMeter(QuotaEnforcer(store), linger_s=0.0)  # the first charge's write starts at once
    lock = writer_lock(store._engine)  # another writer of this database holds its write lock
    with lock:
        for n in range(1, 51):
            meter.charge(policy, user_id=f"user{n % 3}", department="DAF", tokens=n, now=NOW)
    meter.close()
    # the write scheduled by the first charge waits for the lock with what it took (the first
    # charge, or more if its thread started late); everything after went in at most one more
    assert 1 <= len(commits) <= 2
    assert store.usage("department:DAF", MONTH) == (0, sum(range(1, 51)))
    assert [store.usage(f"user:user{k}", MONTH)[1] for k in range(3)] == [
        sum(n for n in range(1, 51) if n % 3 == k) for k in range(3)
    ]


def test_at_low_load_a_charge_is_written_without_close(tmp_path: Path, policy: PolicySet) -> None:
    store, commits = _store(tmp_path)
    meter = TokenMeter(QuotaEnforcer(store))
    meter.charge(policy, user_id="erin", department="DRH", tokens=250, now=NOW)
    deadline = time.monotonic() + 5
    while store.usage("user:erin", MONTH) != (0, 250):  # not held back for a batch that never comes
        assert time.monotonic() < deadline, "the charge was not written without close()"
        time.sleep(0.01)
    meter.charge(policy, user_id="erin", department="DRH", tokens=0, now=NOW)  # nothing to charge
    meter.close()
    assert len(commits) == 1


def test_charges_within_the_linger_share_one_write(tmp_path: Path, policy: PolicySet) -> None:
    store, commits = _store(tmp_path)
    meter = TokenMeter(QuotaEnforcer(store), linger_s=1.0)
    meter.charge(policy, user_id="erin", department="DRH", tokens=10, now=NOW)
    time.sleep(0.1)  # long enough for a write made at once to have been committed alone
    assert store.usage("user:erin", MONTH) == (0, 0)  # held back by the linger
    meter.charge(policy, user_id="farid", department="DRH", tokens=5, now=NOW)
    deadline = time.monotonic() + 5
    while store.usage("department:DRH", MONTH) != (0, 15):  # written when the linger ends, no close()
        assert time.monotonic() < deadline, "the lingering write never came"
        time.sleep(0.01)
    assert len(commits) == 1
    meter.close()


def test_close_does_not_wait_out_the_linger(tmp_path: Path, policy: PolicySet) -> None:
    store, commits = _store(tmp_path)
    meter = TokenMeter(QuotaEnforcer(store), linger_s=30.0)
    meter.charge(policy, user_id="erin", department="DRH", tokens=10, now=NOW)
    started = time.monotonic()
    meter.close()
    assert time.monotonic() - started < 5
    assert store.usage("user:erin", MONTH) == (0, 10)
    assert len(commits) == 1


def test_a_batch_the_store_refuses_is_kept_for_the_next_write(
    tmp_path: Path, policy: PolicySet, caplog: pytest.LogCaptureFixture
) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'quotas.db'}")
    store = SqlQuotaStore(engine)  # its table does not exist yet: every write fails
    meter = TokenMeter(QuotaEnforcer(store))
    with caplog.at_level(logging.WARNING, logger="iag_gateway.pipeline"):
        meter.charge(policy, user_id="erin", department="DRH", tokens=10, now=NOW)
        meter._writer.submit(lambda: None).result()  # the write has run (and failed)
    assert "tokens of 1 call(s) not counted yet (kept for the next write): ServiceUnavailable" in caplog.text
    metadata.create_all(engine)  # the outage ends
    meter.charge(policy, user_id="erin", department="DRH", tokens=5, now=NOW)
    meter.close()
    assert store.usage("user:erin", MONTH) == (0, 15)


def test_what_the_store_still_refuses_at_shutdown_is_logged_as_lost(
    policy: PolicySet, caplog: pytest.LogCaptureFixture
) -> None:
    meter = TokenMeter(QuotaEnforcer(RedisQuotaStore("redis://127.0.0.1:1/0")))  # nothing listens there
    with caplog.at_level(logging.WARNING, logger="iag_gateway.pipeline"):
        meter.charge(policy, user_id="erin", department="DRH", tokens=10, now=NOW)
        meter.charge(policy, user_id="erin", department="DRH", tokens=10, now=NOW)
        meter.close()
    assert "tokens of 2 call(s) not counted: refused by the quota store at shutdown" in caplog.text


def test_a_charge_after_close_is_written_rather_than_lost(tmp_path: Path, policy: PolicySet) -> None:
    store, _commits = _store(tmp_path)
    meter = TokenMeter(QuotaEnforcer(store))
    meter.close()
    meter.charge(policy, user_id="erin", department="DRH", tokens=7, now=NOW)
    assert store.usage("department:DRH", MONTH) == (0, 7)


def test_a_charge_after_close_that_the_store_refuses_is_logged_as_lost(
    tmp_path: Path, policy: PolicySet, caplog: pytest.LogCaptureFixture
) -> None:
    store = SqlQuotaStore(create_engine(f"sqlite:///{tmp_path / 'q.db'}"))  # its table does not exist
    meter = TokenMeter(QuotaEnforcer(store))
    meter.close()
    with caplog.at_level(logging.WARNING, logger="iag_gateway.pipeline"):  # a call ending after shutdown
        meter.charge(policy, user_id="erin", department="DRH", tokens=7, now=NOW)
    # no later write will come: the call's tokens are lost, and the log says so (not "kept")
    assert "tokens of 1 call(s) not counted: refused by the quota store at shutdown" in caplog.text
    assert "kept for the next write" not in caplog.text
    assert meter._calls == 0
