"""From score to verdict: per-category thresholds, the guard band, the guard's fallbacks."""

from __future__ import annotations

import pytest

from iag_gateway.policy.models import GuardRule, IntentClassifier
from iag_gateway.usage.categories import CATEGORIES, PROHIBITED
from iag_gateway.usage.classifier import score_from
from iag_gateway.usage.verdict import from_classifier, from_guard, needs_guard


@pytest.mark.parametrize("category", PROHIBITED)
def test_when_the_score_reaches_the_category_threshold_then_the_verdict_is_that_category(
    section: IntentClassifier, category: str
) -> None:
    threshold = section.rule_for(category).threshold
    at = {c: 0.0 for c in CATEGORIES} | {category: threshold, "allowed": 1.0 - threshold}
    verdict = from_classifier(section, score_from(at))
    assert verdict.category == category and verdict.prohibited
    assert verdict.source == "classifier"
    below = {c: 0.0 for c in CATEGORIES} | {category: threshold - 0.01, "allowed": 1.0 - threshold + 0.01}
    assert not from_classifier(section, score_from(below)).prohibited


def test_when_the_score_is_below_threshold_then_the_verdict_is_allowed_with_its_candidate(
    section: IntentClassifier,
) -> None:
    probabilities = {c: 0.0 for c in CATEGORIES} | {"prescription": 0.05, "allowed": 0.95}
    verdict = from_classifier(section, score_from(probabilities))
    assert verdict.category == "allowed" and not verdict.prohibited
    assert verdict.candidate == "prescription"
    assert verdict.score == pytest.approx(0.05)


def test_when_probability_is_split_between_prohibited_readings_then_the_score_adds_them() -> None:
    probabilities = {c: 0.0 for c in CATEGORIES} | {
        "diagnosis": 0.3,
        "clinical_decision": 0.35,
        "allowed": 0.35,
    }
    score = score_from(probabilities)
    assert score.category == "clinical_decision"
    assert score.score == pytest.approx(0.65)


def _with_guard(section: IntentClassifier) -> IntentClassifier:
    guard = GuardRule(id="g", articles=["art-5.3"], model="onprem-llm", low=0.2, high=0.8, timeout_s=1.0)
    return section.model_copy(update={"guard": guard})


def test_when_a_score_is_inside_the_guard_band_then_the_guard_is_asked(section: IntentClassifier) -> None:
    guarded = _with_guard(section)
    inside = score_from({c: 0.0 for c in CATEGORIES} | {"diagnosis": 0.5, "allowed": 0.5})
    outside = score_from({c: 0.0 for c in CATEGORIES} | {"diagnosis": 0.9, "allowed": 0.1})
    assert needs_guard(guarded, inside) and not needs_guard(guarded, outside)
    assert not needs_guard(section, inside)  # no guard named: never asked


def test_when_the_guard_answers_then_its_category_wins(section: IntentClassifier) -> None:
    score = score_from({c: 0.0 for c in CATEGORIES} | {"diagnosis": 0.6, "allowed": 0.4})
    verdict = from_guard(section, score, "allowed")
    assert verdict.category == "allowed" and verdict.source == "guard" and verdict.candidate == "diagnosis"


@pytest.mark.parametrize("failure", ["guard_timeout", "guard_unparsable", "guard_failed"])
def test_when_the_guard_fails_then_the_classifier_verdict_stands_and_says_so(
    section: IntentClassifier, failure: str
) -> None:
    score = score_from({c: 0.0 for c in CATEGORIES} | {"diagnosis": 0.9, "allowed": 0.1})
    verdict = from_guard(section, score, None, failure)  # type: ignore[arg-type]
    assert verdict.category == "diagnosis" and verdict.source == failure
    assert verdict.audit() == {
        "category": "diagnosis",
        "score": 0.9,
        "candidate": "diagnosis",
        "source": failure,
    }
