"""Describe ``classification.yaml``: how a request's data class is raised, and pseudonymisation.

A request starts at ``baseline``; the template's class, the class the caller declares,
keywords and personal data found (``pii_rules``) can only raise it, except a class that
pseudonymisation makes safe to send (not in ``classes_still_restricted``).
"""

from __future__ import annotations

from pydantic import Field

from iag_gateway.policy.models.rule import PatternRule, Rule, Strict
from iag_gateway.policy.models.scales import DataClassName, PiiLabel


class PiiRule(Rule):
    labels: list[PiiLabel] = Field(min_length=1)
    raises_to: DataClassName


class KeywordRule(PatternRule):
    raises_to: DataClassName


class PseudonymisationRule(Rule):
    applied_before_egress: bool
    classes_still_restricted: list[DataClassName]
    restore_answers: bool = True  # put the original values back in the answer shown to the user


class ClassificationFile(Strict):
    baseline: DataClassName
    pseudonymisation: PseudonymisationRule
    pii_rules: list[PiiRule] = Field(min_length=1)
    keyword_rules: list[KeywordRule] = []
    template_class: Rule
    declared_class: Rule
