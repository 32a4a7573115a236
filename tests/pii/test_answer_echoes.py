"""The answer scan skips what is known to hold no new personal data: placeholders, echoes of the prompt."""

from __future__ import annotations

import pytest

from iag_gateway.errors import PiiAnalysisFailed
from iag_gateway.pii.allow_list import default_allow_list_path
from iag_gateway.pii.answer_echoes import SentSentences
from iag_gateway.pii.engine import PiiEngine
from iag_gateway.pii.pseudonymizer import Pseudonymizer
from tests.pii.conftest import REPO_ROOT

PROMPT = (
    "Merci de relire le compte rendu de Mme Lise Fauchon avant lundi.\nElle rappellera au 06 44 55 66 77."
)


def _spans(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[start:end] for start, end in spans]


def test_when_an_answer_repeats_a_sent_sentence_then_it_and_the_placeholders_are_known() -> None:
    sent = SentSentences()
    sent.add("Merci de relire le compte rendu de Mme <PERSONNE_1> avant lundi.\nElle rappellera au <TEL_1>.")
    answer = (
        "Voici ma relecture. Merci de relire le compte rendu de Mme <PERSONNE_1> avant lundi.\n"
        "Appelez aussi <PERSONNE_2> au <TEL_1>."
    )
    assert _spans(answer, sent.known_spans(answer)) == [
        "Merci de relire le compte rendu de Mme <PERSONNE_1> avant lundi.",
        "<PERSONNE_1>",
        "<PERSONNE_2>",
        "<TEL_1>",
    ]


def test_when_a_sentence_is_short_or_reworded_then_it_is_not_known() -> None:
    sent = SentSentences()
    sent.add("Merci.\nLe compte rendu de Mme <PERSONNE_1> est prêt.")
    answer = "Merci.\nLe compte rendu de Madame <PERSONNE_1> est prêt."
    assert _spans(answer, sent.known_spans(answer)) == ["<PERSONNE_1>"]


def test_when_a_span_is_known_then_no_entity_within_it_is_reported(engine: PiiEngine) -> None:
    text = "Appelez Jeanne Collomb au 06 12 34 56 78 demain."
    name = (text.index("Jeanne"), text.index(" au"))
    assert [(e.label, text[e.start : e.end]) for e in engine.analyze(text)][:1] == [
        ("PERSON", "Jeanne Collomb")
    ]
    assert [e.label for e in engine.analyze(text, known=[name])] == ["PHONE_NUMBER"]


def test_when_an_answer_only_repeats_the_prompt_then_it_is_not_analysed_at_all() -> None:
    engine = PiiEngine.build(allow_list_files=[default_allow_list_path(REPO_ROOT)])
    pseudo = Pseudonymizer(engine)
    redacted = pseudo.redact(PROMPT)
    engine.close()  # an analysis would now fail: only a text left unread can pass
    assert pseudo.scan_response(f"{redacted}\n<PERSONNE_1>", mask=True) == (f"{redacted}\n<PERSONNE_1>", {})
    with pytest.raises(PiiAnalysisFailed):  # a new sentence is analysed
        pseudo.scan_response(f"{redacted}\nEt Jeanne Collomb ?", mask=True)


def test_when_an_answer_repeats_the_prompt_and_adds_a_person_then_only_the_new_one_counts(
    engine: PiiEngine,
) -> None:
    pseudo = Pseudonymizer(engine)
    redacted = pseudo.redact(PROMPT)
    assert redacted.count("<") == 2
    masked, counts = pseudo.scan_response(f"{redacted}\nSon collègue Gaspard Wilmotte valide.", mask=True)
    assert counts == {"PERSON": 1}
    assert masked == f"{redacted}\nSon collègue <PERSONNE> valide."


@pytest.mark.parametrize(
    "answer",
    [
        "Solène Kerbrat KERBRAT Solène plan.",
        "Note de Amara Diop ; Amara rappellera.",
        "Note de Hervé Quéméner ; Hervé rappellera.",
        "MORVAN Brigitte puis Brigitte relira le plan.",
        "QUÉMÉNER Hervé puis Hervé relira le plan.",
        "le le Thierry Guillou GUILLOU Thierry note Mme Thierry Guillou fin.",
        "Rappel : Gwenaël Tanguy puis TANGUY Gwenaël au comité de jeudi.",
    ],
)
def test_when_an_answer_names_someone_again_by_one_word_then_that_mention_is_masked_too(
    engine: PiiEngine, answer: str
) -> None:
    # The model alone may find the repeated given name first; a guess alone does not count in
    # an answer, but this one repeats a name the rules found in the same text.
    masked, counts = Pseudonymizer(engine).scan_response(answer, mask=True)
    assert counts.get("PERSON"), masked
    words = {word.strip(",.():;") for word in answer.split()}
    for name in (
        "Solène",
        "Kerbrat",
        "Amara",
        "Diop",
        "Hervé",
        "Quéméner",
        "Brigitte",
        "Morvan",
        "Thierry",
        "Guillou",
        "Gwenaël",
        "Tanguy",
    ):
        if name in words or name.upper() in words:
            assert name not in masked and name.upper() not in masked, masked


def test_when_the_model_alone_guesses_a_name_in_an_answer_then_it_still_does_not_count(
    engine: PiiEngine,
) -> None:
    # Unchanged: a model-only guess with no firm name behind it is most often the answer's own words.
    masked, counts = Pseudonymizer(engine).scan_response("Perfusor Space sera livré jeudi.", mask=True)
    assert "PERSON" not in counts and masked == "Perfusor Space sera livré jeudi."
