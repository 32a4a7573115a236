"""Names a caller types never reach the trail, the dashboard, the report, /metrics, logs or traces.

Each identifier a caller chooses (the ``model`` field, a template id or any other part of
the path, headers, the ``user`` and ``metadata`` fields, tool and schema
names) is written with personal data in it. The trail and the metrics must name the call
with the gateway's own names only (``<inconnu>`` otherwise); the error the caller gets may
name what they sent, since it goes back to them only.
"""

from __future__ import annotations

import io
import logging
import re
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from html import unescape
from urllib.parse import quote

import httpx
import pytest
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from iag_gateway.audit.export import export
from iag_gateway.audit.filters import AuditFilter
from iag_gateway.logs import JsonFormatter, TextFormatter
from iag_gateway.recorded_names import UNKNOWN
from iag_gateway.telemetry import Telemetry
from tests.conftest import gateway_settings
from tests.fakes.upstream import FakeUpstream
from tests.harness import LiveGateway, start_gateway
from tests.web.test_dashboard import this_month
from tests.web.test_form import signed_in

PII_MODEL = "Sophie Martin 06 12 34 56 78"
PII_TEMPLATE = "Sophie Martin NIR 2680375112345 67"
PII_TOKEN = "SophieMartin0612345678"  # what fits where only a token is accepted (names, ids)
SECRETS = ("Sophie", "Martin", "06 12 34", "0612345678", "2680375112345")
HELLO = [{"role": "user", "content": "Rédige l'objet du marché de gants."}]


@pytest.fixture(scope="module")
def names(
    tmp_path_factory: pytest.TempPathFactory, upstream: FakeUpstream
) -> Iterator[tuple[LiveGateway, InMemorySpanExporter]]:
    """A gateway of its own (a fresh /metrics), tracing into memory."""
    live = start_gateway(gateway_settings(tmp_path_factory.mktemp("names"), upstream))
    exporter = InMemorySpanExporter()
    live.services.telemetry = Telemetry("none", extra=exporter, metrics=live.services.metrics)
    yield live, exporter
    live.stop()


def key_for(gateway: LiveGateway, *roles: str, department: str = "pole-achats") -> str:
    user = f"names-{uuid.uuid4().hex[:8]}"
    _, plaintext = gateway.services.keys.create(user_id=user, department=department, roles=roles)
    gateway.services.keys.record_training(user, "formation-ia-generative", date.today())
    return plaintext


def api(gateway: LiveGateway, key: str, method: str, path: str, **kwargs: object) -> httpx.Response:
    headers = {"Authorization": f"Bearer {key}", **kwargs.pop("headers", {})}  # type: ignore[dict-item]
    return httpx.request(method, gateway.base_url + path, headers=headers, timeout=30, **kwargs)  # type: ignore[arg-type]


def chat(model: str, **more: object) -> dict[str, object]:
    return {"model": model, "messages": HELLO, **more}


Caller = Callable[[LiveGateway, str], httpx.Response]
# (what the caller does, the status it gets, whether its error names what it sent back to it)
KINDS: dict[str, tuple[Caller, int, bool]] = {
    "model": (lambda g, k: api(g, k, "POST", "/v1/chat/completions", json=chat(PII_MODEL)), 404, True),
    "model-streamed": (
        lambda g, k: api(g, k, "POST", "/v1/chat/completions", json=chat(PII_MODEL, stream=True)),
        404,
        True,
    ),
    "template-run": (
        lambda g, k: api(g, k, "POST", f"/v1/templates/{quote(PII_TEMPLATE)}/run", json={"inputs": {}}),
        404,
        True,
    ),
    "template-get": (lambda g, k: api(g, k, "GET", f"/v1/templates/{quote(PII_TEMPLATE)}"), 404, True),
    "model-get": (lambda g, k: api(g, k, "GET", f"/v1/models/{quote(PII_MODEL)}"), 404, True),
    "path": (lambda g, k: api(g, k, "GET", f"/v1/{quote(PII_TEMPLATE)}"), 404, False),
    "headers": (
        lambda g, k: api(
            g,
            k,
            "POST",
            "/v1/chat/completions",
            json=chat("onprem-llm"),
            headers={"User-Agent": PII_MODEL, "X-Request-Id": PII_TOKEN, "X-Client-Name": PII_MODEL},
        ),
        200,
        False,
    ),
    "body-fields": (
        lambda g, k: api(
            g,
            k,
            "POST",
            "/v1/chat/completions",
            json=chat(
                "onprem-llm",
                user=PII_MODEL,
                metadata={PII_TOKEN: PII_MODEL},
                response_format={"type": "json_schema", "json_schema": {"name": PII_TOKEN, "schema": {}}},
            ),
        ),
        200,
        False,
    ),
    "tool-names": (  # refused by the charter (art. 7.1), and recorded as refused
        lambda g, k: api(
            g,
            k,
            "POST",
            "/v1/chat/completions",
            json=chat(
                "onprem-llm",
                tools=[{"type": "function", "function": {"name": PII_TOKEN, "parameters": {}}}],
                tool_choice={"type": "function", "function": {"name": PII_TOKEN}},
            ),
        ),
        403,
        False,
    ),
    "data-class-header": (
        lambda g, k: api(
            g,
            k,
            "POST",
            "/v1/chat/completions",
            json=chat("onprem-llm"),
            headers={"X-IAG-Data-Class": PII_TOKEN},
        ),
        400,
        True,
    ),
}


def trail(gateway: LiveGateway) -> str:
    out = io.StringIO()
    export(gateway.services.audit, "jsonl", out, AuditFilter())
    return out.getvalue()


def log_text(records: list[logging.LogRecord]) -> str:
    """The lines the gateway's log formatters would write for these records."""
    return "\n".join(f.format(r) for r in records for f in (JsonFormatter(), TextFormatter()))


def span_text(exporter: InMemorySpanExporter) -> str:
    return "\n".join(f"{s.name} {dict(s.attributes or {})}" for s in exporter.get_finished_spans())


def leaked(text: str) -> list[str]:
    return [secret for secret in SECRETS if secret.casefold() in text.casefold()]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_when_a_caller_writes_personal_data_into_an_identifier_then_no_record_label_log_or_span_holds_it(
    names: tuple[LiveGateway, InMemorySpanExporter], caplog: pytest.LogCaptureFixture, kind: str
) -> None:
    gateway, exporter = names
    caller, status, named_back = KINDS[kind]
    caplog.set_level(logging.INFO)
    exporter.clear()

    response = caller(gateway, key_for(gateway, "buyer"))

    assert response.status_code == status, response.text
    if named_back:  # the caller is told what they sent: that answer goes to them only
        assert leaked(unescape(response.text)), response.text
    assert not leaked(trail(gateway)), "audit trail"
    assert not leaked(httpx.get(gateway.base_url + "/metrics", timeout=10).text), "/metrics"
    assert not leaked(log_text(caplog.records)), "logs"
    assert not leaked(span_text(exporter)), "traces"


def test_when_a_non_standard_http_method_is_sent_then_metrics_name_it_other(
    names: tuple[LiveGateway, InMemorySpanExporter],
) -> None:
    gateway, _ = names
    for method in ("PROPFIND", "MKCOL", "UNLOCK"):  # parsed by the server, none a standard method
        assert httpx.request(method, gateway.base_url + "/v1/models", timeout=10).status_code == 405
    methods = set(re.findall(r'method="([^"]*)"', " ".join(series(gateway, "iag_http_requests_total"))))
    assert "_OTHER" in methods and not methods & {"PROPFIND", "MKCOL", "UNLOCK"}


def test_when_a_model_or_template_is_unknown_then_the_record_says_unknown_and_a_known_one_is_named(
    names: tuple[LiveGateway, InMemorySpanExporter],
) -> None:
    gateway, _ = names
    key = key_for(gateway, "buyer")
    unknown = api(gateway, key, "POST", "/v1/chat/completions", json=chat("gpt-4o"))
    known = api(gateway, key, "POST", "/v1/chat/completions", json=chat("onprem-llm"))
    forbidden = api(gateway, key, "POST", "/v1/templates/recherche-resume-protocole/run", json={"inputs": {}})
    missing = api(gateway, key, "POST", "/v1/templates/gpt-4o/run", json={"inputs": {}})

    def final(response: httpx.Response) -> tuple[str | None, str | None]:
        [record] = [
            r
            for r in gateway.services.audit.get(response.headers["x-iag-request-id"])
            if r.outcome != "in_flight"
        ]
        return record.model_alias, record.template_id

    assert "gpt-4o" in unknown.json()["error"]["message"]  # the caller still reads what they sent
    assert final(unknown) == (UNKNOWN, None)
    assert final(known) == ("onprem-llm", None)
    assert forbidden.status_code == 403 and final(forbidden) == (None, "recherche-resume-protocole")
    assert missing.status_code == 404 and final(missing) == (None, UNKNOWN)


def series(gateway: LiveGateway, metric: str) -> set[str]:
    text = httpx.get(gateway.base_url + "/metrics", timeout=10).text
    return set(re.findall(rf"^{metric}\{{[^}}]*\}}", text, re.MULTILINE))


def test_when_two_hundred_distinct_unknown_models_are_asked_then_they_make_one_metric_series(
    names: tuple[LiveGateway, InMemorySpanExporter],
) -> None:
    gateway, _ = names
    key = key_for(gateway, "buyer")
    before = series(gateway, "iag_requests_total")
    with httpx.Client(base_url=gateway.base_url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as c:
        for n in range(200):
            assert c.post("/v1/chat/completions", json=chat(f"modele-invente-{n}")).status_code == 404
    added = series(gateway, "iag_requests_total") - before
    assert len(added) <= 1, sorted(added)[:5]
    assert all(f'model="{UNKNOWN}"' in line for line in added)
    assert "modele-invente" not in trail(gateway)


def test_when_unknown_names_were_asked_then_the_dashboard_and_the_monthly_csv_list_no_such_model_or_use_case(
    names: tuple[LiveGateway, InMemorySpanExporter],
) -> None:
    gateway, _ = names
    key = key_for(gateway, "buyer", department="service-noms")
    assert api(gateway, key, "POST", "/v1/chat/completions", json=chat(PII_MODEL)).status_code == 404
    assert api(gateway, key, "POST", "/v1/chat/completions", json=chat("nope")).status_code == 404
    run = f"/v1/templates/{quote(PII_TEMPLATE)}/run"
    assert api(gateway, key, "POST", run, json={"inputs": {}}).status_code == 404
    with signed_in(gateway, key_for(gateway, "direction", department="direction-data-ia")) as director:
        dashboard = unescape(director.get("/tableau-de-bord", params={"service": "service-noms"}).text)
        report = director.get("/tableau-de-bord/rapport.csv", params={"mois": this_month()})
    assert report.status_code == 200
    for text in (dashboard, report.text):
        assert not leaked(text)
        assert "nope" not in text
    assert UNKNOWN in dashboard  # the refused calls are still counted, under no caller's name


def test_when_personal_data_is_typed_into_a_console_or_form_address_then_the_trail_does_not_hold_it(
    names: tuple[LiveGateway, InMemorySpanExporter],
) -> None:
    gateway, _ = names
    with signed_in(gateway, key_for(gateway, "auditor", department="controle-interne")) as auditor:
        assert auditor.get(f"/audit/{quote(PII_TEMPLATE)}").status_code == 404
    with signed_in(gateway, key_for(gateway, "buyer")) as buyer:
        assert buyer.get(f"/formulaires/{quote(PII_TEMPLATE)}").status_code == 404
    readings = gateway.services.audit.query(AuditFilter(route="audit.console"))[0]
    assert UNKNOWN in {r.extra.get("viewed_request_id") for r in readings}
    assert not leaked(trail(gateway))
