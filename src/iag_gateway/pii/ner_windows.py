"""Choose the stretches of a text the statistical NER must read: those the rules cannot settle.

spaCy's NER costs about ten times what all our rules cost together, and most of a
text cannot change what it reports: ``SpacyPersonRecognizer`` keeps a guess only if
it holds a capitalised word that is no common word (a lone one must be a given name or
a word in capitals), and a guess adds nothing where a rule already found that word. So
the model reads only windows around the words where it could still change the result:

- a capitalised word outside every span the rules found (and outside the allow-list)
  that is no common word, and that could stand for a name alone (a given name, a word in
  capitals) or sits next to another word a name could hold (capitalised, a particle,
  a separator such as « | »);
- the edges of a name a rule found, when the word beside it could lengthen the name
  (« Le » before « Goff Laurence »).

A word holding a digit (« <PERSONNE_1> », a code) or governed by a company cue
(« fournisseurs consultés : ») opens no window: the recognizer drops every guess holding it.

Each window takes ``MARGIN`` words of context on each side, more than the model's
receptive field (four tokens either way for ``fr_core_news_{sm,md}``), so it sees what it
would see in the whole text; overlapping windows are merged.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.lang.fr.stop_words import STOP_WORDS

from iag_gateway.pii.lexicon import (
    ACRONYMS,
    COMPANY_WORDS,
    FIRST_NAMES,
    GREETINGS,
    NAME_PARTICLES,
    NOT_SURNAMES,
    TITLES,
    fold,
)
from iag_gateway.pii.recognizers.spacy_person import SpacyPersonRecognizer
from iag_gateway.pii.spans import SpanSet

# words of context on each side of a word the model must judge
MARGIN = 6
_WORD = re.compile(r"\S+")
# what a word is stripped of before the lexicons are asked about it
_EDGE_PUNCTUATION = "\"'’«»“”()[]{}<>.,;:!?*_"
# a name never runs across these (``SpacyPersonRecognizer`` cuts its guesses there)
_LINE_BREAKS = frozenset("\n\t")
# what ends a clause for ``SpacyPersonRecognizer.COMPANY_CLAUSE``
_CLAUSE_ENDS = frozenset(".!?;\n")
_NO_NAME_CHARS = re.compile(r"[\d@<>/()]")
_PIECES = re.compile(r"[^\w]+")
# an initial or an abbreviated title ends with a full stop that does not end a sentence
_ABBREVIATION = re.compile(r"[^\W\d_]{1,2}\.|(?i:dr|pr|prof|mr|mrs|ms|mme|mlle|st|ste)\.")
# a title or greeting is trimmed from the start of a guess, so it cannot lengthen a name alone
_TITLE_OR_GREETING = re.compile(rf"(?:{TITLES}|(?i:{GREETINGS}|mme|mlle|m\.|dr\.?|pr\.?))[,]?")


@dataclass(frozen=True)
class NerPlan:
    """Where the model reads (``windows``) and which words its guesses must touch (``focus``).

    A guess in a window's margin that touches no focus word could not be kept by
    ``SpacyPersonRecognizer`` on the whole text either, and the margin's edges see less
    context than the whole text gives: such guesses are dropped.
    """

    windows: list[tuple[int, int]]
    focus: list[tuple[int, int]]

    def in_focus(self, start: int, end: int) -> bool:
        """Tell whether ``[start, end)`` overlaps a focus word."""
        index = bisect_right(self.focus, (end, end)) - 1
        while index >= 0 and self.focus[index][1] > start:
            if self.focus[index][0] < end:
                return True
            index -= 1
        return False


def _common(core: str) -> bool:
    """A word that never makes a guess a name: stop word, acronym, title, month, greeting..."""
    folded = fold(core)
    return (
        core in ACRONYMS
        or folded in NOT_SURNAMES
        or folded in STOP_WORDS
        or folded in COMPANY_WORDS
        or _TITLE_OR_GREETING.fullmatch(core) is not None
    )


def _alone_is_name(core: str) -> bool:
    """Tell whether the model's guess could be this word alone and be kept."""
    if core.isupper() and len(core) > 3:
        return True
    return any(
        fold(piece) in FIRST_NAMES or (piece.isupper() and len(piece) > 3)
        for piece in _PIECES.split(core)
        if piece
    )


def _opens_name(core: str) -> bool:
    """Tell whether a guess could start on this word and keep it (capitalised, no common word)."""
    return bool(core) and not core.islower() and not _common(core) and _NO_NAME_CHARS.search(core) is None


class _Words:
    """The whitespace-separated words of a text, and what a guess could join across them."""

    def __init__(self, text: str) -> None:
        self.text = text
        found = list(_WORD.finditer(text))
        self.words = [match.group() for match in found]  # read once: each word is looked at several times
        self.spans = [match.span() for match in found]
        self._starts = [start for start, _ in self.spans]

    def __getitem__(self, index: int) -> str:
        return self.words[index]

    def core(self, index: int) -> str:
        """Word ``index`` without the punctuation around it."""
        return self[index].strip(_EDGE_PUNCTUATION)

    def core_span(self, index: int) -> tuple[int, int]:
        """The span of ``core(index)`` (the whole word when it is all punctuation)."""
        start, end = self.spans[index]
        word = self[index]
        core = word.strip(_EDGE_PUNCTUATION)
        if not core:
            return start, end
        core_start = start + word.index(core)
        return core_start, core_start + len(core)

    def at(self, offset: int) -> int:
        """The index of the word that starts at or before ``offset``."""
        return bisect_right(self._starts, offset) - 1

    def neighbour(self, index: int, step: int) -> int | None:
        """The word right before (``step=-1``) or after (``step=1``) ``index`` on the same line and
        in the same cell, with no full stop, colon or semicolon between (a guess stops there)."""
        other = index + step
        if not 0 <= other < len(self.spans):
            return None
        left, right = (other, index) if step < 0 else (index, other)
        if _LINE_BREAKS.intersection(self.text[self.spans[left][1] : self.spans[right][0]]):
            return None
        last = self[left]
        if last[-1] in ";:!?" or (last[-1] == "." and not _ABBREVIATION.fullmatch(last)):
            return None
        return other

    def joins(self, index: int, step: int) -> bool:
        """Tell whether a guess reaching word ``index`` could go on with the next word along ``step``."""
        other = self.neighbour(index, step)
        if other is None:
            return False
        word = self[other]
        if _NO_NAME_CHARS.search(word):  # a guess holding a digit, « @ » or a bracket is dropped
            return False
        core = word.strip(_EDGE_PUNCTUATION)
        if not core:
            # « | » or « – » may sit inside a guess; a lone comma or full stop is trimmed from its end
            return bool(word.strip(".,;:"))
        if not core.islower():
            # a name may open with a common word (« Le Goff », « Da Silva ») but does not end on one,
            # and a guess ending on a company word is dropped (« Sodexo Santé »)
            return step < 0 or not _common(core)
        # a lower-case particle is trimmed from a guess's edges: it counts only inside a name
        if fold(core) not in NAME_PARTICLES:
            return False
        further = self.neighbour(other, step)
        if further is None:
            return False
        core = self.core(further)
        return bool(core) and not core.islower() and _NO_NAME_CHARS.search(core) is None


def ner_windows(
    text: str,
    settled: Iterable[tuple[int, int]],
    names: Iterable[tuple[int, int]],
    protected: Iterable[tuple[int, int]],
    margin: int = MARGIN,
) -> NerPlan:
    """Return the windows of ``text`` the NER model must read and the words it is asked about.

    ``settled``: every entity the rules found (overlaps resolved); ``names``: the person
    entities among them; ``protected``: the allow-list's spans (a guess touching one is dropped).
    """
    words = _Words(text)
    done, allowed = SpanSet(settled), SpanSet(protected)
    wanted: list[int] = []
    for index, word in enumerate(words.words):
        if word == word.lower():  # no capital letter
            continue
        core = word.strip(_EDGE_PUNCTUATION)
        # a guess holding a digit is dropped: « <PERSONNE_1> », « 4B », « C25-004519 » never start one
        if not core or _common(core) or _NO_NAME_CHARS.search(core):
            continue
        start, end = words.spans[index]
        if allowed.touches(start, end) or done.covers(*words.core_span(index)):
            continue
        if not (_alone_is_name(core) or words.joins(index, -1) or words.joins(index, 1)):
            continue
        if not _after_company_cue(words, index):
            wanted.append(index)
    wanted.extend(_name_edges(words, SpanSet(names), allowed))
    wanted = sorted(set(wanted))
    return NerPlan(_windows(words, wanted, margin), [words.spans[index] for index in wanted])


def _after_company_cue(words: _Words, index: int) -> bool:
    """Tell whether every guess holding word ``index`` starts after a company cue in its clause.

    ``SpacyPersonRecognizer`` drops a guess that a company cue (« fournisseurs consultés : »,
    « soutenu par ») precedes in the same clause, looking 120 characters back from the
    guess's start. A guess holding the word starts at the earliest word it could join
    leftwards, or later; the cue must be found, with nothing ending the clause after it,
    for each of those starts.
    """
    first = index
    while words.joins(first, -1):
        first -= 1
    start = words.spans[first][0]
    word_end = words.core_span(index)[1]
    if any(char in _CLAUSE_ENDS for char in words.text[start : words.core_span(index)[0]]):
        return False
    return SpacyPersonRecognizer.COMPANY_CLAUSE.search(words.text, max(0, word_end - 120), start) is not None


def _name_edges(words: _Words, names: SpanSet, allowed: SpanSet) -> list[int]:
    """Words at the edges of rule-found names where a guess could lengthen the name."""
    text = words.text
    found = []
    for name_start, name_end in names.spans:
        first, last = words.at(name_start), words.at(name_end - 1)
        if first < 0:
            continue
        # the name starts or ends inside a word (« Marc » of « Jean-Marc »): the model must see it
        if text[words.spans[first][0] : name_start].strip(_EDGE_PUNCTUATION) or text[
            name_end : words.spans[last][1]
        ].strip(_EDGE_PUNCTUATION):
            found.append(first)
            continue
        before = words.neighbour(first, -1)
        if before is not None and words.joins(first, -1) and _free(words, before, names, allowed):
            # a title or greeting opening a guess is trimmed from it: it lengthens nothing alone
            opener = words.neighbour(before, -1)
            if not _TITLE_OR_GREETING.fullmatch(words[before].rstrip(",")) or (
                opener is not None and _opens_name(words.core(opener))
            ):
                found.append(first)
        after = words.neighbour(last, 1)
        if after is not None and words.joins(last, 1) and _free(words, after, names, allowed):
            found.append(last)
    return found


def _free(words: _Words, index: int, names: SpanSet, allowed: SpanSet) -> bool:
    """Tell whether a guess could still claim word ``index``: not part of a name, not allowed."""
    start, end = words.core_span(index)
    return not names.covers(start, end) and not allowed.touches(start, end)


def _windows(words: _Words, wanted: list[int], margin: int) -> list[tuple[int, int]]:
    """``margin`` words either side of each wanted word, windows that touch merged.

    A window runs to the next word, so it ends with the same spaces and line breaks (tokens
    to the model) as the whole text, and from the start of the text when it holds the first word.
    """
    spans = words.spans
    windows: list[tuple[int, int]] = []
    last_high = -1
    for index in wanted:
        low, high = max(0, index - margin), min(len(spans) - 1, index + margin)
        end = spans[high + 1][0] if high + 1 < len(spans) else len(words.text)
        if windows and low <= last_high + 1:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((spans[low][0] if low else 0, end))
        last_high = high
    return windows
