"""Turn the classifier's score (and the guard model's answer, if asked) into a verdict: pure.

The policy (``usage.yaml``, ``classifier``) gives each prohibited category a
threshold; the guard model, when named, is asked about scores in ``[low, high)``.
A guard that times out or answers out of format leaves the classifier's verdict in
force, and the verdict says so (``source``), for the audit record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from iag_gateway.policy.models import IntentClassifier
from iag_gateway.usage.categories import ALLOWED
from iag_gateway.usage.classifier import UsageScore

VerdictSource = Literal["classifier", "guard", "guard_timeout", "guard_unparsable", "guard_failed"]


@dataclass(frozen=True)
class UsageVerdict:
    """What the request is taken to be.

    ``category`` is a prohibited category or ``allowed``; ``score`` is the classifier's
    probability that the request is prohibited (``UsageScore.score``), ``candidate`` its
    most probable prohibited category; ``source`` says who settled it.
    """

    category: str
    score: float
    candidate: str
    source: VerdictSource = "classifier"

    @property
    def prohibited(self) -> bool:
        return self.category != ALLOWED

    def audit(self) -> dict[str, object]:
        """The verdict as stored in the audit record (no text, four decimals)."""
        return {
            "category": self.category,
            "score": round(self.score, 4),
            "candidate": self.candidate,
            "source": self.source,
        }


def from_classifier(section: IntentClassifier, score: UsageScore) -> UsageVerdict:
    """The verdict of the classifier alone, by the threshold of its candidate category."""
    rule = section.rule_for(score.category)
    category = score.category if score.score >= rule.threshold else ALLOWED
    return UsageVerdict(category=category, score=score.score, candidate=score.category)


def needs_guard(section: IntentClassifier, score: UsageScore) -> bool:
    """Whether the policy asks the guard model about this score."""
    guard = section.guard
    return guard is not None and guard.low <= score.score < guard.high


def from_guard(
    section: IntentClassifier, score: UsageScore, answer: str | None, failure: VerdictSource | None = None
) -> UsageVerdict:
    """The guard's category when it answered in format; else the classifier's, marked."""
    if answer is None:
        fallback = from_classifier(section, score)
        return UsageVerdict(fallback.category, fallback.score, fallback.candidate, failure or "guard_failed")
    return UsageVerdict(category=answer, score=score.score, candidate=score.category, source="guard")
