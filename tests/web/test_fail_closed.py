"""When the audit store cannot be written, the provider is not called and the caller gets 503."""

from __future__ import annotations

import sqlite3

import httpx

from tests.conftest import KeyFactory
from tests.fakes.upstream import FakeUpstream
from tests.harness import LiveGateway


def test_when_audit_store_is_locked_then_503_and_provider_not_called(
    gateway: LiveGateway, upstream: FakeUpstream, make_key: KeyFactory
) -> None:
    key = make_key("buyer")
    path = gateway.settings.database_url.removeprefix("sqlite:///")
    before = len(upstream.received)
    blocker = sqlite3.connect(path, timeout=1)
    blocker.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        response = httpx.post(
            gateway.base_url + "/v1/chat/completions",
            json={"model": "onprem-llm", "messages": [{"role": "user", "content": "Texte à ne pas envoyer"}]},
            headers={"Authorization": f"Bearer {key}"},
            timeout=60,
        )
    finally:
        blocker.rollback()
        blocker.close()
    assert response.status_code == 503
    assert response.json()["error"]["type"] == "service_unavailable"
    assert int(response.headers["retry-after"]) >= 1
    assert "Texte à ne pas envoyer" not in response.text
    assert len(upstream.received) == before
