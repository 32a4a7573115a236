"""Birth dates in the forms staff paste: field names, JSON keys, spaces, an age in front, dictation.

Variants written for this test (invented dates), with near-misses that must not match.
"""

from __future__ import annotations

import pytest

from iag_gateway.pii.recognizers.birth_date import BirthDateRecognizer

BIRTH_DATES = [
    ("DDN 03 03 1972", ["03 03 1972"]),
    ("ddn : 3 3 1972 (patiente)", ["3 3 1972"]),
    ("née le 12031970, vue en consultation", ["12031970"]),
    ("DDN: 1970/03/12", ["1970/03/12"]),
    ("date de naissance : le 12 mars 1970", ["12 mars 1970"]),
    ("Date de naissance :\n12-03-1970", ["12-03-1970"]),
    ('{"nom": "X", "date_naissance": "1970-03-12"}', ["1970-03-12"]),
    ('{"dateNaissance": "12/03/1970"}', ["12/03/1970"]),
    ("patientDateNaissance=12/03/1970", ["12/03/1970"]),
    ("date_of_birth: 1970-03-12", ["1970-03-12"]),
    ("birth_date = '12.03.1970'", ["12.03.1970"]),
    ("patient_ddn;12/03/1970", ["12/03/1970"]),
    ("NEE LE 12/03/1970 A LYON", ["12/03/1970"]),
    ("né le douze mars dix-neuf cent soixante-dix", ["douze mars dix-neuf cent soixante-dix"]),
    ("née le 1er mai dix neuf cent quatre-vingt-dix-neuf", ["1er mai dix neuf cent quatre-vingt-dix-neuf"]),
    ("Patiente de 54 ans (12/03/1970)", ["12/03/1970"]),
    ("M. X, 67 ans (né le 05/01/1958), ", ["05/01/1958"]),
    ("homme de 80 ans ( 2 février 1944 )", ["2 février 1944"]),
]

NOT_BIRTH_DATES = [
    ("livraison 54 ans (12/03/2024)", []),  # the age does not fit the year
    ("garantie 10 ans (01/01/1990)", []),
    ("né en 1970", []),  # a year alone is not a date
    ("réunion le 12 03 2024 à 14h", []),
    ("commande 12031970 du 02/02/2024", []),
    ("ordonnance du 12/03/1970", []),
]


@pytest.mark.parametrize(("text", "expected"), BIRTH_DATES + NOT_BIRTH_DATES)
def test_when_birth_date_in_a_pasted_form_then_exact_span(text: str, expected: list[str]) -> None:
    found = {text[r.start : r.end] for r in BirthDateRecognizer().analyze(text, [])}
    assert sorted(found) == expected
