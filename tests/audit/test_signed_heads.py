"""The signer: when it signs, what it writes, and how it keeps its tree right when others write too."""

from __future__ import annotations

import json
import multiprocessing
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from iag_gateway.audit.heads import HeadSigner, JsonlHeadSink, SigningSchedule
from iag_gateway.audit.heads_verify import verify_heads
from iag_gateway.audit.merkle import MerkleLevels
from iag_gateway.audit.signing import HeadKey, SignedHead, signature_valid
from iag_gateway.audit.store import AuditStore
from iag_gateway.audit.tree import iter_leaf_rows
from iag_gateway.audit.tree_models import SIGNED_HEAD_TABLE
from iag_gateway.errors import AuditUnavailable
from iag_gateway.storage.types import utc_now
from tests.audit.audit_helpers import append_many, make_entry
from tests.audit.heads_helpers import execute, set_head


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _signer(engine: Engine, tmp: Path, key: HeadKey, **schedule: float) -> tuple[AuditStore, HeadSigner]:
    store = AuditStore(engine)
    sinks = [JsonlHeadSink(tmp / "heads.jsonl")]
    signer = HeadSigner(store, key, sinks, SigningSchedule(**schedule), background=False)  # type: ignore[arg-type]
    return store, signer


def _exported(tmp: Path) -> list[SignedHead]:
    return [SignedHead.from_json(line) for line in (tmp / "heads.jsonl").read_text().splitlines()]


def _db_root(engine: Engine, size: int) -> str:
    with engine.connect() as conn:
        leaves = [row.leaf() for row in iter_leaf_rows(conn)]
    return MerkleLevels(leaves).root(size).hex()


def test_when_every_n_records_then_a_head_each_n_written_to_export_and_database(
    engine: Engine, tmp_path: Path
) -> None:
    key = HeadKey.generate()
    store, _listener = _signer(engine, tmp_path, key, every_records=5, every_seconds=3600)
    for i in range(12):
        store.append(make_entry(i))
    heads = _exported(tmp_path)
    assert [h.head.tree_size for h in heads] == [5, 10]
    assert all(signature_valid(h, key.public_key) for h in heads)
    assert [h.head.root_hash for h in heads] == [_db_root(engine, 5), _db_root(engine, 10)]
    with engine.connect() as conn:
        rows = conn.execute(sa.select(SIGNED_HEAD_TABLE).order_by(SIGNED_HEAD_TABLE.c.id)).mappings().all()
    assert [(r["tree_size"], r["signature"]) for r in rows] == [
        (h.head.tree_size, h.signature) for h in heads
    ]
    assert json.loads((tmp_path / "heads.jsonl").read_text().splitlines()[0])["key_id"] == key.key_id


def test_when_signing_in_background_then_callers_do_not_wait_and_close_covers_the_rest(
    engine: Engine, tmp_path: Path
) -> None:
    key = HeadKey.generate()
    store = AuditStore(engine)
    signer = HeadSigner(store, key, [JsonlHeadSink(tmp_path / "heads.jsonl")], SigningSchedule(10, 3600))
    with ThreadPoolExecutor(6) as pool:
        list(pool.map(lambda i: store.append(make_entry(i)), range(95)))
    signer.drain()
    sizes = [h.head.tree_size for h in _exported(tmp_path)]
    assert sizes == sorted(sizes) and 1 <= len(sizes) <= 9 and sizes[-1] > 95 - 10
    signer.close()
    assert _exported(tmp_path)[-1].head.tree_size == 95
    report = verify_heads(engine, (tmp_path / "heads.jsonl").read_text().splitlines(), key.public_key)
    assert report.ok and report.unsigned == 0, report.problem


def test_when_time_passes_then_due_and_nothing_new_signs_nothing(engine: Engine, tmp_path: Path) -> None:
    clock = Clock()
    store = AuditStore(engine)
    sinks = [JsonlHeadSink(tmp_path / "heads.jsonl")]
    signer = HeadSigner(store, HeadKey.generate(), sinks, SigningSchedule(1000, 30), clock, background=False)
    store.append(make_entry(1))
    assert not signer.due_by_time()
    clock.now += 31
    assert signer.due_by_time()
    assert signer.sign_quietly() is not None
    assert not signer.due_by_time()
    clock.now += 31
    assert signer.sign() is None  # nothing appended since
    assert len(_exported(tmp_path)) == 1


def test_when_other_writers_append_then_the_signer_catches_up(engine: Engine, tmp_path: Path) -> None:
    key = HeadKey.generate()
    store, signer = _signer(engine, tmp_path, key, every_records=7, every_seconds=3600)
    url = engine.url.render_as_string(hide_password=False)
    other = AuditStore(engine)  # another writer without the signer, in this process...
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda i: (store if i % 2 else other).append(make_entry(i)), range(40)))
    process = multiprocessing.get_context("spawn").Process(target=append_many, args=(url, 3, 15))
    process.start()  # ...and another process
    process.join(120)
    assert process.exitcode == 0
    store.append(make_entry(99))
    signed = signer.sign(force=True)
    assert signed is not None and signed.head.tree_size == 56
    lines = (tmp_path / "heads.jsonl").read_text().splitlines()
    report = verify_heads(engine, lines, key.public_key)
    assert report.ok, report.problem


def test_when_signer_restarts_after_a_purge_then_its_next_head_is_right(
    engine: Engine, tmp_path: Path
) -> None:
    key = HeadKey.generate()
    store, _first = _signer(engine, tmp_path, key, every_records=4, every_seconds=3600)
    for i in range(10):
        store.append(make_entry(i))
    cutoff = utc_now()
    store.append(make_entry(10))
    store.purge(metadata_before=cutoff, text_before=None)  # the records before the head are gone
    store2, second = _signer(engine, tmp_path, key, every_records=4, every_seconds=3600)
    store2.append(make_entry(11))
    signed = second.sign(force=True)
    assert signed is not None and signed.head.root_hash == _db_root(engine, 13)
    report = verify_heads(engine, (tmp_path / "heads.jsonl").read_text().splitlines(), key.public_key)
    assert report.ok, report.problem


def test_when_an_append_is_abandoned_then_the_next_head_is_still_right(
    engine: Engine, tmp_path: Path
) -> None:
    key = HeadKey.generate()
    store, signer = _signer(engine, tmp_path, key, every_records=1000, every_seconds=3600)
    store.append(make_entry(1))
    signer.sign()
    # A record fed to the tree whose commit then failed (the store calls abandoned() then)...
    signer.appended(2, utc_now(), "f" * 64)
    signer.abandoned()
    store.append(make_entry(2))
    signed = signer.sign()
    assert signed is not None and signed.head.root_hash == _db_root(engine, 2)
    # ...and even without abandoned(), the tail check notices the frontier went astray.
    signer.appended(3, utc_now(), "e" * 64)
    store.append(make_entry(3))
    signed = signer.sign()
    assert signed is not None and signed.head.root_hash == _db_root(engine, 3)


def test_when_the_trail_was_rewound_then_the_signer_refuses(engine: Engine, tmp_path: Path) -> None:
    store, signer = _signer(engine, tmp_path, HeadKey.generate(), every_records=5, every_seconds=3600)
    for i in range(6):
        store.append(make_entry(i))
    from iag_gateway.audit.models import AUDIT_EVENT_TABLE as events

    with engine.connect() as conn:
        kept = conn.execute(sa.select(events.c.hash).where(events.c.seq == 3)).scalar_one()
    execute(engine, sa.delete(events).where(events.c.seq > 3), set_head(engine, 3, kept))
    # the store notices first that its trail moved back (« a reculé »); the signer refuses too
    with pytest.raises(AuditUnavailable, match=r"Signature refusée|a reculé"):
        signer.sign()
    assert signer.sign_quietly() is None
    assert [h.head.tree_size for h in _exported(tmp_path)] == [5]


def test_when_syslog_is_configured_then_each_head_is_sent_there(engine: Engine, tmp_path: Path) -> None:
    import socket

    from iag_gateway.audit.heads import SyslogHeadSink

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as server:
        server.bind(("127.0.0.1", 0))
        server.settimeout(5)
        sink = SyslogHeadSink(f"127.0.0.1:{server.getsockname()[1]}")
        store = AuditStore(engine)
        signer = HeadSigner(
            store,
            HeadKey.generate(),
            [JsonlHeadSink(tmp_path / "h.jsonl"), sink],
            SigningSchedule(),
            background=False,
        )
        store.append(make_entry(1))
        signed = signer.sign()
        assert signed is not None
        message = server.recv(4096).decode()
        sink.close()
    assert message.startswith("<")  # syslog priority: authpriv.info
    assert "iag-gateway: audit-signed-head " in message and signed.to_json() in message
