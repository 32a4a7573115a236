"""Stage 7: look at the answer before the caller does.

Personal data the model produced that did not come from the caller's own prompt
is counted for the audit record and, by policy, masked or blocked.
"""

from __future__ import annotations

from collections import Counter

from iag_gateway.errors import PolicyDenied
from iag_gateway.exchange import Exchange
from iag_gateway.pii.engine import ECHO_SCORE, DetectedEntity
from iag_gateway.pii.name_echoes import name_echoes
from iag_gateway.pii.open_tail import open_tail
from iag_gateway.pii.placeholders import PLACEHOLDER
from iag_gateway.pii.pseudonymizer import mask_entities
from iag_gateway.policy.loader import LoadedPolicy
from iag_gateway.policy.output_rules import decide_output


def scan(ex: Exchange, loaded: LoadedPolicy, *, text: str | None = None) -> str:
    """Scan ``text`` (default: the whole answer); return it, masked if the policy says so."""
    assert ex.pseudonymizer is not None
    original = ex.answer if text is None else text
    _, counts = ex.pseudonymizer.scan_response(original, mask=False)
    _count(ex, counts)
    # A second analysis only in the rare case where the model produced data to mask.
    outcome = decide_output(loaded.policy, response_pii_counts=counts, text=original)
    if outcome.action == "block":
        raise PolicyDenied(outcome.message, outcome.rules)
    if outcome.action == "mask":
        masked, _ = ex.pseudonymizer.scan_response(original, mask=True, labels=outcome.mask_labels)
        if text is None:
            ex.answer = masked
        return masked
    return original


class StreamScanner:
    """Scan a streamed answer as it arrives; show all of it but the tail that may still be personal data.

    ``text[:released]`` has been shown. On each chunk, the end that may still grow into a
    value (``open_tail``: an unfinished word, a run of digits, capitals, name or
    address words) stays held; what comes before it is analysed in a bounded window (the
    new text, ``LEFT_CONTEXT`` characters shown before it for cue words such as « né le »
    or « IPP », and the held tail after it), masked or refused by the output rules as an
    unstreamed answer is, and released. A value still arriving is held whole: a value
    found across the release point moves it back to the value's start. Names already
    shown are remembered, so a later mention of one of their words is masked however
    far it comes (as the unstreamed scan does). Cost stays linear: each character is
    analysed in a window of bounded size, a few times.
    """

    LEFT_CONTEXT = 150
    LINE_CONTEXT = 400  # a line start this close is taken too (headers, sign-offs, « Nom : »)
    MAX_HELD = 1500
    MAX_NAMES = 50

    def __init__(self, ex: Exchange, loaded: LoadedPolicy) -> None:
        assert ex.pseudonymizer is not None
        self._ex = ex
        self._pseudonymizer = ex.pseudonymizer
        self._loaded = loaded
        self._text = ""
        self._released = 0
        self._ready = 0
        self._plain = False  # no word of text[released:ready] can be personal data: no analysis
        self._names: list[str] = []  # names the answer produced, for their later mentions

    def add(self, chunk: str, *, end: bool = False) -> bool:
        """Take provider text; tell whether some of it can be released now (``release``)."""
        self._text += chunk
        tail = open_tail(self._text, self._released)
        self._ready, self._plain = max(self._released, tail.start), tail.plain
        if end:
            self._ready, self._plain = len(self._text), tail.plain and tail.start == len(self._text)
        elif len(self._text) - self._ready > self.MAX_HELD:  # never hold without end: cut at a space
            limit = len(self._text) - self.MAX_HELD // 2
            cut = self._text.rfind(" ", self._released, limit) + 1 or limit
            self._ready, self._plain = max(self._ready, cut), False
        return self._ready > self._released

    @property
    def needs_analysis(self) -> bool:
        """Tell whether ``release`` will analyse (CPU-bound), not only show ordinary words."""
        ready = self._text[self._released : self._ready]
        return not self._plain and _has_words(PLACEHOLDER.sub("", ready))

    def release(self) -> str:
        """Analyse and return the text ready to be shown, masked by the output rules."""
        start, end = self._released, self._ready
        text = self._text
        if end <= start:
            return ""
        if not self.needs_analysis:
            return self._show(text[start:end], end)  # ordinary words, placeholders we issued
        origin = self._window_start(start)
        entities = [
            DetectedEntity(e.start + origin, e.end + origin, e.label, e.score)
            for e in self._pseudonymizer.response_entities(text[origin:])
        ]
        entities = sorted(entities + self._echoes(origin, entities), key=lambda e: e.start)
        end = self._settled_end(entities, start, end)
        shown = [e for e in entities if e.start < end and e.end > start]
        self._remember(shown)
        counts = dict(Counter(e.label for e in shown))
        _count(self._ex, counts)
        outcome = decide_output(self._loaded.policy, response_pii_counts=counts, text=text[origin:end])
        if outcome.action == "block":
            raise PolicyDenied(outcome.message, outcome.rules)
        masked = [e for e in shown if outcome.action == "mask" and e.label in outcome.mask_labels]
        return self._show(mask_entities(text, masked, start, end), end)

    def _show(self, shown: str, end: int) -> str:
        self._released = end
        self._ex.answer += shown
        # forget what no window will reach again, so a long answer costs no more per chunk
        drop = self._released - self.LINE_CONTEXT - self.LEFT_CONTEXT
        if drop > self.MAX_HELD:
            self._text = self._text[drop:]
            self._released -= drop
            self._ready -= drop
        return shown

    def _echoes(self, origin: int, entities: list[DetectedEntity]) -> list[DetectedEntity]:
        """Other mentions, in the window, of the words of names shown before it."""
        if not self._names:
            return []
        known = "\n".join(self._names) + "\n"
        spans, offset = [], 0
        for name in self._names:
            spans.append((offset, offset + len(name)))
            offset += len(name) + 1
        shift = len(known) - origin
        taken = [(0, len(known)), *((e.start + shift, e.end + shift) for e in entities)]
        found = name_echoes(known + self._text[origin:], spans, taken)
        return [DetectedEntity(s - shift, e - shift, "PERSON", ECHO_SCORE) for s, e in found]

    def _remember(self, shown: list[DetectedEntity]) -> None:
        for entity in shown:
            name = self._text[entity.start : entity.end]
            if entity.label == "PERSON" and name not in self._names and len(self._names) < self.MAX_NAMES:
                self._names.append(name)

    def _window_start(self, start: int) -> int:
        """Where the analysed window begins: ``LEFT_CONTEXT`` before ``start``, back to its line's
        start when that is near (a sign-off, a CSV header above), else to a word's start."""
        text = self._text
        before = max(0, start - self.LEFT_CONTEXT)
        line = text.rfind("\n", 0, before) + 1
        if start - line <= self.LINE_CONTEXT:
            return line
        return text.rfind(" ", 0, before) + 1

    def _settled_end(self, entities: list[DetectedEntity], start: int, end: int) -> int:
        """Move ``end`` back to the start of a value it would cut (forward past it if held too long)."""
        for entity in sorted(entities, key=lambda e: e.start, reverse=True):
            if entity.start < end < entity.end:
                end = entity.start if entity.start > start else entity.end
        return min(end, len(self._text))


def _count(ex: Exchange, counts: dict[str, int]) -> None:
    """Add an answer's (or a released piece's) personal data counts to the audit record's."""
    for label, count in counts.items():
        ex.response_pii_counts[label] = ex.response_pii_counts.get(label, 0) + count


def _has_words(text: str) -> bool:
    return any(char.isalnum() for char in text)
