"""Date of birth: a date right after né/née, DDN, date de naissance, born, DOB.

Other dates (deadlines, meeting days) are not personal data and stay.
"""

from __future__ import annotations

import re
from datetime import date
from typing import ClassVar

from iag_gateway.pii.recognizers.base import CheckedPatternRecognizer
from iag_gateway.regex_gate import compile_gated

_MONTHS_FR = r"janv(?:ier|\.)?|f[ée]v(?:rier|\.)?|mars|avr(?:il|\.)?|mai|juin|juil(?:let|\.)?|ao[uû]t|sept(?:embre|\.)?|oct(?:obre|\.)?|nov(?:embre|\.)?|d[ée]c(?:embre|\.)?"  # noqa: E501
_MONTHS_EN = r"jan(?:uary)?|feb(?:ruary)?|march|mar|april|apr|may|june|jun|july|jul|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"  # noqa: E501
_DATE = (
    r"\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?(?:\d{4}|\d{2})"
    r"|\d{4}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?\d{1,2}"
    # typed with spaces or run together: « DDN 03 03 1972 », « née le 12031970 » (a real day and month)
    r"|(?:0?[1-9]|[12]\d|3[01])[ \t](?:0?[1-9]|1[0-2])[ \t](?:19|20)\d{2}"
    r"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d{2}"
    rf"|(?:1er|\d{{1,2}})(?:st|nd|rd|th)?(?:\s+|[\-/])(?i:{_MONTHS_FR}|{_MONTHS_EN})(?:\s+|[\-/])(?:\d{{4}}|\d{{2}}(?!\d))"
    rf"|(?i:{_MONTHS_EN})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
)
# dictated: « trois mars mille neuf cent soixante-deux », « premier mai deux mille trois »
_NUMBER_WORD = (
    r"premier|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"
    r"seize|vingts?|trente|quarante|cinquante|soixante|cents?|et|mil(?:le)?"
)
# a dictated year: « mille neuf cent soixante-deux », « dix-neuf cent soixante-deux », « deux mille trois »
_SPELLED_YEAR_START = r"mil(?:le)?|deux[ \-]mille|dix[ \-](?:neuf|huit)[ \-]cents?"
_SPELLED_YEAR = rf"(?:{_SPELLED_YEAR_START})(?:[ \-](?:{_NUMBER_WORD})){{0,8}}"
_SPELLED_DATE = (
    rf"(?i:(?:{_NUMBER_WORD})(?:[ \-](?:{_NUMBER_WORD})){{0,3}}\s+(?:{_MONTHS_FR})\s+"
    rf"(?:\d{{4}}|{_SPELLED_YEAR})"
    rf"|(?:1er|\d{{1,2}})\s+(?:{_MONTHS_FR})\s+{_SPELLED_YEAR})"
)
# also as field names: « date_naissance », « dateNaissance », « date-of-birth », « birth_date »
_BIRTH_WORDS = (
    r"n[ée]e?s?(?:\s*\(e\))?|DDN|D\.D\.N\.?|naissance|n[ée]e?\s+le|"
    r"date[\s_\-]*(?:de[\s_\-]*|d['’])?naiss(?:ance|\.)?|naiss\.|"
    r"born(?:\s+on)?|DOB|D\.O\.B\.?|date[\s_\-]*of[\s_\-]*birth|birth[\s_\-]*date|birthday"
)
# between the birth word and the date: « : », « le », a JSON key's quotes, « = », a dash, a bracket
_GAP = r"""(?:[\s"'«»():=,;|\-]|(?:le|on|the)(?![\w]))*"""
# an age then the date in brackets: « 54 ans (12/03/1970) »; ``accept`` checks the two agree
_AGE = r"(?P<age>\d{1,3})\s?ans?,?\s*\(\s*(?:n[ée]e?\s+le\s+)?"
# a field name glued to the one before it: « patient_ddn », « patientDateNaissance »
_BEFORE = r"(?:(?<![^\W_])|(?<=[a-z])(?=[A-Z]))"


class BirthDateRecognizer(CheckedPatternRecognizer):
    """Detect a date (12/03/1957, 12.03.1957, 12 mars 1957, 1957-03-12) introduced by a birth word."""

    ENTITY = "DATE_OF_BIRTH"
    SCORE = 0.95
    PATTERNS: ClassVar[tuple[re.Pattern[str], ...]] = (
        compile_gated(
            rf"{_BEFORE}(?i:{_BIRTH_WORDS})(?![^\W_]){_GAP}(?:en{_GAP})?"
            rf"(?P<value>{_DATE})(?![\w]|[/.\-]\d)"
        ),
        compile_gated(rf"{_BEFORE}(?i:{_BIRTH_WORDS})(?![^\W_]){_GAP}(?P<value>{_SPELLED_DATE})(?![\w])"),
        # a birthday without its year, after the birth word itself: « né le 12 juillet »
        compile_gated(
            rf"(?<![\w])(?i:n[ée]e?s?(?:\s*\(e\))?\s+le|born\s+on)\s+"
            rf"(?P<value>(?:1er|\d{{1,2}})\s+(?i:{_MONTHS_FR}|{_MONTHS_EN}))"
            rf"(?![\w]|\s+\d|\s+(?i:{_SPELLED_YEAR_START}))"
        ),
        compile_gated(rf"(?<![\w]){_AGE}(?P<value>{_DATE})(?![\w]|[/.\-]\d)"),
    )
    # the year written must be this year minus the age, give or take the birthday and a text that is
    # a few years old (a pasted letter)
    YEAR: ClassVar[re.Pattern[str]] = re.compile(r"(?:19|20)\d{2}(?!\d)|(?<!\d)\d{2}$")

    def accept(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        if "age" not in match.re.groupindex:
            return match.span("value")
        years = self.YEAR.findall(match.group("value"))
        if not years:
            return None
        year = int(years[-1])
        year += 0 if year >= 100 else (2000 if year <= date.today().year % 100 else 1900)
        written_ago = date.today().year - year - int(match.group("age"))
        return match.span("value") if -1 <= written_ago <= 6 else None
