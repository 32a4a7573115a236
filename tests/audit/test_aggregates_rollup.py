"""The daily roll-up gives the live figures exactly: tail, late records, filters, retention, backfill.

Each test compares every figure read through the roll-up with the same figures computed
from the records alone (``AuditAggregates(rollup=False)``), on SQLite and PostgreSQL.
"""

from __future__ import annotations

import dataclasses
import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ProgrammingError

from iag_gateway.audit.aggregate_scope import Scope
from iag_gateway.audit.aggregates import AuditAggregates
from iag_gateway.audit.models import AUDIT_EVENT_TABLE, AuditEntry
from iag_gateway.audit.monthly import monthly_lines
from iag_gateway.audit.rollup import fold, read_state
from iag_gateway.audit.rollup_models import (
    DIMS,
    ROLLUP_CALL_TABLE,
    ROLLUP_USER_TABLE,
    USER_GRAINS,
    grain_for,
    grain_keeps,
)
from iag_gateway.audit.sql_dialect import PARIS
from iag_gateway.audit.store import AuditStore
from iag_gateway.cli import main
from iag_gateway.storage.engine import make_engine
from iag_gateway.storage.migrate import upgrade
from iag_gateway.storage.types import utc_now
from tests.audit.audit_helpers import make_entry
from tests.audit.test_aggregates import CALLS, FLAG, REROUTE, SCOPE, T1, call
from tests.audit.test_audit_privileges import _as_role
from tests.audit.test_audit_retention import _age

PUBLISHABLE = (T1,)


def figures(engine: Engine, scope: Scope, *, rollup: bool) -> dict[str, Any]:
    data = dataclasses.asdict(AuditAggregates(engine, rollup=rollup).all(scope, PUBLISHABLE))
    for review in data["reviews"]:  # sums of float delays, added in another order
        for key in ("mean_delay_s", "max_delay_s"):
            review[key] = None if review[key] is None else round(review[key], 6)
    for key in ("tokens_by_model", "tokens_by_department", "tokens_by_template"):
        data[key] = sorted(data[key], key=repr)
    return data


def assert_same(engine: Engine, scope: Scope) -> dict[str, Any]:
    live = figures(engine, scope, rollup=False)
    assert figures(engine, scope, rollup=True) == live
    return live


def day_scope(first: str, last: str, **filters: Any) -> Scope:
    since = datetime.fromisoformat(first).replace(tzinfo=PARIS)
    until = datetime.fromisoformat(last).replace(tzinfo=PARIS) + timedelta(days=1)
    return Scope(since=since, until=until, **filters)


def place(engine: Engine, request_id: str, at: datetime) -> None:
    """Date a record (the tests' way of writing calls on past days; the chain is not checked here)."""
    e = AUDIT_EVENT_TABLE.c
    with engine.begin() as conn:
        conn.execute(sa.update(AUDIT_EVENT_TABLE).where(e.request_id == request_id).values(created_at=at))


def write(engine: Engine, entries: list[tuple[AuditEntry, datetime]]) -> None:
    store = AuditStore(engine)
    for entry, at in entries:
        store.append(entry)
        place(engine, entry.request_id, at)


def ack(n: int, ref: str) -> AuditEntry:
    return AuditEntry(
        request_id=f"ack_{n:04d}", route="review.ack", outcome="ok", user_id="u1", ref_request_id=ref
    )


BASE = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # summer time starts in Paris at 01:00 UTC that day


def test_when_records_arrive_after_a_fold_then_stored_days_and_live_tail_add_up(engine: Engine) -> None:
    write(
        engine,
        [(CALLS[0], BASE), (CALLS[1], BASE + timedelta(minutes=1)), (CALLS[2], BASE + timedelta(hours=23))],
    )
    assert fold(engine) is not None
    # After the fold: a call later on a folded day, one on a new day, one dated on an earlier
    # folded day (a clock behind), and a first acknowledgement of a folded call.
    write(
        engine,
        [
            (CALLS[3], BASE + timedelta(hours=2)),
            (CALLS[4], BASE + timedelta(days=2)),
            (call(6, user_id="u9", department="rh", template_id=T1, model_alias="mistral-eu", prompt_tokens=5,
                  completion_tokens=7, rules=[FLAG, REROUTE], pii_counts={"EMAIL": 2}), BASE - timedelta(hours=2)),
            (ack(1, "req_0001"), BASE + timedelta(days=2, minutes=5)),
        ],
    )  # fmt: skip
    for scope in (SCOPE, day_scope("2026-03-28", "2026-03-31"), day_scope("2026-03-01", "2026-04-30")):
        assert_same(engine, scope)
    live = assert_same(engine, day_scope("2026-03-28", "2026-04-02"))
    assert live["totals"]["calls"] == 6 and live["totals"]["users"] == 4
    assert [r["acknowledged"] for r in live["reviews"]] == [1]
    report = fold(engine)
    assert report is not None and report.records == 4
    with engine.connect() as conn:
        assert read_state(conn)[0] == AuditStore(engine).head()[0]
        days = {d for (d,) in conn.execute(sa.select(ROLLUP_CALL_TABLE.c.day).distinct())}
    assert days == {"2026-03-28", "2026-03-29", "2026-03-30", "2026-03-31"}
    assert assert_same(engine, day_scope("2026-03-28", "2026-04-02")) == live


def test_when_filtered_then_the_roll_up_gives_the_live_figures(engine: Engine) -> None:
    write(engine, [(entry, BASE + timedelta(hours=6 * i)) for i, entry in enumerate(CALLS)])
    write(engine, [(ack(1, "req_0005"), BASE + timedelta(days=3))])
    fold(engine)
    write(engine, [(call(7, user_id="u3", department="finances", route="chat", model_alias="onprem-llm",
                         prompt_tokens=3, completion_tokens=4), BASE + timedelta(hours=30))])  # fmt: skip
    period = ("2026-03-28", "2026-04-03")
    for filters in (
        {"department": "achats"},
        {"department": "finances", "bucket": "month"},
        {"template": T1},
        {"model": "mistral-eu"},
        {"models": ("mistral-eu", "azure-gpt-eu")},
        {"department": "nowhere"},
        {},  # and every pair, and all three: each grain of the user sets is read at least once
        {"department": "achats", "template": T1},
        {"department": "achats", "model": "mistral-eu"},
        {"template": T1, "model": "mistral-eu"},
        {"department": "finances", "template": T1, "model": "mistral-eu"},
        {"department": "achats", "models": ("mistral-eu", "onprem-llm"), "bucket": "month"},
    ):
        scope = day_scope(*period, **filters)
        assert_same(engine, scope)
        for keys in (
            ("department", "template_id"),
            ("model_alias",),
            ("day",),
            ("template_id", "model_alias"),
        ):
            by_rollup = AuditAggregates(engine).users_by(scope, *keys)
            assert by_rollup == AuditAggregates(engine, rollup=False).users_by(scope, *keys)
    # A period not made of whole Paris days is read live, exactly the same.
    odd = Scope(since=BASE + timedelta(hours=1), until=BASE + timedelta(days=1, hours=1))
    assert_same(engine, odd)
    month = day_scope("2026-03-01", "2026-04-30")
    folded = {(li.department, li.template): dataclasses.asdict(li) for li in monthly_lines(engine, month)}
    assert folded[("finances", None)]["calls"] == 2 and folded[("finances", None)]["users"] == 1


def test_when_filters_and_breakdowns_combine_then_users_are_counted_on_the_narrowest_stored_set() -> None:
    assert grain_for(()) == 0  # totals and the series, unfiltered: (day, user)
    assert grain_for(["department"]) == 1
    assert grain_for(["template_id"]) == 2
    assert grain_for(["model_alias"]) == 4
    assert grain_for(["department", "template_id"]) == 3
    assert grain_for(["department", "model_alias"]) == 5
    assert grain_for(["template_id", "model_alias"]) == 7  # no narrower set kept: the full one
    assert grain_for(DIMS) == 7
    assert set(USER_GRAINS) == {grain_for(c) for n in range(4) for c in itertools.combinations(DIMS, n)} - {6}


def test_when_a_day_is_folded_then_each_user_set_is_the_projection_of_the_full_one(engine: Engine) -> None:
    write(engine, [(entry, BASE + timedelta(hours=6 * i)) for i, entry in enumerate(CALLS)])
    fold(engine)
    u = ROLLUP_USER_TABLE.c
    with engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(sa.select(u.grain, u.day, *(u[d] for d in DIMS), u.user_id))]
    full = {r[1:] for r in rows if r[0] == 7}
    assert len(full) == 5
    for grain in USER_GRAINS:
        kept = [i for i, d in enumerate(DIMS) if grain_keeps(grain, d)]
        expected = {(r[0], *(r[1 + i] if i in kept else None for i in range(3)), r[4]) for r in full}
        stored = [r[1:] for r in rows if r[0] == grain]
        assert len(stored) == len(set(stored)) and set(stored) == expected


def test_when_retention_purges_old_records_then_the_figures_drop_them(engine: Engine) -> None:
    store = AuditStore(engine)
    for entry in CALLS[:3]:
        store.append(entry)
    cutoff = utc_now()
    for entry in CALLS[3:]:
        store.append(entry)
    today = datetime.now(PARIS).date().isoformat()
    scope = day_scope(today, today)
    fold(engine)
    assert assert_same(engine, scope)["totals"]["calls"] == 5
    report = store.purge(metadata_before=cutoff, text_before=None)
    assert report.records_deleted == 3
    # Not folded yet, the stored day is stale: it is read live, as the trail is now.
    totals = AuditAggregates(engine).totals(scope)
    assert (totals.calls, totals.users) == (2, 2)
    # The dashboard folds first when a purge is not reflected yet.
    live = assert_same(engine, scope)
    assert (live["totals"]["calls"], live["totals"]["users"]) == (2, 2)
    with engine.connect() as conn:
        assert read_state(conn)[1] == report.purged_through_seq
    with engine.connect() as conn:
        users = {u for (u,) in conn.execute(sa.select(ROLLUP_USER_TABLE.c.user_id))}
    assert users == {"u1", "u3"}  # u2's only call is gone from the roll-up too


def test_when_the_schema_is_upgraded_over_a_trail_then_the_roll_up_is_backfilled(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        upgrade(engine, "0009")
        write(engine, [(entry, BASE + timedelta(hours=5 * i)) for i, entry in enumerate(CALLS)])
        upgrade(engine)
        with engine.connect() as conn:
            assert read_state(conn) == (AuditStore(engine).head()[0], 0)
        assert fold(engine) is None  # nothing left to fold
        assert assert_same(engine, SCOPE)["totals"]["calls"] == 5
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_when_the_gateway_role_folds_then_it_may_rebuild_days_but_not_rewrite_them(pg_url: str) -> None:
    owner = make_engine(pg_url)
    upgrade(owner)
    app = _as_role(pg_url, "iag_gateway_app")
    try:
        store = AuditStore(app)
        for entry in CALLS:
            store.append(entry)
        assert fold(app) is not None
        today = datetime.now(PARIS).date().isoformat()
        assert assert_same(app, day_scope(today, today))["totals"]["calls"] == 5
        for statement in ("UPDATE audit_rollup_call SET calls = 0", "TRUNCATE audit_rollup_user"):
            with pytest.raises(ProgrammingError, match="permission denied"), app.begin() as conn:
                conn.execute(sa.text(statement))
    finally:
        app.dispose()
        owner.dispose()


def _role_url(url: str, role: str) -> str:
    parsed = make_url(url)
    query = dict(parsed.query)
    query["options"] = f"{query['options']} -crole={role}"
    return parsed.set(query=query).render_as_string(hide_password=False)


def test_when_audit_purge_runs_then_purged_users_leave_the_roll_up_at_once(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    try:
        store = AuditStore(engine)
        for i, user in enumerate(("u.older", "u.old", "u.new")):
            store.append(make_entry(i, route="template", user_id=user))
        _age(engine, {1: 400, 2: 370})  # policy.yaml keeps the metadata 365 days
        fold(engine)
        u = ROLLUP_USER_TABLE.c
        stored = sa.select(u.user_id).distinct()
        with engine.connect() as conn:
            assert {x for (x,) in conn.execute(stored)} == {"u.older", "u.old", "u.new"}
        env = {"IAG_DATABASE_URL": db_url}
        if engine.dialect.name == "postgresql":  # the purge as its role, the fold as the gateway's
            purger = _role_url(db_url, "iag_audit_purge")
            env = {
                "IAG_DATABASE_URL": _role_url(db_url, "iag_gateway_app"),
                "IAG_AUDIT_PURGE_DATABASE_URL": purger,
            }
            purge_role = make_engine(purger)
            with pytest.raises(ProgrammingError, match="permission denied"), purge_role.begin() as conn:
                conn.execute(sa.text("DELETE FROM audit_rollup_user"))  # the purge role leaves the roll-up
            purge_role.dispose()
        done = CliRunner().invoke(main, ["audit", "purge"], env=env)
        assert done.exit_code == 0, done.output
        assert "deleted 2 records" in done.output and "dashboard roll-up folded" in done.output
        with engine.connect() as conn:
            assert {x for (x,) in conn.execute(stored)} == {"u.new"}
            assert read_state(conn)[1] == 2
    finally:
        engine.dispose()
