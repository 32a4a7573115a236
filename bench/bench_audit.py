"""Time audit appends and key checks on SQLite (and PostgreSQL when reachable).

Usage: python bench/bench_audit.py [N]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from iag_gateway.audit.models import AuditEntry, digest_text
from iag_gateway.audit.store import AuditStore
from iag_gateway.identity.keys import KeyStore
from iag_gateway.storage.engine import make_engine
from iag_gateway.storage.migrate import upgrade
from iag_gateway.storage.testing import postgres_available, scratch_postgres, sqlite_url


def _entry(i: int) -> AuditEntry:
    return AuditEntry(
        request_id=f"bench-{i}",
        route="/v1/chat/completions",
        outcome="ok",
        user_id="u.bench",
        department="achats",
        roles=["buyer"],
        model_alias="mistral-large",
        rules=[{"rule_id": "pii-redact", "articles": ["5.2"]}],
        articles=["5.2"],
        pii_counts={"PERSON": 1},
        prompt_tokens=100,
        completion_tokens=50,
        total_tokens=150,
        latency_ms=812.5,
        status_code=200,
        prompt_digest=digest_text(f"p{i}"),
        response_digest=digest_text(f"r{i}"),
    )


def _time(n: int, call: Callable[[int], Any]) -> list[float]:
    samples = []
    for i in range(n):
        started = time.perf_counter()
        call(i)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def _report(label: str, samples: list[float]) -> None:
    ordered = sorted(samples)
    p99 = ordered[int(len(ordered) * 0.99) - 1]
    print(
        f"{label:<22} n={len(samples):<5} mean={statistics.fmean(samples):.3f} ms "
        f"p50={statistics.median(samples):.3f} ms p99={p99:.3f} ms "
        f"-> {1000 / statistics.fmean(samples):,.0f}/s"
    )


def bench(name: str, url: str, n: int) -> None:
    engine = make_engine(url)
    upgrade(engine)
    store, keys = AuditStore(engine), KeyStore(engine)
    store.append(_entry(-1))  # warm the pool
    _report(f"{name} append", _time(n, lambda i: store.append(_entry(i))))
    _, token = keys.create(user_id="u.bench", department="achats", roles=["buyer"])
    _report(f"{name} authenticate", _time(n, lambda _i: keys.authenticate(token)))
    engine.dispose()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        bench("sqlite", sqlite_url(Path(tmp) / "bench.db"), n)
    postgres = scratch_postgres() if postgres_available() else nullcontext(None)
    with postgres as url:
        if url is None:
            print("postgresql: not reachable, skipped")
        else:
            bench("postgresql", url, n)


if __name__ == "__main__":
    main()
