"""The ``classifier`` section of usage.yaml: schema checks at load, and what decide() makes of a verdict."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from iag_gateway.errors import PolicyConfigError, PolicyDenied
from iag_gateway.policy import PolicyRequest, PolicySet, decide, load_policy
from iag_gateway.usage.verdict import UsageVerdict


def _edit_usage(policies: Path, edit: Callable[[dict], None]) -> None:
    path = policies / "usage.yaml"
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(content)
    path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_when_a_category_has_no_rule_then_loading_fails_naming_it(policy_copy: Path) -> None:
    _edit_usage(policy_copy, lambda c: c["classifier"]["categories"].pop())
    with pytest.raises(PolicyConfigError) as caught:
        load_policy(policy_copy)
    assert "reidentification" in caught.value.message and caught.value.file.endswith("usage.yaml")


def test_when_a_category_rule_has_an_unknown_key_then_loading_fails(policy_copy: Path) -> None:
    _edit_usage(policy_copy, lambda c: c["classifier"]["categories"][0].update({"seuil": 0.5}))
    with pytest.raises(PolicyConfigError) as caught:
        load_policy(policy_copy)
    assert caught.value.field == "classifier.categories[0].seuil"


def test_when_a_threshold_is_not_a_probability_then_loading_fails(policy_copy: Path) -> None:
    _edit_usage(policy_copy, lambda c: c["classifier"]["categories"][1].update({"threshold": 1.5}))
    with pytest.raises(PolicyConfigError) as caught:
        load_policy(policy_copy)
    assert caught.value.field == "classifier.categories[1].threshold"


@pytest.mark.parametrize("model", ["mistral-eu", "openai-us", "unknown-model"])
def test_when_the_guard_model_is_not_approved_and_internal_then_loading_fails(
    policy_copy: Path, model: str
) -> None:
    guard = {
        "id": "usage-guard",
        "articles": ["art-5.3"],
        "model": model,
        "low": 0.3,
        "high": 0.7,
        "timeout_s": 2.0,
    }
    _edit_usage(policy_copy, lambda c: c["classifier"].update({"guard": guard}))
    with pytest.raises(PolicyConfigError) as caught:
        load_policy(policy_copy)
    assert caught.value.field == "classifier.guard.model"


def test_when_the_guard_band_is_empty_then_loading_fails(policy_copy: Path) -> None:
    guard = {
        "id": "usage-guard",
        "articles": ["art-5.3"],
        "model": "onprem-llm",
        "low": 0.7,
        "high": 0.3,
        "timeout_s": 2.0,
    }
    _edit_usage(policy_copy, lambda c: c["classifier"].update({"guard": guard}))
    with pytest.raises(PolicyConfigError, match="low must be below high"):
        load_policy(policy_copy)


def test_when_an_internal_guard_is_named_then_the_policy_loads(policy_copy: Path) -> None:
    guard = {
        "id": "usage-guard",
        "articles": ["art-5.3"],
        "model": "onprem-llm",
        "low": 0.3,
        "high": 0.7,
        "timeout_s": 2.0,
    }
    _edit_usage(policy_copy, lambda c: c["classifier"].update({"guard": guard}))
    classifier = load_policy(policy_copy).policy.usage.classifier
    assert classifier is not None and classifier.guard is not None and classifier.guard.model == "onprem-llm"


@pytest.mark.parametrize(
    ("category", "article"),
    [
        ("diagnosis", "art-5.3"),
        ("prescription", "art-5.3"),
        ("clinical_decision", "art-5.3"),
        ("decision_about_staff", "art-5.2"),
        ("decision_about_person", "art-5.2"),
        ("reidentification", "art-3.2"),
    ],
)
def test_when_the_verdict_is_prohibited_then_the_refusal_cites_the_article_and_what_remains_possible(
    policy: PolicySet, request_factory: Callable[..., PolicyRequest], category: str, article: str
) -> None:
    verdict = UsageVerdict(category=category, score=0.91, candidate=category)
    with pytest.raises(PolicyDenied) as caught:
        decide(policy, request_factory(usage=verdict))
    message = caught.value.message
    assert article in caught.value.articles
    assert article.removeprefix("art-") in message.split(" de la charte")[0]
    assert "score 0,91" in message and "Ce qui reste possible" in message
    assert caught.value.rules[-1].rule_id == policy.usage.classifier.rule_for(category).id  # type: ignore[union-attr]


def test_when_the_verdict_is_allowed_then_decide_allows(
    policy: PolicySet, request_factory: Callable[..., PolicyRequest]
) -> None:
    verdict = UsageVerdict(category="allowed", score=0.12, candidate="prescription")
    assert decide(policy, request_factory(usage=verdict)).action == "allow"


def test_when_a_category_is_set_to_flag_then_the_request_passes_flagged(
    policy_copy: Path, request_factory: Callable[..., PolicyRequest]
) -> None:
    _edit_usage(policy_copy, lambda c: c["classifier"]["categories"][4].update({"action": "flag"}))
    flagged = load_policy(policy_copy).policy
    verdict = UsageVerdict(category="decision_about_person", score=0.8, candidate="decision_about_person")
    decision = decide(flagged, request_factory(usage=verdict))
    assert decision.flags == ("usage-intent-decision-about-person",)
    assert any(rule.effect == "flag" and "score 0,80" in rule.message for rule in decision.rules)


def _template_request(request_factory: Callable[..., PolicyRequest], verdict: UsageVerdict) -> PolicyRequest:
    return request_factory(
        route="template",
        template_id="achats-cctp",
        template_domain="achats",
        template_data_class="internal",
        usage=verdict,
    )


def test_when_a_template_input_reads_as_prohibited_then_the_shipped_policy_flags_it(
    policy: PolicySet, request_factory: Callable[..., PolicyRequest]
) -> None:
    verdict = UsageVerdict(category="decision_about_person", score=0.97, candidate="decision_about_person")
    decision = decide(policy, _template_request(request_factory, verdict))
    assert decision.action != "deny"
    assert decision.flags == ("usage-intent-decision-about-person",)


def test_when_on_templates_is_deny_then_a_template_input_read_as_prohibited_is_refused(
    policy_copy: Path, request_factory: Callable[..., PolicyRequest]
) -> None:
    _edit_usage(policy_copy, lambda c: c["classifier"].update({"on_templates": "deny"}))
    strict = load_policy(policy_copy).policy
    verdict = UsageVerdict(category="decision_about_person", score=0.97, candidate="decision_about_person")
    with pytest.raises(PolicyDenied):
        decide(strict, _template_request(request_factory, verdict))
