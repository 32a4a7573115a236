"""Shared shape of our pattern recognizers: compiled class-constant patterns plus a validator.

Presidio's own ``PatternRecognizer`` compiles patterns case-insensitively and
scores them through lemma context; French identifiers need case-sensitive
patterns and hard check-digit validation instead, so each recognizer states its
patterns as class constants and decides in ``accept`` which matches are real.
"""

from __future__ import annotations

import re
from itertools import zip_longest
from typing import ClassVar

from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts


class CheckedPatternRecognizer(LocalRecognizer):
    """Find one entity type with class-constant patterns; ``accept`` validates each match."""

    ENTITY: ClassVar[str]
    SCORE: ClassVar[float] = 0.9
    PATTERNS: ClassVar[tuple[re.Pattern[str], ...]]
    # for each pattern, what every match of it holds (« @ »): a text without it skips the pattern
    NEEDS: ClassVar[tuple[re.Pattern[str] | None, ...]] = ()

    def __init__(self) -> None:
        super().__init__(supported_entities=[self.ENTITY], supported_language="fr", name=type(self).__name__)

    def load(self) -> None:
        """Nothing to load: patterns are compiled class constants."""

    def accept(self, match: re.Match[str], text: str) -> tuple[int, int] | None:
        """Return the span to report for ``match`` (the ``value`` group by default), or None."""
        group = "value" if "value" in match.re.groupindex else 0
        return match.span(group)

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Run every pattern over ``text`` and keep the matches ``accept`` validates (a span once,
        however many patterns find it)."""
        results: list[RecognizerResult] = []
        seen: set[tuple[int, int]] = set()
        for pattern, need in zip_longest(self.PATTERNS, self.NEEDS):
            if need is not None and need.search(text) is None:
                continue
            for match in pattern.finditer(text):
                span = self.accept(match, text)
                if span is not None and span[1] > span[0] and span not in seen:
                    seen.add(span)
                    results.append(RecognizerResult(self.ENTITY, span[0], span[1], self.SCORE))
        return results
