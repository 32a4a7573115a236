"""What signed tree heads add to an audit append, under load: same run, with and without signing.

Threads append concurrently to a fresh trail; rounds alternate without / with the
signer (Merkle frontier fed on every append, a head signed every N records and
written to the JSONL export with fsync and to the database), so both see the same
machine state. Prints the mean per-call latency of each and the difference, per
backend: SQLite on disk, SQLite on tmpfs (/dev/shm: no fsync cost, so the CPU the
signer adds is not drowned in disk waits), PostgreSQL when reachable. It also
prints the signer's own time per call, measured inside the run: the time appends
spend in the signer's hooks (feeding the frontier, queueing a signature) plus the
time the signing thread spends taking and holding the chain lock.

Usage: python bench/bench_audit_heads.py [APPENDS_PER_THREAD] [THREADS] [EVERY_RECORDS]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import nullcontext
from datetime import datetime
from pathlib import Path

from iag_gateway.audit.heads import HeadSigner, JsonlHeadSink, SigningSchedule
from iag_gateway.audit.models import AuditEntry, digest_text
from iag_gateway.audit.signing import HeadKey
from iag_gateway.audit.store import AuditStore
from iag_gateway.storage.engine import make_engine
from iag_gateway.storage.migrate import upgrade
from iag_gateway.storage.testing import postgres_available, scratch_postgres, sqlite_url

ROUNDS = 4


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
        total_tokens=150,
        latency_ms=812.5,
        status_code=200,
        prompt_digest=digest_text(f"p{i}"),
    )


def _load(store: AuditStore, per_thread: int, threads: int) -> list[float]:
    """Every thread appends ``per_thread`` records at once; return each call's latency (ms)."""
    samples: list[float] = []
    lock, start = threading.Lock(), threading.Barrier(threads)

    def worker(t: int) -> None:
        mine = []
        start.wait()
        for i in range(per_thread):
            began = time.perf_counter()
            store.append(_entry(t * 1_000_000 + i))
            mine.append((time.perf_counter() - began) * 1000)
        with lock:
            samples.extend(mine)

    pool = [threading.Thread(target=worker, args=(t,)) for t in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return samples


class TimedSigner(HeadSigner):
    """The real signer, with a stopwatch on the hooks appends call and on its chain-lock snapshot."""

    hooks_s = 0.0
    lock_s = 0.0

    def appended(self, seq: int, created_at: datetime, record_hash: str) -> None:
        began = time.perf_counter()
        super().appended(seq, created_at, record_hash)
        self.hooks_s += time.perf_counter() - began

    def committed(self, seq: int) -> None:
        began = time.perf_counter()
        super().committed(seq)
        self.hooks_s += time.perf_counter() - began

    def _snapshot(self, force: bool) -> tuple[int, str, list[str]] | None:
        began = time.perf_counter()
        try:
            return super()._snapshot(force)
        finally:
            self.lock_s += time.perf_counter() - began


def _round(
    new_url: Callable[[], object], tmp: Path, signed: bool, args: tuple[int, int, int]
) -> tuple[list[float], tuple[float, float]]:
    """One trail under load; returns the latencies and the signer's own ms per call (0 unsigned)."""
    per_thread, threads, every = args
    with new_url() as url:  # type: ignore[attr-defined]
        engine = make_engine(str(url))
        upgrade(engine)
        store = AuditStore(engine)
        signer = None
        if signed:
            heads = tmp / f"heads-{time.monotonic_ns()}.jsonl"
            signer = TimedSigner(
                store, HeadKey.generate(), [JsonlHeadSink(heads)], SigningSchedule(every, 3600)
            )
            signer.sign()
            signer.hooks_s = signer.lock_s = 0.0
        store.append(_entry(-1))  # warm the pool
        samples = _load(store, per_thread, threads)
        if signer is not None:
            signer.drain()
        engine.dispose()
    own = (0.0, 0.0)
    if signer is not None:
        # The hooks run in the caller; the snapshot (waiting for, then holding, the chain lock)
        # runs in the signing thread, and is shown apart.
        own = (signer.hooks_s / len(samples) * 1000, signer.lock_s / len(samples) * 1000)
    return samples, own


def bench(name: str, new_url: Callable[[], object], tmp: Path, args: tuple[int, int, int]) -> None:
    plain: list[float] = []
    signed: list[float] = []
    plain_means, signed_means = [], []
    hooks, snapshots = [], []
    for _ in range(ROUNDS):
        samples, _own = _round(new_url, tmp, False, args)
        plain += samples
        plain_means.append(statistics.fmean(samples))
        samples, (hook_ms, snapshot_ms) = _round(new_url, tmp, True, args)
        signed += samples
        signed_means.append(statistics.fmean(samples))
        hooks.append(hook_ms)
        snapshots.append(snapshot_ms)
    base, with_heads = statistics.fmean(plain), statistics.fmean(signed)
    rounds = " ".join(f"{a:.2f}/{b:.2f}" for a, b in zip(plain_means, signed_means, strict=True))
    print(
        f"{name:<14} {args[1]} threads x {args[0]} appends x {ROUNDS} rounds, head every {args[2]}: "
        f"without {base:.3f} ms/call, with {with_heads:.3f} ms/call, difference {with_heads - base:+.3f} ms; "
        f"signer in the caller {statistics.fmean(hooks):.4f} ms/call, chain lock taken by signing "
        f"{statistics.fmean(snapshots):.4f} ms/call (round means without/with: {rounds})"
    )


def micro(every: int) -> None:
    """The signer's own work per record, without the database: feed the frontier, sign every N."""
    key, n = HeadKey.generate(), 100_000
    from datetime import UTC, datetime

    from iag_gateway.audit.merkle import Frontier, leaf_data, leaf_hash
    from iag_gateway.audit.models import format_timestamp
    from iag_gateway.audit.signing import TreeHead

    frontier, now = Frontier(), datetime.now(UTC)
    began = time.perf_counter()
    for seq in range(1, n + 1):
        frontier.append(leaf_hash(leaf_data(seq, format_timestamp(now), "a" * 64)))
        if seq % every == 0:
            key.sign(TreeHead(seq, frontier.root().hex(), format_timestamp(now)))
    per_call = (time.perf_counter() - began) / n * 1000
    print(f"in-process  frontier + a signature every {every}: {per_call * 1000:.1f} µs/record")


def main() -> None:
    per_thread = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    every = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    args = (per_thread, threads, every)
    micro(every)
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        counter = iter(range(1_000_000))
        bench("sqlite", lambda: nullcontext(sqlite_url(tmp / f"bench-{next(counter)}.db")), tmp, args)
        shm = Path("/dev/shm")
        if shm.is_dir():
            with tempfile.TemporaryDirectory(dir=shm) as fast:
                urls = (sqlite_url(Path(fast) / f"bench-{i}.db") for i in range(1_000_000))
                bench("sqlite-tmpfs", lambda: nullcontext(next(urls)), tmp, args)
        if postgres_available():
            bench("postgresql", scratch_postgres, tmp, args)
        else:
            print("postgresql: not reachable, skipped")


if __name__ == "__main__":
    main()
