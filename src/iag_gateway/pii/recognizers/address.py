"""Postal addresses: number, bis/ter, street type and name, then postcode and city."""

from __future__ import annotations

import re
from typing import ClassVar

from iag_gateway.pii.recognizers.base import CheckedPatternRecognizer
from iag_gateway.pii.regex_gate import compile_gated

_STREET_TYPES = (
    r"rue|r\.|avenue|av\.?|bd|boulevard|blvd|cours|quai|place|pl\.|chemin|ch\.|allée|allee|impasse|imp\.|"
    r"route|rte|montée|montee|passage|square|rond-point|voie|sentier|cité|cite|résidence|residence|"
    r"hameau|lieu-dit|faubourg|fbg|parvis|esplanade|promenade|villa|chaussée|chaussee|clos|"
    r"domaine|lotissement|mail|quartier|rampe|ruelle|traverse|venelle|sente|côte|cote|carrefour"
)
_WORD = r"(?:[A-ZÀ-ÖØ-Þ0-9][\w'’\-]*|d['’][\wÀ-ÿ'’\-]+|l['’][\wÀ-ÿ'’\-]+|de|du|des|la|le|les|et|aux?|sur|sous|en)(?![\w'’])"  # noqa: E501
_CITY_WORD = r"(?!(?i:cedex)(?![\w]))[A-ZÀ-ÖØ-Þ][\w'’]*(?:-[\w'’]+)*"
_CITY = rf"{_CITY_WORD}(?:[ \t](?:(?:sur|sous|les|lès|en|de|du|des|la|le|aux?)[ \t])?{_CITY_WORD}){{0,3}}(?:[ \t]+(?i:cedex)(?:[ \t]\d{{1,2}})?)?"  # noqa: E501
# a building or residence named before the street number: « Résidence Les Tilleuls, 45 allée... »
_BUILDING = r"(?:(?i:r[ée]sidence|r[ée]sid\.|b[âa]timent|b[âa]t\.|immeuble|appartement|appt?\.?|escalier|esc\.)[ \t]+[\w'’\-]+(?:[ \t]+[\w'’\-]+){0,3},?[ \t]+)"  # noqa: E501
# a place with no street number: « Lieu-dit La Croix Blanche, 43200 YSSINGEAUX » (the postcode is required)
_PLACE = r"(?i:lieu-dit|lieudit|lieu\s+dit|hameau|l\.-d\.|ld)"


class AddressRecognizer(CheckedPatternRecognizer):
    """Detect a street address, with or without its postcode and city."""

    ENTITY = "ADDRESS"
    SCORE = 0.85
    PATTERNS: ClassVar[tuple[re.Pattern[str], ...]] = (
        compile_gated(
            rf"(?<![\w,.])(?P<value>{_BUILDING}{{0,2}}\d{{1,4}}(?:\s?(?:(?i:bis|ter|quater)|[BbTt])(?![\w]))?,?\s+"
            rf"(?i:{_STREET_TYPES})(?![\w])\s+{_WORD}(?:[ \-]{_WORD}){{0,6}}"
            rf"(?:(?:\s*[,\-–]\s*|\s+)(?:(?:BP|CS)\s?\d{{1,6}}\s*[,\-–]?\s*)?(?:F-)?\d{{5}}\s+{_CITY})?)"
        ),
        compile_gated(
            rf"(?<![\w,.])(?P<value>{_PLACE}[ \t]+{_WORD}(?:[ \-]{_WORD}){{0,5}}\s*[,\-–]?\s*"
            rf"(?:(?:BP|CS)\s?\d{{1,6}}\s*[,\-–]?\s*)?(?:F-)?\d{{5}}\s+{_CITY})"
        ),
        # no street number, but a postcode and a city: « demeurant chemin des Vignes, 38000 Grenoble »
        compile_gated(
            rf"(?<![\w,.])(?P<value>(?i:{_STREET_TYPES})(?<!\.)(?![\w])\s+{_WORD}(?:[ \-]{_WORD}){{0,6}}"
            rf"(?:\s*[,\-–]\s*|\s+)(?:F-)?\d{{5}}\s+{_CITY})"
        ),
        # English form, as pasted from foreign correspondence: 221 Baker Street, London
        compile_gated(
            r"(?<![\w,.])(?P<value>\d{1,5}[ \t]+(?:[A-Z][\w'’\-]*[ \t]+){1,4}"
            r"(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Ln\.|Drive|Boulevard|Blvd\.|Way|Court|"
            r"Square|Terrace|Crescent|Close|Gardens|Row|Hill)(?![\w])"
            r"(?:,[ \t]*[A-Z][\w\-]+(?:[ \t](?![A-Z]{1,2}\d)[A-Z][\w\-]+)?)?"
            r"(?:[ \t,]+[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|[ \t,]+\d{5}(?:-\d{4})?)?)"
        ),
    )

    NUMBER_BEFORE: ClassVar[re.Pattern[str]] = re.compile(r"\d{1,4}(?:\s?(?i:bis|ter|quater|[bt]))?,?\s*$")

    def accept(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        start, end = match.span("value")
        if match.re is self.PATTERNS[2] and self.NUMBER_BEFORE.search(text, max(0, start - 12), start):
            return None  # the numbered form (first pattern) reports the whole address
        # a street name never ends with a bare connector word
        value = text[start:end]
        trimmed = re.sub(r"(?:\s+(?:de|du|des|la|le|les|et|aux?|sur|sous|en))+$", "", value)
        return start, start + len(trimmed)
