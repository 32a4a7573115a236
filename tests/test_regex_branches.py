"""Alternations factored by first character find the same matches, in the same groups, as ``re``."""

from __future__ import annotations

import re
import sys
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iag_gateway.compiled_patterns import build_pattern, program_header
from iag_gateway.regex_branches import factor_branches
from iag_gateway.regex_gate import HINTED_PYTHON

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] != HINTED_PYTHON, reason="the parse tree rewritten is CPython 3.11's"
)


def factored(source: str, flags: int = 0) -> re.Pattern[str]:
    """``source`` compiled as ``re`` does, its alternations factored."""
    plain = re.compile(source, flags)
    parsed = sre_parse.parse(plain.pattern, plain.flags)
    factor_branches(parsed, plain.flags)
    code = sre_compile._code(parsed, plain.flags)
    return build_pattern(plain.pattern, program_header(parsed, plain.flags), code)


def same_matches(source: str, texts: list[str], flags: int = 0) -> None:
    plain, fast = re.compile(source, flags), factored(source, flags)
    for text in texts:
        expected = [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == expected, (source, text)


SHAPES = [
    # the recognizers' and the charter's shapes
    r"(?<![\w,.])(?i:rue|r\.|avenue|av\.?|bd|boulevard|blvd|route|rte|allée|allee)\s+\w+",
    r"(?i)\b(?:quel\s+diagnostic|quel\s+traitement|diagnostique[rz]?|evaluer\s+mon\s+collegue)\b",
    r"(?<![\w])(?:(?i:h[ôo]pital|h[ôo]p\.|centre|clinique)|CHU|CH|CHS)(?![\w])\s*(?P<name>[A-Z]\w*)?",
    # order matters when one alternative is a prefix of another, with context after it
    r"(?:ab|a)c",
    r"(?:a|ab)c",
    r"(?:a|ab|abc|b|ba)+?c",
    r"x(?:a|ab)(?:c|bc)",
    # an alternative that opens on something else is a barrier the others do not cross
    r"(?:ab|\w+c|ad|.b)",
    r"(?:a|(?:b)|a\w|[ab]c|ab)",
    # groups inside alternatives keep their numbers
    r"(?:(a)(b)|(a)c|(b))",
    r"(?P<x>a(?P<y>b)|a(?P<z>c))",
    # empty alternatives and alternatives of one character
    r"(?:a|ab|)c",
    r"(?:a|b|ab|ba)",
    # folds that re applies ignoring case: s and ſ, k and the Kelvin sign, i and ı
    r"(?i:s|ſt|st|k|kb|\u212ac|i|ıx)",
    # ... an alternative of the other spelling between two: it must stay between them
    r"(?i:sa|ſ|sb)",
    r"(?i:ia|ı|ib)",
    # ... but not in ASCII mode, where re folds ASCII letters only (found by a reviewer)
    r"(?i)(?a:ka|\u212ab)",
    r"(?i)(?a:\u212aa|kb|c)",
    r"(?i)(?a:\xc0a|\xe0b|c)",
    r"(?a:(?i:sa|\u017fb|x))",
    r"(?ai:sa|\u017fb|x)",
    # repeats, atomic groups and look-arounds around alternations
    r"(?:(?:ab|ac)|a){2,3}",
    r"(?>ab|a)b",
    r"(?=ab|ac)a\w",
    r"(?<=ab|ac)c",
]
ALPHABET = "abcdxstkKSſıiI \u212a"


def _texts() -> list[str]:
    import random

    rng = random.Random(20261130)
    return ["".join(rng.choice(ALPHABET) for _ in range(200)) for _ in range(300)]


@pytest.mark.parametrize("source", SHAPES)
def test_when_alternations_are_factored_then_the_matches_and_groups_are_the_same(source: str) -> None:
    texts = [
        *_texts(),
        "12 rue des Lilas, 4 RUE X, 3 r. Y, av Foch, Bd Z, Allée A, allee B, route C",
        "quel diagnostic ? Quel Traitement ! diagnostiquer, EVALUER MON COLLEGUE",
        "Hôpital Nord, hop. Sud, CHU Lyon, CH Vienne, CHS Bron, clinique Est",
        "sb Sb ſb SB ib Ib ıb IB",
        "\u212ab kb Ka \xe0b \xc0B \u017fb sb",
    ]
    same_matches(source, texts)
    same_matches(source, texts, re.IGNORECASE)


def test_when_words_share_a_first_letter_then_one_branch_holds_them() -> None:
    parsed = sre_parse.parse("(?i:rue|route|avenue|rte)", re.UNICODE)
    factor_branches(parsed, re.UNICODE)
    (_subpattern, (_group, _add, _del, inner)) = parsed.data[0]
    (op, (_none, alternatives)) = inner.data[0]
    assert op is sre.BRANCH
    assert len(alternatives) == 2  # r(?:ue|oute|te) and avenue


_WORDS = st.text(alphabet="abcsſkK\u212a", min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(_WORDS, min_size=2, max_size=8),
    tail=st.sampled_from(["", "c", "b?c", r"\w*"]),
    ignore_case=st.booleans(),
    text=st.text(alphabet="abcsſkK\u212aS ", max_size=60),
)
def test_any_alternation_of_words_finds_the_same_matches(
    words: list[str], tail: str, ignore_case: bool, text: str
) -> None:
    source = "(?:" + "|".join(re.escape(word) for word in words) + ")" + tail
    same_matches(source, [text], re.IGNORECASE if ignore_case else 0)
