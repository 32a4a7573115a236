"""A refusal says what it refuses, and a hint names only what the caller's roles do open."""

from __future__ import annotations

from html import unescape

import httpx
import pytest

from tests.conftest import KeyFactory
from tests.harness import LiveGateway
from tests.web.test_form import signed_in


@pytest.mark.parametrize(
    ("path", "refused"),
    [
        ("/admin", "L'administration de la passerelle"),
        ("/mes-cles", "La création de clés d'API en libre-service"),
    ],
)
def test_when_the_direction_opens_a_page_its_roles_do_not_open_then_the_page_names_what_is_refused(
    gateway: LiveGateway, make_key: KeyFactory, path: str, refused: str
) -> None:
    with signed_in(gateway, make_key("direction", department="direction-data-ia")) as client:
        response = client.get(path)
    page = unescape(response.text)
    assert response.status_code == 403
    assert refused in page and "accès à ce modèle" not in page


def chat_refusal(gateway: LiveGateway, key: str) -> str:
    response = httpx.post(
        gateway.base_url + "/v1/chat/completions",
        json={"model": "demo-local", "messages": [{"role": "user", "content": "Bonjour"}]},
        headers={"Authorization": f"Bearer {key}"},
        timeout=30,
    )
    assert response.status_code == 403, response.text
    return str(response.json()["error"]["message"])


def test_when_an_auditor_calls_chat_then_the_refusal_does_not_send_them_to_templates(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    message = chat_refusal(gateway, make_key("auditor"))
    assert "gabarit" in message and "utilisez un gabarit" not in message
    assert "aucun usage des modèles" in message


def test_when_a_templates_only_agent_calls_chat_then_the_refusal_points_to_templates(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    assert "utilisez un gabarit" in chat_refusal(gateway, make_key("staff"))
