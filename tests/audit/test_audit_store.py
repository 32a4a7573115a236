from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.engine import Engine

from iag_gateway.audit.filters import AuditFilter
from iag_gateway.audit.models import GENESIS_HASH, AuditEntry, AuditEvent, digest_text
from iag_gateway.audit.store import AuditStore
from tests.audit.audit_helpers import make_entry


@pytest.fixture
def store(engine: Engine) -> AuditStore:
    return AuditStore(engine)


def test_when_entries_appended_then_seq_is_contiguous_and_chained(store: AuditStore) -> None:
    events = [store.append(make_entry(i)) for i in range(25)]
    assert [e.seq for e in events] == list(range(1, 26))
    assert events[0].prev_hash == GENESIS_HASH
    for before, after in itertools.pairwise(events):
        assert after.prev_hash == before.hash
    stored, cursor = store.query(AuditFilter(), limit=100)
    assert cursor is None
    assert [e.seq for e in stored] == list(range(1, 26))
    assert store.head() == (25, events[-1].hash)


def test_when_appended_then_stored_record_equals_returned_one(store: AuditStore) -> None:
    returned = store.append(make_entry(7, prompt_text="Bonjour [PERSON_1]", ref_request_id="req-00001"))
    (stored,) = store.get("req-00007")
    assert stored.public_dict() == returned.public_dict()
    assert stored.created_at.tzinfo is not None
    assert stored.latency_ms == pytest.approx(812.346)
    assert stored.pii_counts == {"PERSON": 2, "FR_NIR": 1}
    assert stored.rules == [{"rule_id": "pii-redact", "articles": ["5.2"], "effect": "redact"}]


def test_when_public_dict_dumped_then_json_safe(store: AuditStore) -> None:
    event = store.append(make_entry(1))
    data = json.loads(json.dumps(event.public_dict()))
    assert data["seq"] == 1
    assert data["created_at"].endswith("Z")
    assert "prev_hash" in data
    assert "hash" in data


def test_when_minimal_entry_then_defaults_stored(store: AuditStore) -> None:
    event = store.append(AuditEntry(request_id="r", route="/v1/models", outcome="unauthenticated"))
    (stored,) = store.get("r")
    assert stored.roles == []
    assert stored.extra == {}
    assert stored.streamed is False
    assert stored.hash == event.hash


def test_when_get_then_referring_records_included(store: AuditStore) -> None:
    store.append(make_entry(1))
    store.append(make_entry(2))
    store.append(
        AuditEntry(request_id="ack-1", route="/review/ack", outcome="ok", ref_request_id="req-00001")
    )
    assert [e.request_id for e in store.get("req-00001")] == ["req-00001", "ack-1"]
    assert store.get("nothing") == []


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"outcome": "maybe"}, "outcome"),
        ({"request_id": ""}, "request_id"),
        ({"route": ""}, "route"),
    ],
)
def test_when_entry_invalid_then_value_error(overrides: dict[str, str], message: str) -> None:
    values = {"request_id": "r", "route": "/x", "outcome": "ok", **overrides}
    with pytest.raises(ValueError, match=message):
        AuditEntry(**values)


def test_when_digest_text_then_sha256_hex() -> None:
    assert digest_text("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def _fill(store: AuditStore) -> list[AuditEvent]:
    specs = [
        {"user_id": "alice", "department": "achats", "outcome": "ok", "model_alias": "m-large"},
        {"user_id": "bob", "department": "finance", "outcome": "denied", "model_alias": "m-small"},
        {"user_id": "alice", "department": "achats", "outcome": "failed", "model_alias": "m-small"},
        {"user_id": "carol", "department": "recherche", "outcome": "ok", "route": "/v1/templates/x/run"},
        {"user_id": "alice", "department": "achats", "outcome": "ok", "provider_model": "p/m-large"},
        {"user_id": "bob", "department": "finance", "outcome": "ok", "model_alias": "m-large"},
        {"user_id": "alice", "department": "achats", "outcome": "rejected"},
    ]
    return [store.append(make_entry(i, **spec)) for i, spec in enumerate(specs)]


@pytest.mark.parametrize(
    ("filters", "expected_seqs"),
    [
        (AuditFilter(), [1, 2, 3, 4, 5, 6, 7]),
        (AuditFilter(user_id="alice"), [1, 3, 5, 7]),
        (AuditFilter(department="finance"), [2, 6]),
        (AuditFilter(outcome="ok"), [1, 4, 5, 6]),
        (AuditFilter(route="/v1/templates/x/run"), [4]),
        (AuditFilter(model="m-large"), [1, 6]),
        (AuditFilter(model="p/m-large"), [5]),
        (AuditFilter(user_id="alice", outcome="ok"), [1, 5]),
        (AuditFilter(request_id="req-00003"), [4]),
        (AuditFilter(user_id="nobody"), []),
    ],
)
def test_when_filtered_then_only_matching_records(
    store: AuditStore, filters: AuditFilter, expected_seqs: list[int]
) -> None:
    _fill(store)
    events, cursor = store.query(filters)
    assert [e.seq for e in events] == expected_seqs
    assert cursor is None


def test_when_filtered_by_period_then_since_inclusive_until_exclusive(store: AuditStore) -> None:
    events = _fill(store)
    since, until = events[2].created_at, events[5].created_at
    found, _ = store.query(AuditFilter(since=since, until=until))
    assert [e.seq for e in found] == [3, 4, 5]
    later, _ = store.query(AuditFilter(since=events[-1].created_at + timedelta(seconds=1)))
    assert later == []
    naive = since.astimezone(UTC).replace(tzinfo=None)
    assert [e.seq for e in store.query(AuditFilter(since=naive))[0]] == [3, 4, 5, 6, 7]
    assert store.query(AuditFilter(until=datetime(2000, 1, 1, tzinfo=UTC)))[0] == []


def test_when_paginated_then_pages_follow_keyset_cursor(store: AuditStore) -> None:
    _fill(store)
    seen: list[int] = []
    cursor: int | None = None
    pages = 0
    while True:
        page, cursor = store.query(AuditFilter(), limit=3, cursor=cursor)
        seen.extend(e.seq for e in page)
        pages += 1
        if cursor is None:
            break
    assert seen == [1, 2, 3, 4, 5, 6, 7]
    assert pages == 3


def test_when_paginated_newest_first_then_descending(store: AuditStore) -> None:
    _fill(store)
    page, cursor = store.query(AuditFilter(user_id="alice"), limit=2, newest_first=True)
    assert [e.seq for e in page] == [7, 5]
    page, cursor = store.query(AuditFilter(user_id="alice"), limit=2, cursor=cursor, newest_first=True)
    assert [e.seq for e in page] == [3, 1]
    assert cursor is None


def test_when_exact_page_then_no_next_cursor(store: AuditStore) -> None:
    _fill(store)
    page, cursor = store.query(AuditFilter(), limit=7)
    assert len(page) == 7
    assert cursor is None


def test_when_healthy_then_ping_passes(store: AuditStore) -> None:
    store.ping()
