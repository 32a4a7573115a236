"""People named by the cues around them rather than by the shape of a full name.

Complements ``PersonRecognizer`` for the ways people write in a hurry or in mail:
a lone given name opening or signing a message (« Tanguy, », « Merci\\nNawel »),
a greeting before a given name (« Hi Marguerite »), a patient's initials after a
cue word (« patiente R.M. »), a lower-case title before a lower-case surname
(« vu avec mme giraudet »), and a name that the message's own e-mail address
spells out (« Sebastiaan Van der Meulen » beside ``sebastiaan.vandermeulen@...``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import ClassVar

from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.fr.stop_words import STOP_WORDS

from iag_gateway.pii.lexicon import (
    AMBIGUOUS_FIRST_NAMES,
    FIRST_NAMES,
    GREETINGS,
    NAME_PARTICLES,
    NOT_SURNAMES,
    PARTICLE_WORDS,
    ROLE_WORDS,
    fold,
)
from iag_gateway.regex_gate import compile_gated

_LETTER = "A-Za-zÀ-ÖØ-öø-ÿ"
_LOWER = "a-zß-öø-ÿ"
_UPPER = "A-ZÀ-ÖØ-Þ"
_CAP_WORD = rf"[{_UPPER}][{_LETTER}]*(?:['’\-][{_LETTER}]+)*"
_PARTICLE = rf"(?:{PARTICLE_WORDS})"


@lru_cache(maxsize=16384)
def _spelled(word: str) -> str:
    """The letters a word adds to an e-mail's local part: folded, without apostrophes or hyphens."""
    return re.sub(r"['’\-]", "", fold(word))


def _given(word: str) -> bool:
    folded = fold(word)
    parts = [part for part in folded.split("-") if part]
    return bool(parts) and all(part in FIRST_NAMES for part in parts)


class PersonCueRecognizer(LocalRecognizer):
    """Find names from greetings, sign-offs, patient initials, lower-case titles and e-mail echoes."""

    ENTITY = "PERSON"
    SCORE = 0.8
    GREETING: ClassVar[re.Pattern[str]] = compile_gated(
        rf"(?<![\w])(?i:{GREETINGS})[ \t]+(?P<name>{_CAP_WORD})(?=[ \t]*(?:[,!:\n]|$))"
    )
    LONE_NAME_LINE: ClassVar[re.Pattern[str]] = compile_gated(
        rf"(?m)^[ \t>]*(?P<name>{_CAP_WORD})[ \t]*[,.!]?[ \t]*$"
    )
    INITIALS: ClassVar[re.Pattern[str]] = compile_gated(
        r"(?<![\w])(?i:patient(?:e)?|subject|sujet|participant(?:e)?|enfant|inclus(?:e)?|initiales|initials|"
        r"mr\.?|mrs\.?|ms\.?|mme|mlle|m\.)[ \t]*:?[ \t]*"
        rf"(?P<name>[{_UPPER}]\.(?:[ \t]?-?[{_UPPER}]\.){{1,2}})(?![\w])"
    )
    # after the word itself, initials need no dots: « initiales M-K », « initials: JD »
    BARE_INITIALS: ClassVar[re.Pattern[str]] = compile_gated(
        rf"(?<![\w])(?i:initiales|initials)[ \t]*:?[ \t]*"
        rf"(?P<name>[{_UPPER}](?:[\-.]?[{_UPPER}]){{1,2}}\.?)(?![\w])"
    )
    LOWER_TITLED: ClassVar[re.Pattern[str]] = compile_gated(
        r"(?<![\w.])(?<!\d )(?:[Mm]me|[Mm]lle|[Mm]\.|[Mm]r\.?|[Dd]r\.?|Pr\.?|[Dd]octeur|[Pp]rofesseur|"
        r"[Mm]adame|[Mm]onsieur)[ \t]+"
        rf"(?P<first>{_PARTICLE}[ \t]+[{_LOWER}][{_LOWER}'’\-]+|[{_LETTER}][{_LOWER}'’\-]{{2,}})"
        rf"(?:[ \t]+(?P<second>[{_LOWER}][{_LOWER}'’\-]{{2,}}))?(?![\w])"
    )
    # the local part taken whole (possessive): « @ » never follows a shorter one, same matches, less retrying
    EMAIL_LOCAL: ClassVar[re.Pattern[str]] = re.compile(
        r"(?<![\w.+-])(?P<local>[\w.\-]++)@[\w\-]+(?:\.[\w\-]+)+"
    )
    NAME_RUN: ClassVar[re.Pattern[str]] = re.compile(
        rf"{_CAP_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_CAP_WORD}){{0,5}}"
    )
    WORD: ClassVar[re.Pattern[str]] = re.compile(r"\S+")

    def __init__(self) -> None:
        super().__init__(
            supported_entities=[self.ENTITY], supported_language="fr", name="PersonCueRecognizer"
        )

    def load(self) -> None:
        """Nothing to load: patterns are class constants."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Apply every cue; overlapping person spans are merged later by the engine."""
        spans = self._greeting_and_lone_names(text) + self._initials(text) + self._lower_titled(text)
        if "@" in text:
            spans += self._email_echoes(text)
        return [RecognizerResult(self.ENTITY, start, end, self.SCORE) for start, end in spans]

    def _greeting_and_lone_names(self, text: str) -> list[tuple[int, int]]:
        spans = []
        for pattern in (self.GREETING, self.LONE_NAME_LINE):
            for match in pattern.finditer(text):
                name = match.group("name")
                if _given(name) and not (name.isupper() and fold(name) in AMBIGUOUS_FIRST_NAMES):
                    spans.append(match.span("name"))
        return spans

    def _initials(self, text: str) -> list[tuple[int, int]]:
        return sorted(
            {
                match.span("name")
                for pattern in (self.INITIALS, self.BARE_INITIALS)
                for match in pattern.finditer(text)
            }
        )

    def _lower_titled(self, text: str) -> list[tuple[int, int]]:
        spans = []
        for match in self.LOWER_TITLED.finditer(text):
            first = match.group("first")
            if not self._lower_name_word(first):
                continue
            second = match.group("second")
            if second is not None and _given(first) and self._lower_name_word(second):
                spans.append((match.start("first"), match.end("second")))
            else:
                spans.append(match.span("first"))
        return spans

    @staticmethod
    def _lower_name_word(word: str) -> bool:
        parts = word.split()
        if len(parts) == 2:
            word = parts[1]  # « mme ben ali », « dr le goff »: the particle, then the surname
        folded = fold(word)
        return not (
            word in STOP_WORDS
            or folded in STOP_WORDS
            or folded in NOT_SURNAMES
            or folded in ROLE_WORDS
            or folded in NAME_PARTICLES
        )

    def _email_echoes(self, text: str) -> list[tuple[int, int]]:
        """Report capitalised runs that spell an e-mail's « first.last » local part."""
        wanted: set[str] = set()
        for match in self.EMAIL_LOCAL.finditer(text):
            parts = [re.sub(r"\d", "", part) for part in re.split(r"[._\-]", match.group("local").lower())]
            parts = [part for part in parts if part]
            if len(parts) >= 2 and all(len(part) >= 2 for part in parts):
                wanted.add("".join(parts))
                wanted.add("".join(reversed(parts)))
        if not wanted:
            return []
        longest = max(len(name) for name in wanted)
        spans = []
        for run in self.NAME_RUN.finditer(text):
            words = list(self.WORD.finditer(run.group()))
            letters = [_spelled(word.group()) for word in words]
            for i in range(len(words)):
                spelled = ""
                for j in range(i, len(words)):
                    spelled += letters[j]
                    if len(spelled) > longest:
                        break  # longer than any address spells: no later word can help
                    if spelled in wanted:
                        spans.append((run.start() + words[i].start(), run.start() + words[j].end()))
        return spans
