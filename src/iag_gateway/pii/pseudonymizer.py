"""Replace personal data by typed, numbered placeholders for one request, and put it back.

One ``Pseudonymizer`` per request: the mapping between placeholders and values
lives only in this object's memory (never persisted, logged, cached or shared)
and ``repr`` shows counts only. The same value gets the same placeholder across
all the messages of the request, so the model can reason about « <PERSONNE_1> ».

Placeholders the caller pasted (an earlier answer quoting « <PERSONNE_1> ») are
left as they are, and new values are numbered after them (``reserve``). A text
that is a whole JSON document (tool arguments, tool results) is parsed, its string
values redacted one by one and re-serialised, and restored the same way, so an
escaped value (``"H\u00e9l\u00e8ne"``) is seen whole and a restored one stays valid JSON.
"""

from __future__ import annotations

import json
import re
import threading
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from typing import Any

from iag_gateway.pii.answer_echoes import SentSentences
from iag_gateway.pii.engine import ECHO_SCORE, GUESS_SCORE, DetectedEntity, PiiEngine
from iag_gateway.pii.named_people import NamedPeople
from iag_gateway.pii.normalise import normalised
from iag_gateway.pii.placeholders import PLACEHOLDER, PLACEHOLDER_NAMES, mask, placeholder
from iag_gateway.pii.stream_restorer import StreamRestorer

# identifiers compare without their separators: « 06 12 34 56 78 » is « 0612345678 »
_SEPARATORS = re.compile(r"[\s.\-–/()]+")
_COMPACT_LABELS = frozenset({"FR_NIR", "PHONE_NUMBER", "IBAN_CODE", "PATIENT_ID", "HEALTH_PRO_ID"})


_LABEL_OF = {name: label for label, name in PLACEHOLDER_NAMES.items()}
_JSON_START = re.compile(r"\s*[\[{]")


def _identity(label: str, value: str) -> tuple[str, str]:
    """Key under which two writings of one value count as the same entity."""
    value = normalised(value)
    if label in _COMPACT_LABELS:
        return label, _SEPARATORS.sub("", value).upper()
    return label, " ".join(value.split()).casefold()


def _json_document(text: str) -> Any | None:
    """Return the parsed JSON object or array ``text`` holds entirely, else None."""
    if _JSON_START.match(text) is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict | list) else None


def _map_strings(value: Any, function: Callable[[str], str]) -> Any:
    """Apply ``function`` to every string value (not key) of a parsed JSON document."""
    if isinstance(value, str):
        return function(value)
    if isinstance(value, list):
        return [_map_strings(item, function) for item in value]
    if isinstance(value, dict):
        return {key: _map_strings(item, function) for key, item in value.items()}
    return value


class Pseudonymizer:
    """Pseudonymise the inputs of one request and restore the answer."""

    __slots__ = (
        "_analysed",
        "_by_identity",
        "_engine",
        "_lock",
        "_numbers",
        "_people",
        "_reserved",
        "_sent",
        "_values",
    )

    def __init__(self, engine: PiiEngine) -> None:
        self._engine = engine
        self._by_identity: dict[tuple[str, str], str] = {}
        self._values: dict[str, str] = {}
        self._numbers: Counter[str] = Counter()
        self._reserved: Counter[str] = Counter()  # highest number already pasted by the caller
        self._sent = SentSentences()  # the redacted sentences, to skip their echoes in the answer
        # parts of the names given in full, for the call's other texts
        self._people = NamedPeople(engine.words)
        self._analysed: dict[str, list[DetectedEntity]] = {}  # by ``learn_names``, for ``redact``
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Pseudonymizer(counts={self.counts})"

    def reserve(self, texts: Iterable[str]) -> None:
        """Number new values after the placeholders the caller's ``texts`` already contain."""
        with self._lock:
            for text in texts:
                for match in PLACEHOLDER.finditer(text):
                    name, _, number = match.group()[1:-1].rpartition("_")
                    label = _LABEL_OF[name]
                    self._reserved[label] = max(self._reserved[label], int(number))

    def redact(self, text: str) -> str:
        """Return ``text`` with each piece of personal data replaced by its placeholder.

        A whole JSON document has each of its string values redacted and is re-serialised.
        """
        document = _json_document(text)
        if document is not None:
            return json.dumps(_map_strings(document, self._redact_text), ensure_ascii=False)
        return self._redact_text(text)

    def redact_whole(self, label: str, value: str) -> str:
        """Replace the whole ``value`` by one placeholder of ``label`` (a participant's ``name``)."""
        if not value.strip() or PLACEHOLDER.fullmatch(value.strip()):
            return value
        with self._lock:
            return self._placeholder_for(DetectedEntity(0, len(value), label, 1.0), value)

    def _analyse(self, text: str) -> list[DetectedEntity]:
        """The entities of ``text`` that are new values (a placeholder the caller pasted is none)."""
        pasted = [match.span() for match in PLACEHOLDER.finditer(text)]
        return [
            entity
            for entity in self._engine.analyze(text)
            if not any(entity.start < end and start < entity.end for start, end in pasted)
        ]

    def _redact_text(self, text: str) -> str:
        pasted = [match.span() for match in PLACEHOLDER.finditer(text)]
        entities = self._analysed.get(text)
        if entities is None:
            entities = self._analyse(text)
        with self._lock:
            # parts of names given in full in this call's other texts (``named_people``)
            taken = [(e.start, e.end) for e in entities] + pasted
            mentions = [
                DetectedEntity(s, e, "PERSON", ECHO_SCORE) for s, e in self._people.mentions(text, taken)
            ]
            entities = sorted(entities + mentions, key=lambda e: e.start)
            # people named in full take their placeholders first, so that a part of a name
            # written before the full name in the same text stands for them too
            tokens = {
                (entity.start, entity.end): self._placeholder_for(entity, text[entity.start : entity.end])
                for entity in sorted(entities, key=lambda e: -len(text[e.start : e.end].split()))
            }
            pieces: list[str] = []
            cursor = 0
            for entity in entities:
                pieces.append(text[cursor : entity.start])
                pieces.append(tokens[(entity.start, entity.end)])
                cursor = entity.end
            pieces.append(text[cursor:])
            redacted = "".join(pieces)
            self._sent.add(redacted)
        return redacted

    @property
    def counts(self) -> dict[str, int]:
        """Distinct entities per label seen in this request (for the audit record)."""
        return dict(self._numbers)

    def learn_names(self, texts: Iterable[str]) -> None:
        """Analyse all the texts of the call first, so that the people it names in full are known
        before any of its texts is replaced.

        A part of a name met alone in a text that comes before the one giving the name in
        full (« Rappelle kerbrat » in the first message, « Solène Kerbrat » in the third, or in
        the ``stop`` strings) is then masked as her too (``named_people``). Each text's
        analysis is kept for its ``redact``: nothing is analysed twice. The names given in full
        take their placeholders in the order the texts give them.
        """
        for text in texts:
            document = _json_document(text)
            for value in _string_values(document) if document is not None else (text,):
                if value in self._analysed:
                    continue
                entities = self._analyse(value)
                self._analysed[value] = entities
                with self._lock:
                    for entity in entities:
                        name = value[entity.start : entity.end]
                        if entity.label == "PERSON" and NamedPeople.names_someone(name, firm=_firm(entity)):
                            self._placeholder_for(entity, name)

    def restore(self, text: str, *, json_string: bool = False) -> str:
        """Put the original values back in place of this request's placeholders.

        ``json_string``: the text is JSON (tool-call arguments, a JSON-mode answer) and
        placeholders sit inside its strings, so each value is escaped as JSON string
        content (a newline becomes ``\\n``, a quote ``\\"``) and the JSON stays valid.
        """
        if json_string:
            return PLACEHOLDER.sub(lambda m: _json_escaped(self._values.get(m.group(), m.group())), text)
        return PLACEHOLDER.sub(lambda match: self._values.get(match.group(), match.group()), text)

    def restore_document(self, text: str) -> str:
        """Restore a text that may be a whole JSON document (tool-call arguments), keeping it valid."""
        document = _json_document(text)
        if document is None:
            return self.restore(text)
        return json.dumps(_map_strings(document, self.restore), ensure_ascii=False)

    def stream_restorer(self, *, json_string: bool = False) -> StreamRestorer:
        """Return a restorer for a streamed answer (text deltas or tool-call argument chunks)."""
        return StreamRestorer(lambda text: self.restore(text, json_string=json_string))

    def scan_response(
        self, text: str, *, mask: bool, labels: Collection[str] | None = None
    ) -> tuple[str, dict[str, int]]:
        """Find personal data in the answer that the caller did not send; mask it if asked
        (only the given ``labels``, when given)."""
        found = self.response_entities(text)
        counts = dict(Counter(e.label for e in found))
        masked = [e for e in found if labels is None or e.label in labels]
        if not mask or not masked:
            return text, counts
        return mask_entities(text, masked), counts

    def response_entities(self, text: str) -> list[DetectedEntity]:
        """The personal data in an answer that the caller did not send, firm enough to count.

        Placeholders and sentences this request sent word for word are not re-read by spaCy
        (``known_spans``)."""
        entities = self._engine.analyze(text, known=self.known_spans(text))
        return [e for e in entities if _is_claim(e) and self._is_new(e, text)]

    def known_spans(self, answer: str) -> list[tuple[int, int]]:
        """Return the spans of ``answer`` that hold no new personal data: placeholders, and
        sentences this request sent word for word (for ``PiiEngine.analyze(known=...)``)."""
        with self._lock:
            return self._sent.known_spans(answer)

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
        if entity.label == "PERSON" and (named := self._people.owner(value)) is not None:
            self._by_identity[key] = named  # a part of the name of someone named in full
            return named
        self._numbers[entity.label] += 1
        token = placeholder(entity.label, self._reserved[entity.label] + self._numbers[entity.label])
        self._by_identity[key] = token
        self._values[token] = value
        if entity.label == "PERSON":
            self._people.add(value, token, firm=_firm(entity))
        return token


def _firm(entity: DetectedEntity) -> bool:
    """A rule found this person (a title, a field, a header), not the statistical model's guess
    alone nor a mention of a name found elsewhere."""
    return entity.score not in (ECHO_SCORE, GUESS_SCORE)


def _string_values(document: Any) -> list[str]:
    """The string values (not keys) of a parsed JSON document, in order (``_map_strings``'s walk)."""
    found: list[str] = []

    def keep(value: str) -> str:
        found.append(value)
        return value

    _map_strings(document, keep)
    return found


def _is_claim(entity: DetectedEntity) -> bool:
    """Tell whether an entity in the model's answer is firm enough to count and mask.

    In the answer, a name the statistical model alone guessed is far more often the
    model's own words (a heading in capitals, a product: « Perfusor Space ») than a person
    it invented; names that a rule backs (title, given name, header, field) still count.
    """
    return entity.label != "PERSON" or entity.score > GUESS_SCORE or entity.score == ECHO_SCORE


def _json_escaped(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)[1:-1]


def mask_entities(
    text: str, entities: Iterable[DetectedEntity], start: int = 0, end: int | None = None
) -> str:
    """Return ``text[start:end]`` with each of ``entities`` replaced by its label's mask (``<TEL>``).

    Entities are taken in order of their start, clipped to the range; one that ends inside
    a mask already written is skipped.
    """
    end = len(text) if end is None else end
    pieces: list[str] = []
    cursor = start
    for entity in sorted(entities, key=lambda e: e.start):
        if entity.end <= cursor:
            continue
        pieces.append(text[cursor : max(cursor, entity.start)])
        pieces.append(mask(entity.label))
        cursor = min(entity.end, end)
    pieces.append(text[cursor:end])
    return "".join(pieces)
