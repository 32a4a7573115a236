"""Every refusal of every ``/v1`` endpoint speaks French to people, in the OpenAI shape (#10 item 12).

A table of bad requests over chat, template runs, reviews, feedback, the audit events,
models and templates: each answer must be ``{"error": {"message", "type", "code"[, "param"]}}``
with a stable English ``code`` and a message with no English sentence around its « quoted »
names. Then every pydantic error type a query parameter can raise, each with its own
French sentence (never pydantic's English ``msg``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from iag_gateway.web.validation_messages import MESSAGES
from tests.conftest import KeyFactory
from tests.french import english_words
from tests.harness import LiveGateway

USER = {"role": "user", "content": "Bonjour"}


@dataclass(frozen=True)
class Bad:
    """One bad request: what is sent, by whom, and the status and ``code`` expected."""

    path: str
    status: int
    code: str
    body: Any = None
    raw: bytes | None = None
    method: str = "POST"
    role: str | None = "buyer"  # None: no Authorization header at all
    params: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)


def chat(body: Any = None, *, status: int = 400, code: str = "invalid_field", **kwargs: Any) -> Bad:
    return Bad("/v1/chat/completions", status, code, body=body, **kwargs)


def msgs(*messages: Any, **extra: Any) -> dict[str, Any]:
    return {"model": "demo-local", "messages": list(messages), **extra}


DEEP = b'{"model": "demo-local", "messages": ' + b"[" * 200 + b"]" * 200 + b"}"
CCTP = "/v1/templates/achats-cctp/run"
EVENTS = "/v1/audit/events"

CASES: dict[str, Bad] = {
    # -- chat: authentication, body, every level of a message ---------------------------------
    "chat-no-key": chat(msgs(USER), status=401, code="invalid_api_key", role=None),
    "chat-bad-key": chat(msgs(USER), status=401, code="invalid_api_key", role="sk-wrong"),
    "chat-not-json": chat(raw=b"{oops", code="malformed_json"),
    "chat-not-object": chat(raw=b"[1, 2]", code="malformed_json"),
    "chat-too-deep": chat(raw=DEEP, code="malformed_json"),
    "chat-surrogate": chat(
        raw=b'{"model": "demo-local", "messages": [{"role": "user", "content": "\\ud800"}]}'
    ),
    "chat-no-model": chat({"messages": [USER]}),
    "chat-unknown-model": chat(msgs(USER, model="gpt-99"), status=404, code="model_not_found"),
    "chat-no-messages": chat({"model": "demo-local"}),
    "chat-empty-messages": chat(msgs()),
    "chat-messages-string": chat({"model": "demo-local", "messages": "bonjour"}),
    "chat-too-many-messages": chat(msgs(*([USER] * 300))),
    "chat-message-not-object": chat(msgs(1)),
    "chat-message-unknown-key": chat(msgs({**USER, "audio": {}})),
    "chat-bad-role": chat(msgs({"role": "robot", "content": "x"})),
    "chat-no-content": chat(msgs({"role": "user"})),
    "chat-name-not-string": chat(msgs({**USER, "name": 3})),
    "chat-content-number": chat(msgs({"role": "user", "content": 5})),
    "chat-image-part": chat(msgs({"role": "user", "content": [{"type": "image_url", "image_url": {}}]})),
    "chat-too-many-parts": chat(msgs({"role": "user", "content": [{"type": "text", "text": "x"}] * 70})),
    "chat-tool-calls-string": chat(msgs({"role": "assistant", "content": None, "tool_calls": "x"})),
    "chat-tool-call-not-object": chat(msgs({"role": "assistant", "content": None, "tool_calls": [1]})),
    "chat-tool-call-id-number": chat(
        msgs({"role": "assistant", "content": None, "tool_calls": [{"id": 1, "function": {"name": "f"}}]})
    ),
    "chat-function-not-object": chat(
        msgs({"role": "assistant", "content": None, "tool_calls": [{"id": "c", "function": 1}]})
    ),
    "chat-function-bad-name": chat(
        msgs({"role": "assistant", "content": None, "tool_calls": [{"id": "c", "function": {"name": "a b"}}]})
    ),
    "chat-function-arguments-number": chat(
        msgs(
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [{"id": "c", "function": {"name": "f", "arguments": 3}}],
            }
        )
    ),
    "chat-too-many-tool-calls": chat(
        msgs(
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [{"id": "c", "function": {"name": "f"}}] * 70,
            }
        )
    ),
    "chat-text-too-long": chat(
        msgs({"role": "user", "content": "a" * 70_000}), status=413, code="payload_too_large"
    ),
    "chat-body-too-large": chat(
        msgs({"role": "user", "content": "a" * 1_100_000}), status=413, code="payload_too_large"
    ),
    # -- chat: the top-level parameters --------------------------------------------------------
    "chat-unknown-field": chat(msgs(USER, bogus=1)),
    "chat-temperature": chat(msgs(USER, temperature="chaude")),
    "chat-stream": chat(msgs(USER, stream="oui")),
    "chat-n": chat(msgs(USER, n=2)),
    "chat-stop": chat(msgs(USER, stop=[1, 2])),
    "chat-response-format": chat(msgs(USER, response_format="json")),
    "chat-max-tokens": chat(msgs(USER, max_tokens=0)),
    "chat-stream-options": chat(msgs(USER, stream_options={"bogus": True})),
    "chat-metadata": chat(msgs(USER, metadata=[1])),
    "chat-tools": chat(msgs(USER, tools=[{"type": "retrieval"}])),
    "chat-tool-choice": chat(msgs(USER, tool_choice="toujours")),
    "chat-data-class": chat(msgs(USER), headers={"X-IAG-Data-Class": "ultra-secret"}),
    # -- chat: the charter's refusals -------------------------------------------------------
    "chat-auditor": chat(msgs(USER), status=403, code="policy_denied", role="auditor"),
    "chat-staff": chat(msgs(USER), status=403, code="policy_denied", role="staff"),
    "chat-untrained": chat(msgs(USER), status=403, code="training_required", role="untrained"),
    # -- chat: the provider's refusals and failures ---------------------------------------------
    "chat-upstream-rejected": chat(
        msgs({"role": "user", "content": "Résume. [[badrequest]]"}, model="onprem-llm"),
        code="context_length_exceeded",
    ),
    "chat-upstream-fails": chat(
        msgs({"role": "user", "content": "[[fail500]]"}, model="onprem-llm"),
        status=502,
        code="upstream_error",
    ),
    "chat-upstream-rate-limited": chat(
        msgs({"role": "user", "content": "[[ratelimit]]"}, model="onprem-llm"),
        status=429,
        code="upstream_rate_limited",
    ),
    "chat-wrong-method": Bad("/v1/chat/completions", 405, "invalid_request", method="GET"),
    # -- template runs ---------------------------------------------------------------------
    "template-unknown": Bad("/v1/templates/nulle-part/run", 404, "template_not_found", body={"inputs": {}}),
    "template-not-open": Bad(CCTP, 403, "policy_denied", body={"inputs": {}}, role="finance"),
    "template-unknown-field": Bad(CCTP, 400, "invalid_field", body={"inputs": {}, "model": "x"}),
    "template-inputs-list": Bad(CCTP, 400, "invalid_field", body={"inputs": []}),
    "template-inputs-invalid": Bad(CCTP, 422, "invalid_inputs", body={"inputs": {"inconnu": "x"}}),
    "template-stream": Bad(CCTP, 400, "invalid_field", body={"inputs": {}, "stream": "oui"}),
    "template-not-json": Bad(CCTP, 400, "malformed_json", raw=b"{oops"),
    # -- reviews ---------------------------------------------------------------------------
    "review-no-id": Bad("/v1/reviews", 400, "invalid_field", body={}),
    "review-not-an-id": Bad("/v1/reviews", 400, "invalid_field", body={"request_id": 42}),
    "review-unknown-id": Bad("/v1/reviews", 400, "invalid_field", body={"request_id": "req_inconnu"}),
    "review-not-json": Bad("/v1/reviews", 400, "malformed_json", raw=b"{oops"),
    "review-no-key": Bad("/v1/reviews", 401, "invalid_api_key", body={}, role=None),
    # -- feedback --------------------------------------------------------------------------
    "feedback-no-id": Bad("/v1/feedback", 400, "invalid_field", body={"useful": True}),
    "feedback-useful": Bad(
        "/v1/feedback", 400, "invalid_field", body={"request_id": "{answered}", "useful": "oui"}
    ),
    "feedback-comment-type": Bad(
        "/v1/feedback", 400, "invalid_field", body={"request_id": "{answered}", "useful": True, "comment": 3}
    ),
    "feedback-comment-long": Bad(
        "/v1/feedback",
        400,
        "invalid_field",
        body={"request_id": "{answered}", "useful": True, "comment": "x" * 2001},
    ),
    "feedback-minutes": Bad(
        "/v1/feedback",
        400,
        "invalid_field",
        body={"request_id": "{answered}", "useful": True, "minutes_saved": 999},
    ),
    "feedback-unknown-id": Bad(
        "/v1/feedback", 400, "invalid_field", body={"request_id": "req_inconnu", "useful": True}
    ),
    "feedback-already-given": Bad(
        "/v1/feedback", 400, "invalid_field", body={"request_id": "{reviewed}", "useful": True}
    ),
    # -- audit events (query parameters: pydantic validates them) ------------------------------
    "events-buyer": Bad(EVENTS, 403, "policy_denied", method="GET"),
    "events-since-word": Bad(
        EVENTS, 400, "invalid_request", method="GET", role="auditor", params={"since": "hier"}
    ),
    "events-limit-zero": Bad(
        EVENTS, 400, "invalid_request", method="GET", role="auditor", params={"limit": "0"}
    ),
    "events-cursor-word": Bad(
        EVENTS, 400, "invalid_request", method="GET", role="auditor", params={"cursor": "x"}
    ),
    # -- models and templates ----------------------------------------------------------------
    "models-no-key": Bad("/v1/models", 401, "invalid_api_key", method="GET", role=None),
    "model-unknown": Bad("/v1/models/gpt-99", 404, "model_not_found", method="GET"),
    "templates-unknown": Bad("/v1/templates/nulle-part", 404, "template_not_found", method="GET"),
    "api-unknown-route": Bad("/v1/nulle-part", 404, "not_found", method="GET", role=None),
}


@pytest.fixture(scope="module")
def callers(gateway: LiveGateway, make_key: KeyFactory) -> dict[str, str]:
    """One key per role used by the table, and two answered calls (one already given feedback)."""
    keys = {role: make_key(role) for role in ("buyer", "finance", "staff", "auditor")}
    keys["untrained"] = make_key("buyer", trained=False)
    headers = {"Authorization": f"Bearer {keys['buyer']}"}
    calls = []
    for _ in range(2):
        answer = httpx.post(
            gateway.base_url + "/v1/chat/completions", json=msgs(USER), headers=headers, timeout=30
        )
        assert answer.status_code == 200, answer.text
        calls.append(answer.headers["x-iag-request-id"])
    keys["{answered}"], keys["{reviewed}"] = calls
    given = httpx.post(
        gateway.base_url + "/v1/feedback",
        json={"request_id": calls[1], "useful": True},
        headers=headers,
        timeout=30,
    )
    assert given.status_code == 200, given.text
    return keys


def send(gateway: LiveGateway, callers: dict[str, str], bad: Bad) -> httpx.Response:
    headers = dict(bad.headers)
    if bad.role is not None:
        headers["Authorization"] = f"Bearer {callers.get(bad.role, bad.role)}"
    content = bad.raw
    if bad.body is not None:
        text = json.dumps(bad.body)
        for placeholder in ("{answered}", "{reviewed}"):
            text = text.replace(placeholder, callers[placeholder])
        content = text.encode()
        headers["Content-Type"] = "application/json"
    return httpx.request(
        bad.method,
        gateway.base_url + bad.path,
        content=content,
        params=bad.params,
        headers=headers,
        timeout=60,
    )


def assert_french_openai_error(response: httpx.Response) -> dict[str, Any]:
    """The OpenAI error shape, and a French message (every per-field message too)."""
    body = response.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert {"message", "type", "code"} <= set(error) <= {"message", "type", "code", "param", "fields"}, error
    assert all(isinstance(error[k], str) and error[k] for k in ("message", "type", "code")), error
    assert not english_words(error["message"]), error["message"]
    for item in error.get("fields", []):
        assert not english_words(item["message"]), item
    return dict(error)


@pytest.mark.parametrize("case", sorted(CASES))
def test_when_a_v1_request_is_refused_then_the_message_is_french_and_the_code_stable(
    gateway: LiveGateway, callers: dict[str, str], case: str
) -> None:
    bad = CASES[case]
    response = send(gateway, callers, bad)
    assert response.status_code == bad.status, response.text
    error = assert_french_openai_error(response)
    assert error["code"] == bad.code, error


#: Every pydantic error type a ``/v1`` query parameter can raise, and a query that raises it.
PYDANTIC_TYPES: dict[str, dict[str, str]] = {
    "datetime_from_date_parsing": {"since": "hier"},
    "datetime_parsing": {"until": "2026-01-31T25:99"},
    "int_parsing": {"limit": "cent"},
    "greater_than_equal": {"cursor": "-1"},
    "less_than_equal": {"limit": "5000"},
}


@pytest.mark.parametrize("error_type", sorted(PYDANTIC_TYPES))
def test_when_a_query_parameter_fails_validation_then_its_type_has_its_own_french_sentence(
    gateway: LiveGateway, callers: dict[str, str], error_type: str
) -> None:
    query = PYDANTIC_TYPES[error_type]
    response = send(
        gateway, callers, Bad(EVENTS, 400, "invalid_request", method="GET", role="auditor", params=query)
    )
    assert response.status_code == 400, response.text
    error = assert_french_openai_error(response)
    [name] = query
    expected = MESSAGES[error_type].split(" {", 1)[0]
    assert error["param"] == name and error["message"].startswith(
        f"Paramètre « {name} » invalide : {expected}"
    )


def test_when_any_known_validation_sentence_is_read_then_it_is_french() -> None:
    english = {kind: english_words(text) for kind, text in MESSAGES.items() if english_words(text)}
    assert not english
