"""The shipped usage model and the shipped policy's classifier section, as the gateway loads them."""

from __future__ import annotations

from pathlib import Path

import pytest

from iag_gateway.policy import load_policy
from iag_gateway.policy.models import IntentClassifier
from iag_gateway.usage.classifier import UsageClassifier

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def model() -> UsageClassifier:
    return UsageClassifier.load()


@pytest.fixture(scope="session")
def section() -> IntentClassifier:
    classifier = load_policy(REPO / "policies", REPO / "charter").policy.usage.classifier
    assert classifier is not None
    return classifier
