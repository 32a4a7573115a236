"""Span tables for the rules added after scoring the hold-out style corpus.

Each table pairs the writings a rule must catch with near-misses it must leave alone.
"""

from __future__ import annotations

import pytest
from presidio_analyzer import LocalRecognizer

from iag_gateway.pii.engine import PiiEngine
from iag_gateway.pii.name_echoes import name_echoes
from iag_gateway.pii.recognizers.address import AddressRecognizer
from iag_gateway.pii.recognizers.birth_date import BirthDateRecognizer
from iag_gateway.pii.recognizers.csv_columns import CsvColumnRecognizer
from iag_gateway.pii.recognizers.patient_id import PatientIdRecognizer
from iag_gateway.pii.recognizers.person import PersonRecognizer
from iag_gateway.pii.recognizers.person_cues import PersonCueRecognizer
from tests.pii.conftest import found


def spans(recognizer: LocalRecognizer, text: str) -> list[str]:
    """Distinct spans found (two person rules may report the same name; the engine merges them)."""
    return sorted({text[r.start : r.end] for r in recognizer.analyze(text, [])})


def labelled(recognizer: LocalRecognizer, text: str) -> list[tuple[str, str]]:
    return sorted((r.entity_type, text[r.start : r.end]) for r in recognizer.analyze(text, []))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Patient Name,Hospital Number,Address\nAda Lovelace,H0045,"3 rue Haute, 42000 ROANNE"',
            [("ADDRESS", "3 rue Haute, 42000 ROANNE"), ("PATIENT_ID", "H0045"), ("PERSON", "Ada Lovelace")],
        ),
        ("subject_id\tinitials\n01-003\tM.K.", [("PERSON", "M.K.")]),
        ("N° commande|Demandeur\nC25-1|Olga Petit", [("PERSON", "Olga Petit")]),
        ("subject_id;year_of_birth;site\n01-003;1957;Lyon", []),  # a year of birth is no date of birth
        ('nom,ville\n"Durand, Paul",Lyon,extra', []),  # the row has more cells than the header
    ],
)
def test_when_csv_has_quoted_cells_or_english_headers_then_cells_are_labelled(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert labelled(CsvColumnRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lieu-dit La Croix Blanche, 43200 YSSINGEAUX",
            ["Lieu-dit La Croix Blanche, 43200 YSSINGEAUX"],
        ),
        ("hameau Les Granges 42140 Chazelles", ["hameau Les Granges 42140 Chazelles"]),
        (
            "Résidence Les Platanes, bât. C, 8 allée des Tilleuls, 42270 Saint-Priest",
            ["Résidence Les Platanes, bât. C, 8 allée des Tilleuls, 42270 Saint-Priest"],
        ),
        ("le lieu-dit La Croix Blanche est fermé", []),  # no postcode, no address
    ],
)
def test_when_address_has_no_number_or_two_buildings_then_span_is_exact(
    text: str, expected: list[str]
) -> None:
    assert spans(AddressRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("D.O.B. 12-Jan-1955, MRN", ["12-Jan-1955"]),
        ("née le 3/avril/1961", ["3/avril/1961"]),
        ("réunion du 12-Jan-2025", []),  # no birth word
        ("né en 1957", []),  # a birth year alone is not a date of birth
    ],
)
def test_when_birth_month_is_joined_by_dashes_then_span_is_exact(text: str, expected: list[str]) -> None:
    assert spans(BirthDateRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hospital no. 66120093 –", ["66120093"]),
        ("Dossier 2025-00418 : séjour", ["2025-00418"]),
        ("dossier n° 23/004512", ["23/004512"]),
        ("dossier 2025 45 patients", []),  # spaces after a bare « dossier » are no id
        ("dossier 12-500 €", []),
        ("séjour 2023-45", []),
    ],
)
def test_when_file_number_follows_dossier_then_span_is_exact(text: str, expected: list[str]) -> None:
    assert spans(PatientIdRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RAPPEL : MME SOPHIANE EL KHOURY ATTEND LE BON", ["SOPHIANE EL KHOURY"]),
        ("VOIR DR JEAN PIERRE MARTIN DEMAIN", ["JEAN PIERRE MARTIN"]),
        ("Demande de Nguyen Van Long (biomédical)", ["Nguyen Van Long"]),
        ("Co-investigateurs : Xu Mingzhe et Zhao Lifen.", ["Xu Mingzhe", "Zhao Lifen"]),
        ("LE BON DE COMMANDE C25-004519 AVANT VENDREDI", []),  # letters glued to digits are a code
        ("UAI 0693456K. Fournisseur Siemens", []),
        ("To: URC\nSubject: site", []),  # a short team acronym in a header
        ("rendez-vous Park Avenue", []),
        ("Sun Pharma livre lundi", []),
    ],
)
def test_when_name_is_in_capitals_or_family_name_first_then_span_is_exact(
    text: str, expected: list[str]
) -> None:
    assert spans(PersonRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vu avec mme ben ali ce matin", ["ben ali"]),
        ("le dr le goff voudrait un rdv", ["le goff"]),
        ("initiales M-K, né en 1957", ["M-K"]),
        ("sex: F – initials K.O.", ["K.O."]),
        ("Mme le Dr HUMBERT Antoinette", []),  # « le Dr » is a title, not a lower-case name
        ("voir monsieur le directeur", []),
        ("initiales du service", []),
    ],
)
def test_when_lower_case_name_has_particle_or_initials_are_bare_then_span_is_exact(
    text: str, expected: list[str]
) -> None:
    assert spans(PersonCueRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("From: Haruto Tanaka\n\nthanks.\nHaruto", [(6, 19)], ["Haruto"]),
        ("Claire Dubois a une réponse claire", [(0, 12)], []),  # lower case is an ordinary word
        ("Pierre Dumas, Hôpital Pierre Wertheimer", [(0, 12)], []),  # inside a protected span
        ("Dr Le Bihan ; Le rapport", [(3, 11)], []),  # particles are not echoed
    ],
)
def test_when_a_name_is_known_then_its_other_mentions_are_found(
    text: str, names: list[tuple[int, int]], expected: list[str]
) -> None:
    protected = [(text.index("Hôpital"), len(text))] if "Hôpital" in text else []
    assert [text[s:e] for s, e in name_echoes(text, names, names + protected)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Traité à Gustave Roussy par le Dr Vuong.", [("PERSON", "Vuong")]),
        ("Offres de Pierre Fabre et de Fresenius Kabi reçues.", []),
        ("Hi Amara,\nsee you.\nDr. Amara Diop", [("PERSON", "Amara"), ("PERSON", "Amara Diop")]),
    ],
)
def test_when_engine_reads_supplier_institution_and_echo_then_only_people_are_found(
    engine: PiiEngine, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(engine, text) == expected
