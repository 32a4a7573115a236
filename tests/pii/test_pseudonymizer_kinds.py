"""Pseudonymising the field's kinds of input: pasted placeholders, JSON documents, odd writings."""

from __future__ import annotations

import json

import pytest

from iag_gateway.pii.engine import PiiEngine
from iag_gateway.pii.pseudonymizer import Pseudonymizer


def test_when_caller_pasted_placeholders_then_new_values_are_numbered_after_them(engine: PiiEngine) -> None:
    pseudonymizer = Pseudonymizer(engine)
    texts = ["Réponse précédente : <PERSONNE_1> a validé, voir <TEL_2>.", "Ajoute Mme Solène Barthez."]
    pseudonymizer.reserve(texts)
    first, second = (pseudonymizer.redact(text) for text in texts)
    assert first == texts[0]  # the pasted placeholders stay as they were
    assert second == "Ajoute Mme <PERSONNE_2>."
    assert pseudonymizer.restore("<PERSONNE_1> et <PERSONNE_2>") == "<PERSONNE_1> et Solène Barthez"
    assert pseudonymizer.counts == {"PERSON": 1}


def test_when_a_later_message_pasted_a_placeholder_then_an_earlier_name_does_not_take_its_number(
    engine: PiiEngine,
) -> None:
    pseudonymizer = Pseudonymizer(engine)
    texts = ["Contact : Dr Aurèle Vasquez.", "Dans ta réponse tu as écrit <PERSONNE_3>."]
    pseudonymizer.reserve(texts)
    assert pseudonymizer.redact(texts[0]) == "Contact : Dr <PERSONNE_4>."


@pytest.mark.parametrize(
    "document",
    [
        {"nom": "Hélène Bérard", "tel": "06 48 21 93 07"},
        [{"patient": {"nom": "Dr François Lemaire", "note": "rappeler au 04 72 11 52 67"}}],
    ],
)
def test_when_text_is_an_escaped_json_document_then_each_value_is_masked_and_restored_as_json(
    engine: PiiEngine, document: object
) -> None:
    pseudonymizer = Pseudonymizer(engine)
    escaped = json.dumps(document)  # ensure_ascii: « H\u00e9l\u00e8ne »
    redacted = pseudonymizer.redact(escaped)
    sent = json.loads(redacted)
    flat = json.dumps(sent, ensure_ascii=False)
    for value in ("Hélène", "Bérard", "François", "Lemaire", "06 48 21 93 07", "04 72 11 52 67"):
        assert value not in flat
    assert "\\u00e9" not in redacted and "<PERSONNE_1>" in flat
    assert json.loads(pseudonymizer.restore_document(redacted)) == document


def test_when_restored_value_has_quotes_then_tool_arguments_stay_valid_json(engine: PiiEngine) -> None:
    pseudonymizer = Pseudonymizer(engine)
    pseudonymizer.redact('Jean "Jeannot" Dupont a appelé.')
    arguments = '{"destinataire": "<PERSONNE_1>"}'
    assert json.loads(pseudonymizer.restore_document(arguments)) == {"destinataire": 'Jean "Jeannot" Dupont'}


def test_when_one_value_is_written_with_invisible_characters_then_it_keeps_one_placeholder(
    engine: PiiEngine,
) -> None:
    pseudonymizer = Pseudonymizer(engine)
    text = "Mme D\u200bupont a écrit ; Mme Dupont rappellera."
    assert pseudonymizer.redact(text) == "Mme <PERSONNE_1> a écrit ; Mme <PERSONNE_1> rappellera."


def test_when_participant_name_is_given_then_it_is_replaced_whole(engine: PiiEngine) -> None:
    pseudonymizer = Pseudonymizer(engine)
    assert pseudonymizer.redact_whole("PERSON", "Marie_Durand") == "<PERSONNE_1>"
    assert pseudonymizer.restore("<PERSONNE_1>") == "Marie_Durand"


@pytest.mark.parametrize(
    "answer",
    [
        "=== SPÉCIFICATION À REFORMULER ===\nLe besoin porte sur des pousse-seringues.",
        "Les pompes Volumat Agilia et Perfusor Space seront remplacées.",
        "## OBJET DU MARCHÉ\nFourniture de gants d'examen non stériles.",
    ],
)
def test_when_answer_has_headings_or_products_then_the_scan_finds_no_person(
    engine: PiiEngine, answer: str
) -> None:
    masked, counts = Pseudonymizer(engine).scan_response(answer, mask=True)
    assert masked == answer and counts == {}


def test_when_answer_invents_a_titled_name_then_the_scan_still_masks_it(engine: PiiEngine) -> None:
    masked, counts = Pseudonymizer(engine).scan_response("Contactez Mme Gwendoline Arnaud demain.", mask=True)
    assert masked == "Contactez Mme <PERSONNE> demain." and counts == {"PERSON": 1}
