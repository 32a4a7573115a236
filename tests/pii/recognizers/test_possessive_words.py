"""The patterns that take their words whole (possessive) find what the plain forms find.

A possessive word never gives back letters; that is safe only because what follows each such
word (a separator, a space, « @ », the end of the list) never starts with one of its letters.
These tests keep that true when a pattern changes: the plain form is the possessive one with
every ``++``, ``*+`` and ``?+`` after a class or a group made greedy again.
"""

from __future__ import annotations

import json
import re

import pytest

from iag_gateway.pii.recognizers.email import EmailAddressRecognizer
from iag_gateway.pii.recognizers.person_cues import PersonCueRecognizer
from iag_gateway.pii.recognizers.person_fields import PersonFieldRecognizer
from tests.pii.test_corpora import CORPORA

# lists, roles and addresses next to their near misses
EXTRA = [
    "Serge, Hélène et Jean-Marc",
    "serge, hélène et jean-marc",
    "jean-baptiste/maelys and lou",
    "l'infirmière Ysolde Kermarrec",
    "notre collègue-référente, Ysolde",
    "les infirmières de garde Anne",
    "jean.dupont@chu-exemple.fr",
    "a.b-c@d.fr et x@y",
    "Jean-Marc,Hélène;Anne et  Paul",
    "Le-Goff-et Anne",
]
PATTERNS = [
    PersonFieldRecognizer.GIVEN_LIST,
    PersonFieldRecognizer.LOWER_GIVEN_LIST,
    PersonFieldRecognizer.ROLE,
    PersonCueRecognizer.EMAIL_LOCAL,
    EmailAddressRecognizer.PATTERNS[0],
]


def _plain(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(re.sub(r"(?<=[\])][*+?])\+", "", pattern.pattern), pattern.flags)


def _texts() -> list[str]:
    texts = list(EXTRA)
    for path in CORPORA.values():
        texts.extend(
            json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line
        )
    return texts


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern[:40])
def test_when_words_are_taken_whole_then_the_matches_are_those_of_the_plain_form(
    pattern: re.Pattern[str],
) -> None:
    plain = _plain(pattern)
    assert plain.pattern != pattern.pattern  # the pattern does hold a possessive word
    for text in _texts():
        assert [m.groupdict() | {"": m.span()} for m in pattern.finditer(text)] == [
            m.groupdict() | {"": m.span()} for m in plain.finditer(text)
        ]
