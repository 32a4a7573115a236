"""« Mes clés » and the administration pages over HTTP: who may, shown once, hashed, revoked, audited."""

from __future__ import annotations

import re

import httpx
import pytest
import sqlalchemy as sa

from iag_gateway.audit.filters import AuditFilter
from iag_gateway.identity.models import API_KEY_TABLE
from tests.conftest import KeyFactory
from tests.harness import LiveGateway
from tests.web.test_form import page_csrf, signed_in

SECRET_RE = re.compile(r'<code id="cle-secrete">(iag_[A-Za-z0-9]{12}_[A-Za-z0-9_-]+)</code>')


def test_when_finance_staff_create_a_key_then_shown_once_hashed_listed_and_revocable(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    with signed_in(
        gateway, make_key("finance", "admin", department="direction-finances", user="r.finance")
    ) as me:
        created = me.post(
            "/mes-cles",
            data={"csrf_token": page_csrf(me, "/mes-cles"), "nom": "script budget", "duree_jours": "30"},
        )
        secret = SECRET_RE.search(created.text).group(1)  # type: ignore[union-attr]
        key_id = secret.split("_")[1]
        listing = me.get("/mes-cles").text
        assert secret not in listing and key_id in listing and "script budget" in listing
        with gateway.services.keys._engine.connect() as conn:
            row = (
                conn.execute(sa.select(API_KEY_TABLE).where(API_KEY_TABLE.c.key_id == key_id))
                .mappings()
                .one()
            )
        assert secret.split("_", 2)[2] not in str(dict(row)) and row["expires_at"] is not None
        assert sorted(row["roles"]) == ["finance"]  # never the admin role on a script's key
        headers = {"Authorization": f"Bearer {secret}"}
        assert httpx.get(gateway.base_url + "/v1/models", headers=headers).status_code == 200
        me.post(f"/mes-cles/{key_id}/revoquer", data={"csrf_token": page_csrf(me, "/mes-cles")})
        assert httpx.get(gateway.base_url + "/v1/models", headers=headers).status_code == 401
    events, _ = gateway.services.audit.query(AuditFilter(user_id="r.finance"), limit=50)
    assert {"keys.self.create", "keys.self.revoke"} <= {e.route for e in events}
    assert all(secret not in str(e.extra) for e in events)


def test_when_role_is_not_allowed_self_service_then_page_refused(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    with signed_in(gateway, make_key("buyer")) as buyer:
        assert buyer.get("/mes-cles").status_code == 403
        assert "Mes clés" not in buyer.get("/").text


def test_when_someone_revokes_another_persons_key_then_refused(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    victim = make_key("finance", user="s.victime").split("_")[1]
    with signed_in(gateway, make_key("finance")) as other:
        answer = other.post(
            f"/mes-cles/{victim}/revoquer", data={"csrf_token": page_csrf(other, "/mes-cles")}
        )
    assert answer.status_code == 404 and gateway.services.keys.identity(victim) is not None


def test_when_expiry_is_out_of_range_then_french_message(gateway: LiveGateway, make_key: KeyFactory) -> None:
    with signed_in(gateway, make_key("finance")) as me:
        answer = me.post(
            "/mes-cles", data={"csrf_token": page_csrf(me, "/mes-cles"), "nom": "x", "duree_jours": "999"}
        )
    assert answer.status_code == 422 and "de 1 à 365 jours" in answer.text


def admin_posts(
    gateway: LiveGateway, make_key: KeyFactory, path: str, fields: dict[str, str]
) -> httpx.Response:
    """Post ``fields`` to ``path`` as the administrator « t.admin », signed in, with the page's CSRF token."""
    with signed_in(gateway, make_key("admin", department="direction-data-ia", user="t.admin")) as admin:
        return admin.post(path, data={"csrf_token": page_csrf(admin, "/admin"), **fields})


def test_when_admin_records_training_then_listed_and_audited(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    fields = {"utilisateur": "t.nouvelle", "formation": "ia-2026", "date": "2026-01-15"}
    page = admin_posts(gateway, make_key, "/admin/formations", fields)
    assert page.status_code == 200 and "t.nouvelle" in page.text and "15/01/2026" in page.text
    assert gateway.services.keys.training("t.nouvelle") is not None
    events, _ = gateway.services.audit.query(
        AuditFilter(route="admin.training.record", user_id="t.admin"), limit=5
    )
    assert events and events[-1].extra["target_user"] == "t.nouvelle"


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"utilisateur": "", "formation": "ia-2026", "date": ""}, "Formation incomplète"),
        ({"utilisateur": "t.autre", "formation": "", "date": "2026-01-15"}, "Formation incomplète"),
        ({"utilisateur": "t.autre", "formation": "ia-2026", "date": "15 janvier"}, "Date invalide"),
        (
            {"utilisateur": "t.autre", "formation": "ia-2026", "date": "2999-01-01"},
            "ne peut pas être à venir",
        ),
    ],
)
def test_when_a_training_record_is_incomplete_then_the_page_says_what_is_missing(
    gateway: LiveGateway, make_key: KeyFactory, fields: dict[str, str], says: str
) -> None:
    page = admin_posts(gateway, make_key, "/admin/formations", fields)
    assert page.status_code == 422 and says in page.text


def test_when_non_admin_posts_to_admin_pages_then_refused(gateway: LiveGateway, make_key: KeyFactory) -> None:
    with signed_in(gateway, make_key("finance")) as finance:
        data = {
            "csrf_token": page_csrf(finance, "/"),
            "utilisateur": "x",
            "direction": "d",
            "role_admin": "oui",
            "nom": "n",
        }
        assert finance.post("/admin/cles", data=data).status_code == 403
        assert finance.get("/admin").status_code == 403


def test_when_an_admin_gives_an_administrator_key_to_a_shared_account_then_refused_in_french(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    fields = {
        "utilisateur": "Administrateur",
        "direction": "dsi",
        "role_admin": "oui",
        "nom": "poste partagé",
    }
    page = admin_posts(gateway, make_key, "/admin/cles", fields)
    assert page.status_code == 422 and "nominative" in page.text
    assert not [k for k in gateway.services.keys.list() if k.user_id == "Administrateur"]


def test_when_a_page_is_asked_for_without_a_session_then_the_browser_goes_to_sign_in(
    gateway: LiveGateway,
) -> None:
    # found by a fresh user: /admin answered « Session expirée… clé révoquée » where other pages
    # send the browser to /connexion
    for path in ("/admin", "/mes-cles"):
        answer = httpx.get(gateway.base_url + path, follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"] == "/connexion", path
    sent = httpx.post(gateway.base_url + "/admin/cles", data={"utilisateur": "x"}, follow_redirects=False)
    assert sent.status_code in (401, 403)  # a form sent without a session is refused, never acted on
