"""Signed heads on a live gateway: signed at startup, every N records and at shutdown; the console shows and checks them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from html import unescape
from pathlib import Path

import pytest
import sqlalchemy as sa

from iag_gateway.audit.heads_verify import verify_heads
from iag_gateway.audit.models import AUDIT_EVENT_TABLE
from iag_gateway.audit.signing import SignedHead, load_public_key, write_key_pair
from iag_gateway.web.console_heads_view import age_text
from tests.conftest import gateway_settings
from tests.fakes.upstream import FakeUpstream
from tests.harness import LiveGateway, start_gateway
from tests.web.test_console import chat_call
from tests.web.test_form import csrf_of, signed_in


@pytest.fixture(scope="module")
def signing(tmp_path_factory: pytest.TempPathFactory, upstream: FakeUpstream) -> Iterator[LiveGateway]:
    tmp = tmp_path_factory.mktemp("signing")
    write_key_pair(tmp / "audit.key")
    settings = gateway_settings(
        tmp, upstream, audit_signing_key_file=tmp / "audit.key", audit_heads_file=tmp / "heads.jsonl"
    )
    live = start_gateway(settings)
    yield live
    live.stop()


def _key(live: LiveGateway, role: str, user: str) -> str:
    keys = live.services.keys
    _, plaintext = keys.create(user_id=user, department="direction-data-ia", roles=(role,))
    keys.record_training(user, "formation-ia-generative", date.today())
    return plaintext


def _heads(live: LiveGateway) -> list[SignedHead]:
    lines = Path(live.settings.audit_heads_file).read_text().splitlines()
    return [SignedHead.from_json(line) for line in lines]


def test_when_gateway_starts_then_a_head_is_signed_and_the_console_shows_its_age(
    signing: LiveGateway,
) -> None:
    assert _heads(signing), "no head signed at startup"
    chat_call(signing, _key(signing, "buyer", "acheteur-tetes"))
    with signed_in(signing, _key(signing, "auditor", "auditrice-tetes")) as client:
        html = unescape(client.get("/audit").text)
        assert "Dernière tête signée : " in html and "il y a " in html
        response = client.post("/audit/verifier-tetes", data={"csrf_token": csrf_of(html)})
        page = unescape(response.text)
        assert response.status_code == 200
        assert "Têtes signées : journal cohérent avec" in page and 'id="etat-tetes"' in page
        # Rewrite history under the gateway's feet: the same button now says so.
        with signing.services.audit.engine.begin() as conn:
            conn.execute(
                sa.update(AUDIT_EVENT_TABLE).where(AUDIT_EVENT_TABLE.c.seq == 1).values(outcome="denied")
            )
        broken = unescape(client.post("/audit/verifier-tetes", data={"csrf_token": csrf_of(page)}).text)
        assert "journal incohérent : chaîne rompue à l'enregistrement n° 1" in broken
        assert client.post("/audit/verifier-tetes", data={"csrf_token": "faux"}).status_code == 403


def test_when_the_heads_export_is_unreadable_then_409_in_french_and_the_cause_is_logged(
    signing: LiveGateway, caplog: pytest.LogCaptureFixture
) -> None:
    export = Path(signing.settings.audit_heads_file)
    kept = export.read_bytes()
    with signed_in(signing, _key(signing, "auditor", "auditrice-export")) as client:
        html = unescape(client.get("/audit").text)
        export.unlink()
        try:
            with caplog.at_level("ERROR", logger="iag_gateway.internal"):
                response = client.post("/audit/verifier-tetes", data={"csrf_token": csrf_of(html)})
        finally:
            export.write_bytes(kept)
    assert response.status_code == 409 and "Vérification impossible" in unescape(response.text)
    [record] = [r for r in caplog.records if r.name == "iag_gateway.internal"]
    assert "ConfigError" in record.cause and "heads.jsonl" in record.cause  # type: ignore[attr-defined]


def test_when_gateway_stops_then_the_last_records_are_covered_by_a_head(signing: LiveGateway) -> None:
    chat_call(signing, _key(signing, "buyer", "acheteur-arret"))
    signing.stop()
    last = _heads(signing)[-1]
    assert last.head.tree_size == signing.services.audit.head()[0]
    public = load_public_key(Path(str(signing.settings.audit_signing_key_file) + ".pub"))
    lines = Path(signing.settings.audit_heads_file).read_text().splitlines()
    report = verify_heads(signing.services.audit.engine, lines, public)
    assert report.problem is not None and "record 1" in report.problem  # the edit above stays caught
    assert report.heads_checked == 0


def test_when_head_timestamp_is_given_then_age_is_french() -> None:
    assert age_text("2026-01-01T10:00:00.000000Z", now=_at("2026-01-01T10:00:42")) == "il y a 42 s"
    assert age_text("2026-01-01T10:00:00.000000Z", now=_at("2026-01-01T12:30:00")) == "il y a 2 h"
    assert age_text("2026-01-01T10:00:00.000000Z", now=_at("2026-01-03T10:00:00")) == "il y a 2 j"


def _at(text: str):  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_when_no_signing_key_is_configured_then_the_console_says_so_and_the_check_answers_409(
    gateway: LiveGateway,
) -> None:
    assert gateway.services.heads is None
    with signed_in(gateway, _key(gateway, "auditor", "auditrice-sans-cle")) as client:
        html = unescape(client.get("/audit").text)
        assert "Têtes signées" in html and "IAG_AUDIT_SIGNING_KEY_FILE" in html
        response = client.post("/audit/verifier-tetes", data={"csrf_token": csrf_of(html)})
    assert response.status_code == 409
    assert "IAG_AUDIT_SIGNING_KEY_FILE" in unescape(response.text)
