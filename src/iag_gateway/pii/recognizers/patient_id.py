"""Hospital patient identifiers (IPP, NDA / stay number, file number, MRN).

These are local digit strings with no check digit: only the words in front of
them (French or English) tell them apart from amounts or order numbers.
"""

from __future__ import annotations

import re
from typing import ClassVar

from iag_gateway.pii.recognizers.base import CheckedPatternRecognizer
from iag_gateway.regex_gate import compile_gated

# as words or as field names (« num_sejour », « numeroSejour », « no_dossier », « id_patient »)
_CONTEXT = (
    r"IPP|NDA|NIP|MRN|PID|EDS|"
    r"n[°o]\.?[\s_]*(?:de[\s_]+)?(?:s[ée]jour|dossier|patient|venue|passage|admission|IPP|NDA)|"
    r"num(?:[ée]ro)?[\s_]*(?:de[\s_]+|d['’])?(?:s[ée]jour|dossier(?:\s+(?:patient|m[ée]dical))?|patient|venue|"
    r"passage|admission|IPP|NDA)|"
    r"identifiant[\s_]+(?:du[\s_]+)?(?:patient|s[ée]jour)|id(?:entifiant)?[\s_]*patient|"
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
    r"IPP|NDA|MRN|n[°o]\.?[\s_]*(?:de[\s_]+)?(?:s[ée]jour|dossier|patient|venue|passage|admission|IPP|NDA)|"
    r"num(?:[ée]ro)?[\s_]*(?:de[\s_]+|d['’])?(?:s[ée]jour|dossier|patient|venue|passage|admission|IPP|NDA)|"
    r"(?:s[ée]jour|dossier(?:\s+(?:patient|m[ée]dical))?|venue|passage|admission)\s*(?:n[°o]|num[ée]ro)"
)
# a field name's quotes and its colon: « "ipp": "12345678" », « ipp='12345678' »
_KEY_END = r"""["']?\s*[:=#]?\s*["']?"""
# a few words (no digit, no sentence end) between the id's name and the id:
# « l'IPP de la patiente est le 12345678 », « IPP (identifiant permanent du patient) : 12345678 »
_FEW_WORDS = r"(?:[ \t]+(?:\([^()\d\n]{1,60}\)|[^\W\d]+['’]?)){1,6}[ \t]*:?[ \t]*"
# grouped digits: « 80 012 345 », « 23/004512 », « 12.345.678 »
_GROUPED = r"\d{2,4}(?:[ /.\-]\d{2,8}){1,3}"
_NOT_AFTER = r"(?![\w]|[.,/\-]\d|\s?(?:€|euros?|EUR|%|ans|jours))"
# a stay's number as hospital information systems print it: digits in groups, with a letter
# prefix or an infix naming the kind of stay (« 24/001234 », « 2024-SEJ-004521 », « S24-00123 »,
# « VEN 2401234567 »)
# (a bare run of digits is the first pattern's)
_GROUP = r"[/\-](?:[A-Z]{2,4}[/\-])?\d{2,10}"
_CODED = rf"[A-Z]{{1,4}}[ \-]?\d{{2,10}}(?:{_GROUP}){{0,2}}|\d{{2,10}}(?:{_GROUP}){{1,2}}"
# what a stay's number follows, even without « n° »
_STAY = r"s[ée]jour|venue|passage|admission|hospitali[sz]ation|visite|stay|encounter|visit|IPP|NDA"
# a date or a span of years is no stay number (« séjour 2023-2024 », « venue 12/03/2025 »)
_DATE_LIKE = re.compile(r"\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4}|(?:19|20)\d{2}[/\-](?:19|20)?\d{2}")


class PatientIdRecognizer(CheckedPatternRecognizer):
    """Detect a 5-12 digit local id right after a patient-file context word."""

    ENTITY = "PATIENT_ID"
    SCORE = 0.92
    PATTERNS: ClassVar[tuple[re.Pattern[str], ...]] = (
        compile_gated(
            rf"(?i:\b(?:{_CONTEXT})){_FILLER}{_KEY_END}"
            r"(?P<value>[A-Z]{0,3}\d{5,12})(?![\w]|[.,]\d|\s?(?:€|euros?|EUR|%|ans|jours))"
        ),
        # grouped (80 012 345, 23/004512, 00-123-456): only after a word that names the id itself
        compile_gated(
            rf"(?i:\b(?:{_STRONG_CONTEXT}))(?:\s*\(?(?:n[°o]|num[ée]ro|number|no\.?|#)\)?)?{_KEY_END}"
            rf"(?P<value>{_GROUPED}){_NOT_AFTER}"
        ),
        # the id's name a few words before it; never « NDA » alone, which also names a non-disclosure
        # agreement in procurement
        compile_gated(
            rf"(?i:\b(?:IPP|(?<!\w)n[°o]\.?\s*(?:de\s+)?(?:s[ée]jour|venue|IPP)|"
            rf"num[ée]ro\s+(?:de\s+|d['’])?(?:s[ée]jour|venue|IPP)))(?![\w]){_FEW_WORDS}"
            rf"(?P<value>[A-Z]{{0,3}}\d{{5,12}}|{_GROUPED}){_NOT_AFTER}"
        ),
        # a stay's coded number right after the word for a stay (« séjour 24/001234 »)
        compile_gated(
            rf"(?i:\b(?:{_STAY}))(?:\s*\(?(?:n[°o]|num[ée]ro|number|no\.?|#)\)?)?{_KEY_END}"
            rf"(?P<value>{_CODED}){_NOT_AFTER}"
        ),
        # « Dossier 2025-00418 »: after a bare « dossier », only digits joined by a dash or a slash
        compile_gated(
            r"(?i:\bdossier(?:\s*n[°o])?)\s*[:=#]?\s*(?P<value>\d{2,4}[/\-]\d{3,8})(?![\w]|[.,/\-]\d|\s?(?:€|euros?|EUR|%))"
        ),
    )

    # a word between the id's name and a number that makes the number something else
    OTHER_NUMBER: ClassVar[re.Pattern[str]] = re.compile(
        r"(?i:\b(?:factures?|commandes?|bons?|lots?|march[ée]s?|contrats?|devis|r[ée]f(?:[ée]rences?)?|"
        r"siret|siren|finess|articles?|codes?|tickets?|demandes?|t[ée]l[ée]phone|tel|poste|montant|total)\b)"
    )

    def accept(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        value = match.group("value")
        digits = sum(char.isdigit() for char in value)
        if not 5 <= digits <= 12 or _DATE_LIKE.fullmatch(value):
            return None
        between = (match.start(), match.start("value"))
        if match.re is self.PATTERNS[2] and self.OTHER_NUMBER.search(text, *between):
            return None
        return match.span("value")
