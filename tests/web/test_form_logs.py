"""A form POST's access-log line carries the request id of its audit record, as an API call's does.

Staff quote the id the page shows (« Référence ») to support, who find the log line and
the audit record by it.
"""

from __future__ import annotations

import logging
import re
import time

import httpx
import pytest

from tests.conftest import KeyFactory
from tests.harness import LiveGateway
from tests.web.test_form import csrf_of, page_csrf, signed_in

INPUTS = {"objet": "Gants", "besoin": "Gants nitrile non poudrés"}


def access_line(caplog: pytest.LogCaptureFixture, route: str) -> logging.LogRecord:
    """The one access-log line of a POST on ``route`` (written as the response ends: wait for it)."""
    deadline = time.monotonic() + 10
    while True:
        lines = [
            r
            for r in caplog.records
            if r.name == "iag_gateway.access" and getattr(r, "route", None) == route and r.method == "POST"  # type: ignore[attr-defined]
        ]
        if lines or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert len(lines) == 1, lines
    return lines[0]


def test_when_a_form_is_posted_without_javascript_then_its_log_line_names_the_answers_request_id(
    gateway: LiveGateway, make_key: KeyFactory, caplog: pytest.LogCaptureFixture
) -> None:
    with signed_in(gateway, make_key("buyer")) as client:
        csrf = page_csrf(client)
        caplog.set_level(logging.INFO, logger="iag_gateway.access")
        html = client.post("/formulaires/achats-cctp", data={"csrf_token": csrf, **INPUTS}).text
    found = re.search(r'id="export-requete" value="(req_[0-9a-f]+)"', html)
    assert found, "no request id on the answer"
    line = access_line(caplog, "/formulaires/{template_id}")
    assert line.request_id == found.group(1)  # type: ignore[attr-defined]
    records = gateway.services.audit.get(found.group(1))  # in flight, then final
    assert records and {e.route for e in records} == {"template"}


def test_when_a_form_is_streamed_then_its_log_line_names_the_request_id_of_its_header_and_record(
    gateway: LiveGateway, make_key: KeyFactory, caplog: pytest.LogCaptureFixture
) -> None:
    with signed_in(gateway, make_key("buyer")) as client:
        csrf = page_csrf(client)
        caplog.set_level(logging.INFO, logger="iag_gateway.access")
        response = client.post("/formulaires/achats-cctp/executer", data={"csrf_token": csrf, **INPUTS})
    assert response.status_code == 200, response.text
    request_id = response.headers["x-iag-request-id"]
    line = access_line(caplog, "/formulaires/{template_id}/executer")
    assert line.request_id == request_id  # type: ignore[attr-defined]
    records = gateway.services.audit.get(request_id)  # in flight, then final
    assert records and {e.route for e in records} == {"template"}


def test_when_a_review_is_confirmed_then_its_log_line_names_the_request_id_of_its_record(
    gateway: LiveGateway, make_key: KeyFactory, caplog: pytest.LogCaptureFixture
) -> None:
    with signed_in(gateway, make_key("buyer")) as client:
        html = client.post("/formulaires/achats-cctp", data={"csrf_token": page_csrf(client), **INPUTS}).text
        answered = re.search(r'id="relecture-requete" value="(req_[0-9a-f]+)"', html)
        assert answered
        caplog.set_level(logging.INFO, logger="iag_gateway.access")
        review = {"csrf_token": csrf_of(html), "request_id": answered.group(1), "relu": "oui"}
        assert client.post("/relecture", data=review).status_code == 200
    line = access_line(caplog, "/relecture")
    (ack,) = [e for e in gateway.services.audit.get(answered.group(1)) if e.route == "review.ack"]
    assert line.request_id == ack.request_id  # type: ignore[attr-defined]


def test_when_a_review_is_sent_to_the_api_then_its_id_header_names_its_record(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    key = make_key("buyer")
    headers = {"Authorization": f"Bearer {key}"}
    with httpx.Client(base_url=gateway.base_url, headers=headers, timeout=30) as client:
        run = client.post("/v1/templates/achats-cctp/run", json={"inputs": INPUTS})
        assert run.status_code == 200, run.text
        answered = run.headers["x-request-id"]
        review = client.post("/v1/reviews", json={"request_id": answered})
    assert review.status_code == 200, review.text
    (ack,) = [e for e in gateway.services.audit.get(answered) if e.route == "review.ack"]
    assert review.headers["x-request-id"] == ack.request_id
