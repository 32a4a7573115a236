"""Tool-call arguments are pseudonymised on the way out and restored on the way back."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from iag_gateway.exchange import Exchange
from iag_gateway.pii.engine import PiiEngine
from iag_gateway.settings import Settings
from iag_gateway.stages.redact import redact
from iag_gateway.stages.restore import restore


@pytest.fixture(scope="module")
def pii() -> Iterator[PiiEngine]:
    engine = PiiEngine.build(allow_list_files=Settings().pii_allow_lists)
    yield engine
    engine.close()


def test_when_tool_call_arguments_carry_personal_data_then_they_leave_pseudonymised_and_come_back(
    pii: PiiEngine,
) -> None:
    arguments = json.dumps({"contact": "Mme Roseline Quéméner", "tel": "06 21 43 65 87"}, ensure_ascii=False)
    ex = Exchange(route="chat")
    ex.messages = [
        {"role": "user", "content": "Appelle Mme Roseline Quéméner au 06 21 43 65 87."},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {"id": "c1", "type": "function", "function": {"name": "appeler", "arguments": arguments}}
            ],
        },
    ]
    redact(ex, pii)
    sent = json.dumps(ex.messages, ensure_ascii=False)
    assert "Quéméner" not in sent and "06 21 43 65 87" not in sent
    outgoing = ex.messages[1]["tool_calls"][0]["function"]["arguments"]
    assert "<PERSONNE_1>" in outgoing and "<TEL_1>" in outgoing  # same placeholders as in the text
    ex.answer = "C'est fait."
    ex.tool_calls = [{"id": "c2", "type": "function", "function": {"name": "appeler", "arguments": outgoing}}]
    restore(ex, enabled=True)
    assert json.loads(ex.tool_calls[0]["function"]["arguments"]) == json.loads(arguments)


def test_when_restoring_is_disabled_then_answer_and_arguments_stay_pseudonymised(pii: PiiEngine) -> None:
    ex = Exchange(route="chat")
    ex.messages = [{"role": "user", "content": "Écrire à Mme Roseline Quéméner."}]
    redact(ex, pii)
    ex.answer = "Courrier pour <PERSONNE_1>."
    ex.tool_calls = [
        {"id": "c", "type": "function", "function": {"name": "f", "arguments": '{"a": "<PERSONNE_1>"}'}}
    ]
    restore(ex, enabled=False)
    assert ex.restored_answer == "Courrier pour <PERSONNE_1>."
    assert ex.tool_calls[0]["function"]["arguments"] == '{"a": "<PERSONNE_1>"}'
