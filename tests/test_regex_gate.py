"""``gated`` changes where a pattern is tried (search hint or look-ahead), never what it finds."""

from __future__ import annotations

import _sre
import json
import random
import re
import sys
from re import _casefix  # type: ignore[attr-defined]

import pytest

from iag_gateway.regex_gate import HINTED_PYTHON, first_characters, gated
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
    # a charter rule's shape: joined alternatives after a word boundary, case ignored
    r"(?i)\b(?:(?:quel|quelle)\s+(?:est\s+)?(?:le\s+)?diagnosti\w*|evaluer\s+(?:mon|ma)\s+coll[eè]gue)\b",
    # letters ``re`` folds other characters to when case is ignored
    r"(?<![\w])(?i:kilo|sodium|inox|école|µg)\w*",
    r"[a-z]*x",
    r"(?:ab)*",
)
# words whose first letter only a case-insensitive match accepts
FOLDED_WORDS = "Kilo \u212ailo KILO ſodium SODIUM İnox ınox INOX ÉCOLE École μg Μg µg"
# with the characters ``re`` folds to ASCII letters (Kelvin sign, long s, dotted and dotless i)
# and digits of other scripts and planes
ALPHABET = "abcdeéxyzMNDIPPrhôtualsnom0123456789 .:-+\n\t'ÉÈRUENOMK\u212aſİı٣\U0001d7d9"


def _texts() -> list[str]:
    rng = random.Random(20261129)
    texts = ["".join(rng.choice(ALPHABET) for _ in range(300)) for _ in range(200)]
    texts.append(FOLDED_WORDS)
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
    assert first_characters(pattern, ranges=True) is None
    assert gated(pattern) is pattern


def test_when_a_pattern_opens_on_a_range_then_only_the_search_hint_takes_it() -> None:
    # a look-ahead on any lower-case letter would only cost; the search hint costs the same for any set
    pattern = re.compile(r"[a-z]*x")
    assert first_characters(pattern) is None
    assert first_characters(pattern, ranges=True) == "(?=(?-i:[a-zx]))"


@pytest.mark.skipif(
    sys.version_info[:2] != HINTED_PYTHON, reason="the search hint is written for CPython 3.11"
)
@pytest.mark.parametrize("source", [s for s in PATTERNS if first_characters(re.compile(s)) is not None])
def test_when_gated_on_cpython_3_11_then_the_pattern_text_is_unchanged(source: str) -> None:
    # the first characters went into the program's search hint, not into a look-ahead
    pattern = re.compile(source)
    fast = gated(pattern)
    assert fast is not pattern
    assert fast.pattern == pattern.pattern
    assert fast.flags == pattern.flags and fast.groupindex == pattern.groupindex


def test_no_character_beyond_the_first_plane_folds_into_it() -> None:
    # what lets the search hint read the look-ahead's characters over the first plane only
    assert all(_sre.unicode_tolower(code) >= 0x10000 for code in range(0x10000, 0x110000))
    assert all(code < 0x10000 for codes in _casefix._EXTRA_CASES.values() for code in codes)


@pytest.mark.parametrize(
    ("source", "text"),
    [
        # two global flag groups, then a first character beyond the first plane (the look-ahead form)
        ("(?i)(?s)(?<=x)\U0001f600", "x\U0001f600 \U0001f600"),
        ("(?i)(?m)^\U0001f600b|Sk", "\U0001f600b\nsk SK"),
        # groups nested deeper than the first characters' reading goes
        ("(" * 260 + "a" + ")" * 260, "a ba"),
    ],
)
def test_when_a_pattern_is_unusual_then_gated_finds_the_same_matches_and_raises_nothing(
    source: str, text: str
) -> None:
    pattern = re.compile(source)
    assert [m.span() for m in gated(pattern).finditer(text)] == [m.span() for m in pattern.finditer(text)]


def test_when_a_pattern_reads_bytes_then_it_is_left_as_is() -> None:
    # a bytes pattern ignores case in ASCII only: the first-plane reading would not describe it
    pattern = re.compile(rb"(?i)\xc0a|\xe0b|c")
    assert gated(pattern) is pattern
