"""The signed session cookie, the CSRF check and the French masking summary, without a server."""

from __future__ import annotations

import pytest
from fastapi.responses import Response

from iag_gateway.identity.keys import Identity
from iag_gateway.settings import Settings
from iag_gateway.web.session import WebSession, csrf_valid, decode_session, encode_session, write_session
from iag_gateway.web.views import masking_summary

SECRET = "a-test-secret-of-at-least-thirty-two-chars"
IDENTITY = Identity(
    key_id="abcdefghijkl", user_id="s.garnier", department="achats", roles=frozenset({"buyer"}), trained=True
)


def test_when_cookie_round_trips_then_same_session() -> None:
    session = WebSession.for_identity(IDENTITY, now=1_000)
    assert decode_session(encode_session(session, SECRET), SECRET, now=1_001) == session


@pytest.mark.parametrize(
    "mutate",
    [
        lambda v: v[:-2] + ("AA" if not v.endswith("AA") else "BB"),  # signature changed
        lambda v: "e30" + v[3:],  # payload changed
        lambda v: v.replace(".", ""),  # no signature
        lambda v: "",
    ],
)
def test_when_cookie_is_tampered_then_rejected(mutate) -> None:  # type: ignore[no-untyped-def]
    value = encode_session(WebSession.for_identity(IDENTITY, now=1_000), SECRET)
    assert decode_session(mutate(value), SECRET, now=1_001) is None


def test_when_cookie_signed_with_another_secret_then_rejected() -> None:
    value = encode_session(WebSession.for_identity(IDENTITY, now=1_000), "another-secret-" * 3)
    assert decode_session(value, SECRET, now=1_001) is None


def test_when_session_is_older_than_8_hours_then_rejected() -> None:
    value = encode_session(WebSession.for_identity(IDENTITY, now=1_000), SECRET)
    assert decode_session(value, SECRET, now=1_000 + 8 * 3600 - 1) is not None
    assert decode_session(value, SECRET, now=1_000 + 8 * 3600) is None


def test_when_csrf_token_differs_then_invalid() -> None:
    session = WebSession.anonymous()
    assert csrf_valid(session, session.csrf)
    assert not csrf_valid(session, session.csrf + "x")
    assert not csrf_valid(session, None)
    assert not csrf_valid(None, session.csrf)


def test_when_cookie_secure_setting_is_on_then_cookie_is_secure() -> None:
    response = Response()
    write_session(
        response, WebSession.anonymous(), Settings(env="test", session_secret=SECRET, cookie_secure=True)
    )
    cookie = response.headers["set-cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie


@pytest.mark.parametrize(
    ("counts", "summary"),
    [
        ({}, "Aucune donnée personnelle détectée : rien n'a été masqué avant envoi."),
        ({"PERSON": 1, "PHONE_NUMBER": 1}, "1 nom de personne, 1 numéro de téléphone masqués avant envoi."),
        ({"PERSON": 1}, "1 nom de personne masqué avant envoi."),
        ({"EMAIL_ADDRESS": 2}, "2 adresses électroniques masquées avant envoi."),
        ({"PHONE_NUMBER": 1, "PERSON": 3}, "3 noms de personne, 1 numéro de téléphone masqués avant envoi."),
        ({"SOMETHING_NEW": 1}, "1 donnée personnelle masquée avant envoi."),
    ],
)
def test_when_entities_masked_then_french_summary_without_values(
    counts: dict[str, int], summary: str
) -> None:
    assert masking_summary(counts) == summary
