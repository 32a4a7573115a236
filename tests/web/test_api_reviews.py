"""« J'ai relu et je prends la responsabilité de ce texte », through the API."""

from __future__ import annotations

import httpx

from tests.conftest import KeyFactory
from tests.harness import LiveGateway


def run_cctp(gateway: LiveGateway, key: str) -> str:
    response = httpx.post(
        gateway.base_url + "/v1/templates/achats-cctp/run",
        json={
            "inputs": {"objet": "Fourniture de lits médicalisés", "besoin": "40 lits, réanimation, 5 ans."}
        },
        headers={"Authorization": f"Bearer {key}"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    assert response.json()["iag"]["template"]["publishable"] is True
    return str(response.headers["x-iag-request-id"])


def test_when_author_acknowledges_review_then_a_linked_audit_record_is_written(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    key = make_key("buyer")
    request_id = run_cctp(gateway, key)
    response = httpx.post(
        gateway.base_url + "/v1/reviews",
        json={"request_id": request_id},
        headers={"Authorization": f"Bearer {key}"},
        timeout=30,
    )
    assert response.status_code == 200 and response.json()["acknowledged"] is True
    records = gateway.services.audit.get(request_id)
    ack = [r for r in records if r.route == "review.ack"]
    assert len(ack) == 1 and ack[0].ref_request_id == request_id
    assert ack[0].extra["statement"] == "J'ai relu et je prends la responsabilité de ce texte"


def test_when_someone_else_acknowledges_a_call_then_refused(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    request_id = run_cctp(gateway, make_key("buyer"))
    other = make_key("buyer")
    response = httpx.post(
        gateway.base_url + "/v1/reviews",
        json={"request_id": request_id},
        headers={"Authorization": f"Bearer {other}"},
        timeout=30,
    )
    assert response.status_code == 400 and response.json()["error"]["param"] == "request_id"
    assert not [r for r in gateway.services.audit.get(request_id) if r.route == "review.ack"]
