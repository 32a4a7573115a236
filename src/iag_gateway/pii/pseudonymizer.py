"""Replace personal data by typed, numbered placeholders for one request, and put it back.

One ``Pseudonymizer`` per request: the mapping between placeholders and values
lives only in this object's memory (never persisted, logged, cached or shared)
and ``repr`` shows counts only. The same value gets the same placeholder across
all the messages of the request, so the model can reason about « <PERSONNE_1> ».
"""

from __future__ import annotations

import json
import re
import threading
from collections import Counter
from collections.abc import Collection

from iag_gateway.pii.engine import DetectedEntity, PiiEngine
from iag_gateway.pii.placeholders import PLACEHOLDER, mask, placeholder
from iag_gateway.pii.stream_restorer import StreamRestorer

# identifiers compare without their separators: « 06 12 34 56 78 » is « 0612345678 »
_SEPARATORS = re.compile(r"[\s.\-–/()]+")
_COMPACT_LABELS = frozenset({"FR_NIR", "PHONE_NUMBER", "IBAN_CODE", "PATIENT_ID", "HEALTH_PRO_ID"})


def _identity(label: str, value: str) -> tuple[str, str]:
    """Key under which two writings of one value count as the same entity."""
    if label in _COMPACT_LABELS:
        return label, _SEPARATORS.sub("", value).upper()
    return label, " ".join(value.split()).casefold()


class Pseudonymizer:
    """Pseudonymise the inputs of one request and restore the answer."""

    __slots__ = ("_by_identity", "_engine", "_lock", "_numbers", "_values")

    def __init__(self, engine: PiiEngine) -> None:
        self._engine = engine
        self._by_identity: dict[tuple[str, str], str] = {}
        self._values: dict[str, str] = {}
        self._numbers: Counter[str] = Counter()
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Pseudonymizer(counts={self.counts})"

    def redact(self, text: str) -> str:
        """Return ``text`` with each piece of personal data replaced by its placeholder."""
        entities = self._engine.analyze(text)
        pieces: list[str] = []
        cursor = 0
        with self._lock:
            for entity in entities:
                pieces.append(text[cursor : entity.start])
                pieces.append(self._placeholder_for(entity, text[entity.start : entity.end]))
                cursor = entity.end
        pieces.append(text[cursor:])
        return "".join(pieces)

    @property
    def counts(self) -> dict[str, int]:
        """Distinct entities per label seen in this request (for the audit record)."""
        return dict(self._numbers)

    def restore(self, text: str, *, json_string: bool = False) -> str:
        """Put the original values back in place of this request's placeholders.

        ``json_string``: the text is JSON (tool-call arguments, a JSON-mode answer) and
        placeholders sit inside its strings, so each value is escaped as JSON string
        content (a newline becomes ``\\n``, a quote ``\\"``) and the JSON stays valid.
        """
        if json_string:
            return PLACEHOLDER.sub(lambda m: _json_escaped(self._values.get(m.group(), m.group())), text)
        return PLACEHOLDER.sub(lambda match: self._values.get(match.group(), match.group()), text)

    def stream_restorer(self, *, json_string: bool = False) -> StreamRestorer:
        """Return a restorer for a streamed answer (text deltas or tool-call argument chunks)."""
        return StreamRestorer(lambda text: self.restore(text, json_string=json_string))

    def scan_response(
        self, text: str, *, mask: bool, labels: Collection[str] | None = None
    ) -> tuple[str, dict[str, int]]:
        """Find personal data in the answer that the caller did not send; mask it if asked
        (only the given ``labels``, when given)."""
        found = [e for e in self._engine.analyze(text) if self._is_new(e, text)]
        counts = dict(Counter(e.label for e in found))
        masked = [e for e in found if labels is None or e.label in labels]
        if not mask or not masked:
            return text, counts
        return _replace(text, masked), counts

    def _is_new(self, entity: DetectedEntity, text: str) -> bool:
        value = text[entity.start : entity.end]
        if PLACEHOLDER.search(value):
            return False
        return _identity(entity.label, value) not in self._by_identity

    def _placeholder_for(self, entity: DetectedEntity, value: str) -> str:
        key = _identity(entity.label, value)
        known = self._by_identity.get(key)
        if known is not None:
            return known
        self._numbers[entity.label] += 1
        token = placeholder(entity.label, self._numbers[entity.label])
        self._by_identity[key] = token
        self._values[token] = value
        return token


def _json_escaped(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)[1:-1]


def _replace(text: str, entities: list[DetectedEntity]) -> str:
    pieces: list[str] = []
    cursor = 0
    for entity in entities:
        pieces.append(text[cursor : entity.start])
        pieces.append(mask(entity.label))
        cursor = entity.end
    pieces.append(text[cursor:])
    return "".join(pieces)
