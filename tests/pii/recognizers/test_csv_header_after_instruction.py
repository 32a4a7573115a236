"""A table's header pasted on the line of the instruction that asks for it (« Mets en forme : Nom;… »)
still names its columns: the first cell's name is what follows the instruction."""

from __future__ import annotations

import pytest

from iag_gateway.pii.recognizers.csv_columns import CsvColumnRecognizer


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[r.start : r.end], r.entity_type) for r in CsvColumnRecognizer().analyze(text, [])]


@pytest.mark.parametrize(
    "header",
    [
        "Peux-tu trier ce tableau par service : Nom;Prénom;Service",
        "Trie par service Nom;Prénom;Service",
        "Merci de mettre en page:nom|prenom|service",
        "Remets dans l'ordre alphabétique : NOM\tPRENOM\tSERVICE",
    ],
)
def test_the_first_column_of_a_header_after_its_instruction_is_read(header: str) -> None:
    delimiter = next(d for d in ";|\t" if d in header)
    text = header + "\n" + delimiter.join(["Kerjean", "Maëlle", "Pharmacie"])
    assert _found(text) == [("Kerjean", "PERSON"), ("Maëlle", "PERSON")]


def test_prose_before_a_header_whose_last_word_names_no_column_adds_nothing() -> None:
    text = "Voici les commandes du mois : Article;Quantité;Prix\nGants nitrile;12;4,50"
    assert _found(text) == []
