"""Telephone numbers dictated in words: « zéro six douze trente-quatre cinquante-six ... ».

Voice dictation writes numbers out. A French number starts with « zéro » (or « plus
trente-trois »), then comes in pairs; a run of at least five number words opening that
way is a telephone number (a quantity never starts with « zéro »).
"""

from __future__ import annotations

import re
from typing import ClassVar

from iag_gateway.pii.recognizers.base import CheckedPatternRecognizer
from iag_gateway.regex_gate import compile_gated

_UNITS = (
    r"z[ée]ro|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"
    r"seize|vingts?|trente|quarante|cinquante|soixante|cent|et|\d{1,2}"
)
_WORD = rf"(?:{_UNITS})(?![\w])"
_GAP = r"[ \t,\-]+"


class PhoneWordsRecognizer(CheckedPatternRecognizer):
    """Detect a telephone number written in French number words, opening with zéro or plus 33."""

    ENTITY = "PHONE_NUMBER"
    SCORE = 0.8
    PATTERNS: ClassVar[tuple[re.Pattern[str], ...]] = (
        compile_gated(
            rf"(?<![\w\-])(?P<value>(?i:(?:z[ée]ro|plus{_GAP}trente{_GAP}trois)(?:{_GAP}{_WORD}){{4,30}}))",
        ),
    )

    def accept(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        value = match.group("value")
        # a trailing « et » or « un » of the next clause is not part of the number
        trimmed = re.sub(r"(?i)(?:[ \t,\-]+(?:et))+$", "", value)
        start = match.start("value")
        return start, start + len(trimmed)
