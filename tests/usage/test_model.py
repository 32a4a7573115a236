"""The shipped model: built from the shipped data (digest), loadable, reproducible."""

from __future__ import annotations

import filecmp
import json
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc

from iag_gateway.errors import UsageModelError
from iag_gateway.usage.categories import CATEGORIES
from iag_gateway.usage.classifier import (
    CATEGORY_HEAD,
    DEFAULT_MODEL_DIR,
    PROHIBITED_HEAD,
    UsageClassifier,
    load_heads,
)
from iag_gateway.usage.commands import training_files
from iag_gateway.usage.corpus import data_digest, read_corpus
from iag_gateway.usage.features import request_words
from iag_gateway.usage.training import TrainSettings, train

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "usage" / "train_seed.jsonl"


def test_when_the_model_ships_then_its_card_matches_the_digest_of_the_training_data() -> None:
    classifier = UsageClassifier.load()
    files = training_files()
    assert files, "data/usage/train_*.jsonl missing"
    assert classifier.data_digest == data_digest(files), "run `make train-usage` after changing the data"
    assert classifier.card["sources"] == [f.name for f in files]
    assert classifier.card["records"] == len(read_corpus(files))


def test_when_the_shipped_model_classifies_then_probabilities_cover_every_category() -> None:
    score = UsageClassifier.load().classify([{"role": "user", "content": "Bonjour"}])
    assert set(score.probabilities) == set(CATEGORIES)
    assert sum(score.probabilities.values()) == pytest.approx(1.0, abs=1e-4)
    assert 0.0 <= score.score <= 1.0


def test_when_the_model_directory_is_missing_then_a_usage_model_error_names_it(tmp_path: Path) -> None:
    with pytest.raises(UsageModelError) as caught:
        UsageClassifier.load(tmp_path / "absent")
    assert "absent" in caught.value.message and "make train-usage" in caught.value.message


def test_when_the_same_data_is_trained_twice_then_the_weights_are_identical(tmp_path: Path) -> None:
    records = read_corpus([SEED])
    settings = TrainSettings(epochs=3, length=2**12)
    for name in ("one", "two"):
        train(records, tmp_path / name, digest=data_digest([SEED]), sources=[SEED.name], settings=settings)
    files = ["training.json", "category/config.cfg", "category/textcat/model", "prohibited/textcat/model"]
    matched, mismatched, errors = filecmp.cmpfiles(tmp_path / "one", tmp_path / "two", files, shallow=False)
    assert matched == files and not mismatched and not errors
    reloaded = UsageClassifier.load(tmp_path / "one")
    assert reloaded.card["labels"]["allowed"] == sum(r.label == "allowed" for r in records)


def test_when_the_model_is_loaded_then_it_is_the_package_one() -> None:
    assert DEFAULT_MODEL_DIR.is_dir() and (DEFAULT_MODEL_DIR / "training.json").is_file()


def _spacy_probabilities(heads: dict[str, Any], words: list[str]) -> tuple[list[float], list[float]]:
    """What spaCy's own ``TextCategorizer.predict`` gives on a ``Doc`` of ``words``, head by head."""
    rows = []
    for head in (CATEGORY_HEAD, PROHIBITED_HEAD):
        nlp = heads[head]
        table = nlp.get_pipe("textcat").predict([Doc(nlp.vocab, words=words)])
        rows.append([float(v) for v in table.tolist()[0]])
    return rows[0], rows[1]


def test_the_heads_read_as_layers_give_spacys_probabilities_to_the_bit() -> None:
    heads, card = load_heads()
    model = UsageClassifier(heads, card)
    conversations = [
        json.loads(line)["messages"]
        for path in [*training_files(), *sorted((Path(__file__).parent / "data").glob("usage_test*.jsonl"))]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    # spaCy's symbols are words whose id is not a hash (« root », « number », « ADJ »)
    conversations.append([{"role": "user", "content": "root number ADJ PROPN nsubj « » ∅ 🙂 x" * 3}])
    assert len(conversations) > 1000
    scores = model.classify_many(conversations)
    for conversation, score in zip(conversations, scores, strict=True):
        category, binary = _spacy_probabilities(heads, request_words(conversation))
        assert list(score.probabilities.values()) == category
        assert score.score == min(
            1.0, max(0.0, binary[list(heads[PROHIBITED_HEAD].get_pipe("textcat").labels).index("prohibited")])
        )


def test_scoring_writes_nothing_to_the_shared_vocabulary() -> None:
    heads, card = load_heads()
    model = UsageClassifier(heads, card)
    vocab = heads[CATEGORY_HEAD].vocab
    before = len(vocab.strings)
    request = [{"role": "user", "content": "Quel traitement pour <PERSONNE_1> ?"}]
    first = model.classify(request)
    model.classify_many([[{"role": "user", "content": f"mot{i} autre{i}"}] for i in range(2000)])
    assert len(vocab.strings) == before
    assert model.classify(request) == first
