from __future__ import annotations

import pytest

from iag_gateway.pii.recognizers.nir import NirRecognizer
from tests.pii.check_digits import nir_with_key

VALID = nir_with_key("1780369123456")  # invented: man born 03/1978 in dept 69
CORSICA = nir_with_key("292052A045012")
OVERSEAS = nir_with_key("1661197412031")
WRONG_KEY = VALID[:13] + f"{(int(VALID[13:]) + 1) % 100:02d}"


def spaced(nir: str) -> str:
    if nir[5:8].startswith("97"):
        return f"{nir[0]} {nir[1:3]} {nir[3:5]} {nir[5:8]} {nir[8:10]} {nir[10:13]} {nir[13:]}"
    return f"{nir[0]} {nir[1:3]} {nir[3:5]} {nir[5:7]} {nir[7:10]} {nir[10:13]} {nir[13:]}"


def key_apart(nir: str) -> str:
    return spaced(nir)[:-3] + " - " + nir[13:]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"NIR {VALID}.", [VALID]),
        (f"n° de sécu : {spaced(VALID)}, merci", [spaced(VALID)]),
        (f"INS {key_apart(VALID)}", [key_apart(VALID)]),
        (f"né en Corse, NIR {spaced(CORSICA)}", [spaced(CORSICA)]),
        (f"NIR {spaced(OVERSEAS)}", [spaced(OVERSEAS)]),
        (f"NIR {WRONG_KEY}", []),  # near-miss: wrong key
        (f"NIR {VALID[:13]}", []),  # no key
        (f"référence {VALID}99", []),  # longer digit run
    ],
)
def test_when_text_holds_nir_then_exact_spans_with_valid_key_only(text: str, expected: list[str]) -> None:
    results = NirRecognizer().analyze(text, [])
    assert [text[r.start : r.end] for r in results] == expected
    assert all(r.entity_type == "FR_NIR" for r in results)


@pytest.mark.parametrize(
    "text",
    [
        f"nir : {spaced(WRONG_KEY)}",
        f"Nir {WRONG_KEY}",
        f"n° ss : {WRONG_KEY}",
        f"N°Ss {spaced(WRONG_KEY)}",
        f'{{"nir": "{spaced(WRONG_KEY)}", "service": "achats"}}',
        f"son nss c'est le {WRONG_KEY} je crois",
    ],
)
def test_a_nir_with_a_wrong_key_after_a_cue_in_any_case_is_found(text: str) -> None:
    """The cue is a word people type in any case; its number is a NIR whatever its key says."""
    from iag_gateway.pii.recognizers.nir_context import NirContextRecognizer

    found = [text[r.start : r.end] for r in NirContextRecognizer().analyze(text, ["FR_NIR"])]
    assert found and found[0].replace(" ", "") == WRONG_KEY, (text, found)
