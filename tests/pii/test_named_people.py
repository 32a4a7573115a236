"""A part of a name given in full, met alone in another text of the same call, is that person.

Variants written for the kind (issue found by a fresh user: « Kerbrat » in ``stop`` left the
gateway after « Solène Kerbrat » in the message), not taken from any corpus.
"""

from __future__ import annotations

import json

import pytest

from iag_gateway.exchange import Exchange
from iag_gateway.messages import forwarded_texts, outgoing_messages
from iag_gateway.pii.engine import PiiEngine
from iag_gateway.pii.named_people import NamedPeople
from iag_gateway.pii.pseudonymizer import Pseudonymizer
from iag_gateway.stages.redact import redact


def _sent(engine: PiiEngine, messages: list[dict[str, object]], **params: object) -> list[str]:
    """The texts the redact stage lets leave for this request."""
    ex = Exchange(route="chat", messages=messages, params=dict(params))
    redact(ex, engine)
    return list(forwarded_texts(outgoing_messages(ex.messages), ex.params))


@pytest.mark.parametrize(
    ("first", "later", "part"),
    [
        ("Réunion avec le Dr Amara Diop jeudi.", "Diop sera absent vendredi.", "Diop"),
        ("Dossier de M. Haruto Tanaka transmis.", "Tanaka a signé le bon de commande.", "Tanaka"),
        ("Mail de Yannick Le Bihan reçu ce matin.", "Peux-tu répondre à Yannick avant midi ?", "Yannick"),
        ("Facture validée par Mme Agnieszka Kowalska.", "Le visa de KOWALSKA manque.", "KOWALSKA"),
        ("De : BENALI Karim, service achats.", "Benali demande le devis corrigé.", "Benali"),
    ],
)
def test_a_part_of_a_name_alone_in_a_later_message_is_masked_as_that_person(
    engine: PiiEngine, first: str, later: str, part: str
) -> None:
    sent = _sent(engine, [{"role": "user", "content": first}, {"role": "user", "content": later}])
    assert all(part not in text for text in sent), sent
    assert "<PERSONNE_1>" in sent[0] and "<PERSONNE_1>" in sent[1]  # the same person, not a second one


@pytest.mark.parametrize(
    ("earlier", "full", "part"),
    [
        (
            "Rappelle Tanaka pour le bon de commande.",
            "C'était M. Haruto Tanaka, du service achats.",
            "Tanaka",
        ),
        ("Diop a relu le protocole ?", "Oui, le Dr Amara Diop l'a validé hier.", "Diop"),
        ("Le devis de Kowalska est arrivé.", "Facture validée par Mme Agnieszka Kowalska.", "Kowalska"),
    ],
)
def test_a_part_of_a_name_in_a_message_before_the_one_naming_the_person_in_full_is_masked(
    engine: PiiEngine, earlier: str, full: str, part: str
) -> None:
    """The call is read whole before any text is replaced: the order of its texts does not matter."""
    sent = _sent(engine, [{"role": "user", "content": earlier}, {"role": "user", "content": full}])
    assert all(part not in text for text in sent), sent
    assert "<PERSONNE_" in sent[0]


def test_a_surname_alone_in_a_stop_string_is_masked(engine: PiiEngine) -> None:
    sent = _sent(
        engine,
        [{"role": "user", "content": "Relis le mail de Solène Kerbrat (06 12 34 56 78)."}],
        stop=["Kerbrat", "FIN"],
    )
    assert sent[-2:] == ["<PERSONNE_1>", "FIN"]


def test_a_surname_alone_in_tool_call_arguments_is_masked(engine: PiiEngine) -> None:
    arguments = json.dumps({"destinataire": "Nguyen", "objet": "relance"})
    messages = [
        {"role": "user", "content": "Écris à Mme Thi Lan Nguyen pour la relance."},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {"id": "c1", "type": "function", "function": {"name": "mail", "arguments": arguments}}
            ],
        },
    ]
    sent = _sent(engine, messages)
    assert all("Nguyen" not in text for text in sent), sent


def test_a_part_written_before_the_full_name_in_the_same_text_stands_for_the_same_person(
    engine: PiiEngine,
) -> None:
    pseudonymizer = Pseudonymizer(engine)
    redacted = pseudonymizer.redact("Kerbrat a répondu. Voir le courrier de Solène Kerbrat du 3 mars.")
    assert redacted == "<PERSONNE_1> a répondu. Voir le courrier de <PERSONNE_1> du 3 mars."
    assert pseudonymizer.counts == {"PERSON": 1}
    assert pseudonymizer.restore("<PERSONNE_1> a validé.") == "Solène Kerbrat a validé."


def test_a_part_two_people_share_is_masked_as_a_person_of_its_own(engine: PiiEngine) -> None:
    pseudonymizer = Pseudonymizer(engine)
    pseudonymizer.redact("Solène Kerbrat et Paul Kerbrat ont signé.")
    later = pseudonymizer.redact("Appelle Kerbrat demain.")
    assert "Kerbrat" not in later
    assert "<PERSONNE_1>" not in later and "<PERSONNE_2>" not in later  # neither of them for sure


def test_particles_titles_and_common_words_of_a_name_are_not_searched_for_alone() -> None:
    people = NamedPeople()
    people.add("Dr Yannick Le Bihan", "<PERSONNE_1>", firm=True)
    text = "Le Dr a vu le dossier. Bihan et BIHAN aussi, mais pas Bihanic."
    mentions = [text[s:e] for s, e in people.mentions(text, [])]
    assert sorted(mentions) == ["BIHAN", "Bihan"]
    assert people.owner("Le Bihan") == "<PERSONNE_1>"
    assert people.owner("Jean Bihan") is None  # a word of nobody's name: someone else


def test_a_name_of_one_word_names_someone_only_when_a_rule_found_it() -> None:
    guessed, ruled = NamedPeople(), NamedPeople()
    guessed.add("Kerbrat", "<PERSONNE_1>", firm=False)  # the model's guess, or another name's mention
    ruled.add("Kerbrat", "<PERSONNE_1>", firm=True)  # « Mme Kerbrat », « Nom : Kerbrat »
    assert guessed.mentions("Kerbrat a appelé.", []) == [] and guessed.owner("Kerbrat") is None
    assert ruled.mentions("Kerbrat a appelé.", []) == [(0, 7)] and ruled.owner("Kerbrat") == "<PERSONNE_1>"


def test_a_surname_given_with_a_title_is_masked_alone_in_a_later_message(engine: PiiEngine) -> None:
    sent = _sent(
        engine,
        [
            {"role": "user", "content": "Transmettre le bordereau à Mme Quintric, cadre de santé."},
            {"role": "user", "content": "Quintric le signera lundi."},
        ],
    )
    assert all("Quintric" not in text for text in sent), sent


@pytest.mark.parametrize(
    ("full", "typed", "part"),
    [
        ("Mail de Mme Solène Kerbrat reçu.", "dis à kerbrat que le devis est validé", "kerbrat"),
        ("Réunion avec Yannick Le Bihan jeudi.", "tu peux prévenir yannick stp", "yannick"),
        ("Contrat signé par Agnieszka Kowalska.", "ok je relance kowalska demain", "kowalska"),
        ("Appel de Mme Hélène Quéméner ce matin.", "rappelle helene avant midi", "helene"),
    ],
)
def test_a_part_of_a_name_typed_in_lowercase_is_masked_as_that_person(
    engine: PiiEngine, full: str, typed: str, part: str
) -> None:
    sent = _sent(engine, [{"role": "user", "content": full}, {"role": "user", "content": typed}])
    assert all(part not in text.split() for text in sent), sent
    assert "<PERSONNE_1>" in sent[1]  # the person named in full, not a new one


@pytest.mark.parametrize(
    ("full", "typed", "word"),
    [
        ("Dossier suivi par Julien Petit.", "j'ai un petit souci avec le bon de commande", "petit"),
        ("Note de Marie Blanc sur les stocks.", "imprime-la sur papier blanc", "blanc"),
        ("Devis envoyé par Rose Marchand.", "le marchand a livré les gants en rose", "marchand"),
    ],
)
def test_a_lowercase_word_that_is_also_a_part_of_a_name_stays_a_word(
    engine: PiiEngine, full: str, typed: str, word: str
) -> None:
    sent = _sent(engine, [{"role": "user", "content": full}, {"role": "user", "content": typed}])
    assert word in sent[1].split(), sent
    assert word.capitalize() not in sent[0], sent  # the name itself is masked
