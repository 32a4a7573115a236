"""Date of birth: a date right after né/née, DDN, date de naissance, born, DOB.

Other dates (deadlines, meeting days) are not personal data and stay.
"""

from __future__ import annotations

import re
from typing import ClassVar

from iag_gateway.pii.recognizers.base import CheckedPatternRecognizer
from iag_gateway.pii.regex_gate import compile_gated

_MONTHS_FR = r"janv(?:ier|\.)?|f[ée]v(?:rier|\.)?|mars|avr(?:il|\.)?|mai|juin|juil(?:let|\.)?|ao[uû]t|sept(?:embre|\.)?|oct(?:obre|\.)?|nov(?:embre|\.)?|d[ée]c(?:embre|\.)?"  # noqa: E501
_MONTHS_EN = r"jan(?:uary)?|feb(?:ruary)?|march|mar|april|apr|may|june|jun|july|jul|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"  # noqa: E501
_DATE = (
    r"\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?(?:\d{4}|\d{2})"
    r"|\d{4}-\d{2}-\d{2}"
    rf"|(?:1er|\d{{1,2}})(?:st|nd|rd|th)?(?:\s+|[\-/])(?i:{_MONTHS_FR}|{_MONTHS_EN})(?:\s+|[\-/])(?:\d{{4}}|\d{{2}}(?!\d))"
    rf"|(?i:{_MONTHS_EN})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
)
# dictated: « trois mars mille neuf cent soixante-deux », « premier mai deux mille trois »
_NUMBER_WORD = (
    r"premier|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"
    r"seize|vingts?|trente|quarante|cinquante|soixante|cents?|et|mil(?:le)?"
)
_SPELLED_DATE = (
    rf"(?i:(?:{_NUMBER_WORD})(?:[ \-](?:{_NUMBER_WORD})){{0,3}}\s+(?:{_MONTHS_FR})\s+"
    rf"(?:\d{{4}}|(?:mil(?:le)?|deux[ \-]mille)(?:[ \-](?:{_NUMBER_WORD})){{0,8}}))"
)
_BIRTH_WORDS = (
    r"n[ée]e?s?(?:\s*\(e\))?|DDN|D\.D\.N\.?|date\s+de\s+naissance|naissance|n[ée]e?\s+le|"
    r"date\s+(?:de\s+)?naiss\.?|naiss\.|"
    r"born(?:\s+on)?|DOB|D\.O\.B\.?|date\s+of\s+birth|birth\s*date|birthdate|birthday"
)


class BirthDateRecognizer(CheckedPatternRecognizer):
    """Detect a date (12/03/1957, 12.03.1957, 12 mars 1957, 1957-03-12) introduced by a birth word."""

    ENTITY = "DATE_OF_BIRTH"
    SCORE = 0.95
    PATTERNS: ClassVar[tuple[re.Pattern[str], ...]] = (
        compile_gated(
            rf"(?<![\w])(?i:{_BIRTH_WORDS})(?![\w])\s*(?:\(?\s*(?:le|on|the|en|:)\s*\)?\s*)?[:\-,]?\s*"
            rf"(?P<value>{_DATE})(?![\w]|[/.\-]\d)"
        ),
        compile_gated(
            rf"(?<![\w])(?i:{_BIRTH_WORDS})(?![\w])\s*(?:\(?\s*(?:le|on|the|en|:)\s*\)?\s*)?[:\-,]?\s*"
            rf"(?P<value>{_SPELLED_DATE})(?![\w])"
        ),
        # a birthday without its year, after the birth word itself: « né le 12 juillet »
        compile_gated(
            rf"(?<![\w])(?i:n[ée]e?s?(?:\s*\(e\))?\s+le|born\s+on)\s+"
            rf"(?P<value>(?:1er|\d{{1,2}})\s+(?i:{_MONTHS_FR}|{_MONTHS_EN}))(?![\w]|\s+\d)"
        ),
    )
