"""Private addresses in the forms staff paste, at the engine level: letter address blocks over
several lines with their complements (Résidence, Bât., Appt, étage, BP), small letters and capitals,
number ranges, « Grande Rue », fields that name the address (« Adresse : Le Bourg, 26400 Crest »).

Variants written for this test (invented addresses), with near-misses that must not match.
"""

from __future__ import annotations

import pytest

from iag_gateway.pii.engine import PiiEngine
from iag_gateway.pii.recognizers.csv_columns import CsvColumnRecognizer
from tests.pii.conftest import found

ADDRESSES = [
    (
        "Madame Odile Ferrand\n14, rue des Glycines\nAppt 12\n38100 GRENOBLE",
        ["14, rue des Glycines\nAppt 12\n38100 GRENOBLE"],
    ),
    (
        "M. Karim Belaid\nRésidence Le Clos Fleuri, Bât. C\n7 allée des Cèdres\n13008 Marseille",
        ["Résidence Le Clos Fleuri, Bât. C\n7 allée des Cèdres\n13008 Marseille"],
    ),
    (
        "adresse : Bât. B, 2 rue des Acacias, appt 31, 69200 Vénissieux",
        ["Bât. B, 2 rue des Acacias, appt 31, 69200 Vénissieux"],
    ),
    ("Mme Lucie Vidal, 9 rue du Four, BP 12, 26400 Crest", ["9 rue du Four, BP 12, 26400 Crest"]),
    ("écrire au 6 rue Neuve, 3e étage, 42000 Saint-Étienne", ["6 rue Neuve, 3e étage, 42000 Saint-Étienne"]),
    ("j habite au 23 rue des lilas 69003 lyon depuis mars", ["23 rue des lilas 69003 lyon"]),
    ("domicile 45 av jean jaures 31000 toulouse", ["45 av jean jaures 31000 toulouse"]),
    ("adresse: 8 bis chemin de la fontaine - 26000 valence", ["8 bis chemin de la fontaine - 26000 valence"]),
    ("elle vit 2 avenue de la republique, appt 4 depuis mai", ["2 avenue de la republique, appt 4"]),
    ("livrer au 3 rue de la paix svp", ["3 rue de la paix"]),
    ("M. Jean Roux\n3 Grande Rue\n21000 Dijon", ["3 Grande Rue\n21000 Dijon"]),
    ("adresse : 12-14 rue Victor Hugo 69002 Lyon", ["12-14 rue Victor Hugo 69002 Lyon"]),
    ("Adresse : Le Bourg, 26400 Crest", ["Le Bourg, 26400 Crest"]),
    ("domicile: ferme des Aubiers\n07340 Peaugres", ["ferme des Aubiers\n07340 Peaugres"]),
    ("elle habite 12 rue des Lilas, Lyon.", ["12 rue des Lilas, Lyon"]),
    ("adresse : 5 impasse Berthelot, Lyon 3e", ["5 impasse Berthelot, Lyon 3e"]),
    ("envoyer au 7 rue Gambetta, Saint-Genis-Laval", ["7 rue Gambetta, Saint-Genis-Laval"]),
    ("Mme X\n4 avenue du 8 mai 1945\n69200 Vénissieux", ["4 avenue du 8 mai 1945\n69200 Vénissieux"]),
]

NOT_ADDRESSES = [
    ("Adresse de livraison : CHU, 69000 Lyon", []),
    ("4 rues fermées pour travaux", []),
    ("20 pousse-seringues pour 12 500 €", []),
    ("rue barrée, j'ai 12 minutes de retard", []),
]

TOWN_NOT_FOLLOWING = [
    ("livrer au 12 rue des Lilas, Merci de rappeler", ["12 rue des Lilas"]),
    ("12 rue des Lilas, Medline a livré hier", ["12 rue des Lilas"]),
]


@pytest.mark.parametrize(("text", "expected"), ADDRESSES + NOT_ADDRESSES + TOWN_NOT_FOLLOWING)
def test_when_address_in_a_pasted_form_then_one_exact_span(
    engine: PiiEngine, text: str, expected: list[str]
) -> None:
    assert [value for label, value in found(engine, text) if label == "ADDRESS"] == expected


IN_TABLES = [
    (
        "nom;adresse;cp;ville\nX;14 rue des Glycines;38100;Grenoble",
        ["14 rue des Glycines", "38100", "Grenoble"],
    ),
    (
        "Adresse 1\tComplément\tCode postal\tVille\n2 rue X\tAppt 3\t38100\tVienne",
        ["2 rue X", "Appt 3", "38100", "Vienne"],
    ),
    ("fournisseur;cp;ville\nACME;69000;Lyon", []),  # no address column: a town alone stays
]


@pytest.mark.parametrize(("text", "expected"), IN_TABLES)
def test_when_table_has_an_address_column_then_its_postcode_and_town_are_address(
    text: str, expected: list[str]
) -> None:
    found = CsvColumnRecognizer().analyze(text, [])
    assert [text[r.start : r.end] for r in found if r.entity_type == "ADDRESS"] == expected
