"""RPPS number of a health professional: 11 digits with a Luhn check digit."""

from __future__ import annotations

import re
from typing import ClassVar

from iag_gateway.pii.checksums import luhn_is_valid
from iag_gateway.pii.recognizers.base import CheckedPatternRecognizer
from iag_gateway.pii.regex_gate import compile_gated


class RppsRecognizer(CheckedPatternRecognizer):
    """Detect an RPPS number (starts with 10, Luhn-valid), or any Luhn-valid 11 digits after « RPPS »."""

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
        if not luhn_is_valid(value):
            return None
        if value.startswith("10") or self.CONTEXT.search(text, max(0, match.start() - 40), match.start()):
            return match.span("value")
        return None
