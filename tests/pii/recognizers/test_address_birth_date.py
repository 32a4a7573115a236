from __future__ import annotations

import pytest

from iag_gateway.pii.recognizers.address import AddressRecognizer
from iag_gateway.pii.recognizers.birth_date import BirthDateRecognizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("domicile : 7 rue des Tanneurs, 69005 Lyon.", ["7 rue des Tanneurs, 69005 Lyon"]),
        ("au 114 bis avenue Félix Faure 69003 LYON", ["114 bis avenue Félix Faure 69003 LYON"]),
        ("3 ter chemin de la Combe - 38200 Vienne", ["3 ter chemin de la Combe - 38200 Vienne"]),
        ("livrer 22 quai Perrache", ["22 quai Perrache"]),
        (
            "12 boulevard Lucien Dupuis, 42100 Saint-Étienne CEDEX 2",
            ["12 boulevard Lucien Dupuis, 42100 Saint-Étienne CEDEX 2"],
        ),
        ("lives at 221 Baker Street, London.", ["221 Baker Street, London"]),
        ("20 pousse-seringues pour 12 500 €", []),
    ],
)
def test_when_address_candidates_then_exact_spans(text: str, expected: list[str]) -> None:
    assert [text[r.start : r.end] for r in AddressRecognizer().analyze(text, [])] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("née le 04/11/1962, hospitalisée", ["04/11/1962"]),
        ("né le 4 novembre 1962", ["4 novembre 1962"]),
        ("DDN : 04.11.1962", ["04.11.1962"]),
        ("date de naissance 1962-11-04", ["1962-11-04"]),
        ("born on March 4, 1962", ["March 4, 1962"]),
        ("DOB: 04/11/1962", ["04/11/1962"]),
        ("réunion le 04/11/2024", []),  # an ordinary date stays
        ("facture du 4 novembre 2024", []),
    ],
)
def test_when_dates_then_only_birth_dates_match(text: str, expected: list[str]) -> None:
    assert [text[r.start : r.end] for r in BirthDateRecognizer().analyze(text, [])] == expected
