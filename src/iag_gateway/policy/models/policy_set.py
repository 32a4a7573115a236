"""Join the six validated policy files into one ``PolicySet``, patterns compiled once.

``FILE_MODELS`` names the model each file of ``policies/`` is read with; the loader
validates and cross-checks them, then builds the set. ``iter_rules`` walks any
validated model for its rules, with their location in the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from pydantic import BaseModel

from iag_gateway.policy.models.access import AccessFile
from iag_gateway.policy.models.classification import ClassificationFile, PseudonymisationRule
from iag_gateway.policy.models.limits import LimitsFile
from iag_gateway.policy.models.patterns import compile_pattern
from iag_gateway.policy.models.policy_file import AuditSettings, PolicyFile
from iag_gateway.policy.models.providers import ModelEntry, ProvidersFile
from iag_gateway.policy.models.rule import PatternRule, Rule, Strict
from iag_gateway.policy.models.usage import OutputRule, UsageFile
from iag_gateway.policy.pattern_union import compile_any

FILE_MODELS: dict[str, type[Strict]] = {
    "policy.yaml": PolicyFile,
    "providers.yaml": ProvidersFile,
    "classification.yaml": ClassificationFile,
    "access.yaml": AccessFile,
    "usage.yaml": UsageFile,
    "limits.yaml": LimitsFile,
}


def iter_rules(node: object, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], Rule]]:
    """Yield every rule inside a validated model, with its location in the file."""
    if isinstance(node, Rule):
        yield loc, node
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from iter_rules(getattr(node, name), (*loc, name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from iter_rules(item, (*loc, index))
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from iter_rules(item, (*loc, str(key)))


@dataclass(frozen=True)
class PolicySet:
    """The validated policy: one model per file, plus patterns compiled once."""

    meta: PolicyFile
    providers: ProvidersFile
    classification: ClassificationFile
    access: AccessFile
    usage: UsageFile
    limits: LimitsFile
    compiled: dict[str, tuple[re.Pattern[str], ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        compiled: dict[str, tuple[re.Pattern[str], ...]] = {}
        pattern_rules: list[PatternRule | OutputRule] = [
            *self.usage.prohibited_uses,
            *self.usage.output,
            *self.classification.keyword_rules,
        ]
        for rule in pattern_rules:
            # Callers only ask whether any pattern occurs: joined, a text is scanned once per rule.
            compiled[rule.id] = compile_any(rule.patterns, compile_pattern)
        object.__setattr__(self, "compiled", compiled)

    @property
    def version(self) -> str:
        return self.meta.version

    @property
    def pseudonymisation(self) -> PseudonymisationRule:
        return self.classification.pseudonymisation

    @property
    def audit(self) -> AuditSettings:
        return self.meta.audit

    def files(self) -> dict[str, Strict]:
        return {
            "policy.yaml": self.meta,
            "providers.yaml": self.providers,
            "classification.yaml": self.classification,
            "access.yaml": self.access,
            "usage.yaml": self.usage,
            "limits.yaml": self.limits,
        }

    def rules(self) -> list[Rule]:
        """Every rule of the policy, in file order."""
        return [rule for model in self.files().values() for _, rule in iter_rules(model)]

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules():
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def model(self, alias: str) -> ModelEntry | None:
        for entry in self.providers.models:
            if entry.alias == alias:
                return entry
        return None
