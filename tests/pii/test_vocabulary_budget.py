"""The NER model's vocabulary stays bounded however many new words it reads (issue #11)."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor

import pytest

from iag_gateway.pii.engine import DEFAULT_MODEL
from iag_gateway.pii.nlp import FrenchSpacyNlpEngine

GIVEN = ("Nadia", "Bruno", "Hélène", "Yannick", "Mathilde", "Grégoire", "Inès", "Thierry")


def _texts(count: int, seed: int) -> list[str]:
    """Sentences naming people with invented surnames, and reference numbers: words never met."""
    draw = random.Random(seed)
    texts = []
    for _ in range(count):
        surname = "".join(
            draw.choice("bcdfglmnprstv") + draw.choice("aeiouéè") for _ in range(3)
        ).capitalize()
        texts.append(
            f"Le dossier {draw.randrange(10**8)} a été transmis par {draw.choice(GIVEN)} {surname} "
            f"au service des achats, qui rappellera {surname} demain."
        )
    return texts


@pytest.fixture(scope="module")
def reference() -> FrenchSpacyNlpEngine:
    nlp = FrenchSpacyNlpEngine(DEFAULT_MODEL, strings_budget=10**9)  # never a zone
    nlp.load()
    return nlp


def _spans(nlp: FrenchSpacyNlpEngine, texts: list[str]) -> list[list[tuple[int, int]]]:
    return [nlp.person_spans(text, [(0, len(text))]) for text in texts]


def test_past_its_budget_the_vocabulary_stops_growing_and_finds_the_same_people(
    reference: FrenchSpacyNlpEngine,
) -> None:
    bounded = FrenchSpacyNlpEngine(DEFAULT_MODEL, strings_budget=0)
    bounded.load()
    assert bounded.pipeline is not None
    bounded.strings_budget = len(bounded.pipeline.vocab.strings) + 200
    warm_up, later = _texts(60, seed=1), _texts(300, seed=2)
    assert _spans(bounded, warm_up) == _spans(reference, warm_up)
    at_budget = len(bounded.pipeline.vocab.strings)
    assert at_budget > bounded.strings_budget  # the warm-up's new words were kept

    found = _spans(bounded, later)

    assert found == _spans(reference, later) and sum(map(len, found)) >= len(later)
    assert len(bounded.pipeline.vocab.strings) == at_budget  # 300 texts of new words: none kept


def test_concurrent_readers_past_the_budget_get_the_answers_of_one_reader(
    reference: FrenchSpacyNlpEngine,
) -> None:
    """A zone is state on the shared vocabulary: the engine's threads must not overlap in it."""
    bounded = FrenchSpacyNlpEngine(DEFAULT_MODEL, strings_budget=0)
    bounded.load()
    texts = _texts(600, seed=3)
    with ThreadPoolExecutor(max_workers=4) as pool:
        found = list(pool.map(lambda text: bounded.person_spans(text, [(0, len(text))]), texts))
    assert found == _spans(reference, texts)
