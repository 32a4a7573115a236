"""Span tables for the patterns added so detection generalises beyond the dev corpus.

Each table pairs the writings a rule must catch with near-misses it must leave alone.
"""

from __future__ import annotations

import pytest

from iag_gateway.pii.allow_list import AllowList
from iag_gateway.pii.engine import PiiEngine
from iag_gateway.pii.recognizers.address import AddressRecognizer
from iag_gateway.pii.recognizers.adeli import AdeliRecognizer
from iag_gateway.pii.recognizers.base import CheckedPatternRecognizer
from iag_gateway.pii.recognizers.birth_date import BirthDateRecognizer
from iag_gateway.pii.recognizers.nir import NirRecognizer
from iag_gateway.pii.recognizers.patient_id import PatientIdRecognizer
from iag_gateway.pii.recognizers.person_cues import PersonCueRecognizer
from iag_gateway.pii.recognizers.phone import PhoneNumberRecognizer
from iag_gateway.pii.recognizers.rpps import RppsRecognizer
from tests.pii.check_digits import luhn_complete, nir_with_key
from tests.pii.conftest import found

NIR = nir_with_key("1620469123456")
NIR_BAD_KEY = NIR[:13] + f"{(int(NIR[13:]) + 1) % 97:02d}"
RPPS = luhn_complete("1010123456")
RPPS_BAD = RPPS[:-1] + str((int(RPPS[-1]) + 1) % 10)


def spans(recognizer: CheckedPatternRecognizer | PersonCueRecognizer, text: str) -> list[str]:
    return sorted(text[r.start : r.end] for r in recognizer.analyze(text, []))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Joindre Mme X au 06/48/21/93/07 après 17 h.", ["06/48/21/93/07"]),
        ("contact : 06 85 144 932.", ["06 85 144 932"]),
        ("ligne directe 04 72 11 - 52 67", ["04 72 11 - 52 67"]),
        ("permanence 06 1234 5678", ["06 1234 5678"]),
        ("Tél : +33 (0) 6 11 22 33 44", ["+33 (0) 6 11 22 33 44"]),
        ("le 01/02/2023 12 h", []),  # a date then an hour, ten digits
        ("Compte 6021 0412 3456 78 à vérifier", []),  # an account number, not a phone
        ("commande 06 12 34 56 7", []),  # nine digits
        ("montant 0,87 € l'unité", []),
    ],
)
def test_when_phone_is_written_oddly_then_span_is_exact(text: str, expected: list[str]) -> None:
    assert spans(PhoneNumberRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"NIR {NIR[0]} {NIR[1:3]} {NIR[3:5]} {NIR[5:7]} {NIR[7:10]} {NIR[10:13]} clé {NIR[13:]}",
            [f"{NIR[0]} {NIR[1:3]} {NIR[3:5]} {NIR[5:7]} {NIR[7:10]} {NIR[10:13]} clé {NIR[13:]}"],
        ),
        (f"NIR {NIR[:13]} (clé {NIR[13:]})", [f"{NIR[:13]} (clé {NIR[13:]}"]),
        (
            f"NIR {NIR[0]}-{NIR[1:3]}-{NIR[3:5]}-{NIR[5:7]}-{NIR[7:10]}-{NIR[10:13]}-{NIR[13:]}",
            [f"{NIR[0]}-{NIR[1:3]}-{NIR[3:5]}-{NIR[5:7]}-{NIR[7:10]}-{NIR[10:13]}-{NIR[13:]}"],
        ),
        (f"NIR {NIR[:13]} clé {NIR_BAD_KEY[13:]}", []),  # wrong key
        (
            f"NIR {NIR_BAD_KEY[0]}-{NIR_BAD_KEY[1:3]}-{NIR_BAD_KEY[3:5]}-{NIR_BAD_KEY[5:7]}-"
            f"{NIR_BAD_KEY[7:10]}-{NIR_BAD_KEY[10:13]}-{NIR_BAD_KEY[13:]}",
            [],
        ),
    ],
)
def test_when_nir_key_is_set_apart_then_key_is_checked(text: str, expected: list[str]) -> None:
    assert spans(NirRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"n° RPPS {RPPS[:4]} {RPPS[4:8]} {RPPS[8:]} pour le Dr X", [f"{RPPS[:4]} {RPPS[4:8]} {RPPS[8:]}"]),
        (
            f"RPPS : {RPPS[:2]} {RPPS[2:4]} {RPPS[4:7]} {RPPS[7:]}",
            [f"{RPPS[:2]} {RPPS[2:4]} {RPPS[4:7]} {RPPS[7:]}"],
        ),
        # named by « RPPS », a wrong key is a typo in that person's id: masked all the same
        (
            f"RPPS {RPPS_BAD[:4]} {RPPS_BAD[4:8]} {RPPS_BAD[8:]}",
            [f"{RPPS_BAD[:4]} {RPPS_BAD[4:8]} {RPPS_BAD[8:]}"],
        ),
        (f"commande {RPPS[:4]} {RPPS[4:8]} {RPPS[8:]}", []),  # grouped without « RPPS »
        ("Adeli : 69 7 02114 3", ["69 7 02114 3"]),
        ("n° ADELI 699312485", ["699312485"]),
        ("FINESS 69 7 02114 3", []),
    ],
)
def test_when_health_pro_id_is_grouped_then_context_is_required(text: str, expected: list[str]) -> None:
    assert sorted(spans(RppsRecognizer(), text) + spans(AdeliRecognizer(), text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("N° IPP : 80 012 345 ;", ["80 012 345"]),
        ("NDA 23/004512", ["23/004512"]),
        ("MRN: 00-123-456", ["00-123-456"]),
        ("numéro de séjour 250 151 007", ["250 151 007"]),
        ("séjour 2023 45 patients", []),  # a bare « séjour » does not introduce grouped digits
        ("IPP 12 €", []),
        ("dossier 12 000 euros", []),
    ],
)
def test_when_patient_id_is_grouped_then_strong_context_is_required(text: str, expected: list[str]) -> None:
    assert spans(PatientIdRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("chez 3 BIS RUE DU DOCTEUR CRESTIN 69007 LYON.", ["3 BIS RUE DU DOCTEUR CRESTIN 69007 LYON"]),
        (
            "Résidence Les Tilleuls, 45 allée des Peupliers, 38200 VIENNE",
            ["Résidence Les Tilleuls, 45 allée des Peupliers, 38200 VIENNE"],
        ),
        ("27 Kingsley Road, Bristol BS6 6AF", ["27 Kingsley Road, Bristol BS6 6AF"]),
        ("59 boulevard Pinel – 69500 Bron\nLigne directe", ["59 boulevard Pinel – 69500 Bron"]),
        ("Bâtiment B, salle 2.14", []),
        ("Résidence secondaire, pas d'adresse", []),
    ],
)
def test_when_address_has_building_or_caps_then_span_is_exact(text: str, expected: list[str]) -> None:
    assert spans(AddressRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("né le 12 mars 62", ["12 mars 62"]),
        ("née le 1er mai 1982", ["1er mai 1982"]),
        ("réunion le 12 mars 62 participants", []),  # no birth word
    ],
)
def test_when_birth_year_has_two_digits_then_span_is_exact(text: str, expected: list[str]) -> None:
    assert spans(BirthDateRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi Marguerite,\nthe monitor will come.", ["Marguerite"]),
        ("Tanguy,\nle devis est arrivé.", ["Tanguy"]),
        ("Merci\nNawel", ["Nawel"]),
        ("Patiente R.M., 82 ans", ["R.M."]),
        ("subject J.-W. withdrew", ["J.-W."]),
        ("vu avec mme giraudet ce matin", ["giraudet"]),
        ("rappeler monsieur jean-michel astier", ["jean-michel astier"]),
        ("le nss de m. Fabre", ["Fabre"]),
        (
            "contact Sebastiaan Van der Meulen, sebastiaan.vandermeulen@example.org",
            ["Sebastiaan Van der Meulen"],
        ),
        ("Bonjour à tous,\nmerci.", []),
        ("voir avec monsieur le directeur et madame la présidente", []),
        ("pr vérifier le dossier", []),
        ("La société Acme S.A. livre lundi.", []),  # initials without a patient cue
        ("Achats Biomédicaux <achats.biomed@example.org>", []),  # the address does not spell it
        ("Objet\nRelance", []),  # a lone capitalised line that is no given name
        ("3 m. plus loin", []),
    ],
)
def test_when_a_cue_names_a_person_then_span_is_exact(text: str, expected: list[str]) -> None:
    assert spans(PersonCueRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dear Ms Vasseur-Clément, please find attached", [("PERSON", "Vasseur-Clément")]),
        ("Can you translate this into French for me?", []),
        ("Merci de déclarer l'EIG à la DRCI.", []),
        ("Les Laboratoires Pierre Fabre proposent une remise.", []),
        ("Le laboratoire Jean Martin facture 200 €.", []),
    ],
)
def test_when_engine_reads_mail_and_english_then_only_people_are_found(
    engine: PiiEngine, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(engine, text) == expected


@pytest.mark.parametrize(
    ("text", "protected"),
    [
        ("Les Laboratoires Pierre Fabre", ["Laboratoires Pierre Fabre"]),
        ("Établissements Jean Martin et fils", ["Établissements Jean Martin"]),
        ("le laboratoire de Pierre Martin", []),  # « de »: a researcher's team, not a company name
    ],
)
def test_when_company_is_named_after_founder_then_it_is_protected(text: str, protected: list[str]) -> None:
    allow = AllowList([])
    assert [text[s:e] for s, e in allow.protected_spans(text)] == protected
