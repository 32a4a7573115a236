"""Sets of ``[start, end)`` spans of a text, asked in logarithmic time whether they cover or touch one.

The engine asks such questions once per word or per entity; asked by a scan of every
span, a long text full of names costs quadratic time. Bisecting sorted spans keeps
the analysis linear in the length of the text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable


class SpanSet:
    """Spans, merged where they overlap: does a span touch them, lie within one of them?"""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        self.spans = merged
        self._starts = [start for start, _ in merged]

    def _last_starting_before(self, end: int) -> tuple[int, int] | None:
        index = bisect_left(self._starts, end) - 1
        return self.spans[index] if index >= 0 else None

    def touches(self, start: int, end: int) -> bool:
        """Tell whether ``[start, end)`` overlaps one of the spans."""
        span = self._last_starting_before(end)
        return span is not None and span[1] > start

    def covers(self, start: int, end: int) -> bool:
        """Tell whether ``[start, end)`` lies within one (merged) span."""
        span = self._last_starting_before(end)
        return span is not None and span[0] <= start and end <= span[1]


class DisjointSpans:
    """Non-overlapping spans that grow one at a time: ``add`` takes a span only if it touches none."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, start: int, end: int) -> bool:
        """Take ``[start, end)`` and return True, unless it overlaps a span already taken."""
        index = bisect_left(self._starts, start)
        if index > 0 and self._ends[index - 1] > start:
            return False
        if index < len(self._starts) and self._starts[index] < end:
            return False
        self._starts.insert(index, start)
        self._ends.insert(index, end)
        return True
