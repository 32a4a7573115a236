from __future__ import annotations

import multiprocessing
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from iag_gateway.audit.chain import verify
from iag_gateway.audit.filters import AuditFilter
from iag_gateway.audit.store import AuditStore
from tests.audit.audit_helpers import append_many, make_entry

PER_WORKER = 150


def _count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.text("SELECT count(*) FROM audit_event")).scalar_one())


@pytest.mark.slow
def test_when_two_processes_append_concurrently_then_chain_verifies_and_count_is_exact(
    engine: Engine, db_url: str
) -> None:
    AuditStore(engine).append(make_entry(0))
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(2)
    workers = [context.Process(target=append_many, args=(db_url, n, PER_WORKER, start)) for n in (1, 2)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(timeout=60)
    assert [p.exitcode for p in workers] == [0, 0]
    assert _count(engine) == 1 + 2 * PER_WORKER
    result = verify(engine, batch=64)
    assert result.ok, result.reason
    assert result.checked == 1 + 2 * PER_WORKER
    store = AuditStore(engine)
    for worker in (1, 2):
        mine, _ = store.query(AuditFilter(user_id=f"worker-{worker}"), limit=1000)
        assert len(mine) == PER_WORKER


def test_when_threads_append_concurrently_then_seq_unique_and_chain_verifies(engine: Engine) -> None:
    store = AuditStore(engine)
    with ThreadPoolExecutor(max_workers=8) as pool:
        events = list(pool.map(lambda i: store.append(make_entry(i)), range(200)))
    assert sorted(e.seq for e in events) == list(range(1, 201))
    assert verify(engine).ok


def test_when_verifying_while_appending_then_no_false_alarm(engine: Engine) -> None:
    store = AuditStore(engine)
    for i in range(20):
        store.append(make_entry(i))
    with ThreadPoolExecutor(max_workers=1) as pool:
        writing = pool.submit(lambda: [store.append(make_entry(100 + i)) for i in range(150)])
        results = []
        while not writing.done():
            results.append(verify(engine, batch=7))
        writing.result()
    results.append(verify(engine, batch=7))
    assert all(r.ok for r in results), [r.reason for r in results if not r.ok]
    assert results[-1].checked == 170
