"""Describe ``usage.yaml``: prohibited uses, the usage-intent classifier, tools and output rules.

Pattern rules and the classifier read what a request is for; ``tools`` and
``introspection_params`` say which request parameters are refused or removed;
``output`` rules read the answer before it is shown.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from iag_gateway.policy.models.patterns import RegexPattern
from iag_gateway.policy.models.rule import Alias, PatternRule, Rule, Strict
from iag_gateway.policy.models.scales import PiiLabel
from iag_gateway.usage.categories import PROHIBITED, ProhibitedCategory


class ProhibitedUse(PatternRule):
    action: Literal["deny", "flag"]


class ToolsRule(Rule):
    params: list[str] = Field(min_length=1)
    action: Literal["deny", "strip"]


class StripRule(Rule):
    params: list[str] = Field(min_length=1)


class OutputRule(Rule):
    action: Literal["block", "mask", "flag"]
    labels: list[PiiLabel] = []
    patterns: list[RegexPattern] = []

    @model_validator(mode="after")
    def _has_trigger(self) -> OutputRule:
        if not self.labels and not self.patterns:
            raise ValueError("an output rule needs labels or patterns")
        return self


Probability = Annotated[float, Field(ge=0.0, le=1.0)]


class IntentRule(Rule):
    """What to do when the usage classifier reads ``category`` with a score ≥ ``threshold``."""

    category: ProhibitedCategory
    threshold: Probability
    action: Literal["deny", "flag"]
    instead: str = Field(min_length=1)  # French: what the caller may do instead


class GuardRule(Rule):
    """Ask an internally hosted model when the score falls in ``[low, high)``."""

    model: Alias
    low: Probability
    high: Probability
    timeout_s: float = Field(gt=0.0, le=30.0)

    @model_validator(mode="after")
    def _band(self) -> GuardRule:
        if self.low >= self.high:
            raise ValueError("low must be below high")
        return self


class IntentClassifier(Strict):
    """The usage-intent classifier: one rule per prohibited category, all six present."""

    categories: list[IntentRule] = Field(min_length=1)
    guard: GuardRule | None = None
    # On the template route the request is an approved template (art. 2.1) and the classifier
    # reads its inputs, which are data for that use: "flag" records the reading for review
    # instead of refusing; the pattern rules still refuse there.
    on_templates: Literal["deny", "flag"] = "deny"

    @model_validator(mode="after")
    def _every_category_once(self) -> IntentClassifier:
        named = [rule.category for rule in self.categories]
        missing = sorted(set(PROHIBITED) - set(named))
        if missing:
            raise ValueError(f"no rule for categories {', '.join(missing)}")
        if len(set(named)) != len(named):
            raise ValueError("a category has two rules")
        return self

    def rule_for(self, category: str) -> IntentRule:
        return next(rule for rule in self.categories if rule.category == category)


class UsageFile(Strict):
    classifier: IntentClassifier | None = None
    prohibited_uses: list[ProhibitedUse] = []
    tools: ToolsRule
    introspection_params: StripRule
    output: list[OutputRule] = []
