"""Streams cut short by either side are recorded when they end."""

from __future__ import annotations

import time

import httpx

from tests.conftest import KeyFactory
from tests.harness import LiveGateway


def stream_request(gateway: LiveGateway, key: str, content: str) -> httpx.Request:
    return httpx.Request(
        "POST",
        gateway.base_url + "/v1/chat/completions",
        json={"model": "onprem-llm", "stream": True, "messages": [{"role": "user", "content": content}]},
        headers={"Authorization": f"Bearer {key}"},
    )


def wait_for_record(gateway: LiveGateway, request_id: str, timeout_s: float = 10.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        events = [e for e in gateway.services.audit.get(request_id) if e.outcome != "in_flight"]
        if events:
            return events
        time.sleep(0.1)
    raise AssertionError(f"no audit record for {request_id}")


def test_when_provider_cuts_the_stream_then_caller_gets_an_error_event_and_it_is_recorded(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    with httpx.Client(timeout=30) as client:
        response = client.send(
            stream_request(gateway, make_key("buyer"), "Une longue réponse, merci. [[cut]]")
        )
        body = response.read().decode()
    assert '"error"' in body and "[DONE]" not in body
    [event] = wait_for_record(gateway, response.headers["x-iag-request-id"])
    assert event.outcome == "failed" and event.error_code == "upstream_error" and event.streamed


def test_when_caller_hangs_up_mid_stream_then_the_call_is_recorded_as_cancelled(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    prompt = "Réponds lentement, phrase après phrase. Encore une phrase. Et une autre. [[slowstream]]"
    with httpx.Client(timeout=30) as client:
        response = client.send(stream_request(gateway, make_key("buyer"), prompt), stream=True)
        lines = response.iter_lines()
        next(line for line in lines if line.startswith("data:"))
        request_id = response.headers["x-iag-request-id"]
        response.close()  # the caller goes away
    [event] = wait_for_record(gateway, request_id)
    assert event.outcome == "cancelled" and event.streamed
