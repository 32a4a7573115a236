"""Train the usage-intent model from labelled conversations, reproducibly.

Fixed seed, fixed record order, one blank French spaCy pipeline per head, each with one
``textcat`` (exclusive classes, bag of n-grams ``TextCatBOW.v3``): the same data and settings give
the same weights. The model directory gets a ``training.json`` card holding the data
digest, which a test compares with the shipped data.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from iag_gateway.usage.categories import ALLOWED, CATEGORIES
from iag_gateway.usage.classifier import (
    HEADS,
    PROHIBITED_HEAD,
    PROHIBITED_LABEL,
    SKIPPED_PARTS,
    TRAINING_CARD,
)
from iag_gateway.usage.corpus import LabelledConversation
from iag_gateway.usage.features import request_words


@dataclass(frozen=True)
class TrainSettings:
    seed: int = 20250601
    epochs: int = 12
    batch_size: int = 16
    dropout: float = 0.1
    ngram_size: int = 2
    length: int = 2**16  # hashed feature buckets (weights: length × labels float32)
    learn_rate: float = 0.001


def _bow(settings: TrainSettings) -> dict[str, Any]:
    return {
        "model": {
            "@architectures": "spacy.TextCatBOW.v3",
            "exclusive_classes": True,
            "ngram_size": settings.ngram_size,
            "no_output_layer": False,
            "length": settings.length,
        }
    }


def build_pipeline(labels: Sequence[str], settings: TrainSettings) -> Any:
    """A blank French pipeline with one untrained ``textcat`` over ``labels``."""
    import spacy

    nlp = spacy.blank("fr")
    textcat: Any = nlp.add_pipe("textcat", config=_bow(settings))
    for label in labels:
        textcat.add_label(label)
    return nlp


def _truth(head: str, label: str) -> dict[str, float]:
    if head == PROHIBITED_HEAD:
        return {PROHIBITED_LABEL: float(label != ALLOWED), ALLOWED: float(label == ALLOWED)}
    return {c: float(c == label) for c in CATEGORIES}


def fit_head(head: str, records: Sequence[LabelledConversation], settings: TrainSettings) -> Any:
    """Train one head (``HEADS``) and return its pipeline (in memory)."""
    from spacy import util
    from spacy.tokens import Doc
    from spacy.training import Example
    from thinc.api import Adam

    util.fix_random_seed(settings.seed)  # type: ignore[attr-defined]
    nlp = build_pipeline(HEADS[head], settings)
    examples = [
        Example.from_dict(Doc(nlp.vocab, words=request_words(r.messages)), {"cats": _truth(head, r.label)})
        for r in records
    ]
    optimizer = nlp.initialize(lambda: examples, sgd=Adam(settings.learn_rate))
    order = random.Random(settings.seed)
    for _ in range(settings.epochs):
        order.shuffle(examples)
        for batch in util.minibatch(examples, size=settings.batch_size):  # type: ignore[no-untyped-call]
            nlp.update(batch, sgd=optimizer, drop=settings.dropout, losses={})
    return nlp


def train(
    records: Sequence[LabelledConversation],
    out_dir: Path,
    *,
    digest: str,
    sources: Sequence[str],
    settings: TrainSettings = TrainSettings(),
) -> dict[str, Any]:
    """Fit on ``records`` and write the model and its card to ``out_dir``; return the card."""
    from spacy import about

    out_dir.mkdir(parents=True, exist_ok=True)
    for head in HEADS:
        fit_head(head, records, settings).to_disk(out_dir / head, exclude=SKIPPED_PARTS)
    card = {
        "data_digest": digest,
        "sources": list(sources),
        "records": len(records),
        "labels": dict(sorted(Counter(r.label for r in records).items())),
        "settings": asdict(settings),
        "spacy_version": about.__version__,
        "pseudonymised": True,
    }
    (out_dir / TRAINING_CARD).write_text(json.dumps(card, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return card
