"""A real ``iag-gateway serve`` process on PostgreSQL, driven by the ``openai`` client.

Three calls (a plain answer, a streamed answer, a charter denial) must each leave
exactly one audit record with its outcome, and ``iag-gateway audit verify`` must
find the chain intact.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import openai
import pytest

from iag_gateway.storage.testing import postgres_available, scratch_postgres
from tests.e2e.processes import GatewayProcess, cli, create_key, export_jsonl, gateway_env, running
from tests.fakes.upstream import FakeUpstream
from tests.harness import provider_config

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

MESSAGES: Any = [{"role": "user", "content": "Propose un plan pour le rapport annuel des achats."}]


@dataclass
class PostgresGateway:
    env: dict[str, str]
    process: GatewayProcess
    buyer_key: str
    staff_key: str

    def client(self, key: str) -> openai.OpenAI:
        return openai.OpenAI(base_url=self.process.base_url + "/v1", api_key=key, max_retries=0, timeout=60)


@pytest.fixture(scope="module")
def gateway(tmp_path_factory: pytest.TempPathFactory, upstream: FakeUpstream) -> Iterator[PostgresGateway]:
    if not postgres_available():
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    tmp = tmp_path_factory.mktemp("postgres-gateway")
    config = provider_config(tmp / "providers.yaml", upstream.base_url, timeout_s=10)
    with scratch_postgres() as url:
        env = gateway_env(url, config)
        buyer_key = create_key(env, "acheteur-pg", "buyer")  # also migrates the schema
        with ThreadPoolExecutor(max_workers=1) as side:
            staff_key = side.submit(create_key, env, "agent-pg", "staff", department="pole-logistique")
            with running([(env, tmp / "gateway.log")]) as (process,):
                yield PostgresGateway(env, process, buyer_key, staff_key.result())


@dataclass
class Calls:
    """The request id and observed result of each call, in order."""

    plain: tuple[str, str]
    streamed: tuple[str, str, int | None]
    denied: tuple[str, int, str]


@pytest.fixture(scope="module")
def calls(gateway: PostgresGateway) -> Calls:
    buyer = gateway.client(gateway.buyer_key)
    raw = buyer.chat.completions.with_raw_response.create(model="onprem-llm", messages=MESSAGES)
    completion = raw.parse()
    plain = (raw.headers["X-IAG-Request-Id"], completion.choices[0].message.content or "")

    raw_stream = buyer.chat.completions.with_raw_response.create(
        model="onprem-llm", messages=MESSAGES, stream=True, stream_options={"include_usage": True}
    )
    text, total_tokens = "", None
    with raw_stream.parse() as stream:
        for chunk in stream:
            if chunk.choices and chunk.choices[0].delta.content:
                text += chunk.choices[0].delta.content
            if chunk.usage is not None:
                total_tokens = chunk.usage.total_tokens
    streamed = (raw_stream.headers["X-IAG-Request-Id"], text, total_tokens)

    with pytest.raises(openai.PermissionDeniedError) as refused:
        gateway.client(gateway.staff_key).chat.completions.create(model="onprem-llm", messages=MESSAGES)
    response = refused.value.response
    denied = (response.headers["X-IAG-Request-Id"], response.status_code, response.json()["error"]["message"])
    return Calls(plain=plain, streamed=streamed, denied=denied)


def test_when_a_buyer_chats_through_postgres_then_the_plain_answer_comes_back(calls: Calls) -> None:
    _, content = calls.plain
    assert content.startswith("echo: Propose un plan pour le rapport annuel des achats.")


def test_when_a_buyer_streams_through_postgres_then_the_text_and_usage_arrive(calls: Calls) -> None:
    _, text, total_tokens = calls.streamed
    assert text.startswith("echo: Propose un plan pour le rapport annuel des achats.")
    assert total_tokens is not None and total_tokens > 0


def test_when_staff_chat_freely_then_the_call_is_refused_citing_article_5_1(calls: Calls) -> None:
    _, status, message = calls.denied
    assert status == 403
    assert message.startswith("Refusé : article 5.1 de la charte")


def test_when_the_calls_are_done_then_the_export_holds_exactly_them_with_their_outcomes(
    calls: Calls, gateway: PostgresGateway
) -> None:
    everything = export_jsonl(gateway.env)
    assert [r["seq"] for r in everything] == list(range(1, len(everything) + 1))
    # The two keys were given from the shell (each with its training), concurrently.
    given = sorted(
        (r["route"], r["extra"]["target_user"]) for r in everything if r["route"].startswith("admin.")
    )
    assert given == [
        ("admin.key.create", "acheteur-pg"),
        ("admin.key.create", "agent-pg"),
        ("admin.training.record", "acheteur-pg"),
        ("admin.training.record", "agent-pg"),
    ]
    exported = [r for r in everything if not r["route"].startswith("admin.")]
    started = [r for r in exported if r["outcome"] == "in_flight"]
    assert [r["request_id"] for r in started] == [calls.plain[0], calls.streamed[0]]  # each before its call
    records = [r for r in exported if r["outcome"] != "in_flight"]
    observed = [
        (r["request_id"], r["route"], r["user_id"], r["outcome"], r["status_code"], r["streamed"])
        for r in records
    ]
    assert observed == [
        (calls.plain[0], "chat", "acheteur-pg", "ok", 200, False),
        (calls.streamed[0], "chat", "acheteur-pg", "ok", 200, True),
        (calls.denied[0], "chat", "agent-pg", "denied", 403, False),
    ]
    assert [r["seq"] for r in exported] == sorted(r["seq"] for r in exported)
    denial = records[2]
    assert denial["error_type"] == "PolicyDenied" and "art-5.1" in denial["articles"]
    assert "access-chat" in [rule["rule_id"] for rule in denial["rules"]]
    assert all(r["model_alias"] == "onprem-llm" for r in records)
    assert records[0]["total_tokens"] and records[1]["total_tokens"]


def test_when_the_calls_are_done_then_audit_verify_exits_0(calls: Calls, gateway: PostgresGateway) -> None:
    result = cli(gateway.env, "audit", "verify")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "audit chain intact (9 records)" in result.stdout  # 5 for the calls, 4 for the keys given
