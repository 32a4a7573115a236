"""Every rule of the shipped policy has one case that fires it and one that does not.

The table is checked against the policy itself, so a rule added to the YAML without a
test here fails ``test_when_a_rule_is_shipped_then_the_table_covers_it``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import create_engine, insert
from sqlalchemy.pool import StaticPool

from iag_gateway.audit.heads import SigningSchedule
from iag_gateway.errors import GatewayError, ModelNotFound, PolicyDenied, RateLimited
from iag_gateway.policy import PolicySet, can_read_audit, decide, decide_output
from iag_gateway.policy.grants import (
    can_read_dashboard,
    covers,
    template_approve_domains,
    template_submit_domains,
)
from iag_gateway.policy.quota_stores import SqlQuotaStore, metadata, quota_usage
from iag_gateway.policy.quota_windows import window_for
from iag_gateway.policy.quotas import QuotaEnforcer
from iag_gateway.usage.categories import PROHIBITED
from iag_gateway.usage.verdict import UsageVerdict

from .factories import make_request

Case = Callable[[PolicySet], set[str]]
NOW = datetime(2025, 6, 2, 10, 30, tzinfo=UTC)


def _decide(**overrides: object) -> Case:
    def run(policy: PolicySet) -> set[str]:
        try:
            decision = decide(policy, make_request(**overrides))
        except PolicyDenied as exc:
            return {r.rule_id for r in exc.rules}
        except ModelNotFound:
            return {policy.providers.registry.unknown_model.id}
        return {r.rule_id for r in decision.rules}

    return run


def _with(change: Callable[[PolicySet], PolicySet], case: Case) -> Case:
    return lambda policy: case(change(policy))


def _no_training_contract(policy: PolicySet) -> PolicySet:
    models = [
        m.model_copy(update={"no_training": False}) if m.alias == "mistral-eu" else m
        for m in policy.providers.models
    ]
    return dataclasses.replace(policy, providers=policy.providers.model_copy(update={"models": models}))


def _no_mention(policy: PolicySet) -> PolicySet:
    label = policy.meta.transparency.label.model_copy(update={"append_mention": False})
    transparency = policy.meta.transparency.model_copy(update={"label": label})
    return dataclasses.replace(policy, meta=policy.meta.model_copy(update={"transparency": transparency}))


def _no_review_for_chat(policy: PolicySet) -> PolicySet:
    review = policy.meta.transparency.review.model_copy(update={"routes": {"chat": False, "template": True}})
    transparency = policy.meta.transparency.model_copy(update={"review": review})
    return dataclasses.replace(policy, meta=policy.meta.model_copy(update={"transparency": transparency}))


def _output(counts: dict[str, int], text: str = "Voici la synthèse demandée.") -> Case:
    def run(policy: PolicySet) -> set[str]:
        return {r.rule_id for r in decide_output(policy, response_pii_counts=counts, text=text).rules}

    return run


def _quota(rule_id: str, *, at_limit: bool) -> Case:
    """Seed the rule's counter at (or just below) its limit, then reserve one request."""

    def run(policy: PolicySet) -> set[str]:
        rule = policy.rule(rule_id)
        engine = create_engine("sqlite://", poolclass=StaticPool)
        metadata.create_all(engine)
        requests, tokens = rule.limits_for("DAF")  # type: ignore[attr-defined]
        identity = "alice" if rule.scope == "user" else "DAF"  # type: ignore[attr-defined]
        window = window_for(rule.window, NOW, policy.limits.timezone)  # type: ignore[attr-defined]
        margin = 0 if at_limit else 1
        with engine.begin() as conn:
            conn.execute(
                insert(quota_usage).values(
                    scope=f"{rule.scope}:{identity}",  # type: ignore[attr-defined]
                    window=window.key,
                    requests=(requests - margin) if requests else 0,
                    tokens=(tokens - margin) if tokens else 0,
                )
            )
        try:
            QuotaEnforcer(SqlQuotaStore(engine)).reserve(policy, user_id="alice", department="DAF", now=NOW)
        except RateLimited as exc:
            return {r.rule_id for r in exc.rules}
        finally:
            engine.dispose()
        return set()

    return run


def _retention(age_days: int) -> Case:
    def run(policy: PolicySet) -> set[str]:
        rule = policy.meta.audit.retention
        recorded = NOW - timedelta(days=age_days)
        return {rule.id} if recorded < rule.cutoff("metadata", NOW) else set()

    return run


def _signing(records_since: int, seconds_since: float) -> Case:
    def run(policy: PolicySet) -> set[str]:
        # The rule "fires" when the gateway must sign its trail's head now.
        rule = policy.meta.audit.signed_heads
        assert rule is not None
        due = SigningSchedule(rule.every_records, rule.every_seconds).due(records_since, seconds_since)
        return {rule.id} if due else set()

    return run


def _project_retention(age_days: int) -> Case:
    def run(policy: PolicySet) -> set[str]:
        rule = policy.meta.projects
        assert rule is not None
        return {rule.id} if NOW - timedelta(days=age_days) < rule.cutoff(NOW) else set()

    return run


def _audit_read(roles: set[str]) -> Case:
    def run(policy: PolicySet) -> set[str]:
        # The rule "fires" when it refuses access to the audit records.
        return set() if can_read_audit(policy, frozenset(roles)) else {policy.access.rules.audit_read.id}

    return run


def _template_admin(roles: set[str], domain: str) -> Case:
    def run(policy: PolicySet) -> set[str]:
        # The rule "fires" when it refuses to submit or approve a template of ``domain``.
        granted = template_submit_domains(policy, frozenset(roles)) | template_approve_domains(
            policy, frozenset(roles)
        )
        return set() if covers(granted, domain) else {policy.access.rules.template_admin.id}

    return run


def _dashboard_read(roles: set[str]) -> Case:
    def run(policy: PolicySet) -> set[str]:
        # The rule "fires" when it refuses the directorate's dashboard.
        rule_id = policy.access.rules.dashboard_read.id
        return set() if can_read_dashboard(policy, frozenset(roles)) else {rule_id}

    return run


NIR = {"FR_NIR": 1}
TEMPLATE = {"route": "template", "template_id": "analyse-ccap", "template_domain": "achats"}

# rule id -> (case that fires it, case that does not)
CASES: dict[str, tuple[Case, Case]] = {
    "training-ai-literacy": (_decide(trained=False), _decide(trained=True)),
    "transparency-ai-label": (_decide(), _with(_no_mention, _decide())),
    "transparency-human-review": (_decide(), _with(_no_review_for_chat, _decide())),
    "audit-retention": (_retention(366), _retention(364)),
    "audit-signed-heads": (_signing(1000, 0), _signing(999, 59)),
    "projects-retention": (_project_retention(31), _project_retention(29)),
    "registry-unknown-model": (_decide(model="gpt-9-turbo"), _decide(model="demo-local")),
    "registry-not-approved": (_decide(model="openai-us"), _decide(model="mistral-eu")),
    "registry-no-training": (_with(_no_training_contract, _decide()), _decide()),
    "routing-data-class": (_decide(pii_counts=NIR), _decide(pii_counts={"FR_NIR": 0})),
    "class-pseudonymised": (_decide(pii_counts={"PERSON": 2}), _decide(pii_counts=NIR, model="onprem-llm")),
    "pii-patient-identifiers": (
        _decide(pii_counts={"PATIENT_ID": 1}, model="onprem-llm"),
        _decide(pii_counts={"PERSON": 1}, model="onprem-llm"),
    ),
    "pii-personal-data": (_decide(pii_counts={"IBAN_CODE": 1}), _decide(pii_counts={"DATE_OF_BIRTH": 1})),
    "class-confidential-documents": (
        _decide(prompt_text="Compare les offres des candidats du marché de restauration."),
        _decide(prompt_text="Explique la procédure d'appel d'offres ouvert."),
    ),
    "class-template-declared": (
        _decide(**TEMPLATE, template_data_class="confidential"),
        _decide(**TEMPLATE, template_data_class="internal"),
    ),
    "class-caller-declared": (
        _decide(declared_data_class="confidential"),
        _decide(declared_data_class="public"),
    ),
    "access-chat": (
        _decide(roles={"staff"}, model="onprem-llm"),
        _decide(roles={"buyer"}, model="onprem-llm"),
    ),
    "access-template": (
        _decide(roles={"buyer"}, model="onprem-llm", **{**TEMPLATE, "template_domain": "recherche"}),
        _decide(roles={"buyer"}, model="onprem-llm", **{**TEMPLATE, "template_domain": "achats"}),
    ),
    "access-model": (_decide(model="azure-gpt-eu"), _decide(model="azure-gpt-eu", roles={"research"})),
    "access-audit-read": (_audit_read({"staff", "buyer", "direction"}), _audit_read({"auditor"})),
    "access-dashboard-read": (_dashboard_read({"buyer", "admin"}), _dashboard_read({"direction"})),
    "access-template-admin": (
        _template_admin({"referent_achats", "admin"}, "recherche"),
        _template_admin({"referent_recherche"}, "recherche"),
    ),
    "usage-automated-decision": (
        _decide(prompt_text="Décide si on licencie cet agent après son absence."),
        _decide(prompt_text="Rédige la procédure de licenciement prévue par le statut."),
    ),
    "usage-diagnosis-prescription": (
        _decide(prompt_text="Quelle dose prescrire pour un enfant de 20 kg ?"),
        _decide(prompt_text="Résume la note de la pharmacie sur les ruptures de stock."),
    ),
    "usage-staff-evaluation": (
        _decide(prompt_text="Évalue la performance de <PERSONNE_1> sur l'année."),
        _decide(prompt_text="Évalue la performance du nouveau logiciel de paie."),
    ),
    "usage-reidentification": (
        _decide(prompt_text="Qui est <PERSONNE_1> dans ce dossier ?"),
        _decide(prompt_text="Reformule le courrier adressé à <PERSONNE_1>."),
    ),
    "usage-public-communication": (
        _decide(prompt_text="Rédige un communiqué de presse sur le nouveau bâtiment."),
        _decide(prompt_text="Rédige une note interne sur le nouveau bâtiment."),
    ),
    **{
        f"usage-intent-{category.replace('_', '-')}": (
            _decide(usage=UsageVerdict(category, 0.9, category)),
            _decide(usage=UsageVerdict("allowed", 0.1, category)),
        )
        for category in PROHIBITED
    },
    "tools-no-automated-actions": (
        _decide(params={"messages", "tools", "tool_choice"}),
        _decide(params={"messages", "temperature"}),
    ),
    "params-strip-introspection": (
        _decide(params={"messages", "logprobs", "top_logprobs"}),
        _decide(params={"messages", "temperature"}),
    ),
    "output-patient-identifiers": (_output({"PATIENT_ID": 1}), _output({"PATIENT_ID": 0})),
    "output-personal-data": (_output({"EMAIL_ADDRESS": 1}), _output({})),
    "output-clinical-advice": (
        _output({}, "Le diagnostic le plus probable est une pneumopathie."),
        _output({}, "Le diagnostic de performance énergétique du bâtiment est joint."),
    ),
    "limit-prompt-size": (_decide(prompt_text="a" * 60_001), _decide(prompt_text="a" * 60_000)),
    "limit-max-tokens": (_decide(max_tokens=5000), _decide(max_tokens=4096)),
    "quota-user-rate": (_quota("quota-user-rate", at_limit=True), _quota("quota-user-rate", at_limit=False)),
    "quota-user-daily": (
        _quota("quota-user-daily", at_limit=True),
        _quota("quota-user-daily", at_limit=False),
    ),
    "quota-department-daily": (
        _quota("quota-department-daily", at_limit=True),
        _quota("quota-department-daily", at_limit=False),
    ),
    "quota-user-monthly-tokens": (
        _quota("quota-user-monthly-tokens", at_limit=True),
        _quota("quota-user-monthly-tokens", at_limit=False),
    ),
    "quota-department-monthly-tokens": (
        _quota("quota-department-monthly-tokens", at_limit=True),
        _quota("quota-department-monthly-tokens", at_limit=False),
    ),
}


def test_when_a_rule_is_shipped_then_the_table_covers_it(policy: PolicySet) -> None:
    assert {rule.id for rule in policy.rules()} == set(CASES)


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_when_rule_condition_is_met_then_the_rule_fires(policy: PolicySet, rule_id: str) -> None:
    assert rule_id in CASES[rule_id][0](policy)


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_when_rule_condition_is_absent_then_the_rule_does_not_fire(policy: PolicySet, rule_id: str) -> None:
    try:
        fired = CASES[rule_id][1](policy)
    except GatewayError as exc:  # a different rule may refuse; this one must not be the reason
        pytest.fail(f"unexpected refusal: {exc.message}")
    assert rule_id not in fired
