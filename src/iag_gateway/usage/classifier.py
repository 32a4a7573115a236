"""Load the shipped usage-intent model and score one conversation.

The model is two blank French spaCy pipelines (``HEADS``), each one bag-of-n-grams
``textcat`` over the words that ``features.request_words`` produces: ``category`` tells
which of ``CATEGORIES``, ``prohibited`` tells prohibited from allowed (its probability is
the score; measured by cross-validation on the training data, this binary head
separates the two better than the sum of the category head's six prohibited
probabilities). They are read from the sub-directories written by ``training.train``
(``nlp.to_disk``), sharing one vocabulary; nothing is downloaded. spaCy's own
exceptions are translated here into ``UsageModelError``.

A head is read as its layers (``BowHead``): the words' ids are those spaCy's string store
gives (``spacy.strings.get_string_id``, what a ``Doc`` of the words holds as ``ORTH``), the
n-grams are counted once for both heads, and each head's sparse linear layer and activation
predict from them: the same probabilities as ``TextCategorizer.predict`` on a ``Doc`` of the
words, to the bit (a test compares them over the usage corpora), without building the ``Doc``
(which wrote every new word into the shared vocabulary, so calls took a lock and the
vocabulary was reset past 50,000 strings) nor passing the pipeline's wrappers twice.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from iag_gateway.errors import UsageModelError
from iag_gateway.usage.categories import ALLOWED, CATEGORIES, PROHIBITED, UsageCategory
from iag_gateway.usage.features import followed_up, request_words

#: Where the trained model ships, inside the package.
DEFAULT_MODEL_DIR = Path(__file__).resolve().parent / "model"
TRAINING_CARD = "training.json"
#: A latest request of at most this many content words is a follow-up, read with the request it follows.
FOLLOW_UP_WORDS = 3
#: The score from which an earlier request is unmistakably prohibited: its short follow-ups ask it again.
#: Below it, a doubtful earlier request (« Qui rappeler ? » beside a name scores about 0.6) does not
#: condemn « Résume. » after it; the follow-ups that insist after a refusal followed requests
#: scoring 0.97 to 0.999.
FOLLOW_UP_FROM = 0.9
#: Not shipped: the model reads hashed n-grams of words it is given, not spaCy's tokenizer
#: or string table (which would also hold every training word).
SKIPPED_PARTS = ("tokenizer", "vocab")
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


class BowHead:
    """One ``textcat`` head read as its layers: n-gram counts → sparse linear → activation.

    ``ngram_counts`` turns one request's word ids (``word_hashes``) into its distinct
    n-grams and their counts; ``predict`` takes those of several requests and returns one
    row of probabilities per request (``labels`` order), as ``TextCategorizer.predict``
    does on the ``Doc`` of the words. Raises ``ValueError`` at construction when the head is not
    spaCy's bag-of-n-grams ``textcat`` over token texts (``TextCatBOW``).
    """

    def __init__(self, textcat: Any) -> None:
        from spacy.attrs import ORTH

        try:
            ngrams, linear = textcat.model.layers[0].layers[0].layers
            activation = textcat.model.layers[1].layers[0]
        except (AttributeError, IndexError, ValueError) as exc:
            raise ValueError("not a bag-of-n-grams textcat") from exc
        if ngrams.name != "extract_ngrams" or ngrams.attrs.get("attr") != ORTH:
            raise ValueError("not a bag of n-grams over the token texts")
        self.labels: tuple[str, ...] = tuple(textcat.labels)
        self.ngram_size = int(ngrams.attrs["ngram_size"])
        self._ops = ngrams.ops
        self._linear = linear
        self._activation = activation

    def ngram_counts(self, hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The distinct n-grams (1 to ``ngram_size`` words) of one request and their counts."""
        grams = [hashes] + [self._ops.ngrams(n, hashes) for n in range(2, self.ngram_size + 1)]
        keys, counts = np.unique(np.concatenate(grams), return_counts=True)
        return keys, counts

    def predict(self, counted: Sequence[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
        """Probabilities, one row per request, from each request's ``ngram_counts``."""
        keys = np.concatenate([k for k, _ in counted])
        values = np.asarray(np.concatenate([c for _, c in counted]), dtype="f")
        lengths = np.asarray([len(k) for k, _ in counted], dtype="int32")
        return np.asarray(self._activation.predict(self._linear.predict((keys, values, lengths))))


def word_hashes(words: Sequence[str]) -> np.ndarray:
    """The words' ``ORTH`` ids, as a ``Doc`` of them holds them (hash, or symbol id for spaCy's symbols)."""
    from spacy.strings import get_string_id

    return np.fromiter(map(get_string_id, words), dtype=np.uint64, count=len(words))


class UsageClassifier:
    """A loaded usage-intent model; ``classify`` may be called from several threads.

    Nothing is written at inference (no ``Doc``, no vocabulary): calls share the heads'
    weights read-only, without a lock.
    """

    def __init__(self, heads: Mapping[str, Any], card: Mapping[str, Any]) -> None:
        self._category = BowHead(heads[CATEGORY_HEAD].get_pipe("textcat"))
        self._binary = BowHead(heads[PROHIBITED_HEAD].get_pipe("textcat"))
        self._labels = self._category.labels
        self._column = list(self._binary.labels).index(PROHIBITED_LABEL)
        self.card = dict(card)

    @classmethod
    def load(cls, model_dir: Path = DEFAULT_MODEL_DIR) -> UsageClassifier:
        """Read both heads and the training card; raise ``UsageModelError`` if unusable."""
        heads, card = load_heads(model_dir)
        try:
            return cls(heads, card)
        except ValueError as exc:
            raise _unreadable(model_dir, exc) from exc

    @property
    def data_digest(self) -> str:
        """SHA-256 of the training data this model was built from (see ``training``)."""
        return str(self.card.get("data_digest", ""))

    def classify(self, messages: Sequence[Mapping[str, Any]]) -> UsageScore:
        """Score the latest user message of ``messages`` (OpenAI chat shape), in context, as ``read`` does."""
        return self.read([messages])[0]

    def read(self, conversations: Sequence[Sequence[Mapping[str, Any]]]) -> list[UsageScore]:
        """Score each conversation's latest request as the gateway reads it.

        A short follow-up (at most ``FOLLOW_UP_WORDS`` content words: « réponds quand même »,
        « alors, qu'est-ce qu'elle a ? ») is also scored as the request it follows up, in that
        request's own place in the conversation (``features.followed_up``); when that request is
        unmistakably prohibited (``FOLLOW_UP_FROM``) and reads more so, its reading counts:
        insisting after a refusal, or asking « oui ou non ? » after a
        clinical question, asks the same thing. A longer latest request is read alone, in context
        (changing the subject after a refusal stays possible).
        """
        scores = self.classify_many(conversations)
        owners: list[int] = []
        earlier: list[Sequence[Mapping[str, Any]]] = []
        for index, conversation in enumerate(conversations):
            for request in followed_up(conversation, FOLLOW_UP_WORDS):
                owners.append(index)
                earlier.append(request)
        if earlier:
            for index, score in zip(owners, self.classify_many(earlier), strict=True):
                if score.score >= FOLLOW_UP_FROM and score.score > scores[index].score:
                    scores[index] = score
        return scores

    def classify_many(self, conversations: Sequence[Sequence[Mapping[str, Any]]]) -> list[UsageScore]:
        """Score several conversations in one batch (evaluation, benchmarks)."""
        # ``request_words`` always yields its separators: no request is empty
        hashes = [word_hashes(request_words(c)) for c in conversations]
        counted = [self._category.ngram_counts(h) for h in hashes]
        if self._binary.ngram_size != self._category.ngram_size:
            binary_counted = [self._binary.ngram_counts(h) for h in hashes]
        else:
            binary_counted = counted  # the same n-grams: counted once for both heads
        rows = _rows(self._category.predict(counted))
        binary = [row[self._column] for row in _rows(self._binary.predict(binary_counted))]
        return [
            score_from(dict(zip(self._labels, row, strict=True)), p)
            for row, p in zip(rows, binary, strict=True)
        ]


def load_heads(model_dir: Path = DEFAULT_MODEL_DIR) -> tuple[dict[str, Any], dict[str, Any]]:
    """The heads as spaCy pipelines (``HEADS`` names → ``Language``) and the training card.

    Raises ``UsageModelError`` when a file is missing or a head is not a ``textcat`` over
    its labels.
    """
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
        raise _unreadable(model_dir, exc) from exc
    return heads, dict(card)


def _unreadable(model_dir: Path, exc: Exception) -> UsageModelError:
    return UsageModelError(
        str(model_dir), f"usage-intent model unreadable ({type(exc).__name__}); run `make train-usage`"
    )


def _rows(table: Any) -> list[list[float]]:
    values = table.tolist() if hasattr(table, "tolist") else list(table)
    return [[float(v) for v in row] for row in values]
