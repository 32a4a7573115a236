"""One span per stage, GenAI attributes, and never prompt text or personal data."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from datetime import date

import pytest
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from iag_gateway.app import build_services
from iag_gateway.exchange import Exchange
from iag_gateway.pipeline import Pipeline
from iag_gateway.services import Services
from iag_gateway.telemetry import Telemetry, set_attributes
from tests.conftest import gateway_settings
from tests.fakes.upstream import FakeUpstream

SECRET_NAME = "Mme Perrine Lagadec-Morvan"


@pytest.fixture(scope="module")
def traced(
    tmp_path_factory: pytest.TempPathFactory, upstream: FakeUpstream
) -> Iterator[tuple[Services, InMemorySpanExporter]]:
    services = build_services(gateway_settings(tmp_path_factory.mktemp("otel"), upstream))
    exporter = InMemorySpanExporter()
    services.telemetry = Telemetry("none", extra=exporter)
    yield services, exporter
    services.pii.close()


def run(services: Services, content: str, stream: bool = False) -> Exchange:
    _, key = services.keys.create(user_id="otel-user", department="pole-achats", roles=["buyer"])
    services.keys.record_training("otel-user", "formation", date.today())
    body = json.dumps(
        {"model": "onprem-llm", "stream": stream, "messages": [{"role": "user", "content": content}]}
    )
    ex = Exchange(route="chat", token=key, body=body.encode())

    async def go() -> None:
        relay = await Pipeline(services).handle(ex)
        if relay is not None:
            async for _ in relay:
                pass

    asyncio.new_event_loop().run_until_complete(go())
    return ex


def test_when_call_runs_then_one_span_per_stage_with_genai_usage(
    traced: tuple[Services, InMemorySpanExporter],
) -> None:
    services, exporter = traced
    exporter.clear()
    run(services, f"Merci de rappeler {SECRET_NAME} demain.")
    names = [span.name for span in exporter.get_finished_spans()]
    for stage in (
        "authenticate",
        "receive",
        "redact",
        "authorize",
        "render",
        "scan",
        "restore",
        "record",
    ):
        assert f"iag.{stage}" in names
    # The provider call follows the GenAI semantic conventions: "{operation} {model}", CLIENT.
    invoke = next(s for s in exporter.get_finished_spans() if s.name == "chat onprem-llm")
    assert invoke.kind.name == "CLIENT"
    assert invoke.attributes["gen_ai.operation.name"] == "chat"
    assert invoke.attributes["gen_ai.provider.name"] == "openai"
    assert invoke.attributes["gen_ai.request.model"] == "onprem-llm"
    assert invoke.attributes["gen_ai.usage.input_tokens"] > 0
    assert invoke.attributes["gen_ai.usage.output_tokens"] > 0


@pytest.mark.parametrize("stream", [False, True])
def test_when_prompt_has_personal_data_then_no_span_carries_text(
    traced: tuple[Services, InMemorySpanExporter], stream: bool
) -> None:
    services, exporter = traced
    exporter.clear()
    run(services, f"Contact : {SECRET_NAME}, 06 48 27 19 55.", stream=stream)
    dumped = json.dumps([span.to_json() for span in exporter.get_finished_spans()], ensure_ascii=False)
    assert "Lagadec" not in dumped and "06 48 27 19 55" not in dumped and "Contact" not in dumped


def test_when_an_unlisted_attribute_is_set_then_it_is_refused() -> None:
    telemetry = Telemetry("none", extra=InMemorySpanExporter())
    with telemetry.span("redact") as span, pytest.raises(ValueError, match="not allowed"):
        set_attributes(span, prompt_text="secret")


@pytest.mark.parametrize("stream", [False, True])
def test_when_a_call_is_traced_then_every_stage_span_carries_its_request_id(
    traced: tuple[Services, InMemorySpanExporter], stream: bool
) -> None:
    services, exporter = traced
    exporter.clear()
    ex = run(services, "Rédige une phrase.", stream=stream)
    spans = exporter.get_finished_spans()
    assert spans and {s.attributes.get("iag.request_id") for s in spans} == {ex.request_id}
