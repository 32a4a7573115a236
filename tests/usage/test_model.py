"""The shipped model: built from the shipped data (digest), loadable, reproducible."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from iag_gateway.errors import UsageModelError
from iag_gateway.usage.categories import CATEGORIES
from iag_gateway.usage.classifier import DEFAULT_MODEL_DIR, UsageClassifier
from iag_gateway.usage.commands import training_files
from iag_gateway.usage.corpus import data_digest, read_corpus
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


def test_when_many_distinct_words_were_read_then_the_vocabulary_is_reset_and_scores_unchanged() -> None:
    from iag_gateway.usage import classifier as module

    model = UsageClassifier.load()
    request = [{"role": "user", "content": "Quel traitement pour <PERSONNE_1> ?"}]
    before = model.classify(request)
    model.classify_many(
        [[{"role": "user", "content": f"mot{i}"}] for i in range(module.MAX_VOCAB_STRINGS + 10)]
    )
    after = model.classify(request)
    assert len(model._vocab.strings) < 100
    assert after.score == pytest.approx(before.score) and after.category == before.category
