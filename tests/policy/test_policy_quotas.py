"""Quota windows, stores and the enforcer; concurrency across OS processes never overshoots."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, delete
from sqlalchemy.pool import StaticPool

from iag_gateway.errors import RateLimited, ServiceUnavailable
from iag_gateway.policy import PolicySet
from iag_gateway.policy.quota_redis import RedisQuotaStore
from iag_gateway.policy.quota_stores import QuotaItem, SqlQuotaStore, metadata, quota_usage
from iag_gateway.policy.quota_windows import parse_window, window_for
from iag_gateway.policy.quotas import QuotaEnforcer
from iag_gateway.storage.engine import begins_immediate, make_engine
from iag_gateway.storage.group_commit import Job

PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
NOW = datetime(2025, 6, 2, 21, 59, 30, tzinfo=UTC)  # 23:59:30 in Paris (CEST)


@pytest.mark.parametrize(
    ("kind", "key", "retry"),
    [
        ("minute", "minute:2025-06-02T23:59@Europe/Paris", 30),
        ("day", "day:2025-06-02@Europe/Paris", 30),
        ("month", "month:2025-06@Europe/Paris", 28 * 86400 + 30),
    ],
)
def test_when_window_is_computed_then_key_and_retry_after_follow_paris_time(
    kind: str, key: str, retry: int
) -> None:
    window = window_for(kind, NOW, "Europe/Paris")
    assert window.key == key
    assert window.retry_after(NOW) == retry
    assert parse_window(key) == window


def test_when_month_is_december_then_the_window_ends_in_january() -> None:
    window = window_for("month", datetime(2025, 12, 15, tzinfo=UTC), "Europe/Paris")
    assert window.end == datetime(2025, 12, 31, 23, 0, tzinfo=UTC)


def _sqlite_store() -> SqlQuotaStore:
    engine = create_engine("sqlite://", poolclass=StaticPool)
    metadata.create_all(engine)
    return SqlQuotaStore(engine)


def test_when_request_limit_is_reached_then_store_raises_with_retry_after() -> None:
    store = _sqlite_store()
    window = window_for("minute", NOW, "Europe/Paris").key
    for _ in range(3):
        store.reserve("user:bob", window, request_limit=3, token_limit=None, now=NOW)
    with pytest.raises(RateLimited) as caught:
        store.reserve("user:bob", window, request_limit=3, token_limit=None, now=NOW)
    assert caught.value.retry_after == 30 and caught.value.headers() == {"Retry-After": "30"}
    assert store.usage("user:bob", window) == (3, 0)


def test_when_tokens_reach_the_limit_then_the_next_request_is_refused() -> None:
    store = _sqlite_store()
    window = window_for("month", NOW, "Europe/Paris").key
    store.reserve("user:bob", window, request_limit=None, token_limit=100, now=NOW)
    store.add_tokens("user:bob", window, 100)
    with pytest.raises(RateLimited):
        store.reserve("user:bob", window, request_limit=None, token_limit=100, now=NOW)


def _small_quota(policy: PolicySet) -> PolicySet:
    rate = policy.limits.quotas[0].model_copy(update={"requests": 2})
    return dataclasses.replace(policy, limits=policy.limits.model_copy(update={"quotas": [rate]}))


def test_when_enforcer_refuses_then_the_message_cites_the_article_and_the_rule(policy: PolicySet) -> None:
    enforcer = QuotaEnforcer(_sqlite_store())
    small = _small_quota(policy)
    for _ in range(2):
        enforcer.reserve(small, user_id="carol", department="DAF", now=NOW)
    with pytest.raises(RateLimited) as caught:
        enforcer.reserve(small, user_id="carol", department="DAF", now=NOW)
    assert caught.value.message == (
        "Limite atteinte : article 10.3 de la charte — 2 requêtes par minute pour votre compte. "
        "Réessayez dans 30 s."
    )
    assert [r.rule_id for r in caught.value.rules] == ["quota-user-rate"]
    enforcer.reserve(small, user_id="dave", department="DAF", now=NOW)  # another user is unaffected


def test_when_tokens_are_recorded_then_monthly_token_counters_grow(policy: PolicySet) -> None:
    store = _sqlite_store()
    enforcer = QuotaEnforcer(store)
    counters = enforcer.token_counters(policy, user_id="erin", department="DRH", now=NOW)
    enforcer.add_token_counts(dict.fromkeys(counters, 250))
    month = window_for("month", NOW, "Europe/Paris").key
    assert store.usage("user:erin", month) == (0, 250)
    assert store.usage("department:DRH", month) == (0, 250)


# --- concurrency across OS processes ---------------------------------------------------

LIMIT = 25
ATTEMPTS_PER_WORKER = 40


def _hammer(url: str, scope: str, window: str, ours: bool = False) -> int:
    """Worker process: try to reserve many times; return how many succeeded.

    ``ours``: the engine of ``make_engine`` (SQLite: the group's counters read first, in a
    ``BEGIN IMMEDIATE`` transaction), else a plain SQLAlchemy engine (one conditional upsert
    per counter).
    """
    if ours:
        engine = make_engine(url, busy_timeout_s=30)
    else:
        engine = create_engine(url, connect_args={"timeout": 30} if url.startswith("sqlite") else {})
    store = SqlQuotaStore(engine)
    granted = 0
    for _ in range(ATTEMPTS_PER_WORKER):
        try:
            store.reserve(scope, window, request_limit=LIMIT, token_limit=None, now=NOW)
            granted += 1
        except RateLimited:
            pass
    engine.dispose()
    return granted


def _race(url: str, ours: bool = False) -> None:
    scope = f"user:race-{uuid.uuid4().hex}"
    window = window_for("day", NOW, "Europe/Paris").key
    engine = create_engine(url)
    metadata.create_all(engine)
    try:
        context = multiprocessing.get_context("spawn")
        with context.Pool(2) as pool:
            results = pool.starmap(_hammer, [(url, scope, window, ours)] * 2)
        assert sum(results) == LIMIT
        assert SqlQuotaStore(engine).usage(scope, window) == (LIMIT, 0)
    finally:
        with engine.begin() as conn:
            conn.execute(delete(quota_usage).where(quota_usage.c.scope == scope))
        engine.dispose()


@pytest.mark.parametrize("ours", [False, True], ids=["plain-engine", "make_engine"])
def test_when_two_processes_race_on_sqlite_then_the_limit_is_never_exceeded(
    tmp_path: Path, ours: bool
) -> None:
    _race(f"sqlite:///{tmp_path / 'quota.db'}", ours)


def test_when_an_engine_is_made_here_then_its_transactions_can_begin_immediate(tmp_path: Path) -> None:
    """Only then may a quota group read its counters before it writes (``SqlQuotaStore``)."""
    url = f"sqlite:///{tmp_path / 'quota.db'}"
    assert begins_immediate(make_engine(url))
    assert not begins_immediate(create_engine(url))


@pytest.mark.postgres
def test_when_two_processes_race_on_postgresql_then_the_limit_is_never_exceeded() -> None:
    _race(os.environ.get("IAG_TEST_POSTGRES_URL", PG_URL))


@pytest.fixture
def redis_store() -> RedisQuotaStore:
    import redis

    url = os.environ.get("IAG_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        redis.Redis.from_url(url).ping()
    except redis.RedisError:
        pytest.skip("Redis is not reachable")
    return RedisQuotaStore(url, prefix=f"iag:test:{uuid.uuid4().hex}:")


def test_when_redis_limit_is_reached_then_store_raises_with_retry_after(redis_store: RedisQuotaStore) -> None:
    window = window_for("day", NOW, "Europe/Paris").key
    for _ in range(2):
        redis_store.reserve("user:frank", window, request_limit=2, token_limit=None, now=NOW)
    with pytest.raises(RateLimited) as caught:
        redis_store.reserve("user:frank", window, request_limit=2, token_limit=None, now=NOW)
    assert caught.value.retry_after == 30


def test_when_redis_tokens_reach_the_limit_then_the_next_request_is_refused(
    redis_store: RedisQuotaStore,
) -> None:
    window = window_for("month", NOW, "Europe/Paris").key
    redis_store.reserve("user:gina", window, request_limit=None, token_limit=10, now=NOW)
    redis_store.add_tokens("user:gina", window, 10)
    with pytest.raises(RateLimited):
        redis_store.reserve("user:gina", window, request_limit=None, token_limit=10, now=NOW)


@pytest.mark.parametrize("kind", ["sql", "redis"])
def test_when_one_counter_of_a_request_is_full_then_none_is_incremented(
    kind: str, request: pytest.FixtureRequest
) -> None:
    store = _sqlite_store() if kind == "sql" else request.getfixturevalue("redis_store")
    minute = window_for("minute", NOW, "Europe/Paris").key
    day = window_for("day", NOW, "Europe/Paris").key
    user, department = f"user:all-{uuid.uuid4().hex}", f"department:all-{uuid.uuid4().hex}"
    store.reserve(department, day, request_limit=1, token_limit=None, now=NOW)  # the department is full
    items = [QuotaItem(user, minute, 5, None), QuotaItem(department, day, 1, None)]
    assert store.reserve_all(items, NOW) == 1
    # The user's counter was not charged for the refused request.
    assert store.reserve_all([QuotaItem(user, minute, 1, None)], NOW) is None
    assert store.reserve_all([QuotaItem(user, minute, 1, None)], NOW) == 0


def _threads_race(
    store: SqlQuotaStore, users: list[str], department: str, day: str, minute: str
) -> list[int | None]:
    """Sixteen threads, two requests each: their own user counter first, then the shared department's."""
    barrier = threading.Barrier(16)
    outcomes: list[int | None] = []
    lock = threading.Lock()

    def caller(number: int) -> None:
        barrier.wait()
        for _ in range(2):
            items = [QuotaItem(users[number], minute, 100, None), QuotaItem(department, day, 10, None)]
            refused = store.reserve_all(items, NOW)
            with lock:
                outcomes.append(refused)

    threads = [threading.Thread(target=caller, args=(n,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return outcomes


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_when_threads_race_for_a_shared_quota_then_refused_requests_count_in_no_counter(
    backend: str, tmp_path: Path
) -> None:
    url = (
        f"sqlite:///{tmp_path / 'quota.db'}"
        if backend == "sqlite"
        else os.environ.get("IAG_TEST_POSTGRES_URL", PG_URL)
    )
    engine = make_engine(url)
    metadata.create_all(engine)
    department = f"department:race-{uuid.uuid4().hex}"
    users = [f"user:race-{uuid.uuid4().hex}" for _ in range(16)]
    day = window_for("day", NOW, "Europe/Paris").key
    minute = window_for("minute", NOW, "Europe/Paris").key
    store = SqlQuotaStore(engine)
    try:
        outcomes = _threads_race(store, users, department, day, minute)
        assert len(outcomes) == 32
        assert outcomes.count(None) == 10
        assert set(outcomes) == {None, 1}  # refused at the department's counter
        assert store.usage(department, day) == (10, 0)
        # The user counters hold the granted requests only: each refused one gave its back.
        assert sum(store.usage(user, minute)[0] for user in users) == 10
    finally:
        with engine.begin() as conn:
            conn.execute(delete(quota_usage).where(quota_usage.c.scope.in_([department, *users])))
        engine.dispose()


def test_when_one_transaction_holds_several_requests_then_each_is_decided_in_arrival_order(
    tmp_path: Path,
) -> None:
    """A group commit's requests: a refused one takes nothing, the ones after it still can."""
    engine = make_engine(f"sqlite:///{tmp_path / 'quota.db'}")
    metadata.create_all(engine)
    store = SqlQuotaStore(engine)
    day = window_for("day", NOW, "Europe/Paris").key
    minute = window_for("minute", NOW, "Europe/Paris").key
    department = "department:DAF"
    store.reserve_all([QuotaItem(department, day, 3, None)], NOW)  # one request already counted
    requests = [
        [QuotaItem("user:ana", minute, 5, None), QuotaItem(department, day, 3, None)],
        [QuotaItem("user:ben", minute, 5, None), QuotaItem(department, day, 3, None)],
        [QuotaItem("user:cid", minute, 5, None), QuotaItem(department, day, 3, None)],  # department full
        [QuotaItem("user:ana", minute, 2, None)],
        [QuotaItem("user:ana", minute, 2, None)],  # ana's minute full: 2 already
        [QuotaItem("user:dee", minute, None, 10), QuotaItem(department, day, None, 10)],  # tokens only
    ]
    group = [Job(items) for items in requests]
    store._write_reservations(group)
    assert [job.result for job in group] == [None, None, 1, None, 0, None]
    assert all(job.committed for job in group)
    assert store.usage(department, day) == (4, 0)
    assert store.usage("user:ana", minute) == (2, 0)
    assert store.usage("user:ben", minute) == (1, 0)
    assert store.usage("user:cid", minute) == (0, 0)  # refused at its second counter: gave the first back
    assert store.usage("user:dee", minute) == (1, 0)
    engine.dispose()


def test_when_a_request_has_no_counter_then_it_is_granted_without_a_write() -> None:
    assert _sqlite_store().reserve_all([], NOW) is None


def test_when_one_redis_counter_cannot_take_tokens_then_none_of_the_batch_is_added(
    redis_store: RedisQuotaStore,
) -> None:
    # The token meter keeps a refused batch and writes it again: a batch half written would
    # count its first counters twice.
    month = window_for("month", NOW, "Europe/Paris").key
    client = redis_store._client
    client.set(redis_store._key("department:DRH", month), "not a counter")
    with pytest.raises(ServiceUnavailable):
        redis_store.add_token_counts({("user:hana", month): 10, ("department:DRH", month): 10})
    assert client.hget(redis_store._key("user:hana", month), "tokens") is None
    client.delete(redis_store._key("department:DRH", month))
    redis_store.add_token_counts({("user:hana", month): 10, ("department:DRH", month): 5})
    assert client.hget(redis_store._key("user:hana", month), "tokens") == b"10"
    assert client.hget(redis_store._key("department:DRH", month), "tokens") == b"5"
    assert client.ttl(redis_store._key("user:hana", month)) > 0
