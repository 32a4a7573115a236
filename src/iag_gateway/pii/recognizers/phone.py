"""Telephone numbers: French national and +33 forms, and other international numbers."""

from __future__ import annotations

import re
from typing import ClassVar

from iag_gateway.pii.recognizers.base import CheckedPatternRecognizer
from iag_gateway.regex_gate import compile_gated


class PhoneNumberRecognizer(CheckedPatternRecognizer):
    """Detect 06 12 34 56 78 / 06.12... / 06-12... / 0612345678 / +33 (0)6 12 34 56 78 / +44 20 ..."""

    ENTITY = "PHONE_NUMBER"
    SCORE = 0.9
    PATTERNS: ClassVar[tuple[re.Pattern[str], ...]] = (
        # national: one separator style kept throughout the number
        compile_gated(
            r"(?<![\w+.,/-])(?P<value>0[1-9](?P<sep>[ .\-]?)\d{2}(?:(?P=sep)\d{2}){3})(?![\w]|[.,/-]\d)"
        ),
        # national in odd groupings (06 85 144 932, 06 1234 5678, 06/48/21/93/07, 04 72 11 - 52 67):
        # « 0X » set apart, then exactly eight more digits; ``accept`` turns away a date and a number
        compile_gated(
            r"(?<![\w+.,/-])(?<!\d[ ])(?P<value>0[1-9](?:[ ./]|[ ]?-[ ]?)(?:(?:[ ./]|[ ]?-[ ]?)?\d){8})"
            r"(?![\w]|[.,/-]\d|[ ]?\d)"
        ),
        # +33 / 0033, optional (0), one digit then four pairs
        compile_gated(
            r"(?<![\w+])(?P<value>(?:\+|00)\s?33\s?(?:\(0\)\s?)?[1-9](?:[ .\-]?\d{2}){4})(?![\w]|[.,/-]\d)"
        ),
        # other countries: + country code then 6-13 more digits in groups
        compile_gated(
            r"(?<![\w+])(?P<value>\+(?!33)[1-9]\d{0,2}(?:[ .\-]?\(?\d{1,4}\)?){2,6})(?![\w]|[.,/-]\d)"
        ),
    )

    DATE: ClassVar[re.Pattern[str]] = re.compile(r"\d{1,2}([/.\-])\d{1,2}\1(?:19|20)\d{2}")
    REGULAR: ClassVar[re.Pattern[str]] = re.compile(r"0[1-9](?P<sep>[ .\-]?)\d{2}(?:(?P=sep)\d{2}){3}")

    def accept(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        if match.re is self.PATTERNS[1] and (
            self.DATE.search(match.group("value")) or self.REGULAR.fullmatch(match.group("value"))
        ):
            return None  # a date and an hour, or a number the first pattern already reports
        digits = sum(char.isdigit() for char in match.group("value"))
        return match.span("value") if 9 <= digits <= 15 else None
