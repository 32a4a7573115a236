"""« Mes projets » over HTTP: the author's list, re-open, duplicate, retention purge; auditors never read the text."""

from __future__ import annotations

import re
from datetime import timedelta

import httpx
import sqlalchemy as sa

from iag_gateway.projects.models import PROJECT_TABLE
from iag_gateway.storage.types import utc_now
from tests.conftest import KeyFactory
from tests.harness import LiveGateway
from tests.web.test_form import page_csrf, signed_in

MARKER = "Gants-témoin-Q7Z nitrile"


def generate(client: httpx.Client, objet: str) -> str:
    data = {"csrf_token": page_csrf(client), "objet": objet, "besoin": "Gants non poudrés pour le bloc"}
    html = client.post("/formulaires/achats-cctp", data=data).text
    found = re.search(r'id="export-requete" value="(req_[0-9a-f]+)"', html)
    assert found
    return found.group(1)


def project_link(client: httpx.Client, request_id: str) -> str:
    listing = client.get("/projets").text
    row = re.search(
        r'<a href="(/projets/[0-9a-f]{32})">[^<]*</a></td>\s*<td>.*?</td>\s*<td><code>' + request_id,
        listing,
        re.S,
    )
    assert row, "the project is not in « Mes projets »"
    return row.group(1)


def test_when_author_comes_back_then_project_reopens_with_inputs_answer_and_duplicates(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    with signed_in(gateway, make_key("buyer", user="p.auteur")) as author:
        request_id = generate(author, MARKER)
        link = project_link(author, request_id)
        detail = author.get(link).text
        assert MARKER in detail and "à relire" in detail and request_id in detail
        duplicate = author.get(f"/formulaires/achats-cctp?depuis={link.rsplit('/', 1)[1]}").text
        assert f'value="{MARKER}"' in duplicate
    with signed_in(gateway, make_key("buyer", user="p.autre")) as other:
        assert other.get(link).status_code == 404
        assert MARKER not in other.get("/projets").text


def test_when_project_is_past_the_policys_retention_then_purged_from_the_list_and_the_page(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    with signed_in(gateway, make_key("buyer", user="p.ancien")) as author:
        request_id = generate(author, "Compresses stériles")
        link = project_link(author, request_id)
        with gateway.services.projects._engine.begin() as conn:  # the project was written 31 days ago
            conn.execute(
                sa.update(PROJECT_TABLE)
                .where(PROJECT_TABLE.c.request_id == request_id)
                .values(created_at=utc_now() - timedelta(days=31))
            )
        assert request_id not in author.get("/projets").text
        assert author.get(link).status_code == 404


def test_when_auditor_reads_the_api_and_the_console_then_no_project_text_appears(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    with signed_in(gateway, make_key("buyer", user="p.confidentiel")) as author:
        request_id = generate(author, MARKER + " confidentiel")
        answer = gateway.services.projects.by_request("p.confidentiel", request_id).answer  # type: ignore[union-attr]
    auditor_key = make_key("auditor", department="direction-data-ia", user="p.auditrice")
    api = httpx.get(
        gateway.base_url + "/v1/audit/events",
        params={"user": "p.confidentiel"},
        headers={"Authorization": f"Bearer {auditor_key}"},
        timeout=30,
    )
    assert api.status_code == 200 and request_id in api.text
    with signed_in(gateway, auditor_key) as auditor:
        pages = [
            auditor.get("/audit", params={"utilisateur": "p.confidentiel"}).text,
            auditor.get(f"/audit/{request_id}").text,
            auditor.get("/audit/export.csv").text,
            auditor.get("/audit/export.jsonl").text,
        ]
        assert auditor.get("/projets").status_code == 200 and request_id not in auditor.get("/projets").text
    assert request_id in pages[1]  # the detail page is the call's, metadata only
    for text in [api.text, *pages]:
        assert "Q7Z" not in text and answer[:40] not in text
