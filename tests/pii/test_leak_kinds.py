"""Every kind of input that leaked in the field (issue 8), at the engine level: exact spans.

Each table holds the issue's own example of the kind, variants written for this test, and
near-misses that must not match. Values are invented; check digits are computed.
"""

from __future__ import annotations

import pytest

from iag_gateway.pii.engine import PiiEngine
from tests.pii.check_digits import nir_with_key
from tests.pii.conftest import found

NIR = nir_with_key("2870492118036")  # invented: woman born 04/1987, dept 92
NIR_SPACED = f"{NIR[0]} {NIR[1:3]} {NIR[3:5]} {NIR[5:7]} {NIR[7:10]} {NIR[10:13]} {NIR[13:]}"
WRONG_KEY = NIR_SPACED[:-2] + f"{(int(NIR[13:]) + 3) % 100:02d}"
NO_KEY = NIR_SPACED[:-3]

UNICODE = [
    (
        "Rappelez-moi au 06\u00a012\u00a034\u00a056\u00a078",
        [("PHONE_NUMBER", "06\u00a012\u00a034\u00a056\u00a078")],
    ),
    (
        "Portable : 07\u202f81\u202f22\u202f90\u202f14.",
        [("PHONE_NUMBER", "07\u202f81\u202f22\u202f90\u202f14")],
    ),
    (
        "Fixe 04\u200972\u200911\u200965\u200932 (poste 12)",
        [("PHONE_NUMBER", "04\u200972\u200911\u200965\u200932")],
    ),
    ("écrire à marie.durand@\u200bexemple.fr demain", [("EMAIL_ADDRESS", "marie.durand@\u200bexemple.fr")]),
    ("écrire à marie.durand\uff20exemple.fr demain", [("EMAIL_ADDRESS", "marie.durand\uff20exemple.fr")]),
    ("tél. \uff10\uff16 \uff14\uff18 21 93 07", [("PHONE_NUMBER", "\uff10\uff16 \uff14\uff18 21 93 07")]),
    ("Le dossier de Mme Du\u00adpont est prêt.", [("PERSON", "Du\u00adpont")]),
    ("Le dossier de Mme D\u200bupont est prêt.", [("PERSON", "D\u200bupont")]),
    ("Signé : Claire Be\u00adnoît-Ver\u200bnier", [("PERSON", "Claire Be\u00adnoît-Ver\u200bnier")]),
    (f"NIR {NIR_SPACED.replace(' ', chr(0xA0))}", [("FR_NIR", NIR_SPACED.replace(" ", "\u00a0"))]),
    ("Mme Ber-\nnard-Lafont a appelé", [("PERSON", "Ber-\nnard-Lafont")]),
]

DICTATED = [
    (
        "rappeler madame au zéro six douze trente-quatre cinquante-six soixante-dix-huit merci",
        [("PHONE_NUMBER", "zéro six douze trente-quatre cinquante-six soixante-dix-huit")],
    ),
    ("son numéro zero six 48 21 93 07 voilà", [("PHONE_NUMBER", "zero six 48 21 93 07")]),
    (
        "plus trente trois six douze trente quatre cinquante six soixante dix huit",
        [("PHONE_NUMBER", "plus trente trois six douze trente quatre cinquante six soixante dix huit")],
    ),
    ("il reste zéro un deux", []),  # too short for a number
    ("on a zéro stock et deux commandes", []),
]

CONTEXT_IDS = [
    ("séjour 483920175", [("PATIENT_ID", "483920175")]),
    ("stay 483920175", [("PATIENT_ID", "483920175")]),
    ("Patient 5829301746 (B. Martin)", [("PATIENT_ID", "5829301746"), ("PERSON", "B. Martin")]),
    ("IPP : 0012345678", [("PATIENT_ID", "0012345678")]),
    ("n° de dossier 2024-0045871", [("PATIENT_ID", "2024-0045871")]),
    ("NDA 2300123456", [("PATIENT_ID", "2300123456")]),
    ("IPP du patient : 7730019", [("PATIENT_ID", "7730019")]),
    ("la patiente 61200457 sort demain", [("PATIENT_ID", "61200457")]),
    ("encounter number 99120034 closed", [("PATIENT_ID", "99120034")]),
    (f"NIR {WRONG_KEY}", [("FR_NIR", WRONG_KEY)]),
    (f"n° sécu : {NO_KEY}", [("FR_NIR", NO_KEY)]),
    (f"SSN {NIR[:13]} {WRONG_KEY[-2:]}", [("FR_NIR", f"{NIR[:13]} {WRONG_KEY[-2:]}")]),
    (f"matricule INS {NO_KEY.replace(' ', '')}", [("FR_NIR", NO_KEY.replace(" ", ""))]),
    ("Numéro de passage : 78 112 453", [("PATIENT_ID", "78 112 453")]),
    ("N° venue 2025117734", [("PATIENT_ID", "2025117734")]),
    (f"carte vitale {NIR_SPACED}", [("FR_NIR", NIR_SPACED)]),
    # near-misses: no context, or a number that is an amount or an age
    (f"référence commande {WRONG_KEY}", []),
    ("patient 45 ans", []),
    ("les patients 150000 euros", []),
    ("stay 2 nights", []),
]

NAMES = [
    ("Point de contact : Moreau Juliette", [("PERSON", "Moreau Juliette")]),
    ("réceptionnaire : Inès CARON", [("PERSON", "Inès CARON")]),
    (
        "Liste des agents : SERGE, HÉLÈNE, JEAN-MARC",
        [("PERSON", "SERGE"), ("PERSON", "HÉLÈNE"), ("PERSON", "JEAN-MARC")],
    ),
    (
        "Présents : Odile, Baptiste et Anne-Laure.",
        [("PERSON", "Odile"), ("PERSON", "Baptiste"), ("PERSON", "Anne-Laure")],
    ),
    ("Nom : MARCHAND\nPrénom : Hélène", [("PERSON", "MARCHAND"), ("PERSON", "Hélène")]),
    ("Nom : MARCHAND   Prénom : Hélène", [("PERSON", "MARCHAND"), ("PERSON", "Hélène")]),
    (
        "NOM : LE GOFF\nPRÉNOM : Anne-Sophie\nService : Cardiologie",
        [("PERSON", "LE GOFF"), ("PERSON", "Anne-Sophie")],
    ),
    ("Nom du patient : Kermarrec", [("PERSON", "Kermarrec")]),
    (
        "Nom;Prénom;Service\nDURAND;Marie;Cardiologie\nLeroy;Paul;Achats",
        [("PERSON", "DURAND"), ("PERSON", "Marie"), ("PERSON", "Leroy"), ("PERSON", "Paul")],
    ),
    (
        "Nom\tPrénom\tPoste\nFAURE\tBenoît\t1234\nROCHE\tLina",
        [("PERSON", "FAURE"), ("PERSON", "Benoît"), ("PERSON", "ROCHE"), ("PERSON", "Lina")],
    ),
    ("Madame de La Fontaine Maryse", [("PERSON", "de La Fontaine Maryse")]),
    ('Jean "Jeannot" Dupont', [("PERSON", 'Jean "Jeannot" Dupont')]),
    ("Marie (Mimi) Durand est arrivée", [("PERSON", "Marie (Mimi) Durand")]),
    ("Paul « Polo » Lefèvre a rappelé", [("PERSON", "Paul « Polo » Lefèvre")]),
    ("L'infirmière Ysolde a appelé.", [("PERSON", "Ysolde")]),
    ("Notre collègue Ysolde Kermarrec part en retraite.", [("PERSON", "Ysolde Kermarrec")]),
    ("sa fille Maëlys viendra", [("PERSON", "Maëlys")]),
    ("the nurse Ysolde called back", [("PERSON", "Ysolde")]),
    ("Dr Ysolde Kermarrec sera présente", [("PERSON", "Ysolde Kermarrec")]),
    (
        "ppl present: jean-baptiste, maelys, gaëtan",
        [("PERSON", "jean-baptiste"), ("PERSON", "maelys"), ("PERSON", "gaëtan")],
    ),
    ("Ma collègue Sidonie Trocmé est absente", [("PERSON", "Sidonie Trocmé")]),
    ("Référente : DURAND Marie-Hélène", [("PERSON", "DURAND Marie-Hélène")]),
    # near-misses: form labels, services, companies, headings in capitals, product names
    ("Nom : à compléter", []),
    ("Nom du fournisseur : Medline", []),
    ("Contact : Direction des Achats", []),
    ("La secrétaire Accueil est fermée.", []),
    ("Le service Cardiologie accueille", []),
    ("Fournisseurs : Medline, Baxter, Hartmann", []),
    ("bouquet : rose, jade et ambre", []),  # given names that are French words, in lower case
    ("=== SPÉCIFICATION À REFORMULER ===", []),
    ("CAHIER DES CLAUSES TECHNIQUES PARTICULIÈRES", []),
    ("Le pousse-seringue B. Braun Perfusor Space convient.", []),
    ("Les pompes Alaris GP Guardrails sont remplacées.", []),
]

JSON_AND_EMAILS = [
    ('{"nom": "H\\u00e9l\\u00e8ne B\\u00e9rard"}', [("PERSON", "H\\u00e9l\\u00e8ne B\\u00e9rard")]),
    ("Dr Fran\\u00e7ois Lemaire", [("PERSON", "Fran\\u00e7ois Lemaire")]),
    ("jean.dupont[at]chu-exemple.fr", [("EMAIL_ADDRESS", "jean.dupont[at]chu-exemple.fr")]),
    ("jean.dupont (at) chu-exemple (dot) fr", [("EMAIL_ADDRESS", "jean.dupont (at) chu-exemple (dot) fr")]),
    ("écrire à l.roux{at}hopital-exemple[.]fr", []),  # a dotted domain in brackets is not an at
    (
        "écrire à l.roux(arobase)hopital-exemple(point)fr",
        [("EMAIL_ADDRESS", "l.roux(arobase)hopital-exemple(point)fr")],
    ),
    ("jean.dupont at chu-exemple dot fr", [("EMAIL_ADDRESS", "jean.dupont at chu-exemple dot fr")]),
    ("meet at example.com tomorrow", []),  # a bare « at » is an English word
    ("look at the dot plot", []),
]


ADDRESSES_AND_BIRTH_DATES = [
    ("demeurant chemin des Vignes, 38000 Grenoble", [("ADDRESS", "chemin des Vignes, 38000 Grenoble")]),
    ("habite 12 r. des Lilas 69003 Lyon", [("ADDRESS", "12 r. des Lilas 69003 Lyon")]),
    ("adresse 4 impasse du Moulin, 38000 GRENOBLE", [("ADDRESS", "4 impasse du Moulin, 38000 GRENOBLE")]),
    (
        "née le trois mars mille neuf cent soixante deux",
        [("DATE_OF_BIRTH", "trois mars mille neuf cent soixante deux")],
    ),
    ("le patient né le 12 juillet", [("DATE_OF_BIRTH", "12 juillet")]),
    ("Date naiss. : 12/07/1951", [("DATE_OF_BIRTH", "12/07/1951")]),
    # near-misses: a square with no postcode, a date that is no birth date
    ("la place de la mairie est pleine", []),
    ("rue barrée jusqu'au 15 mars", []),
    ("livraison le 12 juillet", []),
]


@pytest.mark.parametrize(("text", "expected"), ADDRESSES_AND_BIRTH_DATES)
def test_when_address_or_birth_date_is_written_loosely_then_it_is_found(
    engine: PiiEngine, text: str, expected: list[tuple[str, str]]
) -> None:
    _check(engine, text, expected)


def _check(engine: PiiEngine, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(engine, text) == expected


@pytest.mark.parametrize(("text", "expected"), UNICODE)
def test_when_text_has_copy_paste_unicode_then_whole_original_value_is_found(
    engine: PiiEngine, text: str, expected: list[tuple[str, str]]
) -> None:
    _check(engine, text, expected)


@pytest.mark.parametrize(("text", "expected"), DICTATED)
def test_when_phone_number_is_dictated_in_words_then_it_is_found(
    engine: PiiEngine, text: str, expected: list[tuple[str, str]]
) -> None:
    _check(engine, text, expected)


@pytest.mark.parametrize(("text", "expected"), CONTEXT_IDS)
def test_when_identifier_is_named_by_context_then_it_is_found(
    engine: PiiEngine, text: str, expected: list[tuple[str, str]]
) -> None:
    _check(engine, text, expected)


@pytest.mark.parametrize(("text", "expected"), NAMES)
def test_when_name_is_written_in_any_order_or_case_then_it_is_found(
    engine: PiiEngine, text: str, expected: list[tuple[str, str]]
) -> None:
    _check(engine, text, expected)


@pytest.mark.parametrize(("text", "expected"), JSON_AND_EMAILS)
def test_when_value_is_escaped_or_obfuscated_then_it_is_found(
    engine: PiiEngine, text: str, expected: list[tuple[str, str]]
) -> None:
    _check(engine, text, expected)
