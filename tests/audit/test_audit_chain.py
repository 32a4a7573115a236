from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from iag_gateway.audit.chain import canonical_content, chain_hash, verify
from iag_gateway.audit.models import AUDIT_EVENT_TABLE
from iag_gateway.audit.store import AuditStore
from tests.audit.audit_helpers import make_entry

EVENTS = AUDIT_EVENT_TABLE


@pytest.fixture
def store(engine: Engine) -> AuditStore:
    store = AuditStore(engine)
    for i in range(7):
        store.append(make_entry(i))
    return store


def _sql(engine: Engine, statement: str, **params: object) -> None:
    with engine.begin() as conn:
        conn.execute(sa.text(statement), params)


def _row(engine: Engine, seq: int) -> dict[str, object]:
    with engine.connect() as conn:
        return dict(conn.execute(sa.select(EVENTS).where(EVENTS.c.seq == seq)).mappings().one())


def test_when_chain_untouched_then_verify_ok(store: AuditStore, engine: Engine) -> None:
    result = verify(engine, batch=3)
    assert result.ok
    assert result.checked == 7
    assert result.first_bad_seq is None
    assert (result.head_seq, result.head_hash) == store.head()


def test_when_store_empty_then_verify_ok(engine: Engine) -> None:
    result = verify(engine)
    assert result.ok
    assert result.checked == 0


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE audit_event SET user_id = 'mallory' WHERE seq = 4",
        "UPDATE audit_event SET outcome = 'denied' WHERE seq = 4",
        "UPDATE audit_event SET latency_ms = 1.0 WHERE seq = 4",
        "UPDATE audit_event SET prompt_text = 'x' WHERE seq = 4",
        "UPDATE audit_event SET response_text = 'y' WHERE seq = 4",
        "UPDATE audit_event SET prompt_digest = NULL WHERE seq = 4",
        "UPDATE audit_event SET pii_counts = '{\"PERSON\": 0}' WHERE seq = 4",
        "UPDATE audit_event SET streamed = NOT streamed WHERE seq = 4",
    ],
)
def test_when_row_edited_then_verify_names_it(store: AuditStore, engine: Engine, tamper: str) -> None:
    _sql(engine, tamper)
    result = verify(engine, batch=2)
    assert not result.ok
    assert result.first_bad_seq == 4
    assert "altered" in result.reason
    assert result.checked == 3


def test_when_timestamp_edited_then_verify_names_it(store: AuditStore, engine: Engine) -> None:
    created_at = _row(engine, 2)["created_at"]
    assert isinstance(created_at, datetime)
    with engine.begin() as conn:
        conn.execute(
            sa.update(EVENTS)
            .where(EVENTS.c.seq == 2)
            .values(created_at=created_at - timedelta(microseconds=1))
        )
    assert verify(engine).first_bad_seq == 2


def test_when_row_deleted_then_verify_names_the_missing_seq(store: AuditStore, engine: Engine) -> None:
    _sql(engine, "DELETE FROM audit_event WHERE seq = 3")
    result = verify(engine, batch=2)
    assert not result.ok
    assert result.first_bad_seq == 3
    assert "missing" in result.reason


def test_when_last_rows_deleted_then_verify_notices_against_head(store: AuditStore, engine: Engine) -> None:
    _sql(engine, "DELETE FROM audit_event WHERE seq >= 6")
    result = verify(engine)
    assert not result.ok
    assert result.first_bad_seq == 6
    assert result.checked == 5


def test_when_first_row_deleted_then_verify_names_seq_1(store: AuditStore, engine: Engine) -> None:
    _sql(engine, "DELETE FROM audit_event WHERE seq = 1")
    assert verify(engine).first_bad_seq == 1


def test_when_forged_row_appended_without_head_then_verify_names_it(
    store: AuditStore, engine: Engine
) -> None:
    forged = _row(engine, 7) | {"seq": 8, "request_id": "forged", "prev_hash": _row(engine, 7)["hash"]}
    forged["hash"] = chain_hash(str(forged["prev_hash"]), forged)
    with engine.begin() as conn:
        conn.execute(sa.insert(EVENTS), forged)
    result = verify(engine)
    assert not result.ok
    assert result.first_bad_seq == 8
    assert "beyond" in result.reason


def test_when_row_inserted_in_the_middle_then_verify_breaks_there(store: AuditStore, engine: Engine) -> None:
    with engine.begin() as conn:
        for seq in range(7, 3, -1):  # make room at seq 4, one row at a time (unique key)
            conn.execute(sa.update(EVENTS).where(EVENTS.c.seq == seq).values(seq=seq + 1))
    prev = _row(engine, 3)
    forged = _row(engine, 5) | {"seq": 4, "request_id": "forged", "prev_hash": prev["hash"]}
    forged["hash"] = chain_hash(str(prev["hash"]), forged)
    with engine.begin() as conn:
        conn.execute(sa.insert(EVENTS), forged)
    result = verify(engine)
    assert not result.ok
    # The forged row links correctly to 3; the shifted original no longer matches its seq.
    assert result.first_bad_seq == 5


def test_when_two_rows_swapped_then_verify_names_the_first(store: AuditStore, engine: Engine) -> None:
    two, five = _row(engine, 2), _row(engine, 5)
    columns = [name for name in two if name != "seq"]
    with engine.begin() as conn:
        conn.execute(sa.update(EVENTS).where(EVENTS.c.seq == 2).values({c: five[c] for c in columns}))
        conn.execute(sa.update(EVENTS).where(EVENTS.c.seq == 5).values({c: two[c] for c in columns}))
    assert verify(engine).first_bad_seq == 2


def test_when_head_row_rewritten_then_verify_fails(store: AuditStore, engine: Engine) -> None:
    _sql(engine, "UPDATE audit_chain_head SET hash = :h WHERE id = 1", h="f" * 64)
    result = verify(engine)
    assert not result.ok
    assert result.first_bad_seq == 7


@pytest.mark.parametrize(
    "change",
    [
        lambda v: v | {"seq": 2},
        lambda v: v | {"latency_ms": 812.347},
        lambda v: v | {"pii_counts": {"FR_NIR": 1}},
        lambda v: v | {"prompt_digest": "0" * 64},
    ],
)
def test_when_any_content_changes_then_canonical_bytes_change(
    store: AuditStore, engine: Engine, change: Callable[[dict[str, object]], dict[str, object]]
) -> None:
    row = _row(engine, 1)
    assert canonical_content(change(row)) != canonical_content(row)


def test_when_only_texts_change_then_canonical_bytes_equal(store: AuditStore, engine: Engine) -> None:
    # The chain commits to the digests, so that retention can clear the texts.
    row = _row(engine, 1)
    assert canonical_content(row | {"prompt_text": "x", "response_text": "y"}) == canonical_content(row)


def test_when_dict_keys_reordered_then_canonical_bytes_equal(store: AuditStore, engine: Engine) -> None:
    row = _row(engine, 1)
    reordered = row | {"pii_counts": dict(reversed(list(row["pii_counts"].items())))}  # type: ignore[union-attr]
    assert canonical_content(reordered) == canonical_content(row)
