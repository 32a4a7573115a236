"""OpenTelemetry spans, one per pipeline stage; never prompt text or personal data.

The exporter is chosen by configuration: none (default), console, or OTLP/HTTP.
Attributes follow the GenAI semantic conventions for model and token usage.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    ConsoleSpanExporter,
    SimpleSpanProcessor,
    SpanExporter,
)
from opentelemetry.trace import Span, Status, StatusCode, Tracer

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
        self, exporter: str = "none", endpoint: str | None = None, extra: SpanExporter | None = None
    ) -> None:
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
        """Open a span named ``iag.<name>`` (a no-op when telemetry is off)."""
        if not self.enabled:
            yield None
            return
        with self._tracer.start_as_current_span(f"iag.{name}", record_exception=False) as span:
            set_attributes(span, stage=name, **attributes)
            try:
                yield span
            except Exception as exc:
                span.set_status(Status(StatusCode.ERROR))
                span.set_attribute("error.type", type(exc).__name__)
                raise

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


def _dotted(key: str) -> str:
    if key.startswith("gen_ai_"):
        rest = key.removeprefix("gen_ai_")
        for prefix in ("usage_", "request_", "response_", "operation_"):
            if rest.startswith(prefix):
                return "gen_ai." + prefix[:-1] + "." + rest.removeprefix(prefix)
        return "gen_ai." + rest
    return "iag." + key
