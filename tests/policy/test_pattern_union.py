"""A rule's patterns joined into one alternation answer exactly as the patterns one by one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from iag_gateway.policy.loader import load_policy
from iag_gateway.policy.models import compile_pattern, normalize_for_matching
from iag_gateway.policy.pattern_union import compile_any

ROOT = Path(__file__).resolve().parents[2]

TEXTS = [
    "",
    "Rédige un communiqué de presse sur le nouveau bloc opératoire.",
    "Peux-tu classer les candidats par ordre de préférence ?",
    "Qui est <PERSON_1> ? Retrouve l'identité de ce patient.",
    "Bonjour, merci de relire ce cahier des charges.",
    "abcabc xyzxyz ab-ab",
    "NOTE NOTE la note",
]

# (patterns, joined into one?)
CASES = [
    ([r"\b(communique de presse|press release)\b", r"\bclass(er|ement)\b.{0,20}candidats"], True),
    ([r"\bqui est <[a-z_]+[0-9]*>", r"retrouve[rz]? l'identite", r"^$"], True),
    ([r"\bcahier\b"], False),  # a single pattern is kept as it is
    ([r"(abc)\1", r"xyz"], False),  # a backreference: group numbers would shift
    ([r"(?P<w>ab)-(?P=w)", r"nothing"], False),
    ([r"(a)?(?(1)b|c)", r"zz"], False),  # a conditional on a group
    ([r"(?P<n>note) note", r"(?P<n>la)"], False),  # two groups of one name: cannot be joined
    ([r"xyz", r"(?x) a b c"], False),  # a global flag not at the start: cannot be joined
]


@pytest.mark.parametrize(("patterns", "joined"), CASES)
def test_when_patterns_are_compiled_as_one_then_any_search_answers_as_separately(
    patterns: list[str], joined: bool
) -> None:
    compiled = compile_any(patterns, compile_pattern)
    assert len(compiled) == (1 if joined else len(patterns))
    separate = [compile_pattern(p) for p in patterns]
    for text in TEXTS:
        normalized = normalize_for_matching(text)
        expected = any(p.search(normalized) for p in separate)
        assert any(p.search(normalized) for p in compiled) is expected, (patterns, text)


def test_when_the_shipped_policy_loads_then_each_pattern_rule_is_one_scan() -> None:
    policy = load_policy(ROOT / "policies", ROOT / "charter").policy
    for rule in [*policy.usage.prohibited_uses, *policy.usage.output, *policy.classification.keyword_rules]:
        assert len(policy.compiled[rule.id]) == min(1, len(rule.patterns)), rule.id


def test_when_the_shipped_rules_read_texts_then_joined_and_separate_patterns_agree() -> None:
    policy = load_policy(ROOT / "policies", ROOT / "charter").policy
    rules = [*policy.usage.prohibited_uses, *policy.usage.output, *policy.classification.keyword_rules]
    # Texts that fire each pattern on its own, and texts that fire none.
    samples = [*TEXTS, "Décide s'il faut licencier l'agent.", "Évalue la performance de l'équipe."]
    for rule in rules:
        separate = [compile_pattern(p) for p in rule.patterns]
        for text in samples:
            normalized = normalize_for_matching(text)
            expected = any(p.search(normalized) for p in separate)
            assert any(p.search(normalized) for p in policy.compiled[rule.id]) is expected, (rule.id, text)


def test_when_no_pattern_is_given_then_none_is_compiled() -> None:
    assert compile_any([], lambda p: re.compile(p)) == ()
