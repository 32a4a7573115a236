"""Decide what the charter says about one answer: block it, mask some data classes, or flag it.

``decide_output`` applies the response rules of ``usage.yaml`` (``output``) to the
personal data found in the answer and to its text; pure, like ``engine.decide``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from iag_gateway.errors import FiredRule
from iag_gateway.policy.engine import article_refs, fired, unique_articles
from iag_gateway.policy.models import PolicySet, normalize_for_matching


@dataclass(frozen=True)
class OutputDecision:
    """What the response rules decided for one answer, with the rules that fired."""

    action: str  # "allow" | "mask" | "block"
    mask_labels: frozenset[str]
    flags: tuple[str, ...]
    rules: tuple[FiredRule, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return unique_articles(self.rules)

    @property
    def message(self) -> str:
        """French text for the caller when the response is blocked or masked."""
        if self.action == "block":
            return (
                f"Réponse bloquée : {article_refs(self.articles)} de la charte — la réponse du modèle "
                "contenait des données qui ne peuvent pas être restituées."
            )
        if self.action == "mask":
            return (
                f"Données personnelles masquées dans la réponse ({article_refs(self.articles)} de la charte)."
            )
        return ""


def decide_output(policy: PolicySet, *, response_pii_counts: Mapping[str, int], text: str) -> OutputDecision:
    """Apply the response-side rules: block, mask some labels, or flag."""
    normalized = normalize_for_matching(text)
    rules: list[FiredRule] = []
    flags: list[str] = []
    mask: set[str] = set()
    blocked = False
    for rule in policy.usage.output:
        found = {label for label in rule.labels if response_pii_counts.get(label, 0) > 0}
        matched = any(p.search(normalized) for p in policy.compiled[rule.id])
        if not found and not matched:
            continue
        rules.append(fired(rule, rule.action, ", ".join(sorted(found))))
        if rule.action == "block":
            blocked = True
        elif rule.action == "mask":
            mask |= found
        else:
            flags.append(rule.id)
    action = "block" if blocked else ("mask" if mask else "allow")
    return OutputDecision(action=action, mask_labels=frozenset(mask), flags=tuple(flags), rules=tuple(rules))
