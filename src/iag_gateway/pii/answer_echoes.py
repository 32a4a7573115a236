"""Recognise the passages of a model's answer that repeat, word for word, what the gateway sent it.

A model quotes its prompt: it restates the question, copies a table, carries a sentence
over into its summary. What the gateway sent had been analysed and redacted already (its
personal data replaced by ``<PERSONNE_1>``-style placeholders), so a sentence of the
answer that is exactly a sentence sent holds no new personal data: the answer scan tells
the engine so (``PiiEngine.analyze(known=...)``) and the model reads only the rest.

Only what was sent is kept (the redacted sentences, never an original value), in the
memory of one request's ``Pseudonymizer``, and only sentences long enough not to be a
stock phrase: « Merci. » is cheap to analyse and proves nothing.
"""

from __future__ import annotations

import re

from iag_gateway.pii.placeholders import PLACEHOLDER

# where a sentence ends, as the streamed answer is cut into sentences (``stages/scan.py``)
_BOUNDARY = re.compile(r"[.!?;:](?=\s)|\n")
# shorter sentences are stock phrases, not quotations
MIN_ECHO_LENGTH = 16


def _sentences(text: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s sentences, spaces around them left out."""
    spans = []
    cursor = 0
    for match in _BOUNDARY.finditer(text):
        spans.append((cursor, match.end()))
        cursor = match.end()
    spans.append((cursor, len(text)))
    stripped = []
    for start, end in spans:
        piece = text[start:end]
        core = piece.strip()
        if len(core) >= MIN_ECHO_LENGTH:
            begin = start + piece.index(core)
            stripped.append((begin, begin + len(core)))
    return stripped


class SentSentences:
    """The sentences of the redacted texts one request sent, to find their echoes in its answer."""

    __slots__ = ("_sentences",)

    def __init__(self) -> None:
        self._sentences: set[str] = set()

    def __len__(self) -> int:
        return len(self._sentences)

    def add(self, sent: str) -> None:
        """Remember the sentences of ``sent``, a redacted text that left for the provider."""
        self._sentences.update(sent[start:end] for start, end in _sentences(sent))

    def known_spans(self, answer: str) -> list[tuple[int, int]]:
        """Return the spans of ``answer`` known to hold no new personal data: placeholders and
        sentences sent word for word."""
        spans = [match.span() for match in PLACEHOLDER.finditer(answer)]
        if self._sentences:
            spans.extend(span for span in _sentences(answer) if answer[span[0] : span[1]] in self._sentences)
        return sorted(spans)
