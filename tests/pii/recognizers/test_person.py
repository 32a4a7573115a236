"""Person names as French administrative text writes them, through the whole engine."""

from __future__ import annotations

import pytest

from iag_gateway.pii.engine import PiiEngine
from tests.pii.conftest import found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Merci de transmettre à Mme Odile Ferrand.", ["Odile Ferrand"]),
        ("Le dossier est suivi par le Dr Vasseur.", ["Vasseur"]),
        ("Rapporteur : Pr Maxime LEBLOND-MOREL", ["Maxime LEBLOND-MOREL"]),
        ("Rapporteur : Mme le Dr Agathe Rivoire", ["Agathe Rivoire"]),
        ("La ligne au nom de FOURCADE Béatrice est en doublon.", ["FOURCADE Béatrice"]),
        (
            "présents : Jean-Baptiste Carrel et Anne-Laure Pichon",
            ["Jean-Baptiste Carrel", "Anne-Laure Pichon"],
        ),
        ("contact : Gaëlle de La Varenne", ["Gaëlle de La Varenne"]),
        ("référente : Inès Le Bihan", ["Inès Le Bihan"]),
        ("l'agent R. Castaing a validé", ["R. Castaing"]),
        ("merci de rappeler sophie marchal demain", ["sophie marchal"]),
        ("De : Vallier Margot <m.vallier@example.org>", ["Vallier Margot", "m.vallier@example.org"]),
    ],
)
def test_when_text_names_a_person_then_name_span_is_exact(
    engine: PiiEngine, text: str, expected: list[str]
) -> None:
    assert [value for _, value in found(engine, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Réunion au Centre Léon Bérard puis à l'Hôpital Édouard Herriot.",
        "Transfert vers l'Hôpital Pierre Wertheimer, inscription à l'Université Claude Bernard Lyon 1.",
        "Formation à l'Institut Paul Bocuse, consultation au Centre Hospitalier Le Vinatier.",
        "Le fournisseur pressenti, B. Braun Medical, maintient son offre.",
        "Le titulaire Lindqvist Ostberg obtient la note de 81/100.",
        "Le montant passe de 12 500,00 € à 14 200,00 € HT.",
        "Conformément à l'article R2152-7 du Code de la commande publique et au décret n° 2016-360.",
        "SIRET 732 829 320 00074, FINESS 690781810, UF 4521, centre de coût 6021.",
        "La réunion du 12/03/2024 est reportée au 3 avril 2024.",
    ],
)
def test_when_text_has_no_personal_data_then_nothing_is_found(engine: PiiEngine, text: str) -> None:
    assert found(engine, text) == []
