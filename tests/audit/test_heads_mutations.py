"""The mutation suite: every way an administrator could rewrite the trail is caught by ``verify --heads``.

Each test runs on a SQLite file and a private PostgreSQL schema holding a real
signed trail (appends, a retention purge, heads every 10 records), tampers with it
through SQL, and checks that verification fails naming the first inconsistency.
The ``rechain`` variants recompute every chain hash and rewind the head, as someone
who knows the algorithm would: the old chain check then passes and only the signed
heads catch them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from iag_gateway.audit.chain import verify
from iag_gateway.audit.signing import HeadKey, SignedHead, TreeHead
from iag_gateway.audit.tree_models import PURGED_LEAF_TABLE, SIGNED_HEAD_TABLE
from tests.audit.audit_helpers import make_entry
from tests.audit.heads_helpers import (
    EVENTS,
    Trail,
    build_trail,
    execute,
    forge_checkpoint,
    rechain,
    set_head,
    wipe,
)


@pytest.fixture
def trail(engine: Engine, tmp_path: Path) -> Trail:
    return build_trail(engine, tmp_path)


def _fails(trail: Trail, expected: str, **kwargs: Any) -> str:
    report = trail.verify(**kwargs)
    assert not report.ok, "tampering went unnoticed"
    assert report.problem is not None and expected in report.problem, report.problem
    return report.problem


def test_when_trail_untouched_then_every_head_verifies(trail: Trail) -> None:
    report = trail.verify()
    assert report.ok, report.problem
    assert report.records == 59 and report.unsigned == 0
    assert report.heads_checked == len(trail.heads_file.read_text().splitlines()) >= 6
    assert trail.verify(metadata_days=0).ok


# -- the naive edits: the hash chain names them ---------------------------------------------


def test_when_record_edited_then_chain_named(trail: Trail) -> None:
    execute(trail.engine, sa.update(EVENTS).where(EVENTS.c.seq == 30).values(user_id="mallory"))
    _fails(trail, "hash chain broken at record 30")


def test_when_record_deleted_then_chain_named(trail: Trail) -> None:
    execute(trail.engine, sa.delete(EVENTS).where(EVENTS.c.seq == 30))
    _fails(trail, "hash chain broken at record 30")


def test_when_records_reordered_then_chain_named(trail: Trail) -> None:
    a, b = trail.row(25), trail.row(26)
    with trail.engine.begin() as conn:
        conn.execute(sa.update(EVENTS).where(EVENTS.c.seq == 25).values(seq=-1))
        conn.execute(sa.update(EVENTS).where(EVENTS.c.seq == 26).values(seq=25))
        conn.execute(sa.update(EVENTS).where(EVENTS.c.seq == -1).values(seq=26))
    assert (trail.row(25)["hash"], trail.row(26)["hash"]) == (b["hash"], a["hash"])
    _fails(trail, "hash chain broken at record 25")


def test_when_tail_truncated_then_chain_names_missing_records(trail: Trail) -> None:
    execute(trail.engine, sa.delete(EVENTS).where(EVENTS.c.seq > 50))
    _fails(trail, "records 51..59 are missing")


# -- what the chain alone let through (issue 12): the signed heads name them -----------------


def test_when_tail_truncated_and_head_rewound_then_heads_catch_it(trail: Trail) -> None:
    last_kept = trail.row(40)
    execute(
        trail.engine,
        sa.delete(EVENTS).where(EVENTS.c.seq > 40),
        set_head(trail.engine, 40, last_kept["hash"]),
    )
    assert verify(trail.engine).ok  # the old check is fooled
    _fails(trail, "covers 46 records but the database holds 40")


def test_when_trail_wiped_and_reset_then_heads_catch_it(trail: Trail) -> None:
    wipe(trail)
    assert verify(trail.engine).ok
    _fails(trail, "covers 10 records but the database holds 0")


def test_when_record_edited_and_rechained_then_first_head_after_it_is_named(trail: Trail) -> None:
    def edit(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        next(r for r in rows if r["seq"] == 33)["outcome"] = (
            "ok" if trail.row(33)["outcome"] != "ok" else "denied"
        )
        return rows

    rechain(trail, edit)
    assert verify(trail.engine).ok
    problem = _fails(trail, "is not consistent with the head before it")
    assert "line 4" in problem  # heads at 10, 20, 30, 40: the one at 40 is the first to cover 33


def test_when_record_deleted_and_rechained_then_heads_catch_it(trail: Trail) -> None:
    rechain(trail, lambda rows: [r for r in rows if r["seq"] != 22])
    assert verify(trail.engine).ok
    _fails(trail, "is not consistent with the head before it")


def test_when_record_inserted_and_rechained_then_heads_catch_it(trail: Trail) -> None:
    def insert(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        forged = {**rows[10], "request_id": "req-forged", "user_id": "u.alibi"}
        return [*rows[:11], forged, *rows[11:]]

    rechain(trail, insert)
    assert verify(trail.engine).ok
    _fails(trail, "is not consistent with the head before it")


def test_when_records_reordered_and_rechained_then_heads_catch_it(trail: Trail) -> None:
    def swap(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        rows[3], rows[4] = rows[4], rows[3]
        return rows

    rechain(trail, swap)
    assert verify(trail.engine).ok
    _fails(trail, "is not consistent with the head before it")


def test_when_request_ids_swapped_and_rechained_then_heads_catch_it(trail: Trail) -> None:
    def swap_ids(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        a, b = rows[5], rows[30]
        a["request_id"], b["request_id"] = b["request_id"], a["request_id"]
        return rows

    rechain(trail, swap_ids)
    assert verify(trail.engine).ok
    _fails(trail, "is not consistent with the head before it")


def test_when_checkpoint_forged_and_records_deleted_then_leaves_missing(trail: Trail) -> None:
    forge_checkpoint(trail, 30, keep_leaves=False)
    assert verify(trail.engine).ok
    _fails(trail, "record 16 is neither in the trail nor kept by a purge")


def test_when_checkpoint_forged_with_leaves_then_no_purge_justifies_it(trail: Trail) -> None:
    forge_checkpoint(trail, 30, keep_leaves=True)
    assert verify(trail.engine).ok
    _fails(trail, "is not justified by an audit.purge record")


def test_when_signed_head_forged_then_signature_named(trail: Trail) -> None:
    lines = trail.heads_file.read_text().splitlines()
    doc = json.loads(lines[2])
    doc["tree_size"] -= 1
    lines[2] = json.dumps(doc)
    trail.heads_file.write_text("\n".join(lines) + "\n")
    _fails(trail, "signed head on line 3 is not signed by the published key")


def test_when_head_signed_by_another_key_then_signature_named(trail: Trail) -> None:
    other = HeadKey.generate()
    last = SignedHead.from_json(trail.heads_file.read_text().splitlines()[-1])
    forged = other.sign(TreeHead(last.head.tree_size, last.head.root_hash, last.head.timestamp))
    with trail.heads_file.open("a") as out:
        out.write(forged.to_json() + "\n")
    _fails(trail, "is not signed by the published key")


def test_when_old_signed_head_replayed_in_export_then_named(trail: Trail) -> None:
    lines = trail.heads_file.read_text().splitlines()
    with trail.heads_file.open("a") as out:
        out.write(lines[1] + "\n")
    _fails(trail, f"line {len(lines) + 1} goes back from 59 to 20 records")


def test_when_old_signed_head_replayed_in_database_then_named(trail: Trail) -> None:
    with trail.engine.connect() as conn:
        old = dict(
            conn.execute(sa.select(SIGNED_HEAD_TABLE).order_by(SIGNED_HEAD_TABLE.c.id)).mappings().first()
            or {}
        )
    old.pop("id")
    execute(trail.engine, sa.insert(SIGNED_HEAD_TABLE).values(old))
    _fails(trail, "goes back after a head of 59 records")


def test_when_database_heads_deleted_then_named(trail: Trail) -> None:
    with trail.engine.connect() as conn:
        last_id = conn.execute(sa.select(sa.func.max(SIGNED_HEAD_TABLE.c.id))).scalar_one()
    execute(trail.engine, sa.delete(SIGNED_HEAD_TABLE).where(SIGNED_HEAD_TABLE.c.id == last_id))
    _fails(trail, "the database's heads stop at")


def test_when_purge_cut_sooner_than_retention_then_named(trail: Trail) -> None:
    # The fixture's purge cut at "now": under a one-day retention it was premature.
    _fails(trail, "cut sooner than the retention of 1 days allows", metadata_days=1)


# -- the checks behind the checks -------------------------------------------------------------


def test_when_a_live_record_is_also_claimed_purged_then_named(trail: Trail) -> None:
    row = trail.row(16)
    values = {"seq": 16, "created_at": row["created_at"], "hash": row["hash"]}
    execute(trail.engine, sa.insert(PURGED_LEAF_TABLE).values(values))
    _fails(trail, "record 16 is both purged and still in the trail")


def test_when_a_purged_leaf_is_altered_then_the_first_head_names_it(trail: Trail) -> None:
    execute(
        trail.engine,
        sa.update(PURGED_LEAF_TABLE).where(PURGED_LEAF_TABLE.c.seq == 3).values(hash="0" * 64),
    )
    _fails(trail, "line 1: records 1..10 in the database do not give its signed root")


def test_when_export_line_is_garbage_then_named(trail: Trail) -> None:
    with trail.heads_file.open("a") as out:
        out.write('{"tree_size": "many"}\n')
    _fails(trail, "is unreadable")


def test_when_a_head_of_the_same_size_is_replayed_then_going_back_in_time_is_named(trail: Trail) -> None:
    trail.signer.sign(force=True)  # a second head over the same 59 records, later
    lines = trail.heads_file.read_text().splitlines()
    with trail.heads_file.open("a") as out:
        out.write(lines[-2] + "\n")
    _fails(trail, "goes back in time")


def test_when_a_database_head_is_forged_then_named(trail: Trail) -> None:
    with trail.engine.connect() as conn:
        last = dict(
            conn.execute(sa.select(SIGNED_HEAD_TABLE).order_by(SIGNED_HEAD_TABLE.c.id.desc()))
            .mappings()
            .first()
            or {}
        )
    last.pop("id")
    last["tree_size"] = 60
    execute(trail.engine, sa.insert(SIGNED_HEAD_TABLE).values(last))
    _fails(trail, "(60 records) is not signed by the published key")


def test_when_a_database_head_is_missing_from_the_export_then_named(trail: Trail) -> None:
    lines = trail.heads_file.read_text().splitlines()
    trail.heads_file.write_text("\n".join(lines[:2] + lines[3:]) + "\n")
    _fails(trail, "(30 records) is not in the heads export")


def test_when_a_purge_is_not_yet_signed_then_named(trail: Trail) -> None:
    report = trail.store.purge(metadata_before=trail.row(20)["created_at"], text_before=None)
    assert report.records_deleted == 4 and report.audit_seq == 60
    _fails(trail, "the purge recorded as record 60 is not yet covered by a signed head")


def test_when_a_forged_purge_claims_records_newer_than_its_cutoff_then_named(trail: Trail) -> None:
    real_purge = next(r for r in trail.rows() if r["route"] == "audit.purge")
    forge_checkpoint(trail, 30, keep_leaves=True)
    trail.store.append(
        make_entry(
            900,
            route="audit.purge",
            extra={
                **real_purge["extra"],
                "purged_through_seq": 30,
                "anchor_hash": next(r["hash"] for r in [*trail.rows(), *_purged(trail)] if r["seq"] == 30),
            },
        )
    )
    trail.signer.sign()  # the gateway's periodic head covers the forged record too
    _fails(trail, "record 16 was purged though newer than the cutoff")


def _purged(trail: Trail) -> list[dict[str, Any]]:
    with trail.engine.connect() as conn:
        return [dict(r) for r in conn.execute(sa.select(PURGED_LEAF_TABLE)).mappings()]


def test_when_the_export_is_emptied_then_the_database_heads_are_named(trail: Trail) -> None:
    trail.heads_file.write_text("")
    _fails(trail, "(10 records) is not in the heads export")
