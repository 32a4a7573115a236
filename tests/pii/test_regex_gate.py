"""The look-ahead ``gated`` puts in front of a pattern changes where it is tried, never what it finds."""

from __future__ import annotations

import json
import random
import re

import pytest

from iag_gateway.pii.regex_gate import first_characters, gated
from tests.pii.test_corpora import CORPORA

# shapes of the recognizers' patterns, and the awkward cases of the first-character reading
PATTERNS = (
    r"(?<![\w])(?i:nom|pr[ée]noms?|nom\s+de\s+naissance)\s*:\s*(?P<value>[A-Z]\w+)",
    r"(?i)(?<![\w])(?:h[ôo]pital|centre|CHU)\s+(?P<name>[A-Z]\w+)",
    r"(?<![\w+.,/-])(?P<value>0[1-9](?P<sep>[ .\-]?)\d{2}(?:(?P=sep)\d{2}){3})",
    r"(?<![\w+])(?P<value>(?:\+|00)\s?33\s?[1-9](?:[ .\-]?\d{2}){4})",
    r"(?:M\.|Mme|Dr\.?)?\s*(?P<name>[A-Z][a-z]+)",
    r"(?:de\s+)?(?:la\s+)?(?i:rue|avenue)\s+\w+",
    r"\b(?:IPP|NDA)\b\D{0,5}(?P<value>\d{5,12})",
    r"(?<![\w])(?:(?i:é|è)tablissements?|soci[ée]t[ée])\s+[A-Z]\w*",
    r"(?<![\w,.])(?:(?i:r[ée]sidence|b[âa]t\.)\s+\w+\s+)?\d{1,4},?\s+(?i:rue|all[ée]e)\s+\w+",
    r"(?<![\w.,])(?P<value>\d{11})(?![\w]|[.,]\d)",
    r"[a-z]*x",
    r"(?:ab)*",
)
ALPHABET = "abcdeéxyzMNDIPPrhôtualsnom0123456789 .:-+\n\t'ÉÈ"


def _texts() -> list[str]:
    rng = random.Random(20261129)
    texts = ["".join(rng.choice(ALPHABET) for _ in range(300)) for _ in range(200)]
    for path in CORPORA.values():
        texts.extend(
            json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line
        )
    return texts


@pytest.mark.parametrize("source", PATTERNS)
def test_when_a_pattern_is_gated_then_it_finds_the_same_matches(source: str) -> None:
    pattern = re.compile(source)
    fast = gated(pattern)
    for text in _texts():
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in pattern.finditer(text)]
        assert [m.groupdict() for m in fast.finditer(text)] == [m.groupdict() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("source", "lookahead"),
    [
        (r"(?<![\w])(?i:nom|prénom)\s*:", "(?=(?i:[np]))"),
        (r"(?<![\w])(?:M\.|Mme|(?i:docteur))\s+\w+", "(?=(?-i:[M])|(?i:[d]))"),
        (r"(?:\+|00)\s?33", r"(?=(?-i:[0\+]))"),
        (r"(?i)(?:de\s+)?rue\s", "(?=(?i:[dr]))"),
        (r"(?<![\w.,])\d{11}(?![\w])", r"(?=(?-i:[\d]))"),
        # a digit is the same in either case mode: one class with the letters, not an alternation
        (r"(?<![\w,.])(?:(?i:résidence|bât\.)\s+)?\d{1,4},?\s+rue", r"(?=(?i:[\dbr]))"),
    ],
)
def test_when_matches_open_on_a_few_characters_then_the_lookahead_lists_them(
    source: str, lookahead: str
) -> None:
    assert first_characters(re.compile(source)) == lookahead


@pytest.mark.parametrize(
    "source",
    [
        r"[a-z]*x",  # any letter may open a match: no gain
        r"\w+@",  # any letter or digit: no gain
        r"\s*:",  # any space
        r"(?:ab)*",  # matches the empty string: every position may start a match
        r"(.)\1",  # starts on any character
        r"[^a]b",  # a negated class
    ],
)
def test_when_no_narrow_first_characters_then_the_pattern_is_left_as_is(source: str) -> None:
    pattern = re.compile(source)
    assert first_characters(pattern) is None
    assert gated(pattern) is pattern
