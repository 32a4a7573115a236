"""RPPS number of a health professional: 11 digits with a Luhn check digit.

Source: ANS, « Répertoire partagé des professionnels intervenant dans le système de santé »
(RPPS identifiers: 11 digits, Luhn key). Bare, only a Luhn-valid number starting with 10 is
taken (other 11-digit numbers are common). Named by its cue (« RPPS », « IDNPS »), the number
is masked whatever its key says: a wrong key is a typo in that person's id, not another
number (fail closed, as ``NirContextRecognizer`` does for the NIR).
"""

from __future__ import annotations

import re
from typing import ClassVar

from iag_gateway.pii.checksums import luhn_is_valid
from iag_gateway.pii.recognizers.base import CheckedPatternRecognizer
from iag_gateway.regex_gate import compile_gated


class RppsRecognizer(CheckedPatternRecognizer):
    """Detect an RPPS number (starts with 10, Luhn-valid), or any 11 digits right after « RPPS »."""

    ENTITY = "HEALTH_PRO_ID"
    SCORE = 0.95
    PATTERNS: ClassVar[tuple[re.Pattern[str], ...]] = (
        compile_gated(r"(?<![\w.,])(?P<value>\d{11})(?![\w]|[.,]\d)"),
        # the national health-professional id is the RPPS prefixed with 8
        compile_gated(r"(?<![\w.,])(?P<value>8\d{11})(?![\w]|[.,]\d)"),
        # written in groups (1010 1234 567, 10 10 123 4567): only right after « RPPS »
        compile_gated(r"(?i:\bRPPS\b)[^\d\n]{0,20}(?P<value>\d{1,5}(?: \d{1,6}){1,4})(?![\w]|[.,]\d)"),
    )
    CONTEXT: ClassVar[re.Pattern[str]] = compile_gated(
        r"(?i)\b(?:RPPS|IDNPS|identifiant national)\b[^\n]{0,25}$"
    )

    def accept(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        value = match.group("value").replace(" ", "")
        if len(value) not in (11, 12):
            return None
        if len(value) == 12:
            value = value[1:]
        start = match.start("value")
        if self.CONTEXT.search(text, max(0, start - 40), start):
            return match.span("value")
        if value.startswith("10") and luhn_is_valid(value):
            return match.span("value")
        return None
