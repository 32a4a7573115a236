"""The dashboard's figures from a store filled with known calls, on SQLite and PostgreSQL.

Each expected value below is worked out by hand from the calls written here; energy and
emissions are checked against EcoLogits called directly, once per call. Every test runs
twice: with the records read live (nothing folded) and with the trail folded into the
daily roll-up (``audit/rollup.py``).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from iag_gateway.audit.access_review import review_access
from iag_gateway.audit.aggregate_scope import Scope
from iag_gateway.audit.aggregates import AuditAggregates
from iag_gateway.audit.filters import AuditFilter
from iag_gateway.audit.models import AUDIT_EVENT_TABLE, AuditEntry
from iag_gateway.audit.monthly import monthly_lines
from iag_gateway.audit.rollup import fold
from iag_gateway.audit.store import AuditStore
from iag_gateway.feedback.models import FEEDBACK_TABLE
from iag_gateway.footprint.costing import Costing
from iag_gateway.footprint.factors import ELECTRICITY_ZONE, all_factors, midpoint
from iag_gateway.identity.keys import KeyStore
from iag_gateway.policy.loader import PolicyHolder
from iag_gateway.web.dashboard_filters import DashboardFilters
from iag_gateway.web.dashboard_sections import sections, summary_cards
from iag_gateway.web.dashboard_views import as_dict

ROOT = Path(__file__).resolve().parents[2]
T1 = "cctp-redaction"
FLAG = {
    "rule_id": "pii-person",
    "articles": ["art-3.2", "art-3.3"],
    "effect": "flag",
    "message": "pseudonymisé",
}
REROUTE = {
    "rule_id": "routing-data-class",
    "articles": ["art-4.1"],
    "effect": "reroute",
    "message": "mistral-eu → onprem-llm (données patient)",
}
DENY = {"rule_id": "usage-clinical", "articles": ["art-5.3"], "effect": "deny", "message": "refus"}


def call(n: int, **fields: Any) -> AuditEntry:
    values: dict[str, Any] = {"request_id": f"req_{n:04d}", "route": "template", "outcome": "ok"}
    values.update(fields)
    # As the record stage writes them: the articles are those of the rules that fired.
    values["articles"] = list(dict.fromkeys(a for rule in values.get("rules", []) for a in rule["articles"]))
    return AuditEntry(**values)


#: The calls: (entry, seconds after the base instant).
CALLS = [
    call(1, user_id="u1", department="achats", template_id=T1, model_alias="mistral-eu", prompt_tokens=100,
         completion_tokens=200, pii_counts={"PERSON": 2, "PHONE_NUMBER": 1}, rules=[FLAG]),
    call(2, user_id="u2", department="achats", template_id=T1, model_alias="onprem-llm", prompt_tokens=40,
         completion_tokens=50, pii_counts={"PERSON": 1, "FR_NIR": 0}, rules=[REROUTE]),
    call(3, user_id="u3", department="finances", route="chat", model_alias="azure-gpt-eu", prompt_tokens=10,
         completion_tokens=300),
    call(4, user_id="u1", department="achats", route="chat", outcome="denied", model_alias="mistral-eu",
         rules=[DENY], decision="deny"),
    call(5, user_id="u3", department="finances", template_id=T1, model_alias="mistral-eu", prompt_tokens=1,
         completion_tokens=1000),
]  # fmt: skip
NOT_CALLS = [
    AuditEntry(request_id="req_0100", route="audit.console", outcome="ok", user_id="aud", department="dir"),
    AuditEntry(
        request_id="req_0101", route="review.ack", outcome="ok", user_id="u1", ref_request_id="req_0001"
    ),
    AuditEntry(
        request_id="req_0102", route="review.ack", outcome="ok", user_id="u1", ref_request_id="req_0001"
    ),
]
BASE = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # Paris switches to summer time at 01:00 UTC that day


@pytest.fixture(params=["live", "folded"])
def filled(engine: Engine, request: pytest.FixtureRequest) -> Engine:
    store = AuditStore(engine)
    for entry in [*CALLS, *NOT_CALLS]:
        store.append(entry)
    # Place the records in time (the chain is not checked here): calls 1-4 on 29 March early
    # morning (Paris, winter time), call 5 at 22:30 UTC = 00:30 on 30 March in Paris (summer time).
    when = {
        "req_0001": BASE,
        "req_0002": BASE + timedelta(minutes=1),
        "req_0003": BASE + timedelta(minutes=2),
        "req_0004": BASE + timedelta(minutes=3),
        "req_0005": BASE + timedelta(hours=22),
        "req_0100": BASE,
        "req_0101": BASE + timedelta(seconds=90),  # first acknowledgement of call 1: 90 s later
        "req_0102": BASE + timedelta(seconds=600),
    }
    e = AUDIT_EVENT_TABLE.c
    with engine.begin() as conn:
        for request_id, at in when.items():
            conn.execute(sa.update(AUDIT_EVENT_TABLE).where(e.request_id == request_id).values(created_at=at))
        for ref, useful, minutes, comment, dept in (
            ("req_0001", True, 20, "Bien, merci <PERSON_1>", "achats"),
            ("req_0002", False, None, None, "achats"),
            ("req_0005", True, 15, None, "finances"),
        ):
            conn.execute(
                sa.insert(FEEDBACK_TABLE),
                {
                    "created_at": BASE + timedelta(minutes=30),
                    "request_id": ref,
                    "user_id": "u",
                    "department": dept,
                    "template_id": T1,
                    "model_alias": "mistral-eu",
                    "useful": useful,
                    "comment": comment,
                    "comment_pii_counts": {},
                    "minutes_saved": minutes,
                },
            )
    if request.param == "folded":
        report = fold(engine)
        assert report is not None and report.through_seq == store.head()[0]
    return engine


SCOPE = Scope(since=datetime(2026, 3, 28, 23, tzinfo=UTC), until=datetime(2026, 3, 31, 22, tzinfo=UTC))


def test_when_calls_are_aggregated_then_every_count_matches_the_calls_written(filled: Engine) -> None:
    data = AuditAggregates(filled).all(SCOPE, (T1,))
    t = data.totals
    assert (t.calls, t.users, t.departments, t.ok, t.denied) == (5, 3, 2, 4, 1)
    assert (t.prompt_tokens, t.completion_tokens) == (151, 1550)
    assert [(p.bucket, p.calls, p.users, p.departments, p.denied, p.flagged) for p in data.series] == [
        ("2026-03-29", 4, 3, 2, 1, 1),
        ("2026-03-30", 1, 1, 1, 0, 0),
    ]
    assert [(r.key, r.calls, r.users, r.ok, r.denied) for r in data.by_template] == [
        (T1, 3, 3, 3, 0),
        (None, 2, 2, 1, 1),
    ]
    assert {r.key: (r.calls, r.completion_tokens) for r in data.by_model} == {
        "mistral-eu": (3, 1200),
        "onprem-llm": (1, 50),
        "azure-gpt-eu": (1, 300),
    }
    assert {r.key: r.calls for r in data.by_department} == {"achats": 3, "finances": 2}
    assert {(r.article, r.rule_id, r.effect): r.records for r in data.rules} == {
        ("art-3.2", "pii-person", "flag"): 1,
        ("art-3.3", "pii-person", "flag"): 1,
        ("art-4.1", "routing-data-class", "reroute"): 1,
        ("art-5.3", "usage-clinical", "deny"): 1,
    }
    assert [(r.key, r.records, r.total) for r in data.pii] == [("PERSON", 2, 3), ("PHONE_NUMBER", 1, 1)]
    assert [(r.key, r.records) for r in data.reroutes] == [("mistral-eu → onprem-llm (données patient)", 1)]
    [review] = data.reviews
    assert (review.template, review.calls, review.acknowledged) == (T1, 3, 1)
    assert review.mean_delay_s == pytest.approx(90, abs=0.01) and review.max_delay_s == pytest.approx(
        90, abs=0.01
    )
    [fb] = data.feedback
    assert (fb.answers, fb.useful, fb.not_useful, fb.minutes_saved, fb.minutes_answers, fb.comments) == (
        3, 2, 1, 35, 2, 1,
    )  # fmt: skip


def test_when_filtered_by_department_or_provider_then_only_those_calls_count(filled: Engine) -> None:
    aggregates = AuditAggregates(filled)
    achats = aggregates.totals(Scope(since=SCOPE.since, until=SCOPE.until, department="achats"))
    assert (achats.calls, achats.users) == (3, 2)
    mistral = aggregates.totals(Scope(since=SCOPE.since, until=SCOPE.until, models=("mistral-eu",)))
    assert (mistral.calls, mistral.denied) == (3, 1)
    month = aggregates.series(Scope(since=SCOPE.since, until=SCOPE.until, bucket="month"))
    assert [(p.bucket, p.calls) for p in month] == [("2026-03", 5)]
    drill = AuditFilter(since=SCOPE.since, until=SCOPE.until, calls_only=True, article="art-3.2")
    assert [e.request_id for e in AuditStore(filled).query(drill)[0]] == ["req_0001"]
    person = AuditFilter(since=SCOPE.since, until=SCOPE.until, calls_only=True, pii_type="PERSON")
    assert AuditStore(filled).count(person) == 2


def direct_ecologits(provider: str, model: str, tokens: int) -> tuple[float, float]:
    from ecologits.tracers.utils import llm_impacts

    impacts = llm_impacts(provider, model, tokens, float("inf"), ELECTRICITY_ZONE)
    assert impacts.energy is not None and impacts.gwp is not None
    return midpoint(impacts.energy.value), midpoint(impacts.gwp.value) * 1000


def test_when_footprint_is_shown_then_it_equals_ecologits_called_once_per_call(filled: Engine) -> None:
    policy = PolicyHolder(ROOT / "policies", ROOT / "charter").current.policy
    models = {m.alias: m for m in policy.providers.models}
    costing = Costing(models, all_factors(policy.providers.models))
    data = AuditAggregates(filled).all(SCOPE, (T1,))
    # Expected, call by call: EcoLogits for the models it knows, the declared factor otherwise.
    mistral = [direct_ecologits("mistralai", "mistral-small-latest", n) for n in (200, 1000)]
    azure = direct_ecologits("openai", "gpt-4o-mini", 300)
    onprem_kwh = 50 * 0.0009 / 1000
    from ecologits.electricity_mix_repository import electricity_mixes

    mix = electricity_mixes.find_electricity_mix(zone="FRA")
    assert mix is not None
    by_model = costing.totals(data.tokens_by_model)
    assert by_model["mistral-eu"]["kwh"] == pytest.approx(sum(e for e, _ in mistral), rel=1e-9)
    assert by_model["mistral-eu"]["gwp"] == pytest.approx(sum(g for _, g in mistral), rel=1e-9)
    assert by_model["azure-gpt-eu"]["kwh"] == pytest.approx(azure[0], rel=1e-9)
    assert by_model["azure-gpt-eu"]["gwp"] == pytest.approx(azure[1], rel=1e-9)
    assert by_model["onprem-llm"]["kwh"] == pytest.approx(onprem_kwh, rel=1e-12)
    assert by_model["onprem-llm"]["gwp"] == pytest.approx(onprem_kwh * mix.gwp * 1000, rel=1e-12)
    # Cost: tokens × declared prices (€ per million).
    assert by_model["mistral-eu"]["cost"] == pytest.approx((101 * 0.09 + 1200 * 0.28) / 1e6)
    assert by_model["azure-gpt-eu"]["cost"] == pytest.approx((10 * 0.14 + 300 * 0.56) / 1e6)
    # Per department: achats = call 1 (mistral, 200) + call 2 (onprem, 50).
    dept = costing.totals(data.tokens_by_department)
    assert dept["achats"]["kwh"] == pytest.approx(mistral[0][0] + onprem_kwh, rel=1e-9)
    assert dept["finances"]["gwp"] == pytest.approx(mistral[1][1] + azure[1], rel=1e-9)
    template = costing.totals(data.tokens_by_template)
    assert template[T1]["calls"] == 3 and template[None]["calls"] == 1

    # The page shows these same numbers.
    total_kwh = sum(e for e, _ in mistral) + azure[0] + onprem_kwh
    cards = dict(summary_cards(data, costing))
    assert cards["Appels"] == "5" and cards["Refus"] == "1 (20,0 %)"
    assert cards["Énergie"] == f"{total_kwh:.3g}".replace(".", ",") + " kWh"
    figures = {f.id: as_dict(f) for s in sections(data, DashboardFilters(), costing, {}) for f in s.figures}
    models_table = {row[0]: row for row in figures["empreinte-modeles"]["rows"]}
    assert models_table["mistral-eu"][1:4] == ["2", "101", "1\u202f200"]
    assert models_table["mistral-eu"][8] == "ecologits" and models_table["onprem-llm"][8] == "declared"
    assert figures["relecture-gabarits"]["rows"] == [[T1, "3", "1", "33,3 %", "1,5 min", "1,5 min"]]
    assert figures["retours-gabarits"]["rows"] == [[T1, "3", "2", "1", "66,7 %", "35", "17,5", "1"]]
    assert figures["donnees-types"]["rows"] == [["noms", "2", "3"], ["téléphones", "1", "1"]]
    assert figures["redirections"]["rows"] == [["patient", "1"]]
    assert figures["refus-articles"]["rows"][0][:3] == ["art. 3.2", "0", "1"]
    assert ["art. 5.3", "1", "0"] in figures["refus-articles"]["rows"]
    assert figures["usage-temps"]["rows"] == [
        ["2026-03-29", "4", "3", "2", "1", "1"],
        ["2026-03-30", "1", "1", "1", "0", "0"],
    ]


def test_when_monthly_lines_are_built_then_they_split_by_department_and_template(filled: Engine) -> None:
    lines = monthly_lines(filled, Scope(since=datetime(2026, 2, 28, 23, tzinfo=UTC), until=SCOPE.until))
    by_pair = {(li.department, li.template): li for li in lines}
    assert set(by_pair) == {("achats", T1), ("achats", None), ("finances", None), ("finances", T1)}
    assert (by_pair[("achats", T1)].calls, by_pair[("achats", T1)].feedback) == (2, 2)
    assert by_pair[("achats", None)].denied == 1
    assert [t.model for t in by_pair[("finances", T1)].tokens or []] == ["mistral-eu"]


def test_when_keys_are_reviewed_then_idle_and_untrained_holders_show(filled: Engine) -> None:
    keys = KeyStore(filled)
    keys.create(user_id="u1", department="achats", roles=("buyer",))
    keys.create(user_id="u1", department="achats", roles=("staff",))
    keys.create(user_id="dormant", department="finances", roles=("finance",))
    keys.record_training("u1", "formation", datetime(2026, 1, 1).date())
    holders = {h.user_id: h for h in review_access(filled)}
    assert (
        holders["u1"].roles == ("buyer", "staff") and holders["u1"].active_keys == 2 and holders["u1"].trained
    )
    assert holders["u1"].last_activity == BASE + timedelta(seconds=600)  # its last acknowledgement
    assert holders["dormant"].last_activity is None and not holders["dormant"].trained
    now = BASE + timedelta(days=100)
    assert holders["u1"].idle(now, 90) and not holders["u1"].idle(BASE + timedelta(days=10), 90)
