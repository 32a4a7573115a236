"""People found by the French spaCy NER model (PER), filtered for administrative text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.fr.stop_words import STOP_WORDS

from iag_gateway.pii.lexicon import (
    ACRONYMS,
    COMPANY_CUES,
    COMPANY_WORDS,
    FIRST_NAMES,
    GREETINGS,
    NAME_PARTICLES,
    NOT_SURNAMES,
    TITLES,
    fold,
)
from iag_gateway.regex_gate import compile_gated


class SpacyPersonRecognizer(LocalRecognizer):
    """Keep spaCy's PER entities that look like names: no digits, not a company, titles trimmed."""

    ENTITY = "PERSON"
    SCORE = 0.7
    LEADING_TITLE: ClassVar[re.Pattern[str]] = re.compile(
        rf"^(?:(?:{TITLES}|(?i:{GREETINGS})(?![\w])|le|la|(?i:mme|mlle|m\.|dr\.?|pr\.?)(?![\w])),?\s*)+"
    )
    # a company cue earlier in the same clause: « fournisseurs consultés : X et Y »
    COMPANY_CLAUSE: ClassVar[re.Pattern[str]] = compile_gated(rf"(?i)\b(?:{COMPANY_CUES})\b[^.!?;\n]*$")
    SENTENCE_START: ClassVar[re.Pattern[str]] = re.compile(r"(?:^|[.!?\n:]\s*)$")
    LEADING_LOWER: ClassVar[re.Pattern[str]] = re.compile(r"^(?:[a-zà-öø-ÿ]+\s+)+(?=[A-ZÀ-ÖØ-Þ])")
    TRAILING_LOWER: ClassVar[re.Pattern[str]] = re.compile(r"(?:\s+[a-zà-öø-ÿ]+)+$")
    FIELD_LABELS: ClassVar[frozenset[str]] = frozenset({"nom", "prenom", "prenoms", "name", "surname"})
    COMPANY_AFTER: ClassVar[re.Pattern[str]] = re.compile(r"^\s*(?:\(SIRE[NT]|,?\s*SIRE[NT])")

    def __init__(self) -> None:
        super().__init__(
            supported_entities=[self.ENTITY], supported_language="fr", name="SpacyPersonRecognizer"
        )

    def load(self) -> None:
        """Nothing to load: the spaCy pipeline runs once in the NLP engine."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Turn the PER entities of the shared spaCy pass into filtered PERSON results."""
        if nlp_artifacts is None:
            return []
        spans = [
            (ent.start_char, ent.end_char) for ent in nlp_artifacts.entities if ent.label_ == self.ENTITY
        ]
        return self.from_spans(text, spans)

    def from_spans(self, text: str, spans: Iterable[tuple[int, int]]) -> list[RecognizerResult]:
        """Turn the model's person spans (offsets in ``text``) into filtered PERSON results."""
        results = []
        for start, end in spans:
            span = self._clean(text, start, end)
            if span is not None:
                results.append(RecognizerResult(self.ENTITY, span[0], span[1], self.SCORE))
        return results

    def _clean(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        value = text[start:end]
        # a name never runs across a line break or a tab (headers, signatures, CSV cells)
        while value[:1].isspace():
            start, value = start + 1, value[1:]
        cut = re.search(r"[\n\t]", value)
        if cut:
            end, value = start + cut.start(), value[: cut.start()]
        title = self.LEADING_TITLE.match(value)
        if title:
            start += title.end()
            value = text[start:end]
        value = value.rstrip(" .,;:")
        # and the preposition or verb after it (« Dr. Rupert Caldwell for », « m. Fabre c »)
        tail = self.TRAILING_LOWER.search(value)
        if tail and not all(fold(word) in NAME_PARTICLES for word in tail.group().split()):
            value = value[: tail.start()]
        # spaCy sometimes swallows the verb before a name (« please call John Smith »)
        lead = self.LEADING_LOWER.match(value)
        if lead:
            start += lead.end()
            value = value[lead.end() :]
            # and the title the swallowed words hid (« referred by Dr. Rupert Caldwell »)
            title = self.LEADING_TITLE.match(value)
            if title:
                start += title.end()
                value = value[title.end() :]
        # a field label or a common word after the name (« MARCHAND   Prénom : ») is not part of it
        last = re.search(r"\s+(\S+)$", value)
        while last and fold(last.group(1)) in self.FIELD_LABELS:
            value = value[: last.start()]
            last = re.search(r"\s+(\S+)$", value)
        end = start + len(value)
        words = value.split()
        if not words or any(char.isdigit() or char in "@<>/()" for char in value):
            return None
        if value.islower() or all(
            word in ACRONYMS or fold(word) in NOT_SURNAMES or fold(word) in STOP_WORDS for word in words
        ):
            return None
        # a lower-case word that is no particle means a clause, not a name (« Can you translate this »)
        if any(word.islower() and fold(word) not in NAME_PARTICLES for word in words):
            return None
        # a run in capitals with no known given name is a heading (« SPÉCIFICATION TECHNIQUE »);
        # names in capitals are found by the rules that see a title or a given name
        if value.isupper() and len(words) > 1 and not any(fold(word) in FIRST_NAMES for word in words):
            return None
        # a lone short capital word is an acronym (« EIG », « CPP ») far more often than a surname
        if len(words) == 1 and value.isupper() and len(value) <= 3:
            return None
        after = text[end : end + 40]
        next_word = after.split()[0].strip(",.;:()") if after.split() else ""
        if fold(next_word) in COMPANY_WORDS or fold(words[-1]) in COMPANY_WORDS:
            return None
        if self.COMPANY_CLAUSE.search(text, max(0, start - 120), start) or self.COMPANY_AFTER.match(after):
            return None
        # a lone capitalised word opening a sentence is a verb or a heading far more often than a name
        if len(words) == 1 and fold(value) not in FIRST_NAMES and not value.isupper():
            return None
        return start, end
