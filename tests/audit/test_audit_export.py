from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import pytest
from sqlalchemy.engine import Engine

from iag_gateway.audit.chain import chain_hash
from iag_gateway.audit.export import export
from iag_gateway.audit.filters import AuditFilter
from iag_gateway.audit.models import PUBLIC_FIELDS
from iag_gateway.audit.store import AuditStore
from tests.audit.audit_helpers import make_entry


@pytest.fixture
def store(engine: Engine) -> AuditStore:
    store = AuditStore(engine)
    for i in range(12):
        store.append(make_entry(i, user_id="alice" if i % 3 == 0 else "bob"))
    store.append(make_entry(99, user_id="alice", prompt_text='=HYPERLINK("http://x")'))
    return store


def test_when_exported_as_jsonl_then_one_faithful_record_per_line(store: AuditStore) -> None:
    out = io.StringIO()
    assert export(store, "jsonl", out, AuditFilter()) == 13
    lines = out.getvalue().splitlines()
    assert len(lines) == 13
    records = [json.loads(line) for line in lines]
    assert [r["seq"] for r in records] == list(range(1, 14))
    assert records[-1]["prompt_text"] == '=HYPERLINK("http://x")'
    assert records[0] == store.get("req-00000")[0].public_dict()


def test_when_exported_as_jsonl_then_chain_can_be_rechecked_offline(store: AuditStore) -> None:
    out = io.StringIO()
    export(store, "jsonl", out, AuditFilter())
    prev = "0" * 64
    for line in out.getvalue().splitlines():
        record = json.loads(line)
        record["created_at"] = datetime.fromisoformat(record["created_at"])
        assert record["prev_hash"] == prev
        assert chain_hash(prev, record) == record["hash"]
        prev = record["hash"]


def test_when_exported_as_csv_then_header_and_filtered_rows(store: AuditStore) -> None:
    out = io.StringIO()
    assert export(store, "csv", out, AuditFilter(user_id="alice")) == 5
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == PUBLIC_FIELDS
    body = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert [r["seq"] for r in body] == ["1", "4", "7", "10", "13"]
    assert json.loads(body[0]["pii_counts"]) == {"FR_NIR": 1, "PERSON": 2}
    assert body[0]["streamed"] == "false"
    assert body[0]["created_at"].endswith("Z")


def test_when_csv_cell_looks_like_a_formula_then_it_is_defused(store: AuditStore) -> None:
    out = io.StringIO()
    export(store, "csv", out, AuditFilter(request_id="req-00099"))
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["prompt_text"] == '\'=HYPERLINK("http://x")'


def test_when_nothing_matches_then_header_only(store: AuditStore) -> None:
    out = io.StringIO()
    assert export(store, "csv", out, AuditFilter(user_id="nobody")) == 0
    assert out.getvalue().splitlines() == [",".join(PUBLIC_FIELDS)]


def test_when_unknown_format_then_value_error(store: AuditStore) -> None:
    with pytest.raises(ValueError, match="xml"):
        export(store, "xml", io.StringIO(), AuditFilter())
