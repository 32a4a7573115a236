"""People named by the structure around them: form fields, lists of given names, nicknames, roles.

Complements ``PersonRecognizer`` (names by their own shape) for four ways staff write:

- a form field: « Nom : MARCHAND », « Prénom : Hélène », « Nom de naissance : », « Patient : »;
- a list of given names in capitals or not: « SERGE, HÉLÈNE, JEAN-MARC »;
- a nickname in quotes inside a name: « Jean "Jeannot" Dupont », « Marie (Mimi) Durand »;
- a role noun after a determiner, then a name no lexicon knows: « l'infirmière Ysolde »,
  « notre collègue Ysolde Kermarrec », « the nurse Ysolde ».
"""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.fr.stop_words import STOP_WORDS

from iag_gateway.pii.lexicon import (
    ACRONYMS,
    AMBIGUOUS_FIRST_NAMES,
    COMPANY_WORDS,
    FIRST_NAMES,
    NAME_PARTICLES,
    NOT_SURNAMES,
    PARTICLE_WORDS,
    ROLE_NOUNS,
    fold,
)
from iag_gateway.regex_gate import compile_gated

_LETTER = "A-Za-zÀ-ÖØ-öø-ÿ"
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_CAP_WORD = rf"[{_UPPER}][{_LETTER}]*(?:['’\-][{_LETTER}]+)*"
# the same word, taken whole (possessive): a list item that gave back letters would be followed by a
# letter, an apostrophe or a hyphen, which neither a separator nor the list's end accepts, so the
# matches are the same; the engine just stops retrying each word letter by letter
_WHOLE_CAP_WORD = rf"[{_UPPER}][{_LETTER}]*+(?:['’\-][{_LETTER}]++)*+"
_WHOLE_LOWER_WORD = rf"[{_LOWER}]++(?:-[{_LOWER}]++)?+"
_PARTICLE = rf"(?:d['’]|(?:(?:{PARTICLE_WORDS})[ \t]+){{1,2}})"
_NAME = rf"(?:{_PARTICLE})?{_CAP_WORD}(?:[ \t](?:{_PARTICLE})?{_CAP_WORD}){{0,3}}"
_FIELD_LABELS = (
    r"nom|pr[ée]noms?|nom\s+(?:de\s+naissance|d['’]usage|marital|patronymique|complet|de\s+famille)|"
    r"nom\s+et\s+pr[ée]nom|pr[ée]nom\s+et\s+nom|nom\s*[/,]\s*pr[ée]nom|"
    r"nom\s+(?:du|de\s+la|de\s+l['’])\s*(?:patient(?:e)?|m[ée]decin|praticien(?:ne)?|agent|demandeur|"
    r"demandeuse|contact|b[ée]n[ée]ficiaire|r[ée]f[ée]rent(?:e)?|interlocut(?:eur|rice)|titulaire)|"
    r"name|first[\s_]*name|last[\s_]*name|surname|given[\s_]*name|full[\s_]*name|maiden[\s_]*name|"
    r"nom[\s_]*(?:patient|naissance|usage)|pr[ée]nom[\s_]*patient|patient[\s_]*(?:name|nom|pr[ée]nom)|"
    r"patient(?:e)?|contact|interlocut(?:eur|rice)|r[ée]f[ée]rent(?:e)?|demandeu(?:r|se)|signataire|"
    r"r[ée]dact(?:eur|rice)|m[ée]decin(?:\s+traitant)?|praticien(?:ne)?|infirmi[èe]re?|"
    r"b[ée]n[ée]ficiaire|titulaire(?:\s+du\s+compte)?|conjoint(?:e)?|personne\s+[àa]\s+pr[ée]venir"
)


def _given(word: str) -> bool:
    parts = [part for part in fold(word).split("-") if part]
    return bool(parts) and all(part in FIRST_NAMES for part in parts)


def _plain_word(word: str) -> bool:
    """Tell whether a capitalised word may be part of a name (not a common word, company or acronym)."""
    folded = fold(word)
    return not (
        folded in NOT_SURNAMES
        or folded in COMPANY_WORDS
        or folded in STOP_WORDS
        or folded in ROLE_NOUNS
        or word in ACRONYMS
    )


class PersonFieldRecognizer(LocalRecognizer):
    """Find names in form fields, given-name lists, around nicknames and after role nouns."""

    ENTITY = "PERSON"
    SCORE = 0.8
    FIELD: ClassVar[re.Pattern[str]] = compile_gated(
        # a JSON key or a quoted value: « "nom": "Kowalczyk" »
        rf"(?<![\w])(?i:{_FIELD_LABELS})[ \t]*(?:\([^)\n]{{0,20}}\))?[\x22\x27]?[ \t]*[:=][ \t]*[\x22\x27]?"
        rf"(?P<name>{_NAME})"
        rf"(?=[ \t]*(?:$|[\n;,|/()\t\x22\x27]|[ \t]{{2}}|[ \t]+[{_UPPER}]?[{_LETTER}]*[ \t]*:|[ \t]+[-–]))",
        re.MULTILINE,
    )
    # two or more given names in a row, separated by commas, « et », « and » or slashes
    GIVEN_LIST: ClassVar[re.Pattern[str]] = compile_gated(
        rf"(?<![\w'’\-]){_WHOLE_CAP_WORD}"
        rf"(?:[ \t]*(?:,|/|;|\bet\b|\band\b)[ \t]*{_WHOLE_CAP_WORD})+(?![\w'’\-])"
    )
    NICKNAME: ClassVar[re.Pattern[str]] = compile_gated(
        rf"(?<![\w'’\-])(?P<first>{_CAP_WORD})[ \t]+(?:\"|“|«[ \t]?|‘|'|\()[ \t]?{_CAP_WORD}[ \t]?"
        rf"(?:\"|”|[ \t]?»|’|'|\))[ \t]+(?P<last>(?:{_PARTICLE})?{_CAP_WORD})(?![\w'’\-])"
    )
    # the role word taken whole (possessive): a space or a comma must follow it, never one of its letters
    ROLE: ClassVar[re.Pattern[str]] = compile_gated(
        rf"(?<![\w])(?i:l['’]|la|le|les|notre|nos|votre|vos|mon|ma|mes|ton|ta|son|sa|ses|leur|cette|ce|"
        rf"the|our|your|my|his|her|their)[ \t]*(?P<role>[a-zà-öø-ÿ][a-zà-öø-ÿ\-]++)"
        rf"(?:[ \t]+(?:de\s+(?:garde|nuit|jour|santé|liaison|coordination)))?[ \t]*,?[ \t]+"
        rf"(?P<name>{_CAP_WORD}(?:[ \t]+(?:{_PARTICLE})?{_CAP_WORD})?)(?![\w'’\-])"
    )

    def __init__(self) -> None:
        super().__init__(
            supported_entities=[self.ENTITY], supported_language="fr", name="PersonFieldRecognizer"
        )

    def load(self) -> None:
        """Nothing to load: patterns are class constants."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Apply every structural cue; overlapping person spans are merged later by the engine."""
        spans = self._fields(text) + self._given_lists(text) + self._nicknames(text) + self._roles(text)
        return [RecognizerResult(self.ENTITY, start, end, self.SCORE) for start, end in spans]

    def _fields(self, text: str) -> list[tuple[int, int]]:
        spans = []
        for match in self.FIELD.finditer(text):
            words = [w for w in match.group("name").split() if fold(w) not in NAME_PARTICLES]
            if words and all(_plain_word(w) for w in words):
                spans.append(match.span("name"))
        return spans

    LOWER_GIVEN_LIST: ClassVar[re.Pattern[str]] = re.compile(
        rf"(?<![\w'’\-]){_WHOLE_LOWER_WORD}(?:[ \t]*(?:,|/|\bet\b|\band\b)[ \t]*"
        rf"{_WHOLE_LOWER_WORD})+(?![\w'’\-])"
    )
    CAP_ITEM: ClassVar[re.Pattern[str]] = re.compile(_CAP_WORD)
    LOWER_ITEM: ClassVar[re.Pattern[str]] = re.compile(rf"[{_LOWER}]+(?:-[{_LOWER}]+)?")

    def _given_lists(self, text: str) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for match in self.GIVEN_LIST.finditer(text):
            items = list(self.CAP_ITEM.finditer(match.group()))
            given = [
                item
                for item in items
                if _given(item.group())
                and not (item.group().isupper() and fold(item.group()) in AMBIGUOUS_FIRST_NAMES)
            ]
            # a list made of given names only (« Serge, Hélène et Jean-Marc »)
            if len(given) >= 2 and len(given) == len(items):
                spans.extend((match.start() + item.start(), match.start() + item.end()) for item in items)
        # typed in lower case: only given names that are no French word (« jean-baptiste, maelys »)
        for match in self.LOWER_GIVEN_LIST.finditer(text):
            items = [
                item
                for item in self.LOWER_ITEM.finditer(match.group())
                if fold(item.group()) not in {"et", "and"}
            ]
            if len(items) >= 2 and all(
                item.group().islower()
                and _given(item.group())
                and fold(item.group()) not in AMBIGUOUS_FIRST_NAMES
                and fold(item.group()) not in STOP_WORDS
                for item in items
            ):
                spans.extend((match.start() + item.start(), match.start() + item.end()) for item in items)
        return spans

    def _nicknames(self, text: str) -> list[tuple[int, int]]:
        spans = []
        for match in self.NICKNAME.finditer(text):
            if _given(match.group("first")) and _plain_word(match.group("last").split()[-1]):
                spans.append((match.start("first"), match.end("last")))
        return spans

    def _roles(self, text: str) -> list[tuple[int, int]]:
        spans = []
        for match in self.ROLE.finditer(text):
            if fold(match.group("role")) not in ROLE_NOUNS:
                continue
            kept: list[re.Match[str]] = []
            for word in re.finditer(r"\S+", match.group("name")):
                if not _plain_word(word.group()) and fold(word.group()) not in NAME_PARTICLES:
                    break
                kept.append(word)
            while kept and fold(kept[-1].group()) in NAME_PARTICLES:
                kept.pop()
            if kept:
                start = match.start("name")
                spans.append((start, start + kept[-1].end()))
        return spans
