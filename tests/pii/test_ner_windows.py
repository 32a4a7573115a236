"""The NER model reads only where the rules leave a name undecided, and finds there what it finds in the whole text."""

from __future__ import annotations

import json

import pytest

from iag_gateway.pii.engine import PiiEngine
from iag_gateway.pii.ner_windows import ner_windows
from iag_gateway.pii.spans import SpanSet
from tests.pii.test_corpora import CORPORA


def _span(text: str, value: str) -> tuple[int, int]:
    start = text.index(value)
    return start, start + len(value)


def _read(text: str, names: list[str], settled: list[str] = (), protected: list[str] = ()) -> list[str]:
    name_spans = [_span(text, name) for name in names]
    plan = ner_windows(
        text,
        settled=name_spans + [_span(text, value) for value in settled],
        names=name_spans,
        protected=[_span(text, value) for value in protected],
    )
    return [text[start:end] for start, end in plan.focus]


@pytest.mark.parametrize(
    ("text", "names", "settled", "protected"),
    [
        # every name found by a rule, nothing capitalised left undecided
        ("Bonjour, je suis Agnès Meunier, acheteuse au service des achats.", ["Agnès Meunier"], [], []),
        (
            "Le patient inclus M. Descamps, IPP 1086019281, né le 21.12.1962.",
            ["M. Descamps"],
            ["1086019281"],
            [],
        ),
        # a capitalised word opening a sentence, alone, is no name the model could add
        ("Analyse des offres du marché de blanchisserie.", [], [], []),
        # an institution the allow-list keeps
        ("Rendez-vous au Centre Léon Bérard jeudi.", [], [], ["Centre Léon Bérard"]),
        # placeholders and codes hold digits: no guess holding them is kept
        ("Le patient <PERSONNE_1> a vu <PERSONNE_2> pour le lot C25-004519.", [], [], []),
    ],
)
def test_when_the_rules_settle_every_name_then_the_model_reads_nothing(
    text: str, names: list[str], settled: list[str], protected: list[str]
) -> None:
    assert _read(text, names, settled, protected) == []


@pytest.mark.parametrize(
    ("text", "names", "focus"),
    [
        # two capitalised words no lexicon knows
        ("Réunion demain avec Ysolde Kerbrat au bureau.", [], ["Ysolde", "Kerbrat"]),
        # a lone given name
        ("Merci à Gaspard pour la relecture.", [], ["Gaspard"]),
        # a common word that may open a surname, before a name a rule found
        ("Contacter l'ingénieur Le Goff Laurence demain.", ["Goff Laurence"], ["Goff"]),
        # a separator the model may carry into a name
        ("Baptiste Lemoine | Responsable achats", ["Baptiste Lemoine"], ["Lemoine", "Responsable"]),
    ],
)
def test_when_a_name_is_undecided_then_the_model_reads_around_it(
    text: str, names: list[str], focus: list[str]
) -> None:
    assert _read(text, names) == focus


def test_when_a_window_is_read_then_it_holds_its_words_with_margins_and_touching_ones_merge() -> None:
    text = "un deux trois quatre cinq six sept Ysolde Kerbrat huit neuf dix onze douze treize quatorze quinze"
    plan = ner_windows(text, settled=[], names=[], protected=[], margin=2)
    assert [text[start:end] for start, end in plan.windows] == ["six sept Ysolde Kerbrat huit neuf "]
    assert plan.in_focus(*_span(text, "Ysolde Kerbrat")) and not plan.in_focus(*_span(text, "six"))


def test_when_the_model_reads_only_windows_then_every_name_it_adds_on_the_whole_text_is_in_focus(
    engine: PiiEngine,
) -> None:
    """On every corpus text, each guess of the model on the whole text that the filters keep
    and that no rule entity holds touches a word of the plan (else the windows would lose it)."""
    nlp, guesser = engine._analyzer.nlp_engine, engine._guesser
    missed = []
    for path in CORPORA.values():
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"] if line.strip() else ""
            if not text:
                continue
            plan = engine.ner_plan(text)
            if text != (normalised := _normalised(text)):
                continue  # the plan's offsets are those of the normalised copy
            settled = SpanSet(_rule_entities(engine, normalised))
            allowed = SpanSet(engine._allow_list.protected_spans(text))
            for guess in guesser.from_spans(text, nlp.person_spans(text, [(0, len(text))])):
                if settled.covers(guess.start, guess.end) or allowed.touches(guess.start, guess.end):
                    continue
                if not plan.in_focus(guess.start, guess.end):
                    missed.append(text[guess.start : guess.end])
    assert missed == []


def _normalised(text: str) -> str:
    from iag_gateway.pii.normalise import normalised

    return normalised(text)


def _rule_entities(engine: PiiEngine, text: str) -> list[tuple[int, int]]:
    return [(e.start, e.end) for e in engine._rules_pass(text, SpanSet()).entities]
