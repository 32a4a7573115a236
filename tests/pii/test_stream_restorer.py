from __future__ import annotations

import json

import pytest

from iag_gateway.pii.engine import PiiEngine
from iag_gateway.pii.pseudonymizer import Pseudonymizer

ANSWER = "Bonjour <PERSONNE_1>, votre IBAN <IBAN_12> est noté ; a < b et <TEL_1>."


@pytest.fixture(scope="module")
def pseudo(engine: PiiEngine) -> Pseudonymizer:
    pseudonymizer = Pseudonymizer(engine)
    pseudonymizer.redact("Mme Hélène Vautrin, 06 10 20 30 40")
    return pseudonymizer


@pytest.mark.parametrize("cut", range(len(ANSWER) + 1))
def test_when_placeholder_is_split_at_any_position_then_stream_restores_it(
    pseudo: Pseudonymizer, cut: int
) -> None:
    restorer = pseudo.stream_restorer()
    out = restorer.feed(ANSWER[:cut]) + restorer.feed(ANSWER[cut:]) + restorer.flush()
    assert out == pseudo.restore(ANSWER)
    assert "Hélène Vautrin" in out and "06 10 20 30 40" in out


def test_when_streamed_char_by_char_then_only_a_placeholder_start_is_held(pseudo: Pseudonymizer) -> None:
    restorer = pseudo.stream_restorer()
    released = ""
    for index, char in enumerate(ANSWER):
        released += restorer.feed(char)
        consumed = ANSWER[: index + 1]
        held = consumed[len(consumed) - len(restorer._pending) :] if restorer._pending else ""
        assert len(held) <= len("<DATE_NAISSANCE_999999>")
        assert not held or held.startswith("<")
    released += restorer.flush()
    assert released == pseudo.restore(ANSWER)


def test_when_text_has_no_placeholder_start_then_nothing_is_held(pseudo: Pseudonymizer) -> None:
    restorer = pseudo.stream_restorer()
    assert restorer.feed("a < b, rien à retenir") == "a < b, rien à retenir"
    assert restorer.feed("x <PERS") == "x "
    assert restorer.feed("ONNE_1> !") == "Hélène Vautrin !"


def test_when_tool_call_arguments_stream_then_json_values_are_restored(pseudo: Pseudonymizer) -> None:
    arguments = json.dumps({"to": "<PERSONNE_1>", "phone": "<TEL_1>"})
    restorer = pseudo.stream_restorer()
    out = "".join(restorer.feed(arguments[i : i + 3]) for i in range(0, len(arguments), 3)) + restorer.flush()
    assert json.loads(out) == {"to": "Hélène Vautrin", "phone": "06 10 20 30 40"}
