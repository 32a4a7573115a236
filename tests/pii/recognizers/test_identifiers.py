"""Span tables for the identifier recognizers, near-misses included."""

from __future__ import annotations

import pytest

from iag_gateway.pii.recognizers.adeli import AdeliRecognizer
from iag_gateway.pii.recognizers.base import CheckedPatternRecognizer
from iag_gateway.pii.recognizers.email import EmailAddressRecognizer
from iag_gateway.pii.recognizers.iban import IbanCodeRecognizer
from iag_gateway.pii.recognizers.patient_id import PatientIdRecognizer
from iag_gateway.pii.recognizers.phone import PhoneNumberRecognizer
from iag_gateway.pii.recognizers.rpps import RppsRecognizer
from tests.pii.check_digits import iban_with_key, luhn_complete

RPPS = luhn_complete("1004455667")
RPPS_BAD = RPPS[:-1] + str((int(RPPS[-1]) + 1) % 10)
IBAN_FR = iban_with_key("FR", "20041010050500013M02606")
IBAN_DE = iban_with_key("DE", "370400440532013000")
IBAN_FR_GROUPED = " ".join(IBAN_FR[i : i + 4] for i in range(0, len(IBAN_FR), 4))
IBAN_BAD = IBAN_FR[:2] + f"{(int(IBAN_FR[2:4]) + 1) % 100:02d}" + IBAN_FR[4:]


def spans(recognizer: CheckedPatternRecognizer, text: str) -> list[str]:
    return [text[r.start : r.end] for r in recognizer.analyze(text, [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"RPPS {RPPS}", [RPPS]),
        (f"praticien {RPPS}.", [RPPS]),
        (f"RPPS {RPPS_BAD}", [RPPS_BAD]),  # named by its cue: a wrong key is a typo, still masked
        (
            f"n° RPPS : {RPPS_BAD[:4]} {RPPS_BAD[4:7]} {RPPS_BAD[7:]}",
            [f"{RPPS_BAD[:4]} {RPPS_BAD[4:7]} {RPPS_BAD[7:]}"],
        ),
        (f"praticien {RPPS_BAD}.", []),  # no cue: the Luhn key is the only evidence
        ("commande 10987654321 du 3 mars", []),  # 10-prefixed, fails Luhn, no cue
        ("SIRET 73282932000074", []),  # 14 digits
        ("FINESS 690781810", []),
    ],
)
def test_when_rpps_candidates_then_luhn_valid_or_named_ones_match(text: str, expected: list[str]) -> None:
    assert spans(RppsRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("n° ADELI : 691234567", ["691234567"]),
        ("FINESS 690781810", []),  # an establishment, not a person
        ("SIREN 732829320", []),
    ],
)
def test_when_nine_digits_then_only_adeli_context_matches(text: str, expected: list[str]) -> None:
    assert spans(AdeliRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"IBAN {IBAN_FR_GROUPED} pour", [IBAN_FR_GROUPED]),
        (f"IBAN {IBAN_FR}.", [IBAN_FR]),
        (f"IBAN: {IBAN_DE}", [IBAN_DE]),
        (f"IBAN {IBAN_BAD}", []),  # fails mod 97
    ],
)
def test_when_iban_candidates_then_only_mod97_valid_match(text: str, expected: list[str]) -> None:
    assert spans(IbanCodeRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("au 06 12 34 56 78.", ["06 12 34 56 78"]),
        ("au 06.12.34.56.78", ["06.12.34.56.78"]),
        ("au 06-12-34-56-78", ["06-12-34-56-78"]),
        ("au 0612345678", ["0612345678"]),
        ("au +33 6 12 34 56 78", ["+33 6 12 34 56 78"]),
        ("au +33 (0)6 12 34 56 78", ["+33 (0)6 12 34 56 78"]),
        ("call +44 20 7946 0958", ["+44 20 7946 0958"]),
        ("montant 1 250 000 €", []),
        ("SIRET 732 829 320 00074", []),
        ("le 12/03/2024", []),
    ],
)
def test_when_phone_candidates_then_exact_spans(text: str, expected: list[str]) -> None:
    assert spans(PhoneNumberRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("écrire à prenom.nom@hopital-exemple.fr.", ["prenom.nom@hopital-exemple.fr"]),
        ("<j_doe+achats@example.org>", ["j_doe+achats@example.org"]),
        ("pas d'adresse @ ici", []),
    ],
)
def test_when_email_candidates_then_exact_spans(text: str, expected: list[str]) -> None:
    assert spans(EmailAddressRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IPP 40918273", ["40918273"]),
        ("IPP : 0040918273", ["0040918273"]),
        ("le séjour n° 123450987 est clos", ["123450987"]),
        ("numéro de dossier 7766554", ["7766554"]),
        ("NDA: 230045871", ["230045871"]),
        ("patient ID 88812345", ["88812345"]),
        ("MRN #5566778", ["5566778"]),
        ("le compte 6021 de l'UF 4521", []),
        ("un séjour de 12500 euros", []),
        ("décret n° 2016-360", []),
    ],
)
def test_when_patient_id_candidates_then_context_decides(text: str, expected: list[str]) -> None:
    assert spans(PatientIdRecognizer(), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Relance pour le séjour 25/004417 (chambre 8).", "25/004417"),
        ("N° de séjour : 2025-HC-000873, service cardiologie.", "2025-HC-000873"),
        ("visite V25-04412 annulée", "V25-04412"),
        ("admission n° ADM 2500451 du service de gériatrie", "ADM 2500451"),
        ("hospitalisation 25-0087412 : facture au tiers payant", "25-0087412"),
    ],
)
def test_a_stays_coded_number_after_the_word_for_a_stay_is_a_patient_id(text: str, expected: str) -> None:
    found = [text[r.start : r.end] for r in PatientIdRecognizer().analyze(text, ["PATIENT_ID"])]
    assert found == [expected], found


@pytest.mark.parametrize(
    "text",
    [
        "Bilan des séjours 2024-2025 à présenter.",
        "séjour 2024-2025 : taux d'occupation",
        "admission 03/02/2025, sortie le 07/02/2025",
        "venue prévue 14-03-2025",
        "séjour de 12 jours, 3 450 € facturés",
    ],
)
def test_dates_year_spans_and_amounts_after_the_word_for_a_stay_are_not_ids(text: str) -> None:
    assert not PatientIdRecognizer().analyze(text, ["PATIENT_ID"])
