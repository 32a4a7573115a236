"""Top-level request fields: nulls are absent, wrong types are 400s naming the field,
current OpenAI fields are accepted the charter's way."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tests.conftest import KeyFactory
from tests.harness import LiveGateway
from tests.web.test_api_errors import assert_audited, post

MESSAGES = [{"role": "user", "content": "Rédige une phrase sur les gants nitrile."}]


def chat(gateway: LiveGateway, key: str, **fields: Any) -> httpx.Response:
    return post(gateway, key, json={"model": "onprem-llm", "messages": MESSAGES, **fields})


@pytest.mark.parametrize(
    "field",
    [
        "temperature",
        "top_p",
        "stop",
        "max_tokens",
        "max_completion_tokens",
        "seed",
        "n",
        "user",
        "tools",
        "tool_choice",
        "response_format",
        "stream_options",
        "presence_penalty",
        "logit_bias",
    ],
)
def test_when_an_optional_field_is_null_then_it_counts_as_absent(
    gateway: LiveGateway, make_key: KeyFactory, upstream: Any, field: str
) -> None:
    response = chat(gateway, make_key("buyer"), **{field: None})
    assert response.status_code == 200, response.text
    sent = upstream.received[-1]
    if field not in ("max_tokens", "max_completion_tokens"):  # the policy always sets a cap
        assert sent.get(field) is None


@pytest.mark.parametrize(
    ("fields", "param"),
    [
        ({"stop": [1, 2]}, "stop"),
        ({"stop": ["a", "b", "c", "d", "e"]}, "stop"),
        ({"n": True}, "n"),
        ({"n": 0}, "n"),
        ({"response_format": "json"}, "response_format"),
        ({"response_format": {"type": "yaml"}}, "response_format"),
        ({"response_format": {"type": "json_schema"}}, "response_format.json_schema"),
        ({"tools": "appeler"}, "tools"),
        ({"tools": [{"type": "function"}]}, "tools[0].function"),
        ({"tool_choice": 3}, "tool_choice"),
        ({"logprobs": "yes"}, "logprobs"),
        ({"logit_bias": {"50256": "high"}}, "logit_bias"),
        ({"stream_options": {"include_usage": "yes"}}, "stream_options.include_usage"),
        ({"stream_options": []}, "stream_options"),
        ({"user": 42}, "user"),
        ({"metadata": {"k": 3}}, "metadata"),
        ({"reasoning_effort": "maximal"}, "reasoning_effort"),
        ({"service_tier": 1}, "service_tier"),
        ({"verbosity": "loud"}, "verbosity"),
        ({"modalities": ["text", "audio"]}, "modalities"),
        ({"store": "no"}, "store"),
        ({"prompt_cache_key": 12}, "prompt_cache_key"),
        # a tool's answer must say which call it answers (found by a fresh user: accepted without)
        ({"messages": [*MESSAGES, {"role": "tool", "content": "ok"}]}, "messages[1].tool_call_id"),
        (
            {"messages": [*MESSAGES, {"role": "tool", "tool_call_id": "", "content": "ok"}]},
            "messages[1].tool_call_id",
        ),
    ],
)
def test_when_a_field_has_the_wrong_type_then_400_naming_it(
    gateway: LiveGateway, make_key: KeyFactory, fields: dict[str, Any], param: str
) -> None:
    response = chat(gateway, make_key("buyer"), **fields)
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["param"] == param and error["type"] == "invalid_request_error"
    assert_audited(gateway, response, "rejected")


@pytest.mark.parametrize("depth", [5_000, 200])
def test_when_json_is_nested_too_deep_then_400_not_500(
    gateway: LiveGateway, make_key: KeyFactory, depth: int
) -> None:
    nested = "[" * depth + "]" * depth
    body = '{"model": "onprem-llm", "messages": [{"role": "user", "content": "x"}], "metadata": '
    response = post(
        gateway,
        make_key("buyer"),
        content=(body + nested + "}").encode(),
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 400, response.text
    assert response.json()["error"]["code"] == "malformed_json"
    assert_audited(gateway, response, "rejected")


def test_when_n_is_above_one_then_the_refusal_states_the_documented_limit(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    response = chat(gateway, make_key("buyer"), n=2)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["param"] == "n" and "n = 1" in error["message"]


def test_when_current_openai_fields_are_sent_then_accepted_store_forced_false_and_drops_listed(
    gateway: LiveGateway, make_key: KeyFactory, upstream: Any
) -> None:
    response = chat(
        gateway,
        make_key("buyer"),
        store=True,
        reasoning_effort="low",
        service_tier="auto",
        prompt_cache_key="marches-2026",
        safety_identifier="agent-4711",
        verbosity="low",
        modalities=["text"],
    )
    assert response.status_code == 200, response.text
    sent = upstream.received[-1]
    assert sent.get("store") in (False, None)
    assert "safety_identifier" not in json.dumps(sent)  # an identifier of a person never leaves
    dropped = response.json()["iag"]["dropped_params"]
    assert "safety_identifier" in dropped
    for name in ("reasoning_effort", "service_tier", "prompt_cache_key", "verbosity", "modalities"):
        assert (name in sent) != (name in dropped), name  # forwarded or said to be dropped


def test_when_tool_choice_is_none_without_tools_then_it_is_no_tool_call(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    response = chat(gateway, make_key("buyer"), tool_choice="none")
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    ("body", "param"),
    [
        (b'{"model": "onprem-llm\\ud800", "messages": [{"role": "user", "content": "x"}]}', "model"),
        (
            b'{"model": "onprem-llm", "messages": [{"role": "user", "content": "a\\udfff b"}]}',
            "messages[0].content",
        ),
        (
            b'{"model": "onprem-llm", "messages": [{"role": "user", "content": "x"}], "user": "\\ud83d"}',
            "user",
        ),
    ],
)
def test_when_the_request_holds_a_lone_surrogate_then_400_and_audited(
    gateway: LiveGateway, make_key: KeyFactory, body: bytes, param: str
) -> None:
    response = post(gateway, make_key("buyer"), content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400, response.text
    assert response.json()["error"]["param"] == param
    assert_audited(gateway, response, "rejected")


def test_when_introspection_fields_are_sent_then_none_leaves_and_the_answer_names_them(
    gateway: LiveGateway, make_key: KeyFactory, upstream: Any
) -> None:
    """Art. 7.3: token probabilities and generation biases are neither sent nor returned;
    the caller learns it from ``iag.dropped_params`` instead of getting an answer without them."""
    response = chat(gateway, make_key("buyer"), logprobs=True, top_logprobs=3, logit_bias={"1234": -100})
    assert response.status_code == 200, response.text
    sent = upstream.received[-1]
    assert not {"logprobs", "top_logprobs", "logit_bias"} & sent.keys()
    assert "logprobs" not in response.json()["choices"][0]
    dropped = response.json()["iag"]["dropped_params"]
    assert {"logprobs", "top_logprobs", "logit_bias"} <= set(dropped)
