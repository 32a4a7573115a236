"""OpenTelemetry spans, one per pipeline stage; never prompt text or personal data.

The exporter is chosen by configuration: none (default), console, or OTLP/HTTP.
Each HTTP request is one trace: a SERVER span ``POST /v1/chat/completions`` (opened by
``web/observe.py``) holding one span per stage. The provider call follows the GenAI
semantic conventions: a CLIENT span named ``chat {gen_ai.request.model}`` with
``gen_ai.operation.name``, ``gen_ai.provider.name``, the request and response models
and token usage. Stage durations also feed the ``iag_stage_seconds`` histogram.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    ConsoleSpanExporter,
    SimpleSpanProcessor,
    SpanExporter,
)
from opentelemetry.trace import Span, SpanKind, Status, StatusCode, Tracer

if TYPE_CHECKING:
    from iag_gateway.metrics import Metrics

# Only these attribute keys may be set on a span: ids, counts, names, never text.
ALLOWED_ATTRIBUTES = frozenset(
    {
        "iag.request_id",
        "iag.route",
        "iag.stage",
        "iag.outcome",
        "iag.template_id",
        "iag.decision",
        "iag.pii_entities",
        "iag.user_department",
        "gen_ai.operation.name",
        "gen_ai.system",
        "gen_ai.provider.name",
        "gen_ai.request.temperature",
        "gen_ai.response.finish_reasons",
        "gen_ai.request.model",
        "gen_ai.response.model",
        "gen_ai.request.max_tokens",
        "gen_ai.usage.input_tokens",
        "gen_ai.usage.output_tokens",
        "error.type",
    }
)


class Telemetry:
    """Owns the tracer provider for one gateway instance."""

    def __init__(
        self,
        exporter: str = "none",
        endpoint: str | None = None,
        extra: SpanExporter | None = None,
        metrics: Metrics | None = None,
    ) -> None:
        self.metrics = metrics
        self.enabled = exporter != "none" or extra is not None
        self._provider = TracerProvider(resource=Resource.create({"service.name": "iag-gateway"}))
        if exporter == "console":
            self._provider.add_span_processor(SimpleSpanProcessor(ConsoleSpanExporter()))
        elif exporter == "otlp":
            from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

            otlp = OTLPSpanExporter(endpoint=endpoint) if endpoint else OTLPSpanExporter()
            self._provider.add_span_processor(BatchSpanProcessor(otlp))
        if extra is not None:
            self._provider.add_span_processor(SimpleSpanProcessor(extra))
        self._tracer: Tracer = self._provider.get_tracer("iag_gateway")

    @contextmanager
    def span(self, name: str, **attributes: Any) -> Iterator[Span | None]:
        """Open a span for stage ``name``, timed into ``iag_stage_seconds``.

        The span is ``iag.<name>``, except the provider call (``invoke``): a GenAI CLIENT
        span ``chat {model}``. A no-op span when tracing is off; the timing always runs.
        """
        started = time.perf_counter()
        try:
            if not self.enabled:
                yield None
                return
            genai = name == "invoke"
            with self._tracer.start_as_current_span(
                "chat" if genai else f"iag.{name}",
                kind=SpanKind.CLIENT if genai else SpanKind.INTERNAL,
                record_exception=False,
            ) as span:
                set_attributes(span, stage=name, **attributes)
                if genai:
                    set_attributes(span, gen_ai_operation_name="chat")
                try:
                    yield span
                except Exception as exc:
                    span.set_status(Status(StatusCode.ERROR))
                    span.set_attribute("error.type", type(exc).__name__)
                    raise
        finally:
            if self.metrics is not None:
                self.metrics.stage(name, time.perf_counter() - started)

    @contextmanager
    def server_span(self, method: str) -> Iterator[Span | None]:
        """Open the SERVER span of one HTTP request (renamed ``METHOD route`` once routed)."""
        if not self.enabled:
            yield None
            return
        with self._tracer.start_as_current_span(method, kind=SpanKind.SERVER, record_exception=False) as span:
            yield span

    def shutdown(self) -> None:
        self._provider.shutdown()


def set_attributes(span: Span | None, **attributes: Any) -> None:
    """Set whitelisted attributes (``gen_ai_usage_input_tokens`` → ``gen_ai.usage.input_tokens``)."""
    if span is None:
        return
    for key, value in attributes.items():
        name = key if "." in key else _dotted(key)
        if name not in ALLOWED_ATTRIBUTES:
            raise ValueError(f"span attribute {name!r} is not allowed")
        if value is not None:
            span.set_attribute(name, value)
            if name == "gen_ai.request.model" and getattr(span, "name", None) == "chat":
                span.update_name(f"chat {value}")  # GenAI convention: "{operation} {request model}"


def _dotted(key: str) -> str:
    if key.startswith("gen_ai_"):
        rest = key.removeprefix("gen_ai_")
        for prefix in ("usage_", "request_", "response_", "operation_", "provider_"):
            if rest.startswith(prefix):
                return "gen_ai." + prefix[:-1] + "." + rest.removeprefix(prefix)
        return "gen_ai." + rest
    return "iag." + key
