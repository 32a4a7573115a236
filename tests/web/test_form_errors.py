"""French error pages on every staff path, OpenAI-shaped JSON under /v1 and /healthz."""

from __future__ import annotations

from html import unescape

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from iag_gateway.errors import ServiceUnavailable
from iag_gateway.web.errors import install_error_handlers, is_api_path
from tests.harness import LiveGateway


def assert_french_page(response: httpx.Response, status: int, title: str) -> None:
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert '<html lang="fr">' in response.text
    assert f"<h1>{title}</h1>" in unescape(response.text)
    assert "Traceback" not in response.text and "RuntimeError" not in response.text
    assert response.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize(
    ("path", "api"),
    [
        ("/v1", True),
        ("/v1/models", True),
        ("/v1/nothing/here", True),
        ("/healthz", True),
        ("/healthz/x", True),
        ("/v1x", False),
        ("/healthzz", False),
        ("/", False),
        ("/formulaires/v1", False),
        ("/inconnu", False),
    ],
)
def test_when_path_is_classified_then_only_v1_and_healthz_are_api(path: str, api: bool) -> None:
    assert is_api_path(path) is api


@pytest.mark.parametrize("path", ["/inconnu", "/formulaires/x/y", "/static/app.css/x"])
def test_when_page_path_is_unknown_then_french_404_page(gateway: LiveGateway, path: str) -> None:
    response = httpx.get(gateway.base_url + path)
    assert_french_page(response, 404, "Page introuvable")
    assert "Code d'erreur : 404" in unescape(response.text)


def test_when_page_is_called_with_wrong_method_then_french_405_page(gateway: LiveGateway) -> None:
    response = httpx.put(gateway.base_url + "/connexion")
    assert_french_page(response, 405, "Action non autorisée")
    assert "GET" in response.headers["allow"]


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("GET", "/v1/nothing-here", 404), ("GET", "/healthz/x", 404), ("DELETE", "/healthz", 405)],
)
def test_when_api_path_fails_then_json_not_html(
    gateway: LiveGateway, method: str, path: str, status: int
) -> None:
    response = httpx.request(method, gateway.base_url + path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["error"]["type"] == "invalid_request_error"


def broken_app() -> FastAPI:
    """An app with the gateway's handlers and routes that fail outside any page wrapper."""
    app = FastAPI()
    install_error_handlers(app)

    async def bug() -> None:
        raise RuntimeError("secret detail of a bug")

    async def down() -> None:
        raise ServiceUnavailable("database down")

    for prefix in ("", "/v1"):
        app.add_api_route(prefix + "/bug", bug)
        app.add_api_route(prefix + "/down", down)
    return app


def test_when_page_path_hits_a_bug_then_french_500_page_without_details() -> None:
    with TestClient(broken_app(), raise_server_exceptions=False) as client:
        page = client.get("/bug")
        api = client.get("/v1/bug")
    assert_french_page(page, 500, "Erreur interne")
    assert "secret detail" not in page.text
    assert api.status_code == 500 and api.json()["error"]["message"].startswith("Erreur interne")
    assert "secret detail" not in api.text


def test_when_page_path_raises_a_gateway_error_then_its_status_and_french_title() -> None:
    with TestClient(broken_app(), raise_server_exceptions=False) as client:
        page = client.get("/down")
        api = client.get("/v1/down")
    assert_french_page(page, 503, "Service indisponible")
    assert api.status_code == 503 and api.headers["content-type"].startswith("application/json")
