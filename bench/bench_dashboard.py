"""Time the directorate's dashboard over 100,000 audit records, on SQLite (and PostgreSQL when reachable).

Fills a fresh store with N chained records spread over 90 days (12 departments, the
shipped templates, 4 models, 300 users; refusals, flags, masked data, reroutes, review
acknowledgements, feedback), folds them into the daily roll-up (the time the migration's
backfill takes), then times, median of R runs:

- baseline: the journal's first page (50 newest records and the count of all), what
  the auditors' console already does on every visit;
- dashboard: every SQL aggregate, cost and footprint, the access review, and the page
  rendered to HTML (``dashboard_context`` + the Jinja template), for the default 30
  days, the whole 90 days and one department over 90 days: through the roll-up, and
  live from the records (``rollup=False``, the figures before the roll-up);
- the roll-up with a live tail: after 999 more calls (just under the fold threshold),
  read live on top of the stored days; then the fold of those calls.

Every call is drawn with its own random template and model, and its user's department
(as the gateway records it, from the user's key): the roll-up's rows then group the calls
little (about 190 rows per day for 1,100 calls). ``--department-per-call`` draws the
department at random too (users in every department, which keys do not allow: the
roll-up's worst case, about 600 rows per day).
PostgreSQL's tables are analysed after the bulk fill, as autovacuum would.

Usage: python bench/bench_dashboard.py [N] [R] [--department-per-call]
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import nullcontext
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa

from iag_gateway.audit.chain import chain_hash
from iag_gateway.audit.filters import AuditFilter
from iag_gateway.audit.models import AUDIT_CHAIN_HEAD_TABLE, AUDIT_EVENT_TABLE, AuditEntry
from iag_gateway.audit.rollup import FOLD_AFTER, fold
from iag_gateway.audit.store import AuditStore
from iag_gateway.feedback.models import FEEDBACK_TABLE
from iag_gateway.identity.keys import KeyStore
from iag_gateway.policy.loader import PolicyHolder
from iag_gateway.prompts.catalogue import TemplateCatalogue
from iag_gateway.storage.engine import make_engine
from iag_gateway.storage.migrate import upgrade
from iag_gateway.storage.testing import postgres_available, scratch_postgres, sqlite_url
from iag_gateway.web.dashboard import dashboard_context
from iag_gateway.web.dashboard_filters import DashboardFilters
from iag_gateway.web.views import _environment

ROOT = Path(__file__).resolve().parents[1]
MODELS = ("mistral-eu", "onprem-llm", "azure-gpt-eu", "demo-local")
DEPARTMENTS = tuple(f"service-{i:02d}" for i in range(12))
RULES = (
    {"rule_id": "pii-person", "articles": ["art-3.2", "art-3.3"], "effect": "flag", "message": "pseudonymisé"},
    {"rule_id": "routing-data-class", "articles": ["art-4.1"], "effect": "reroute",
     "message": "mistral-eu → onprem-llm (données patient)"},
    {"rule_id": "usage-clinical", "articles": ["art-5.3"], "effect": "deny", "message": "refus"},
)  # fmt: skip


def fill(
    engine: sa.Engine, n: int, templates: list[str], now: datetime, department_per_call: bool = False
) -> None:
    """Insert ``n`` chained calls (and acknowledgements, feedback) in batches."""
    rng = random.Random(14)
    prev, seq, rows, feedback = "0" * 64, 0, [], []
    start = now - timedelta(days=90)
    for i in range(n):
        denied = rng.random() < 0.1
        flag = rng.random() < 0.2
        reroute = rng.random() < 0.03
        rules = [RULES[2]] if denied else ([RULES[0]] if flag else []) + ([RULES[1]] if reroute else [])
        template = rng.choice(templates) if rng.random() < 0.7 else None
        user = rng.randrange(300)
        entry = AuditEntry(
            request_id=f"req_{i:08d}",
            route="template" if template else "chat",
            outcome="denied" if denied else "ok",
            user_id=f"agent-{user:03d}",
            department=rng.choice(DEPARTMENTS) if department_per_call else DEPARTMENTS[user % 12],
            roles=["buyer"],
            model_alias=rng.choice(MODELS),
            template_id=template,
            decision="deny" if denied else "allow",
            rules=rules,
            articles=list(dict.fromkeys(a for r in rules for a in r["articles"])),
            pii_counts={"PERSON": rng.randrange(3), "PHONE_NUMBER": rng.randrange(2)}
            if rng.random() < 0.4
            else {},
            prompt_tokens=None if denied else rng.randrange(50, 2000),
            completion_tokens=None if denied else rng.randrange(20, 1500),
            latency_ms=rng.uniform(200, 5000),
            status_code=403 if denied else 200,
        )
        values = entry.content()
        seq += 1
        values.update(seq=seq, created_at=start + timedelta(seconds=90 * 86400 * i / n), prev_hash=prev)
        values["hash"] = prev = chain_hash(prev, values)
        rows.append(values)
        if template and not denied and rng.random() < 0.5:
            seq += 1
            ack = AuditEntry(
                request_id=f"ack_{i:08d}", route="review.ack", outcome="ok", ref_request_id=entry.request_id
            )
            ack_values = ack.content()
            ack_values.update(
                seq=seq, created_at=values["created_at"] + timedelta(minutes=rng.randrange(1, 300))
            )
            ack_values["prev_hash"] = prev
            ack_values["hash"] = prev = chain_hash(prev, ack_values)
            rows.append(ack_values)
        if not denied and rng.random() < 0.05:
            feedback.append(
                {"created_at": values["created_at"], "request_id": entry.request_id, "user_id": entry.user_id,
                 "department": entry.department, "template_id": template, "model_alias": entry.model_alias,
                 "useful": rng.random() < 0.7, "comment": None, "comment_pii_counts": {},
                 "minutes_saved": rng.choice((None, 5, 15, 30))}
            )  # fmt: skip
        if len(rows) >= 5000:
            _insert(engine, rows)
    _insert(engine, rows)
    with engine.begin() as conn:
        conn.execute(sa.insert(FEEDBACK_TABLE), feedback)
        conn.execute(sa.update(AUDIT_CHAIN_HEAD_TABLE).values(seq=seq, hash=prev))


def _insert(engine: sa.Engine, rows: list[dict[str, Any]]) -> None:
    if rows:
        with engine.begin() as conn:
            conn.execute(sa.insert(AUDIT_EVENT_TABLE), rows)
        rows.clear()


def median_ms(runs: int, work: Callable[[], object]) -> tuple[float, float]:
    """Median wall time and median CPU time of this process (ms): on a machine shared with
    other jobs the wall time grows with their load, the CPU time much less (SQLite works in
    this process; PostgreSQL's work is in the server's, so its CPU column is the client's part)."""
    walls, cpus = [], []
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append((time.perf_counter() - started) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def bench(name: str, url: str, n: int, runs: int, department_per_call: bool = False) -> None:
    engine = make_engine(url)
    upgrade(engine)
    templates = TemplateCatalogue.load(ROOT / "prompt_templates")
    now = datetime.now(UTC)
    started = time.perf_counter()
    fill(engine, n, [t.id for t in templates.all()], now, department_per_call)
    keys = KeyStore(engine)
    for i in range(300):
        keys.create(user_id=f"agent-{i:03d}", department=DEPARTMENTS[i % 12], roles=("buyer",))
    print(f"{name}: {n:,} calls written in {time.perf_counter() - started:.1f} s")
    if not name.startswith("sqlite"):
        with engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    started, cpu = time.perf_counter(), time.process_time()
    folded = fold(engine)
    assert folded is not None
    print(
        f"{name}: roll-up backfill of {folded.records:,} records ({folded.days} days) "
        f"{time.perf_counter() - started:.1f} s wall, {time.process_time() - cpu:.1f} s cpu"
    )
    store = AuditStore(engine)
    services = SimpleNamespace(
        policies=PolicyHolder(ROOT / "policies", ROOT / "charter"), templates=templates, audit=store
    )
    page = _environment().get_template("dashboard.html")
    today = now.date()

    def dashboard(filters: DashboardFilters, rollup: bool = True) -> Callable[[], object]:
        def run() -> str:
            context = dashboard_context(services, filters, today, True, 90, rollup=rollup)  # type: ignore[arg-type]
            return page.render(identity=None, csrf="", errors=[], providers=["azure", "mistral"], **context)

        return run

    def journal() -> object:
        store.query(AuditFilter(), limit=50, newest_first=True)
        return store.count(AuditFilter())

    since90 = (today - timedelta(days=90)).isoformat()
    periods = (
        ("last 30 days", DashboardFilters()),
        ("all 90 days", DashboardFilters(du=since90)),
        ("90 days, one department", DashboardFilters(service="service-03", du=since90)),
    )
    timings = [("baseline journal page (50 rows + count)", median_ms(runs, journal))]
    for label, filters in periods:
        timings.append((f"dashboard, {label}, roll-up", median_ms(runs, dashboard(filters))))
        timings.append((f"dashboard, {label}, live records", median_ms(runs, dashboard(filters, False))))
    _append_tail(engine, FOLD_AFTER - 1, now)
    timings.append(
        (
            f"dashboard, last 30 days, roll-up + {FOLD_AFTER - 1} live",
            median_ms(runs, dashboard(periods[0][1])),
        )
    )
    timings.append((f"fold of those {FOLD_AFTER - 1} calls", median_ms(1, lambda: fold(engine))))
    print(f"{name}: load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    for label, (wall, cpu) in timings:
        print(f"{name}: {label:<52} p50 wall = {wall:7.1f} ms   cpu = {cpu:7.1f} ms")
    engine.dispose()


def _append_tail(engine: sa.Engine, n: int, now: datetime) -> None:
    """Append ``n`` calls of today through the store (as the gateway does), not folded yet."""
    store = AuditStore(engine)
    for i in range(n):
        store.append(
            AuditEntry(
                request_id=f"tail_{i:05d}", route="chat", outcome="ok", user_id=f"agent-{i % 300:03d}",
                department=DEPARTMENTS[i % 12], model_alias=MODELS[i % 4], prompt_tokens=100,
                completion_tokens=200, pii_counts={"PERSON": 1} if i % 3 == 0 else {},
            )
        )  # fmt: skip


def main() -> None:
    per_call = "--department-per-call" in sys.argv
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 100_000
    runs = int(args[1]) if len(args) > 1 else 5
    print(f"departments: {'drawn per call' if per_call else 'the user key’s'}")
    with tempfile.TemporaryDirectory() as tmp:
        bench("sqlite", sqlite_url(Path(tmp) / "bench.db"), n, runs, per_call)
    postgres = scratch_postgres() if postgres_available() else nullcontext(None)
    with postgres as url:
        if url is None:
            print("postgresql: not reachable, skipped")
        else:
            bench("postgresql", url, n, runs, per_call)


if __name__ == "__main__":
    main()
