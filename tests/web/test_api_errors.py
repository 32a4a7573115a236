"""Bad input gets a precise status and message, is audited, and leaks nothing."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import KeyFactory
from tests.harness import LiveGateway

SECRET_PROMPT = "Texte confidentiel du dossier 4242"


def post(
    gateway: LiveGateway,
    key: str,
    content: bytes | None = None,
    json: object = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    return httpx.post(
        gateway.base_url + "/v1/chat/completions",
        content=content,
        json=json,
        timeout=30,
        headers={"Authorization": f"Bearer {key}", **(headers or {})},
    )


def assert_audited(gateway: LiveGateway, response: httpx.Response, outcome: str) -> None:
    [event] = [
        e
        for e in gateway.services.audit.get(response.headers["x-iag-request-id"])
        if e.outcome != "in_flight"
    ]
    assert event.outcome == outcome
    assert event.status_code == response.status_code


def assert_no_leak(response: httpx.Response) -> None:
    assert "Traceback" not in response.text and SECRET_PROMPT not in response.text


@pytest.mark.parametrize(
    ("body", "status", "param"),
    [
        (b"{not json", 400, None),
        (b"[1, 2]", 400, None),
        (b'{"model": "demo-local"}', 400, "messages"),
        (b'{"model": "demo-local", "messages": []}', 400, "messages"),
        (b'{"model": "demo-local", "messages": "hello"}', 400, "messages"),
        (b'{"model": 3, "messages": [{"role": "user", "content": "x"}]}', 400, "model"),
        (
            b'{"model": "demo-local", "messages": [{"role": "robot", "content": "x"}]}',
            400,
            "messages[0].role",
        ),
        (
            b'{"model": "demo-local", "messages": [{"role": "user", "content": "x"}], "temperature": "hot"}',
            400,
            "temperature",
        ),
        (
            b'{"model": "demo-local", "messages": [{"role": "user", "content": "x"}], "stream": "yes"}',
            400,
            "stream",
        ),
        (
            b'{"model": "demo-local", "messages": [{"role": "user", "content": "x"}], "bogus": 1}',
            400,
            "bogus",
        ),
    ],
)
def test_when_body_is_invalid_then_400_naming_the_field(
    gateway: LiveGateway, make_key: KeyFactory, body: bytes, status: int, param: str | None
) -> None:
    response = post(gateway, make_key("buyer"), content=body, headers={"content-type": "application/json"})
    assert response.status_code == status
    error = response.json()["error"]
    assert error["type"] == "invalid_request_error" and error["message"]
    if param:
        assert error["param"] == param and param.split("[")[0] in error["message"]
    assert_audited(gateway, response, "rejected")
    assert_no_leak(response)


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"messages": [{"role": "user", "content": "x"}]}, "est obligatoire"),
        ({"model": None, "messages": [{"role": "user", "content": "x"}]}, "est obligatoire"),
        ({"model": " ", "messages": [{"role": "user", "content": "x"}]}, "chaîne non vide"),
        ({"model": "demo-local"}, "est obligatoire"),
    ],
)
def test_when_a_required_field_is_missing_then_the_message_says_it_is_required(
    gateway: LiveGateway, make_key: KeyFactory, body: dict[str, object], says: str
) -> None:
    response = post(gateway, make_key("buyer"), json=body)
    assert response.status_code == 400
    assert says in response.json()["error"]["message"]


def test_when_model_unknown_then_404(gateway: LiveGateway, make_key: KeyFactory) -> None:
    response = post(
        gateway, make_key("buyer"), json={"model": "gpt-99", "messages": [{"role": "user", "content": "x"}]}
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "model_not_found"
    assert_audited(gateway, response, "rejected")


def test_when_body_too_large_then_413(gateway: LiveGateway, make_key: KeyFactory) -> None:
    big = "a" * (gateway.settings.max_body_bytes + 10)
    response = post(
        gateway,
        make_key("buyer"),
        json={"model": "demo-local", "messages": [{"role": "user", "content": big}]},
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"
    assert response.json()["error"]["message"] == "Le corps de la requête dépasse la limite de 1 Mio."
    assert_audited(gateway, response, "rejected")


def test_when_max_tokens_exceeds_the_cap_then_the_answer_says_what_was_used(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    cap = gateway.services.policies.current.policy.limits.max_tokens.cap
    messages = [{"role": "user", "content": "Bonjour"}]
    capped = post(
        gateway,
        make_key("buyer"),
        json={"model": "demo-local", "messages": messages, "max_tokens": cap * 100},
    )
    assert capped.status_code == 200
    iag = capped.json()["iag"]
    assert iag["max_tokens"] == cap and iag["decision"] == "transform"
    kept = post(
        gateway, make_key("buyer"), json={"model": "demo-local", "messages": messages, "max_tokens": 7}
    )
    assert kept.json()["iag"]["max_tokens"] == 7


@pytest.mark.parametrize(
    ("word", "status", "code"),
    [
        ("[[slow]]", 504, "upstream_timeout"),
        ("[[fail500]]", 502, "upstream_error"),
        ("[[ratelimit]]", 429, "upstream_rate_limited"),
    ],
)
def test_when_upstream_fails_then_precise_status(
    gateway: LiveGateway, make_key: KeyFactory, word: str, status: int, code: str
) -> None:
    body = {"model": "onprem-llm", "messages": [{"role": "user", "content": f"{SECRET_PROMPT} {word}"}]}
    response = post(gateway, make_key("buyer"), json=body)
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    if status == 429:
        assert response.headers["retry-after"] == "7"
    assert_audited(gateway, response, "failed")
    assert_no_leak(response)


def test_when_n_calls_then_n_audit_records(gateway: LiveGateway, make_key: KeyFactory) -> None:
    from iag_gateway.audit.filters import AuditFilter

    key = make_key("buyer", user="user-audit-count")
    only_mine = AuditFilter(user_id="user-audit-count")
    statuses = []
    for body in (
        {"model": "demo-local", "messages": [{"role": "user", "content": "un"}]},
        {"model": "nope", "messages": [{"role": "user", "content": "deux"}]},
        {"model": "demo-local", "messages": []},
        {"model": "onprem-llm", "messages": [{"role": "user", "content": "[[fail500]]"}]},
    ):
        statuses.append(post(gateway, key, json=body).status_code)
    events, _ = gateway.services.audit.query(only_mine, limit=1000)
    events = [e for e in events if e.outcome != "in_flight"]
    assert statuses == [200, 404, 400, 502]
    assert sorted(e.status_code for e in events) == [200, 400, 404, 502]


def test_when_unknown_route_then_openai_shaped_404(gateway: LiveGateway) -> None:
    response = httpx.get(gateway.base_url + "/v1/nothing-here")
    assert response.status_code == 404
    assert response.json()["error"]["type"] == "invalid_request_error"
