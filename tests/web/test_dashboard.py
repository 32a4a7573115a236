"""The directorate's dashboard, its drill-down, the feedback flow and the monthly report, over HTTP."""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Iterator
from datetime import datetime
from html import unescape

import httpx
import pytest
from docx import Document

from iag_gateway.audit.filters import AuditFilter
from iag_gateway.web.french_format import paris
from tests.conftest import KeyFactory
from tests.harness import LiveGateway
from tests.web.test_console import chat_call
from tests.web.test_form import csrf_of, signed_in
from tests.web.test_form_accessibility import assert_accessible

INVENTED = "Gaspard Lhermitte-Quesnoy"


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="module")
def seeded(gateway: LiveGateway, make_key: KeyFactory) -> dict[str, object]:
    """Three chat calls from two buyers of a department of their own, and one feedback."""
    department = unique("service-test")
    first, second = unique("acheteur"), unique("acheteuse")
    key1 = make_key("buyer", department=department, user=first)
    key2 = make_key("buyer", department=department, user=second)
    ids = [chat_call(gateway, key1), chat_call(gateway, key1), chat_call(gateway, key2)]
    return {"department": department, "key1": key1, "key2": key2, "ids": ids, "users": (first, second)}


@pytest.fixture
def auditor(gateway: LiveGateway, make_key: KeyFactory) -> Iterator[httpx.Client]:
    with signed_in(
        gateway, make_key("auditor", department="controle-interne", user=unique("auditrice"))
    ) as c:
        yield c


@pytest.fixture
def director(gateway: LiveGateway, make_key: KeyFactory) -> Iterator[httpx.Client]:
    with signed_in(gateway, make_key("direction", department="direction-data-ia", user=unique("dir"))) as c:
        yield c


@pytest.fixture
def buyer(gateway: LiveGateway, make_key: KeyFactory) -> Iterator[httpx.Client]:
    with signed_in(gateway, make_key("buyer", user=unique("acheteur"))) as client:
        yield client


def card(html: str, label: str) -> str:
    match = re.search(rf"<dt>{re.escape(label)}</dt><dd>([^<]*)</dd>", html)
    assert match, label
    return match.group(1)


def test_when_auditor_filters_on_a_department_then_the_figures_are_its_calls(
    gateway: LiveGateway, auditor: httpx.Client, seeded: dict[str, object]
) -> None:
    response = auditor.get("/tableau-de-bord", params={"service": seeded["department"]})
    assert response.status_code == 200
    html = unescape(response.text)
    assert card(html, "Appels") == "3" and card(html, "Utilisateurs") == "2" and card(html, "Services") == "1"
    assert card(html, "Refus").startswith("0 ")
    events = gateway.services.audit.query(AuditFilter(department=str(seeded["department"]), route="chat"))[0]
    tokens = sum((e.total_tokens or 0) for e in events)
    assert card(html, "Jetons") == f"{tokens:,}".replace(",", "\u202f")
    for section in ("Usage", "Refus et signalements", "Données personnelles et redirections", "Relecture humaine",
                    "Retours des utilisateurs", "Jetons, coût et empreinte", "Revue des accès"):  # fmt: skip
        assert f">{section}</h2>" in html, section
    assert html.count('<svg class="chart"') >= 8 and html.count('role="img"') >= 8
    assert "Tableau des données du graphique" in html and "Méthode :" in html and "EcoLogits" in html
    row = html.split('id="usage-modele-tableau"')[1].split("</table>")[0]
    assert '>onprem-llm</a></th><td class="num">3</td>' in row
    assert_accessible(response.text)
    [record] = [
        e
        for e in gateway.services.audit.query(AuditFilter(route="dashboard"), limit=1000)[0]
        if e.extra.get("filters") == {"service": seeded["department"]}
    ][-1:]
    assert record.extra["view"] == "dashboard" and record.outcome == "ok"


def test_when_a_figure_is_followed_then_the_records_behind_it_are_listed(
    auditor: httpx.Client, director: httpx.Client, seeded: dict[str, object]
) -> None:
    page = unescape(auditor.get("/tableau-de-bord", params={"service": seeded["department"]}).text)
    link = re.search(r'href="(/tableau-de-bord/enregistrements\?[^"]*modele=onprem-llm[^"]*)"', page)
    assert link, "the model row links to its records"
    html = unescape(auditor.get(link.group(1).replace("&amp;", "&")).text)
    assert "<strong>3</strong> appels correspondent" in html
    ids = seeded["ids"]
    assert isinstance(ids, list) and all(f"/audit/{i}" in html for i in ids)
    users = seeded["users"]
    assert isinstance(users, tuple) and users[0] in html
    # The directorate sees the same calls, without names (art. 5.4) nor links to the journal (art. 8.3).
    seen = unescape(director.get(link.group(1).replace("&amp;", "&")).text)
    assert "<strong>3</strong> appels correspondent" in seen
    assert users[0] not in seen and "/audit/req_" not in seen and "article 5.4" in seen


def test_when_director_opens_the_dashboard_then_figures_but_no_access_review_nor_journal(
    director: httpx.Client, seeded: dict[str, object]
) -> None:
    response = director.get("/tableau-de-bord", params={"service": seeded["department"]})
    html = unescape(response.text)
    assert response.status_code == 200 and card(html, "Appels") == "3"
    assert "Revue des accès" not in html and 'href="/audit"' not in html
    assert 'href="/tableau-de-bord" aria-current="page">Tableau de bord</a>' in html
    assert director.get("/audit").status_code == 403


@pytest.mark.parametrize(
    "path", ["/tableau-de-bord", "/tableau-de-bord/enregistrements", "/tableau-de-bord/rapport.csv"]
)
def test_when_buyer_opens_the_dashboard_then_403_in_french(buyer: httpx.Client, path: str) -> None:
    response = buyer.get(path)
    html = unescape(response.text)
    assert (
        response.status_code == 403 and "articles 2.1 et 10.3" in html and "Tableau de bord</a>" not in html
    )


def test_when_dashboard_filters_are_invalid_then_the_page_says_so(auditor: httpx.Client) -> None:
    response = auditor.get("/tableau-de-bord", params={"du": "hier", "fournisseur": "inconnu"})
    html = unescape(response.text)
    assert response.status_code == 400
    assert "La date « Du » doit être au format AAAA-MM-JJ." in html and "n'est pas au registre" in html


# -- feedback ----------------------------------------------------------------------------


def test_when_feedback_is_sent_through_the_api_then_stored_pseudonymised_and_counted(
    gateway: LiveGateway, auditor: httpx.Client, seeded: dict[str, object]
) -> None:
    ids = seeded["ids"]
    assert isinstance(ids, list)
    body = {
        "request_id": ids[0],
        "useful": True,
        "comment": f"Très utile, j'ai transmis à {INVENTED} au 06 11 22 33 44.",
        "minutes_saved": 25,
    }
    headers = {"Authorization": f"Bearer {seeded['key1']}"}
    response = httpx.post(gateway.base_url + "/v1/feedback", json=body, headers=headers, timeout=30)
    assert response.status_code == 200, response.text
    assert response.json()["recorded"] is True
    again = httpx.post(gateway.base_url + "/v1/feedback", json=body, headers=headers, timeout=30)
    assert again.status_code == 400 and again.json()["error"]["param"] == "request_id"
    other = httpx.post(
        gateway.base_url + "/v1/feedback",
        json={**body, "request_id": ids[2]},  # the other buyer's call
        headers=headers,
        timeout=30,
    )
    assert other.status_code == 400
    for bad, field in (({"useful": "oui"}, "useful"), ({"minutes_saved": 9999}, "minutes_saved")):
        r = httpx.post(gateway.base_url + "/v1/feedback", json={**body, **bad}, headers=headers, timeout=30)
        assert r.status_code == 400 and r.json()["error"]["param"] == field
    import sqlalchemy as sa

    from iag_gateway.feedback.models import FEEDBACK_TABLE

    with gateway.services.audit.engine.connect() as conn:
        [row] = conn.execute(
            sa.select(FEEDBACK_TABLE).where(FEEDBACK_TABLE.c.request_id == ids[0])
        ).mappings()
    assert INVENTED not in row["comment"] and "06 11 22 33 44" not in row["comment"]
    assert row["comment_pii_counts"].get("PERSON") == 1 and row["minutes_saved"] == 25
    [record] = [e for e in gateway.services.audit.get(ids[0]) if e.route == "feedback"]
    assert record.ref_request_id == ids[0] and record.extra["useful"] is True
    assert INVENTED not in str(record.public_dict())
    html = unescape(auditor.get("/tableau-de-bord", params={"service": seeded["department"]}).text)
    row_html = html.split('id="retours-gabarits-tableau"')[1].split("</table>")[0]
    assert "conversation libre</th>" in row_html and '"num">25</td>' in row_html


def test_when_feedback_is_given_in_the_web_form_then_recorded(
    gateway: LiveGateway, buyer: httpx.Client
) -> None:
    data = {
        "csrf_token": csrf_of(buyer.get("/formulaires/achats-cctp").text),
        "objet": "Gants",
        "besoin": "Gants",
    }
    html = buyer.post("/formulaires/achats-cctp", data=data).text
    match = re.search(r'name="request_id" id="avis-requete" value="(req_[0-9a-f]+)"', html)
    assert match and "Cette réponse vous a-t-elle été utile ?" in unescape(html)
    form = {"csrf_token": csrf_of(html), "request_id": match.group(1), "avis": "pas-utile", "minutes": "abc"}
    bad = buyer.post("/retour", data=form, headers={"X-Requested-With": "fetch"})
    assert bad.status_code == 400 and "nombre entier de minutes" in bad.json()["error"]["message"]
    ok = buyer.post("/retour", data={**form, "minutes": "0"}, headers={"X-Requested-With": "fetch"})
    assert ok.status_code == 200 and "votre avis est enregistré" in ok.json()["message"]
    [record] = [e for e in gateway.services.audit.get(match.group(1)) if e.route == "feedback"]
    assert record.extra["useful"] is False and record.template_id == "achats-cctp"


# -- the monthly report ------------------------------------------------------------------


def this_month() -> str:
    """The month the calls just made fall in, as the reports count it: Paris time (``?mois=``).

    The machine's own date is UTC: from 23:00 on a month's last day it named the month before.
    """
    return datetime.now(paris()).strftime("%Y-%m")


def test_when_monthly_report_is_downloaded_then_docx_and_french_csv_hold_the_department(
    auditor: httpx.Client, seeded: dict[str, object]
) -> None:
    month = this_month()
    response = auditor.get("/tableau-de-bord/rapport.csv", params={"mois": month})
    assert response.status_code == 200 and response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Service", "Cas d'usage (gabarit)", "Appels"]
    [mine] = [r for r in rows[1:] if r[0] == seeded["department"]]
    assert mine[1] == "conversation libre" and mine[2] == "3" and mine[3] == "2"
    docx = auditor.get("/tableau-de-bord/rapport.docx", params={"mois": month})
    assert docx.status_code == 200 and "attachment" in docx.headers["content-disposition"]
    document = Document(io.BytesIO(docx.content))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert seeded["department"] in cells
    assert any("EcoLogits" in p.text for p in document.paragraphs)
    assert auditor.get("/tableau-de-bord/rapport.csv", params={"mois": "novembre"}).status_code == 400


def test_when_a_rule_raised_the_data_class_then_the_rule_table_names_its_category_in_french(
    gateway: LiveGateway, make_key: KeyFactory, auditor: httpx.Client
) -> None:
    department = unique("service-classe")
    response = httpx.post(
        gateway.base_url + "/v1/chat/completions",
        headers={
            "Authorization": f"Bearer {make_key('buyer', department=department)}",
            "X-IAG-Data-Class": "confidential",
        },
        json={"model": "onprem-llm", "messages": [{"role": "user", "content": "Rédige l'objet du marché."}]},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    page = unescape(auditor.get("/tableau-de-bord", params={"service": department}).text)
    table = page.split("Règles appliquées par catégorie", 1)[1].split("</table>", 1)[0]
    assert "class-caller-declared" in table and "classe de données relevée" in table
    assert not re.search(r">\s*raise\s*<", table)
