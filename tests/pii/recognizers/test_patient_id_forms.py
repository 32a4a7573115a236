"""Patient ids in the forms staff paste: JSON keys, field names, dotted groups, the cue a few words
before, table headers that name the number (« Numéro IPP », « N° de séjour »).

Variants written for this test (invented numbers), with near-misses that must not match.
"""

from __future__ import annotations

import pytest

from iag_gateway.pii.recognizers.csv_columns import CsvColumnRecognizer
from iag_gateway.pii.recognizers.patient_id import PatientIdRecognizer

IN_TEXT = [
    ("IPP 12.345.678", ["12.345.678"]),
    ("numéro de venue 24.123.456", ["24.123.456"]),
    ('{"ipp": "12345678", "nom": "X"}', ["12345678"]),
    ('{"num_sejour": "24-123456"}', ["24-123456"]),
    ("numeroSejour: 241234567", ["241234567"]),
    ("no_dossier='00123456'", ["00123456"]),
    ("séjour n° 24-001234", ["24-001234"]),
    ("le dossier patient n° 2024/018273", ["2024/018273"]),
    ("l'IPP de la patiente est le 12345678", ["12345678"]),
    ("IPP du patient concerné : 12345678", ["12345678"]),
    ("IPP (identifiant permanent du patient) : 12 345 678", ["12 345 678"]),
    ("le numéro de séjour de Mme est 24 123 456", ["24 123 456"]),
]

NOT_IN_TEXT = [
    ("IPP à créer pour la facture 12345678", []),
    ("NDA signé avec le fournisseur pour le contrat 12345678", []),
    ("commande n° 12.345.678", []),
    ("séjour du 12.03.2024", []),
    ("IPP manquant, voir lot 123456", []),
]


@pytest.mark.parametrize(("text", "expected"), IN_TEXT + NOT_IN_TEXT)
def test_when_patient_id_in_a_pasted_form_then_exact_span(text: str, expected: list[str]) -> None:
    assert [text[r.start : r.end] for r in PatientIdRecognizer().analyze(text, [])] == expected


IN_TABLES = [
    ("Numéro IPP;Service\n12345678;Cardiologie", [("PATIENT_ID", "12345678")]),
    ("N° de séjour;UF\n241234567;2401", [("PATIENT_ID", "241234567")]),
    ("No dossier\tService\n12345678\tCardiologie", [("PATIENT_ID", "12345678")]),
    ("Num. venue|Service\n12345678|Cardiologie", [("PATIENT_ID", "12345678")]),
    ("Numéro commande;Nom fournisseur\n123456;ACME", []),
    ("N° de lot;N° de commande\n1234;5678", []),
    ("Nomenclature;Désignation\n12;gants", []),
]


@pytest.mark.parametrize(("text", "expected"), IN_TABLES)
def test_when_table_header_names_the_number_then_its_cells_are_patient_ids(
    text: str, expected: list[tuple[str, str]]
) -> None:
    found = [(r.entity_type, text[r.start : r.end]) for r in CsvColumnRecognizer().analyze(text, [])]
    assert found == expected
