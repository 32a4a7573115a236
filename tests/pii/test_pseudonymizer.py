from __future__ import annotations

import threading

import pytest

from iag_gateway.pii.engine import PiiEngine
from iag_gateway.pii.placeholders import PLACEHOLDER_NAMES
from iag_gateway.pii.pseudonymizer import Pseudonymizer
from tests.pii.check_digits import nir_with_key

NIR = nir_with_key("1791169123456")
PROMPT = f"Le patient Bastien Moreau (NIR {NIR}) rappelle au 06 44 55 66 77 ; écrire à b.moreau@example.org."


def test_when_prompt_is_redacted_then_values_are_replaced_by_typed_placeholders(engine: PiiEngine) -> None:
    pseudo = Pseudonymizer(engine)
    redacted = pseudo.redact(PROMPT)
    assert redacted == ("Le patient <PERSONNE_1> (NIR <NIR_1>) rappelle au <TEL_1> ; écrire à <EMAIL_1>.")
    assert pseudo.counts == {"PERSON": 1, "FR_NIR": 1, "PHONE_NUMBER": 1, "EMAIL_ADDRESS": 1}


def test_when_same_value_appears_in_two_messages_then_same_placeholder(engine: PiiEngine) -> None:
    pseudo = Pseudonymizer(engine)
    first = pseudo.redact("Rappeler Bastien Moreau au 06 44 55 66 77.")
    second = pseudo.redact("Bastien Moreau a un autre numéro : 0644556677 ? Non, Claire Dubreuil l'a.")
    assert "<PERSONNE_1>" in first and "<PERSONNE_1>" in second and "<TEL_1>" in second
    assert "<PERSONNE_2>" in second
    assert pseudo.counts == {"PERSON": 2, "PHONE_NUMBER": 1}


def test_when_answer_echoes_placeholders_then_restore_gives_original_values(engine: PiiEngine) -> None:
    pseudo = Pseudonymizer(engine)
    redacted = pseudo.redact(PROMPT)
    assert pseudo.restore(redacted) == PROMPT
    assert pseudo.restore("Contactez <PERSONNE_1> au <TEL_1>, pas <TEL_9>.") == (
        "Contactez Bastien Moreau au 06 44 55 66 77, pas <TEL_9>."
    )


def test_when_repr_is_taken_then_no_value_is_revealed(engine: PiiEngine) -> None:
    pseudo = Pseudonymizer(engine)
    pseudo.redact(PROMPT)
    shown = repr(pseudo) + str(pseudo) + repr(pseudo.stream_restorer())
    assert "Moreau" not in shown and NIR not in shown and "example.org" not in shown


def test_when_answer_holds_new_personal_data_then_scan_counts_and_masks_it(engine: PiiEngine) -> None:
    pseudo = Pseudonymizer(engine)
    pseudo.redact(PROMPT)
    answer = "Voyez avec <PERSONNE_1> ou Mme Hortense Vidal au 04 72 00 11 22."
    masked, counts = pseudo.scan_response(answer, mask=True)
    assert masked == "Voyez avec <PERSONNE_1> ou Mme <PERSONNE> au <TEL>."
    assert counts == {"PERSON": 1, "PHONE_NUMBER": 1}
    unchanged, same = pseudo.scan_response(answer, mask=False)
    assert unchanged == answer and same == counts


def test_when_answer_repeats_prompt_values_then_they_are_not_new(engine: PiiEngine) -> None:
    pseudo = Pseudonymizer(engine)
    pseudo.redact(PROMPT)
    _, counts = pseudo.scan_response("Bastien Moreau, 06.44.55.66.77", mask=True)
    assert counts == {}


def test_when_two_requests_run_in_threads_then_they_never_share_values(engine: PiiEngine) -> None:
    results: dict[str, str] = {}
    errors: list[BaseException] = []

    def run(name: str, person: str) -> None:
        try:
            pseudo = Pseudonymizer(engine)
            for _ in range(20):
                redacted = pseudo.redact(f"Appeler Mme {person} demain.")
                assert redacted == "Appeler Mme <PERSONNE_1> demain."
            results[name] = pseudo.restore("<PERSONNE_1>")
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [
        threading.Thread(target=run, args=("a", "Louise Perrichon")),
        threading.Thread(target=run, args=("b", "Gaspard Tissot")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert results == {"a": "Louise Perrichon", "b": "Gaspard Tissot"}


@pytest.mark.parametrize("label", sorted(PLACEHOLDER_NAMES))
def test_when_label_is_known_then_it_has_a_placeholder_name(label: str) -> None:
    assert PLACEHOLDER_NAMES[label].isupper()
