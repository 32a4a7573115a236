"""Postal addresses: number, bis/ter, street type and name, then postcode and city."""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from iag_gateway.pii.recognizers.base import CheckedPatternRecognizer
from iag_gateway.regex_gate import compile_gated

_STREET_TYPES = (
    r"rue|r\.|avenue|av\.?|bd|boulevard|blvd|cours|quai|place|pl\.|chemin|ch\.|allée|allee|impasse|imp\.|"
    r"route|rte|montée|montee|passage|square|rond-point|voie|sentier|cité|cite|résidence|residence|"
    r"hameau|lieu-dit|faubourg|fbg|parvis|esplanade|promenade|villa|chaussée|chaussee|clos|"
    r"domaine|lotissement|mail|quartier|rampe|ruelle|traverse|venelle|sente|côte|cote|carrefour"
)
# (a month, for the streets named after a date: « rue du 8 mai 1945 », « place du 14 juillet »)
_WORD = r"(?:[A-ZÀ-ÖØ-Þ0-9][\w'’\-]*|d['’][\wÀ-ÿ'’\-]+|l['’][\wÀ-ÿ'’\-]+|de|du|des|la|le|les|et|aux?|sur|sous|en|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)(?![\w'’])"  # noqa: E501
_CITY_WORD = r"(?!(?i:cedex)(?![\w]))[A-ZÀ-ÖØ-Þ][\w'’]*(?:-[\w'’]+)*"
_CITY = rf"{_CITY_WORD}(?:[ \t](?:(?:sur|sous|les|lès|en|de|du|des|la|le|aux?)[ \t])?{_CITY_WORD}){{0,3}}(?:[ \t]+(?i:cedex)(?:[ \t]\d{{1,2}})?)?"  # noqa: E501
# a building or residence named before the street number: « Résidence Les Tilleuls, 45 allée... »
# (or on the line above it, in a letter's address block)
_BUILDING = r"(?:(?i:r[ée]sidence|r[ée]sid\.|b[âa]timent|b[âa]t\.|immeuble|appartement|appt?\.?|escalier|esc\.)[ \t]+[\w'’\-]+(?:[ \t]+[\w'’\-]+){0,3},?\s+)"  # noqa: E501
# a complement after the street, on its line or the next: « , appt 31 », « \nBât. C », « 3e étage »
_COMPLEMENT = (
    r"(?:(?:\s*[,\n]\s*|[ \t]+)(?:(?i:appt?\.?|appartement|app\.|b[âa]timent|b[âa]t\.?|escalier|esc\.|porte|"
    r"entr[ée]e|logement|log\.)[ \t]*(?:n[°o]\s?)?[\w\-]{1,6}(?![\w'’])"
    r"|(?i:r[ée]sidence|r[ée]sid\.|immeuble|imm\.)[ \t]+[\w'’\-]+"
    r"(?:[ \t]+(?:[A-ZÀ-Þ][\w'’\-]*|d[eu]s?|la|les?)){0,3}"
    r"|\d{1,2}\s?(?i:e|è|ème|eme|er)\s+(?i:[ée]tage)))"
)
# the street number, a range « 12-14 », then bis/ter
_NUMBER = r"\d{1,4}(?:[\-/]\d{1,4})?(?:\s?(?:(?i:bis|ter|quater)|[BbTt])(?![\w]))?"
# street names and towns typed without capitals (« 23 rue des lilas 69003 lyon »): a word of letters
_LOWER_WORD = r"[a-zà-ÿ][a-zà-ÿ'’\-]*(?![\w])"
_LOWER_CITY = (
    r"[a-zà-ÿ][a-zà-ÿ'’]*(?:-[a-zà-ÿ'’]+)*(?:[ \t](?:sur|sous|les|lès|en)[ \t][a-zà-ÿ][a-zà-ÿ'’\-]*)?(?![\w])"
)
_SENTENCE_WORD = (
    r"(?:depuis|pour|avec|mais|donc|qui|que|quand|chez|dans|et|ou|à|a|au|est|sont|il|elle|on|je|nous|vous|"
    r"merci|svp|stp|demain|hier|pas|ne|n['’]|c['’]|j['’]|y|se|sa|son|ses|puis|car|si)(?![\w])"
)
# the town with no postcode before it, ending its line or sentence: « 12 rue des Lilas, Lyon », « …, Lyon 3e »
_TOWN_ONLY = (
    r"[ \t]*,[ \t]*(?!(?i:cedex))[A-ZÀ-ÖØ-Þ][\w'’]*(?:[ \-](?:(?:sur|sous|les|lès|en|de|du|la|le)[ \-])?"
    r"[A-ZÀ-ÖØ-Þ][\w'’]*){0,3}(?:[ \t]+(?:\d{5}|\d{1,2}(?:e|er|ème|eme)))?(?=[ \t]*(?:[.;)\n]|$))"
)
_POSTCODE = r"(?:(?:BP|CS)\s?\d{1,6}\s*[,\-–]?\s*)?(?:F-)?\d{5}"
# a place with no street number: « Lieu-dit La Croix Blanche, 43200 YSSINGEAUX » (the postcode is required)
_PLACE = r"(?i:lieu-dit|lieudit|lieu\s+dit|hameau|l\.-d\.|ld)"

_FIVE_DIGITS = re.compile(r"\d{5}")


class AddressRecognizer(CheckedPatternRecognizer):
    """Detect a street address, with or without its postcode and city."""

    ENTITY = "ADDRESS"
    SCORE = 0.85
    PATTERNS: ClassVar[tuple[re.Pattern[str], ...]] = (
        compile_gated(
            rf"(?<![\w,.])(?P<value>{_BUILDING}{{0,2}}{_NUMBER},?\s+"
            rf"(?:(?i:{_STREET_TYPES})(?![\w])\s+{_WORD}(?:[ \-]{_WORD}){{0,6}}"
            rf"|(?i:grande?[ \-]rue|grand['’]rue)(?![\w])(?:[ \t]+{_WORD}(?:[ \-]{_WORD}){{0,6}})?)"
            rf"{_COMPLEMENT}{{0,3}}(?:(?:\s*[,\-–]\s*|\s+){_POSTCODE}\s+{_CITY}|{_TOWN_ONLY})?)"
        ),
        # all in small letters, as typed in a message: the postcode and the town make it an address
        compile_gated(
            rf"(?<![\w,.])(?P<value>{_NUMBER},?\s+(?i:{_STREET_TYPES})(?![\w])"
            rf"\s+{_LOWER_WORD}(?:[ \-]{_LOWER_WORD}){{0,6}}"
            rf"{_COMPLEMENT}{{0,3}}(?:\s*[,\-–]\s*|\s+){_POSTCODE}\s+(?:{_CITY}|{_LOWER_CITY}))"
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
        # in small letters with no postcode: only after a word that is always a street, and never past a
        # word that starts the rest of the sentence (« 23 rue des lilas depuis mars »)
        compile_gated(
            rf"(?<![\w,.])(?P<value>{_NUMBER},?\s+(?i:rue|avenue|av\.?|boulevard|bd|impasse|all[ée]e|chemin)"
            rf"(?:[ \t]+(?!{_SENTENCE_WORD}){_LOWER_WORD}){{1,4}}{_COMPLEMENT}{{0,3}})"
        ),
        # a field that names the address: whatever stands before a postcode and a town on its line or the
        # next (« Adresse : Le Bourg, 26400 Crest », « domicile: ferme des Aubiers\n07340 Peaugres »)
        compile_gated(
            rf"(?<![\w])(?i:adresse(?:[ \t]+(?:du[ \t]+patient|de[ \t]+la[ \t]+patiente|du[ \t]+domicile|"
            rf"postale|personnelle))?|domicile|address|home[ \t]+address)[ \t]*[:=][ \t]*"
            rf"(?P<value>(?:[^\W\d_]|\d{{1,4}}[ \t,])[\w'’ \t,.\-]{{1,70}}?(?:\s*[,\-–]\s*|\s+)"
            rf"{_POSTCODE}\s+(?:{_CITY}|{_LOWER_CITY}))"
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

    # the patterns that require a postcode (five digits in a row) are skipped in a text without one
    NEEDS: ClassVar[tuple[re.Pattern[str] | None, ...]] = (
        None,
        _FIVE_DIGITS,
        _FIVE_DIGITS,
        _FIVE_DIGITS,
        None,
        _FIVE_DIGITS,
        None,
    )

    NUMBER_BEFORE: ClassVar[re.Pattern[str]] = re.compile(r"\d{1,4}(?:\s?(?i:bis|ter|quater|[bt]))?,?\s*$")

    def accept(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        start, end = match.span("value")
        if match.re is self.PATTERNS[3] and self.NUMBER_BEFORE.search(text, max(0, start - 12), start):
            return None  # the numbered form (first pattern) reports the whole address
        # a street name never ends with a bare connector word
        value = text[start:end]
        trimmed = re.sub(r"(?:\s+(?:de|du|des|la|le|les|et|aux?|sur|sous|en))+$", "", value)
        return start, start + len(trimmed)

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Report each address once: the patterns read it in several ways, keep the widest reading."""
        results = super().analyze(text, entities, nlp_artifacts)
        widest = sorted({(r.start, r.end): r for r in results}.values(), key=lambda r: (r.start, -r.end))
        kept: list[RecognizerResult] = []
        for result in widest:
            if not any(k.start <= result.start and result.end <= k.end for k in kept):
                kept.append(result)
        return kept
