"""Names in JSON objects and code-style field names: « "nom": "Kowalczyk" », « last_name='Okonkwo' ».

Variants written for this test (invented names), with near-misses that must not match.
"""

from __future__ import annotations

import pytest

from iag_gateway.pii.recognizers.person_fields import PersonFieldRecognizer

FIELDS = [
    ('{"nom": "Kowalczyk", "prenom": "Agnieszka"}', ["Kowalczyk", "Agnieszka"]),
    ("{'last_name': 'Okonkwo', 'first_name': 'Chidi'}", ["Okonkwo", "Chidi"]),
    ('nom_patient="Lemaire"', ["Lemaire"]),
    ('{"patientName": "Ferrand"}', ["Ferrand"]),
    ('{"fournisseur": "Medline", "nom": "Kowalczyk"}', ["Kowalczyk"]),
    ('{"nom_produit": "Gants nitrile"}', []),
    ('{"libelle": "Compresses"}', []),
]


@pytest.mark.parametrize(("text", "expected"), FIELDS)
def test_when_name_is_a_json_or_code_field_then_exact_span(text: str, expected: list[str]) -> None:
    assert [text[r.start : r.end] for r in PersonFieldRecognizer().analyze(text, [])] == expected
