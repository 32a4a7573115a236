"""Mask every other mention of a name the detector has already found in the same text.

A message names someone in full once (« From: Haruto Tanaka », « Dr. Amara Diop ») and
then by the given name alone (« Haruto », « Amara »), which no rule can tell from an
ordinary capitalised word. Once a word is known to be part of a name in this text, its
other occurrences are that person too: as written, in capitals, and in lowercase when the
lowercase word is no French word (``searched_forms``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from iag_gateway.pii.french_words import FrenchWords
from iag_gateway.pii.lexicon import ACRONYMS, COMPANY_WORDS, NAME_PARTICLES, NOT_SURNAMES, TITLES, fold
from iag_gateway.pii.spans import SpanSet

_LETTER = "A-Za-zÀ-ÖØ-öø-ÿ"
_WORD = re.compile(rf"[{_LETTER}]+(?:['’\-][{_LETTER}]+)*")
_RUN_CHAR = re.compile(r"[\w'’\-]")
_TITLE = re.compile(rf"(?:{TITLES})\.?")


def _echoable(word: str) -> bool:
    """Tell whether ``word`` is distinctive enough to be searched for elsewhere."""
    folded = fold(word)
    return (
        len(word) >= 3
        and word[0].isupper()
        and word not in ACRONYMS
        and folded not in NOT_SURNAMES
        and folded not in COMPANY_WORDS
        and folded not in NAME_PARTICLES
        and not _TITLE.fullmatch(word)
    )


def name_echoes(
    text: str,
    names: Sequence[tuple[int, int]],
    taken: Sequence[tuple[int, int]],
    words: FrenchWords | None = None,
) -> list[tuple[int, int]]:
    """Return the spans of other mentions of the words of ``names`` that overlap nothing in ``taken``.

    ``words``: the French word forms; without them, lowercase mentions are not searched for.
    """
    parts = {match.group() for start, end in names for match in _WORD.finditer(text, start, end)}
    forms = {form for part in parts if _echoable(part) for form in searched_forms(part, words)}
    return word_mentions(text, forms, taken)


def searched_forms(part: str, words: FrenchWords | None) -> set[str]:
    """The writings of a part of a name that stand for its person elsewhere.

    As written, in capitals, capitalised when written in capitals (« KERBRAT » → « Kerbrat »,
    each hyphenated part), and in lowercase, with and without accents (« kerbrat »,
    « solène », « solene »), when that lowercase writing is no word of ``words``: « petit »,
    « blanc » or « rose » stay words after « Julien Petit ».
    """
    forms = {part, part.upper()}
    if part.isupper():
        forms.add("-".join(piece[:1] + piece[1:].lower() for piece in part.split("-")))
    if words is not None and words.available:
        for lower in {part.lower(), fold(part)}:
            if lower not in words:
                forms.add(lower)
    return forms


def name_words(name: str) -> tuple[list[str], set[str]]:
    """The words of a name as written, and those distinctive enough to be searched for alone.

    « Yannick Le Bihan » gives ``(["Yannick", "Le", "Bihan"], {"Yannick", "Bihan"})``: a particle,
    a title or a common word is no mention of the person on its own.
    """
    words = _WORD.findall(name)
    return words, {word for word in words if _echoable(word)}


def word_mentions(text: str, words: Iterable[str], taken: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of whole-word occurrences of ``words`` in ``text`` that overlap nothing in ``taken``."""
    words = set(words)
    if not words:
        return []
    # a mention is a whole run of word characters, apostrophes and hyphens equal to one of the
    # words: each word's occurrences found in C (``str.find``), kept when no run character
    # touches either end (the whole run is then the word itself)
    busy = SpanSet(taken)
    found = []
    for word in words:
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            if (
                not (start > 0 and _RUN_CHAR.match(text, start - 1))
                and not _RUN_CHAR.match(text, end)
                and not busy.touches(start, end)
            ):
                found.append((start, end))
            start = text.find(word, start + 1)
    return sorted(found)
