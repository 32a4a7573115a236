"""The OpenAI-compatible API through the real openai client against a live server."""

from __future__ import annotations

import httpx
import openai
import pytest

from tests.conftest import KeyFactory
from tests.harness import LiveGateway


def client(gateway: LiveGateway, key: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=gateway.base_url + "/v1", api_key=key, max_retries=0, timeout=20)


def events_of(gateway: LiveGateway, request_id: str) -> list:  # type: ignore[type-arg]
    return [e for e in gateway.services.audit.get(request_id) if e.outcome != "in_flight"]


def test_when_plain_completion_then_answer_usage_and_labels(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    raw = client(gateway, make_key("buyer")).chat.completions.with_raw_response.create(
        model="onprem-llm", messages=[{"role": "user", "content": "Rédige l'objet du marché de gants."}]
    )
    completion = raw.parse()
    assert completion.choices[0].message.content.startswith("echo: Rédige l'objet du marché de gants.")
    assert completion.usage is not None and completion.usage.total_tokens > 0
    assert raw.headers["x-iag-generated"] == "ai"
    assert raw.headers["x-iag-policy-version"]
    meta = completion.model_extra["iag"]  # type: ignore[index]
    assert meta["generated_by_ai"] is True and meta["request_id"] == raw.headers["x-iag-request-id"]
    [event] = events_of(gateway, meta["request_id"])
    assert event.outcome == "ok" and event.total_tokens == completion.usage.total_tokens


def test_when_streamed_completion_then_chunks_join_to_answer_with_usage(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    stream = client(gateway, make_key("buyer")).chat.completions.create(
        model="onprem-llm",
        messages=[{"role": "user", "content": "Liste trois critères."}],
        stream=True,
        stream_options={"include_usage": True},
    )
    text, usage, request_id = "", None, None
    for chunk in stream:
        request_id = request_id or (chunk.model_extra or {}).get("iag", {}).get("request_id")
        if chunk.choices and chunk.choices[0].delta.content:
            text += chunk.choices[0].delta.content
        usage = chunk.usage or usage
    assert text.startswith("echo: Liste trois critères.")
    assert usage is not None and usage.total_tokens > 0
    [event] = events_of(gateway, request_id)
    assert event.streamed and event.outcome == "ok" and event.total_tokens == usage.total_tokens


@pytest.mark.parametrize("stream", [False, True])
def test_when_demo_model_then_answer_says_it_is_not_a_language_model(
    gateway: LiveGateway, make_key: KeyFactory, stream: bool
) -> None:
    api = client(gateway, make_key("buyer"))
    messages = [{"role": "user", "content": "Bonjour, que sais-tu faire ?"}]
    if stream:
        text = "".join(
            c.choices[0].delta.content or ""
            for c in api.chat.completions.create(model="demo-local", messages=messages, stream=True)
            if c.choices
        )
    else:
        text = (
            api.chat.completions.create(model="demo-local", messages=messages).choices[0].message.content
            or ""
        )
    assert "modèle de démonstration" in text and "pas un modèle" in text
    assert "Bonjour, que sais-tu faire ?" in text


def test_when_models_listed_then_only_allowed_ones_with_demo_label(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    models = client(gateway, make_key("buyer")).models.list().data
    ids = {m.id for m in models}
    assert "demo-local" in ids
    demo = next(m for m in models if m.id == "demo-local")
    assert "démonstration" in demo.model_extra["iag"]["label"]  # type: ignore[index]


def test_when_no_key_or_bad_key_then_401_and_audited(gateway: LiveGateway, make_key: KeyFactory) -> None:
    body = {"model": "demo-local", "messages": [{"role": "user", "content": "x"}]}
    for headers in ({}, {"Authorization": "Bearer iag_nope_nope"}, {"Authorization": "Basic abc"}):
        response = httpx.post(gateway.base_url + "/v1/chat/completions", json=body, headers=headers)
        assert response.status_code == 401
        assert response.json()["error"]["type"] == "authentication_error"
        [event] = events_of(gateway, response.headers["x-iag-request-id"])
        assert event.outcome == "unauthenticated"


def test_when_key_revoked_then_401(gateway: LiveGateway, make_key: KeyFactory) -> None:
    key = make_key("buyer")
    api = client(gateway, key)
    api.models.list()
    key_id = key.split("_")[1]
    assert gateway.services.keys.revoke(key_id)
    with pytest.raises(openai.AuthenticationError):
        api.models.list()


def test_when_auditor_reads_audit_then_allowed_and_others_403(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    buyer = make_key("buyer")
    response = httpx.get(gateway.base_url + "/v1/audit/events", headers={"Authorization": f"Bearer {buyer}"})
    assert response.status_code == 403
    assert response.json()["error"]["type"] == "permission_error"
    auditor = make_key("auditor", department="direction-data-ia")
    response = httpx.get(
        gateway.base_url + "/v1/audit/events",
        params={"outcome": "denied", "limit": 5},
        headers={"Authorization": f"Bearer {auditor}"},
    )
    assert response.status_code == 200
    data = response.json()["data"]
    assert data and all(e["outcome"] == "denied" for e in data)


def test_when_a_read_call_fails_then_its_one_record_has_the_real_outcome(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    headers = {"Authorization": f"Bearer {make_key('buyer')}"}
    missing = httpx.get(gateway.base_url + "/v1/templates/no-such-template", headers=headers)
    assert missing.status_code == 404
    [event] = events_of(gateway, missing.headers["x-iag-request-id"])
    assert event.outcome == "rejected" and event.status_code == 404 and event.route == "templates.get"
    refused = httpx.get(gateway.base_url + "/v1/audit/events", headers=headers)
    assert refused.status_code == 403 and "8.3" in refused.json()["error"]["message"]
    [event] = events_of(gateway, refused.headers["x-iag-request-id"])
    assert event.outcome == "denied" and event.articles == ["art-8.3"]
