"""Load the shipped usage-intent model and score one conversation.

The model is two blank French spaCy pipelines (``HEADS``), each one bag-of-n-grams
``textcat`` over the words that ``features.request_words`` produces: ``category`` tells
which of ``CATEGORIES``, ``prohibited`` tells prohibited from allowed (its probability is
the score; measured by cross-validation on the training data, this binary head
separates the two better than the sum of the category head's six prohibited
probabilities). They are read from the sub-directories written by ``training.train``
(``nlp.to_disk``), sharing one vocabulary; nothing is downloaded. spaCy's own
exceptions are translated here into ``UsageModelError``.
"""

from __future__ import annotations

import json
import threading
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
MAX_VOCAB_STRINGS = 50_000
CATEGORY_HEAD = "category"
PROHIBITED_HEAD = "prohibited"
PROHIBITED_LABEL = "prohibited"
HEADS: dict[str, tuple[str, ...]] = {CATEGORY_HEAD: CATEGORIES, PROHIBITED_HEAD: (PROHIBITED_LABEL, ALLOWED)}


@dataclass(frozen=True)
class UsageScore:
    """The classifier's reading of one request.

    ``probabilities`` maps every category to its probability (they sum to 1).
    ``category`` is the most probable prohibited category and ``score`` the
    probability that the request is prohibited at all, in [0, 1] (from the binary head
    when there is one, else ``1 - P(allowed)``): a request torn between two prohibited
    readings is still a prohibited request.
    """

    category: UsageCategory
    score: float
    probabilities: Mapping[str, float]

    @property
    def top(self) -> str:
        """The single most probable category, ``allowed`` included."""
        return max(self.probabilities, key=lambda c: self.probabilities[c])


def score_from(probabilities: Mapping[str, float], prohibited: float | None = None) -> UsageScore:
    """Build a ``UsageScore`` from a full probability table (and the binary head's output)."""
    category = max(PROHIBITED, key=lambda c: probabilities.get(c, 0.0))
    raw = 1.0 - probabilities.get(ALLOWED, 0.0) if prohibited is None else prohibited
    score = min(1.0, max(0.0, raw))
    return UsageScore(category=category, score=score, probabilities=dict(probabilities))


class UsageClassifier:
    """A loaded usage-intent model; ``classify`` may be called from several threads.

    Building a ``Doc`` adds its words to the vocabulary, which is not meant for
    concurrent writers: one lock serialises the (sub-millisecond) inference. The heads
    read hashed n-grams, not the vocabulary's strings, so the vocabulary is replaced by
    an empty one past ``MAX_VOCAB_STRINGS``: prompt words are not kept for the life of
    the process, and memory stays bounded.
    """

    def __init__(self, heads: Mapping[str, Any], card: Mapping[str, Any]) -> None:
        self._vocab = heads[CATEGORY_HEAD].vocab
        self._textcat = heads[CATEGORY_HEAD].get_pipe("textcat")
        self._binary = heads[PROHIBITED_HEAD].get_pipe("textcat")
        self._labels: tuple[str, ...] = tuple(self._textcat.labels)
        self._column = list(self._binary.labels).index(PROHIBITED_LABEL)
        self.card = dict(card)
        self._lock = threading.Lock()

    @classmethod
    def load(cls, model_dir: Path = DEFAULT_MODEL_DIR) -> UsageClassifier:
        """Read both heads and the training card; raise ``UsageModelError`` if unusable."""
        heads: dict[str, Any] = {}
        try:
            from spacy import util
            from spacy.vocab import Vocab

            card = json.loads((model_dir / TRAINING_CARD).read_text(encoding="utf-8"))
            vocab = Vocab()
            for head, labels in HEADS.items():
                config = util.load_config(model_dir / head / "config.cfg")
                nlp = util.load_model_from_config(config, vocab=vocab)
                nlp.from_disk(model_dir / head, exclude=SKIPPED_PARTS)
                textcat: Any = nlp.get_pipe("textcat") if nlp.pipe_names == ["textcat"] else None
                if textcat is None or set(textcat.labels) != set(labels):
                    raise ValueError(f"head {head!r} is not a textcat over {', '.join(labels)}")
                heads[head] = nlp
        except (OSError, ValueError, KeyError) as exc:
            raise UsageModelError(
                str(model_dir),
                f"usage-intent model unreadable ({type(exc).__name__}); run `make train-usage`",
            ) from exc
        return cls(heads, card)

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

        features = [request_words(c) for c in conversations]
        with self._lock:
            if len(self._vocab.strings) > MAX_VOCAB_STRINGS:
                from spacy.vocab import Vocab

                self._vocab = Vocab()
            docs = [Doc(self._vocab, words=words) for words in features]
            rows = _rows(self._textcat.predict(docs))
            binary = [row[self._column] for row in _rows(self._binary.predict(docs))]
        return [
            score_from(dict(zip(self._labels, row, strict=True)), p)
            for row, p in zip(rows, binary, strict=True)
        ]


def _rows(table: Any) -> list[list[float]]:
    values = table.tolist() if hasattr(table, "tolist") else list(table)
    return [[float(v) for v in row] for row in values]
