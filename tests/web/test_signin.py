"""Institutional sign-in against a real OpenID Connect provider on 127.0.0.1 (no browser)."""

from __future__ import annotations

import base64
import json
import re
import time
from collections.abc import Iterator
from datetime import timedelta
from html import unescape
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx
import pytest

from iag_gateway.audit.filters import AuditFilter
from iag_gateway.audit.models import AuditEvent
from iag_gateway.identity.oidc_client import OidcClient
from iag_gateway.identity.oidc_config import load_oidc_config
from tests.conftest import KeyFactory
from tests.fakes.oidc_provider import OidcProvider
from tests.harness import LiveGateway

META_REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


def with_param(url: str, name: str, value: str) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query[name] = value
    return urlunsplit(parts._replace(query=urlencode(query)))


def through_provider(
    client: httpx.Client, sub: str, *, nonce: str | None = None, state: str | None = None
) -> httpx.Response:
    """Start at the gateway, authorise ``sub`` at the provider, come back; return the callback's answer."""
    start = client.get("/connexion/etablissement")
    assert start.status_code == 302, start.text
    url = start.headers["location"]
    if nonce is not None:
        url = with_param(url, "nonce", nonce)
    authorised = httpx.post(url, data={"sub": sub}, timeout=10)
    assert authorised.status_code == 302, authorised.text
    callback = authorised.headers["location"]
    if state is not None:
        callback = with_param(callback, "state", state)
    return client.get(callback)


def session_content(client: httpx.Client) -> dict[str, object]:
    data = client.cookies["iag_session"].split(".")[0]
    content: dict[str, object] = json.loads(base64.b64decode(data))
    return content


@pytest.fixture
def client(gateway: LiveGateway) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=gateway.base_url, follow_redirects=False, timeout=30) as http:
        yield http


def logins(gateway: LiveGateway, user_id: str) -> list[AuditEvent]:
    events, _ = gateway.services.audit.query(AuditFilter(route="web.login", user_id=user_id), limit=50)
    return events


def person(
    provider: OidcProvider, sub: str, groups: list[str], department: str | None = "pole-achats"
) -> str:
    claims: dict[str, object] = {"preferred_username": sub, "groups": groups}
    if department:
        claims["department"] = department
    return provider.user(sub, **claims)


def test_when_buyer_signs_in_through_the_provider_then_home_shows_their_templates(
    gateway: LiveGateway, oidc_provider: OidcProvider, client: httpx.Client
) -> None:
    sub = person(oidc_provider, "m.acheteuse", ["acheteurs", "autre-groupe"])
    client.get("/connexion")
    anonymous = client.cookies["iag_session"]
    landed = through_provider(client, sub)
    assert landed.status_code == 200 and META_REFRESH.search(landed.text).group(1) == "/"  # type: ignore[union-attr]
    assert client.cookies["iag_session"] != anonymous  # a fresh session at sign-in
    home = client.get("/")
    assert home.status_code == 200 and "m.acheteuse" in home.text and "Achats" in home.text
    assert session_content(client)["user"]["roles"] == ["buyer"]  # type: ignore[index]
    recorded = logins(gateway, "m.acheteuse")
    assert recorded and recorded[-1].outcome == "ok" and recorded[-1].extra["method"] == "oidc"


def test_when_provider_group_maps_to_admin_then_admin_pages_open_and_not_to_a_buyer(
    oidc_provider: OidcProvider, gateway: LiveGateway
) -> None:
    with (
        httpx.Client(base_url=gateway.base_url, timeout=30) as admin,
        httpx.Client(base_url=gateway.base_url, timeout=30) as buyer,
    ):
        through_provider(admin, person(oidc_provider, "a.admin", ["admins-ia"], "direction-data-ia"))
        through_provider(buyer, person(oidc_provider, "b.buyer", ["acheteurs"]))
        assert admin.get("/admin").status_code == 200
        assert buyer.get("/admin").status_code == 403


@pytest.mark.parametrize(
    ("groups", "department"),
    [(["stagiaires"], "pole-achats"), ([], "pole-achats"), (["acheteurs"], None)],
    ids=["unmapped-group", "no-group", "no-department"],
)
def test_when_person_has_no_mapped_role_or_department_then_refused_and_audited(
    gateway: LiveGateway,
    oidc_provider: OidcProvider,
    client: httpx.Client,
    groups: list[str],
    department: str | None,
) -> None:
    sub = person(oidc_provider, f"sans-role-{len(groups)}-{department}", groups, department)
    answer = through_provider(client, sub)
    assert answer.status_code == 403 and "Accès non ouvert" in answer.text
    assert client.get("/").headers["location"] == "/connexion"
    refused = logins(gateway, sub)
    assert refused and refused[-1].outcome == "denied"


def test_when_state_is_tampered_then_refused(oidc_provider: OidcProvider, client: httpx.Client) -> None:
    answer = through_provider(client, person(oidc_provider, "c.state", ["acheteurs"]), state="forged-state")
    assert answer.status_code == 401 and "Connexion refusée" in answer.text
    assert client.get("/").headers["location"] == "/connexion"


def test_when_nonce_is_tampered_then_refused(
    oidc_provider: OidcProvider, gateway: LiveGateway, client: httpx.Client
) -> None:
    answer = through_provider(client, person(oidc_provider, "d.nonce", ["acheteurs"]), nonce="forged-nonce")
    assert answer.status_code == 401 and "Connexion refusée" in answer.text
    assert client.get("/").headers["location"] == "/connexion"
    events, _ = gateway.services.audit.query(AuditFilter(route="web.login"), limit=1, newest_first=True)
    assert "InvalidClaimError" in events[0].extra["why"]  # the ID token's nonce, checked by Authlib


def test_when_callback_is_replayed_then_refused(oidc_provider: OidcProvider, client: httpx.Client) -> None:
    start = client.get("/connexion/etablissement")
    callback = httpx.post(
        start.headers["location"], data={"sub": person(oidc_provider, "e.replay", ["acheteurs"])}
    )
    assert client.get(callback.headers["location"]).status_code == 200
    assert client.get(callback.headers["location"]).status_code == 401  # the transaction was single-use


def test_when_transaction_cookie_is_set_then_lax_httponly_and_scoped_to_the_callback(
    client: httpx.Client,
) -> None:
    cookie = client.get("/connexion/etablissement").headers["set-cookie"].lower()
    assert cookie.startswith("iag_oidc=") and "httponly" in cookie and "samesite=lax" in cookie
    assert "path=/connexion/etablissement" in cookie and "max-age=600" in cookie


def test_when_signed_in_then_session_ends_with_the_providers_token_not_later(
    oidc_provider: OidcProvider, client: httpx.Client
) -> None:
    through_provider(client, person(oidc_provider, "f.expiry", ["acheteurs"]))
    ends = session_content(client)["user"]["exp"]  # type: ignore[index]
    assert abs(ends - (time.time() + 3600)) < 60  # the provider's one-hour tokens, not the 8-hour cap


@pytest.fixture
def expired_tokens_provider(gateway: LiveGateway, tmp_path: Path) -> Iterator[OidcProvider]:
    """The gateway trusts, for one test, a provider whose ID tokens are born expired (2 minutes ago)."""
    provider = OidcProvider(token_max_age=timedelta(minutes=-2)).start()
    services = gateway.services
    trusted = services.oidc
    services.oidc = OidcClient(load_oidc_config(provider.config_file(tmp_path / "oidc.yaml")), "test-secret")
    try:
        yield provider
    finally:
        services.oidc = trusted
        provider.stop()


def test_when_id_token_is_expired_then_refused(
    expired_tokens_provider: OidcProvider, client: httpx.Client
) -> None:
    answer = through_provider(client, person(expired_tokens_provider, "g.expired", ["acheteurs"]))
    assert answer.status_code == 401 and "Connexion refusée" in answer.text


def test_when_provider_user_signs_out_then_provider_session_ends_too_and_pages_are_closed(
    oidc_provider: OidcProvider, gateway: LiveGateway, client: httpx.Client
) -> None:
    through_provider(client, person(oidc_provider, "h.logout", ["acheteurs"]))
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").text).group(1)  # type: ignore[union-attr]
    answer = client.post("/deconnexion", data={"csrf_token": csrf})
    provider_logout = META_REFRESH.search(answer.text).group(1)  # type: ignore[union-attr]
    query = dict(parse_qsl(urlsplit(provider_logout.replace("&amp;", "&")).query))
    assert provider_logout.startswith(oidc_provider.issuer + "/oauth2/end_session")
    assert query["post_logout_redirect_uri"] == gateway.base_url + "/connexion" and query["id_token_hint"]
    confirm = httpx.post(
        oidc_provider.issuer + "/oauth2/end_session/confirm",
        data={"redirect_uri": query["post_logout_redirect_uri"]},
    )
    assert confirm.headers["location"].startswith(gateway.base_url + "/connexion")
    assert client.get("/").headers["location"] == "/connexion"


@pytest.fixture
def key_login_off(gateway: LiveGateway) -> Iterator[None]:
    """The production setting IAG_KEY_LOGIN=false, for one test."""
    settings = gateway.services.settings
    settings.key_login = False
    try:
        yield
    finally:
        settings.key_login = True


def test_when_key_sign_in_is_turned_off_then_form_hidden_and_posts_refused_but_api_keys_work(
    key_login_off: None, gateway: LiveGateway, client: httpx.Client, make_key: KeyFactory
) -> None:
    page = unescape(client.get("/connexion").text)
    assert "Se connecter avec mon compte de l'établissement" in page and 'name="cle"' not in page
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page)
    key = make_key("buyer")
    answer = client.post("/connexion", data={"cle": key, "csrf_token": csrf.group(1) if csrf else ""})
    assert answer.status_code == 403 and client.get("/").headers["location"] == "/connexion"
    headers = {"Authorization": f"Bearer {key}"}
    assert httpx.get(gateway.base_url + "/v1/models", headers=headers).status_code == 200


def test_when_key_sign_in_is_off_without_a_provider_then_settings_refuse() -> None:
    from pydantic import ValidationError

    from iag_gateway.settings import Settings

    with pytest.raises(ValidationError, match="IAG_OIDC_CONFIG"):
        Settings(env="test", key_login=False)


def test_when_person_denies_consent_at_the_provider_then_refused(client: httpx.Client) -> None:
    start = client.get("/connexion/etablissement")
    denied = httpx.post(start.headers["location"], data={"action": "deny"}, timeout=10)
    assert "error=access_denied" in denied.headers["location"]
    answer = client.get(denied.headers["location"])
    assert answer.status_code == 401 and client.get("/").headers["location"] == "/connexion"
