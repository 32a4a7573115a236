"""The dashboard, a drill-down, the feedback flow and the exports in a real browser (Chromium).

Screenshots at 1366×768 (an office laptop) and 390×844 (a phone) go to test-artefacts/.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.conftest import ARTEFACTS, KeyFactory
from tests.harness import LiveGateway
from tests.web.test_browser import browser  # noqa: F401 - the module's Chromium fixture

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
COMMENT = "Gain net ; à montrer à Mme Honorine Dupertuis-Vallat."


@pytest.fixture
def contexts(browser: Browser) -> Iterator[list[BrowserContext]]:  # noqa: F811
    opened: list[BrowserContext] = []
    yield opened
    for context in opened:
        context.close()


def open_page(browser: Browser, contexts: list[BrowserContext], viewport: dict[str, int]) -> Page:  # noqa: F811
    context = browser.new_context(accept_downloads=True, locale="fr-FR", viewport=viewport)  # type: ignore[arg-type]
    context.set_default_timeout(20_000)
    contexts.append(context)
    return context.new_page()


def sign_in(page: Page, gateway: LiveGateway, key: str, landing: str) -> None:
    page.goto(gateway.base_url + "/connexion")
    page.get_by_label("Clé d'accès personnelle").fill(key)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(gateway.base_url + landing)


WIDEST = """[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
  && !e.closest('.table-wrap')).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right)"""


def no_sideways_scroll(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))


def test_when_buyer_answers_then_gives_feedback_and_cannot_open_the_dashboard(
    browser: Browser,  # noqa: F811
    contexts: list[BrowserContext],
    gateway: LiveGateway,
    make_key: KeyFactory,
) -> None:
    ARTEFACTS.mkdir(exist_ok=True)
    page = open_page(browser, contexts, LAPTOP)
    try:
        sign_in(
            page, gateway, make_key("buyer", department="pole-achats-avis", user="acheteuse-tableau"), "/"
        )
        assert page.get_by_role("link", name="Tableau de bord").count() == 0
        page.goto(gateway.base_url + "/formulaires/achats-cctp")
        page.get_by_label("Objet du marché").fill("Gants nitrile")
        page.get_by_label("Besoin exprimé par le service prescripteur").fill(
            "Gants nitrile non poudrés, 3 tailles."
        )
        page.get_by_role("button", name="Générer le projet de texte").press("Enter")
        page.locator("#etat:text('Réponse complète.')").wait_for()
        feedback = page.locator("#avis")
        feedback.wait_for(state="visible")
        page.get_by_label("Utile", exact=True).check()
        page.get_by_label("Temps gagné estimé, en minutes (facultatif)").fill("20")
        page.get_by_label("Commentaire (facultatif)").fill(COMMENT)
        page.get_by_role("button", name="Envoyer mon avis").press("Enter")
        page.locator("#avis-etat").filter(has_text="votre avis est enregistré").wait_for()
        assert page.get_by_role("button", name="Envoyer mon avis").is_disabled()
        feedback.scroll_into_view_if_needed()
        page.screenshot(path=ARTEFACTS / "20-avis-1366.png", full_page=True)

        response = page.goto(gateway.base_url + "/tableau-de-bord")
        assert response is not None and response.status == 403
        assert "articles 2.1 et 10.3" in page.locator("main").inner_text()
        page.screenshot(path=ARTEFACTS / "21-tableau-refuse-acheteur-1366.png", full_page=True)
    except Exception:
        page.screenshot(path=ARTEFACTS / "echec-avis.png", full_page=True)
        raise


def test_when_auditor_walks_journal_dashboard_drill_down_and_exports_then_all_fit_and_download(
    browser: Browser,  # noqa: F811
    contexts: list[BrowserContext],
    gateway: LiveGateway,
    make_key: KeyFactory,
    tmp_path: Path,
) -> None:
    ARTEFACTS.mkdir(exist_ok=True)
    buyer = make_key("buyer", department="pole-achats-nav", user="j.martin-nav")
    import httpx

    for content in (
        "Rédige l'objet du marché de compresses.",
        "Relance M. Aurélien Castagnède au 06 98 76 54 32.",
    ):
        r = httpx.post(
            gateway.base_url + "/v1/chat/completions",
            headers={"Authorization": f"Bearer {buyer}"},
            json={"model": "onprem-llm", "messages": [{"role": "user", "content": content}]},
            timeout=30,
        )
        assert r.status_code == 200
    page = open_page(browser, contexts, LAPTOP)
    try:
        sign_in(
            page, gateway, make_key("auditor", department="controle-interne", user="auditeur-nav"), "/audit"
        )
        # The journal: partial, case-insensitive filter; the whole table within 1366 px.
        page.get_by_label("Utilisateur").fill("MARTIN-NAV")
        page.get_by_role("button", name="Filtrer").press("Enter")
        page.wait_for_url("**/audit?*")
        # two calls: one line each (the in-flight record is left out once the call completed)
        assert page.locator("#total-enregistrements").inner_text().startswith("2 enregistrements")
        assert no_sideways_scroll(page)
        last_header = page.locator(".audit-table thead th").last
        box = last_header.bounding_box()
        assert box is not None and box["x"] + box["width"] <= LAPTOP["width"]
        assert "Conversation" in page.locator(".audit-table").inner_text()
        page.screenshot(path=ARTEFACTS / "22-journal-1366.png")
        page.locator("#enregistrements-titre").scroll_into_view_if_needed()
        page.screenshot(path=ARTEFACTS / "22b-journal-tableau-1366.png")
        page.locator(".audit-table tbody tr").first.get_by_role("link").first.click()
        page.wait_for_url("**/audit/req_*")
        assert "Conversation" in page.get_by_role("heading", level=2).first.inner_text()
        assert "{" not in page.locator(".record-fields").first.inner_text()  # no raw JSON
        page.screenshot(path=ARTEFACTS / "22c-detail-1366.png", full_page=True)
        page.go_back()

        with page.expect_download() as info:
            page.locator("#export-csv").click()
        saved = tmp_path / info.value.suggested_filename
        info.value.save_as(saved)
        raw = saved.read_bytes()
        assert raw.startswith("\ufeff".encode())
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
        assert rows[0][0] == "N° d'enregistrement" and len(rows) == 3  # header + 2 calls
        with page.expect_download() as info:
            page.locator("#export-jsonl").click()
        jsonl = tmp_path / info.value.suggested_filename
        info.value.save_as(jsonl)
        faithful = jsonl.read_text().splitlines()
        assert len(faithful) == 4  # the faithful export: each call's in-flight record and its completion
        assert all(len(json.loads(line)["hash"]) == 64 for line in faithful)

        # The dashboard: charts with their tables, filtered on the buyer's department.
        page.get_by_role("link", name="Tableau de bord").click()
        page.wait_for_url("**/tableau-de-bord")
        page.get_by_label("Service", exact=True).select_option("pole-achats-nav")
        page.get_by_role("button", name="Afficher").press("Enter")
        page.wait_for_url("**/tableau-de-bord?*")
        kpis = page.locator("#chiffres-cles").inner_text()
        assert "Appels\n2" in kpis or "Appels 2" in kpis.replace("\n", " ")
        assert page.locator("svg.chart").count() >= 8
        assert no_sideways_scroll(page)
        page.screenshot(path=ARTEFACTS / "23-tableau-de-bord-1366.png")
        page.screenshot(path=ARTEFACTS / "24-tableau-de-bord-1366-complet.png", full_page=True)
        page.locator("#usage-modele details summary").click()
        page.locator("#usage-modele-tableau").get_by_role("link", name="onprem-llm").click()
        page.wait_for_url("**/tableau-de-bord/enregistrements?*")
        assert page.locator("#total-enregistrements").inner_text().startswith("2 appels")
        assert "j.martin-nav" in page.locator("#enregistrements").inner_text()
        page.screenshot(path=ARTEFACTS / "25-enregistrements-1366.png", full_page=True)

        page.go_back()
        with page.expect_download() as info:
            page.locator("#rapport-docx").click()
        report = tmp_path / info.value.suggested_filename
        info.value.save_as(report)
        document = docx.Document(io.BytesIO(report.read_bytes()))
        assert "pole-achats-nav" in [c.text for t in document.tables for row in t.rows for c in row.cells]
    except Exception:
        page.screenshot(path=ARTEFACTS / "echec-tableau-de-bord.png", full_page=True)
        raise


def test_when_pages_are_seen_on_a_phone_then_nothing_overflows_sideways(
    browser: Browser,  # noqa: F811
    contexts: list[BrowserContext],
    gateway: LiveGateway,
    make_key: KeyFactory,
) -> None:
    ARTEFACTS.mkdir(exist_ok=True)
    page = open_page(browser, contexts, PHONE)
    sign_in(
        page,
        gateway,
        make_key("direction", department="direction-data-ia", user="directrice-nav"),
        "/tableau-de-bord",
    )
    assert no_sideways_scroll(page)
    assert page.locator("#acces").count() == 0  # no access review for the directorate
    page.screenshot(path=ARTEFACTS / "26-tableau-de-bord-390.png")
    page.screenshot(path=ARTEFACTS / "27-tableau-de-bord-390-complet.png", full_page=True)
    page.locator("#usage-modele").screenshot(path=ARTEFACTS / "27b-graphique-390.png")
    auditor = open_page(browser, contexts, PHONE)
    sign_in(
        auditor, gateway, make_key("auditor", department="controle-interne", user="auditrice-tel"), "/audit"
    )
    auditor.screenshot(path=ARTEFACTS / "28-journal-390.png", full_page=True)
    assert no_sideways_scroll(auditor), auditor.evaluate(WIDEST)
