"""IBAN (any country), grouped by four or compact, validated by mod 97."""

from __future__ import annotations

import re
from typing import ClassVar

from iag_gateway.pii.checksums import iban_is_valid
from iag_gateway.pii.recognizers.base import CheckedPatternRecognizer
from iag_gateway.regex_gate import compile_gated


class IbanCodeRecognizer(CheckedPatternRecognizer):
    """Detect an IBAN; the longest prefix of the candidate that passes mod 97 is reported."""

    ENTITY = "IBAN_CODE"
    SCORE = 1.0
    PATTERNS: ClassVar[tuple[re.Pattern[str], ...]] = (
        compile_gated(r"(?<![\w])(?P<value>[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{1,4}){3,8})(?![\w])"),
    )
    # country -> IBAN length, for the countries staff are likely to paste
    LENGTHS: ClassVar[dict[str, int]] = {
        "FR": 27,
        "MC": 27,
        "DE": 22,
        "BE": 16,
        "LU": 20,
        "CH": 21,
        "IT": 27,
        "ES": 24,
        "PT": 25,
        "NL": 18,
        "GB": 22,
        "IE": 22,
        "AT": 20,
        "PL": 28,
        "RO": 24,
        "MA": 28,
        "TN": 24,
        "DZ": 26,
    }

    def accept(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        value = match.group("value")
        start = match.start("value")
        # try the whole candidate, then shorter prefixes ending on a group boundary
        ends = [len(value), *[m.start() for m in re.finditer(" ", value)][::-1]]
        for end in ends:
            compact = value[:end].replace(" ", "")
            expected = self.LENGTHS.get(compact[:2])
            if (expected is None or len(compact) == expected) and iban_is_valid(compact):
                return start, start + end
        return None
