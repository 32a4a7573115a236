"""Faults of the provider and of the caller: each answered right and recorded (issue #10, #17)."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
import openai
import pytest

from tests.conftest import KeyFactory
from tests.harness import LiveGateway
from tests.web.test_api_errors import post

PERSON = "Mme Roseline Quéméner"


def stream(gateway: LiveGateway, key: str, content: str, **fields: Any) -> httpx.Response:
    body = {
        "model": "onprem-llm",
        "stream": True,
        "messages": [{"role": "user", "content": content}],
        **fields,
    }
    with httpx.Client(timeout=30) as client:
        response = client.post(
            gateway.base_url + "/v1/chat/completions", json=body, headers={"Authorization": f"Bearer {key}"}
        )
    return response


def events(response: httpx.Response) -> list[Any]:
    out: list[Any] = []
    for line in response.text.splitlines():
        if line.startswith("data: "):
            data = line.removeprefix("data: ")
            out.append(data if data == "[DONE]" else json.loads(data))
    return out


def final_record(gateway: LiveGateway, request_id: str) -> Any:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        done = [e for e in gateway.services.audit.get(request_id) if e.outcome != "in_flight"]
        if done:
            [event] = done
            return event
        time.sleep(0.05)
    raise AssertionError(f"no final record for {request_id}")


# -- item 5: trust only what the provider sent ------------------------------------------


def test_when_the_stream_ends_without_finish_reason_then_error_event_no_done_and_failed(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    response = stream(gateway, make_key("buyer"), "Une réponse complète, merci. [[noterm]]")
    sent = events(response)
    assert "[DONE]" not in sent
    assert "error" in sent[-1]
    assert not any(
        choice.get("finish_reason") for e in sent if isinstance(e, dict) for choice in e.get("choices") or []
    )
    event = final_record(gateway, response.headers["x-iag-request-id"])
    assert event.outcome == "failed" and event.streamed


def test_when_a_plain_answer_is_cut_then_502_and_failed(gateway: LiveGateway, make_key: KeyFactory) -> None:
    response = post(
        gateway,
        make_key("buyer"),
        json={"model": "onprem-llm", "messages": [{"role": "user", "content": "Bonjour [[cutplain]]"}]},
    )
    assert response.status_code == 502, response.text
    assert final_record(gateway, response.headers["x-iag-request-id"]).outcome == "failed"


# -- item 6: an upstream error before the first byte keeps its status --------------------


@pytest.mark.parametrize(
    ("word", "status", "code"),
    [
        ("[[ratelimit]]", 429, "upstream_rate_limited"),
        ("[[fail500]]", 502, "upstream_error"),
        ("[[slow]]", 504, "upstream_timeout"),
    ],
)
def test_when_upstream_fails_before_the_first_streamed_byte_then_same_status_as_unstreamed(
    gateway: LiveGateway, make_key: KeyFactory, word: str, status: int, code: str
) -> None:
    response = stream(gateway, make_key("buyer"), f"Bonjour {word}")
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["error"]["code"] == code
    if status == 429:
        assert response.headers["retry-after"] == "7"
    assert final_record(gateway, response.headers["x-iag-request-id"]).outcome == "failed"


# -- item 1: text that cannot be encoded -------------------------------------------------


@pytest.mark.parametrize("streamed", [False, True])
def test_when_the_answer_holds_a_lone_surrogate_then_replaced_noted_and_recorded(
    gateway: LiveGateway, make_key: KeyFactory, streamed: bool
) -> None:
    if streamed:
        response = stream(gateway, make_key("buyer"), "Bonjour [[surrogate]]")
        text = "".join(
            (c.get("delta") or {}).get("content") or ""
            for e in events(response)
            if isinstance(e, dict)
            for c in e.get("choices") or []
        )
        assert events(response)[-1] == "[DONE]"
    else:
        response = post(
            gateway,
            make_key("buyer"),
            json={"model": "onprem-llm", "messages": [{"role": "user", "content": "Bonjour [[surrogate]]"}]},
        )
        assert response.status_code == 200, response.text
        text = response.json()["choices"][0]["message"]["content"]
    assert "\ufffd" in text
    event = final_record(gateway, response.headers["x-iag-request-id"])
    assert event.outcome == "ok" and event.extra.get("replaced_characters") == 1


# -- item 8 and #17: streamed tool calls, usage chunk, ids -------------------------------


def test_when_streamed_tool_call_arguments_carry_placeholders_then_they_are_restored(
    gateway: LiveGateway, make_key: KeyFactory, upstream: Any
) -> None:
    response = stream(
        gateway, make_key("buyer"), f"Ajoute {PERSON} à la liste des participants de la réunion. [[toolcall]]"
    )
    arguments = "".join(
        (call.get("function") or {}).get("arguments") or ""
        for e in events(response)
        if isinstance(e, dict)
        for c in e.get("choices") or []
        for call in (c.get("delta") or {}).get("tool_calls") or []
    )
    assert PERSON in json.loads(arguments)["texte"]
    assert PERSON not in upstream.sent_text()


def test_when_usage_is_not_asked_then_no_usage_chunk_and_when_asked_choices_are_empty(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    plain = [e for e in events(stream(gateway, make_key("buyer"), "Bonjour.")) if isinstance(e, dict)]
    assert not any(e.get("usage") for e in plain)
    asked = events(stream(gateway, make_key("buyer"), "Bonjour.", stream_options={"include_usage": True}))
    [usage_chunk] = [e for e in asked if isinstance(e, dict) and e.get("usage")]
    assert usage_chunk["choices"] == [] and usage_chunk["usage"]["total_tokens"] > 0
    assert asked[-1] == "[DONE]" and asked[-2] is usage_chunk


def test_when_streaming_then_chunks_carry_the_gateway_id_and_x_request_id(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    response = stream(gateway, make_key("buyer"), "Bonjour.")
    request_id = response.headers["x-request-id"]
    assert request_id == response.headers["x-iag-request-id"]
    ids = {e["id"] for e in events(response) if isinstance(e, dict)}
    assert ids == {"chatcmpl-" + request_id.removeprefix("req_")}


def test_when_any_api_answer_then_it_carries_x_request_id(gateway: LiveGateway, make_key: KeyFactory) -> None:
    key = make_key("buyer")
    for response in (
        httpx.get(gateway.base_url + "/v1/nothing-here"),
        httpx.get(gateway.base_url + "/v1/models", headers={"Authorization": f"Bearer {key}"}),
        post(gateway, "wrong-key", json={"model": "onprem-llm", "messages": []}),
        post(gateway, key, json={"model": "onprem-llm", "messages": [{"role": "user", "content": "x"}]}),
    ):
        assert response.headers.get("x-request-id", "").startswith("req_"), response.url


def test_when_a_model_is_asked_by_id_then_its_object_or_an_openai_404(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    client = openai.OpenAI(base_url=gateway.base_url + "/v1", api_key=make_key("buyer"), max_retries=0)
    model = client.models.retrieve("onprem-llm")
    assert model.id == "onprem-llm" and model.object == "model"
    with pytest.raises(openai.NotFoundError) as caught:
        client.models.retrieve("gpt-99")
    assert caught.value.code == "model_not_found"


# -- item 11: JSON mode ------------------------------------------------------------------


@pytest.mark.parametrize("streamed", [False, True])
def test_when_json_mode_then_the_answer_stays_json_with_restored_values_escaped(
    gateway: LiveGateway, make_key: KeyFactory, streamed: bool
) -> None:
    prompt = f'Mets en JSON la fiche contact de {PERSON} (fournisseur), mention "urgent". [[json]]'
    fields = {"response_format": {"type": "json_object"}}
    if streamed:
        response = stream(gateway, make_key("buyer"), prompt, **fields)
        content = "".join(
            (c.get("delta") or {}).get("content") or ""
            for e in events(response)
            if isinstance(e, dict)
            for c in e.get("choices") or []
        )
        meta = events(response)[0]["iag"]
    else:
        body = {"model": "onprem-llm", "messages": [{"role": "user", "content": prompt}], **fields}
        response = post(gateway, make_key("buyer"), json=body)
        content = response.json()["choices"][0]["message"]["content"]
        meta = response.json()["iag"]
    assert json.loads(content)["echo"] == prompt
    assert meta["ai_mention"] and response.headers["x-iag-generated"] == "ai"


# -- #17 item 7: the gateway's own notice does not travel back ---------------------------


def test_when_an_assistant_turn_carries_the_gateway_notice_then_it_is_not_sent_again(
    gateway: LiveGateway, make_key: KeyFactory, upstream: Any
) -> None:
    key = make_key("buyer")
    first = post(
        gateway, key, json={"model": "onprem-llm", "messages": [{"role": "user", "content": "Bonjour."}]}
    )
    answer = first.json()["choices"][0]["message"]["content"]
    mention = first.json()["iag"]["ai_mention"]
    assert answer.endswith(mention)
    messages = [
        {"role": "user", "content": "Bonjour."},
        {"role": "assistant", "content": answer},
        {"role": "user", "content": "Et ensuite ?"},
    ]
    assert post(gateway, key, json={"model": "onprem-llm", "messages": messages}).status_code == 200
    sent = upstream.received[-1]["messages"]
    assert sent[1]["content"] == "echo: Bonjour." and mention not in json.dumps(sent, ensure_ascii=False)


# -- item 7: a caller that gives up ------------------------------------------------------


def test_when_the_caller_gives_up_on_a_plain_call_then_cancelled_499_and_nothing_charged(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    from iag_gateway.audit.filters import AuditFilter

    key = make_key("buyer", user="user-gives-up")
    body = {
        "model": "onprem-llm",
        "messages": [{"role": "user", "content": "Réponds quand tu peux [[slow]]"}],
    }
    with pytest.raises(httpx.ReadTimeout):
        httpx.post(
            gateway.base_url + "/v1/chat/completions",
            json=body,
            headers={"Authorization": f"Bearer {key}"},
            timeout=httpx.Timeout(5, read=0.4),
        )
    deadline, done = time.monotonic() + 10, []
    while time.monotonic() < deadline and not done:
        found, _ = gateway.services.audit.query(AuditFilter(user_id="user-gives-up"), limit=10)
        done = [e for e in found if e.outcome != "in_flight"]
        time.sleep(0.05)
    [event] = done
    assert (event.outcome, event.status_code, event.total_tokens) == ("cancelled", 499, 0)


# -- #17 item 1: a provider's client error is the caller's -------------------------------


@pytest.mark.parametrize("streamed", [False, True])
def test_when_the_provider_refuses_with_a_4xx_then_status_message_code_param_pass_through_restored(
    gateway: LiveGateway, make_key: KeyFactory, upstream: Any, streamed: bool
) -> None:
    before = len(upstream.received)
    body = {
        "model": "onprem-llm",
        "stream": streamed,
        "messages": [
            {
                "role": "user",
                "content": f"Résume le courrier adressé à {PERSON} pour le comité. [[badrequest]]",
            }
        ],
    }
    response = post(gateway, make_key("buyer"), json=body)
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["code"] == "context_length_exceeded" and error["param"] == "messages"
    assert "maximum context length" in error["message"] and "<PERSONNE_" not in error["message"]
    assert len(upstream.received) == before + 1  # a client error is not retried
    assert final_record(gateway, response.headers["x-iag-request-id"]).status_code == 400
