"""Load the shipped usage-intent model and score one conversation.

The model is a spaCy ``textcat`` (exclusive classes, bag of n-grams) over the words
that ``features.request_words`` produces; it is read from a directory written by
``training.train`` (``nlp.to_disk``) and nothing is downloaded. spaCy's own
exceptions are translated here into ``UsageModelError``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iag_gateway.errors import UsageModelError
from iag_gateway.usage.categories import ALLOWED, CATEGORIES, PROHIBITED, UsageCategory
from iag_gateway.usage.features import request_words

#: Where the trained model ships, inside the package.
DEFAULT_MODEL_DIR = Path(__file__).resolve().parent / "model"
TRAINING_CARD = "training.json"
#: Not shipped: the model reads hashed n-grams of words it is given, not spaCy's tokenizer
#: or string table (which would also hold every training word).
SKIPPED_PARTS = ("tokenizer", "vocab")


@dataclass(frozen=True)
class UsageScore:
    """The classifier's reading of one request.

    ``probabilities`` maps every category to its probability (they sum to 1).
    ``category`` is the most probable prohibited category and ``score`` the
    probability that the request is prohibited at all (``1 - P(allowed)``, in [0, 1]):
    a request torn between two prohibited readings is still a prohibited request.
    """

    category: UsageCategory
    score: float
    probabilities: Mapping[str, float]

    @property
    def top(self) -> str:
        """The single most probable category, ``allowed`` included."""
        return max(self.probabilities, key=lambda c: self.probabilities[c])


def score_from(probabilities: Mapping[str, float]) -> UsageScore:
    """Build a ``UsageScore`` from a full probability table."""
    category = max(PROHIBITED, key=lambda c: probabilities.get(c, 0.0))
    score = min(1.0, max(0.0, 1.0 - probabilities.get(ALLOWED, 0.0)))
    return UsageScore(category=category, score=score, probabilities=dict(probabilities))


class UsageClassifier:
    """A loaded usage-intent model; ``classify`` is thread-safe (read-only inference)."""

    def __init__(self, nlp: Any, card: Mapping[str, Any]) -> None:
        self._nlp = nlp
        self._textcat = nlp.get_pipe("textcat")
        self._labels: tuple[str, ...] = tuple(self._textcat.labels)
        self.card = dict(card)

    @classmethod
    def load(cls, model_dir: Path = DEFAULT_MODEL_DIR) -> UsageClassifier:
        """Read the model and its training card; raise ``UsageModelError`` if unusable."""
        card_path = model_dir / TRAINING_CARD
        try:
            from spacy import util

            card = json.loads(card_path.read_text(encoding="utf-8"))
            nlp = util.load_model_from_config(util.load_config(model_dir / "config.cfg"))
            nlp.from_disk(model_dir, exclude=SKIPPED_PARTS)
        except (OSError, ValueError, KeyError) as exc:
            raise UsageModelError(
                str(model_dir),
                f"usage-intent model unreadable ({type(exc).__name__}); run `make train-usage`",
            ) from exc
        if "textcat" not in nlp.pipe_names:
            raise UsageModelError(str(model_dir), "the model has no textcat component")
        classifier = cls(nlp, card)
        if set(classifier._labels) != set(CATEGORIES):
            raise UsageModelError(str(model_dir), f"model labels {sorted(classifier._labels)} != categories")
        return classifier

    @property
    def data_digest(self) -> str:
        """SHA-256 of the training data this model was built from (see ``training``)."""
        return str(self.card.get("data_digest", ""))

    def classify(self, messages: Sequence[Mapping[str, Any]]) -> UsageScore:
        """Score the latest user message of ``messages`` (OpenAI chat shape), in context."""
        return self.classify_many([messages])[0]

    def classify_many(self, conversations: Sequence[Sequence[Mapping[str, Any]]]) -> list[UsageScore]:
        """Score several conversations in one batch (evaluation, benchmarks)."""
        from spacy.tokens import Doc

        docs = [Doc(self._nlp.vocab, words=request_words(c)) for c in conversations]
        table = self._textcat.predict(docs)
        rows = table.tolist() if hasattr(table, "tolist") else list(table)
        return [score_from(dict(zip(self._labels, map(float, row), strict=True))) for row in rows]
