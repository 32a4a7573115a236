"""Hospital patient identifiers (IPP, NDA / stay number, file number, MRN).

These are local digit strings with no check digit: only the words in front of
them (French or English) tell them apart from amounts or order numbers.
"""

from __future__ import annotations

import re
from typing import ClassVar

from iag_gateway.pii.recognizers.base import CheckedPatternRecognizer
from iag_gateway.pii.regex_gate import compile_gated

_CONTEXT = (
    r"IPP|NDA|NIP|MRN|PID|EDS|"
    r"n[°o]\s*(?:de\s+)?(?:s[ée]jour|dossier|patient|venue|passage|admission|IPP|NDA)|"
    r"num[ée]ro\s+(?:de\s+|d['’])?(?:s[ée]jour|dossier(?:\s+(?:patient|m[ée]dical))?|patient|venue|"
    r"passage|admission|IPP|NDA)|"
    r"identifiant\s+(?:du\s+)?(?:patient|s[ée]jour)|id(?:entifiant)?\s+patient|"
    r"dossier(?:\s+(?:patient|m[ée]dical|administratif))?|s[ée]jour|venue|admission|"
    r"patient\s+(?:id|number|no\.?|n[°o])|medical\s+record(?:\s+number)?|hospital\s+(?:number|id|no\.?|n[°o])|"
    r"encounter(?:\s+(?:id|number))?|visit\s+(?:id|number)|case\s+(?:id|number)|stay(?:\s+(?:id|number))?|"
    r"patient(?:e)?|hospitalisation|hospitalization|inpatient|admission\s+(?:id|number)"
)
# what may stand between the context word and the number: « IPP du patient : », « séjour n° »
_FILLER = (
    r"(?:\s+(?:du|de\s+la|de|d['’]|of\s+the|of)\s*(?:patient(?:e)?|s[ée]jour|dossier|venue|stay))?"
    r"(?:\s*\(?(?:n[°o]|num[ée]ro|number|no\.?|#|id)\)?)?"
)
_STRONG_CONTEXT = (
    r"IPP|NDA|MRN|n[°o]\s*(?:de\s+)?(?:s[ée]jour|dossier|patient|venue|passage|admission|IPP|NDA)|"
    r"num[ée]ro\s+(?:de\s+|d['’])?(?:s[ée]jour|dossier|patient|venue|passage|admission|IPP|NDA)"
)


class PatientIdRecognizer(CheckedPatternRecognizer):
    """Detect a 5-12 digit local id right after a patient-file context word."""

    ENTITY = "PATIENT_ID"
    SCORE = 0.92
    PATTERNS: ClassVar[tuple[re.Pattern[str], ...]] = (
        compile_gated(
            rf"(?i:\b(?:{_CONTEXT})){_FILLER}\s*[:=#]?\s*"
            r"(?P<value>[A-Z]{0,3}\d{5,12})(?![\w]|[.,]\d|\s?(?:€|euros?|EUR|%|ans|jours))"
        ),
        # grouped (80 012 345, 23/004512, 00-123-456): only after a word that names the id itself
        compile_gated(
            rf"(?i:\b(?:{_STRONG_CONTEXT}))(?:\s*\(?(?:n[°o]|num[ée]ro|number|no\.?|#)\)?)?\s*[:=#]?\s*"
            r"(?P<value>\d{2,4}(?:[ /\-]\d{2,8}){1,3})(?![\w]|[.,/\-]\d|\s?(?:€|euros?|EUR|%|ans|jours))"
        ),
        # « Dossier 2025-00418 »: after a bare « dossier », only digits joined by a dash or a slash
        compile_gated(
            r"(?i:\bdossier(?:\s*n[°o])?)\s*[:=#]?\s*(?P<value>\d{2,4}[/\-]\d{3,8})(?![\w]|[.,/\-]\d|\s?(?:€|euros?|EUR|%))"
        ),
    )

    def accept(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        digits = sum(char.isdigit() for char in match.group("value"))
        return match.span("value") if 5 <= digits <= 12 else None
