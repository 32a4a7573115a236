"""In a real browser: a referent submits a template, the directorate approves it, a buyer uses it."""

from __future__ import annotations

import uuid

import pytest
from playwright.sync_api import Browser, Page

from tests.conftest import ARTEFACTS, KeyFactory
from tests.harness import LiveGateway
from tests.web.test_browser import browser  # noqa: F401 - the module's chromium fixture
from tests.web.test_template_admin import new_source

pytestmark = pytest.mark.browser


def sign_in(browser: Browser, gateway: LiveGateway, key: str, landing: str) -> Page:  # noqa: F811
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.goto(gateway.base_url + "/connexion")
    page.get_by_label("Clé d'accès personnelle").fill(key)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(gateway.base_url + landing)
    return page


def test_when_a_referent_submits_and_the_directorate_approves_then_a_buyer_uses_the_template(
    browser: Browser,  # noqa: F811
    gateway: LiveGateway,
    make_key: KeyFactory,
) -> None:
    ARTEFACTS.mkdir(exist_ok=True)
    template_id = f"achats-relance-{uuid.uuid4().hex[:6]}"
    title = f"Relance d'un fournisseur en retard ({template_id[-6:]})"
    pages: list[Page] = []
    try:
        # 1. The referent submits a new template from the governance pages.
        referent = sign_in(
            browser, gateway, make_key("buyer", "referent_achats", user="referente-achats"), "/"
        )
        pages.append(referent)
        referent.get_by_role("link", name="Gestion des gabarits").click()
        referent.wait_for_url("**/gabarits")
        assert referent.get_by_role("heading", level=1).inner_text() == "Gestion des gabarits"
        referent.screenshot(path=ARTEFACTS / "20-gabarits-referent.png", full_page=True)
        referent.get_by_role("link", name="Proposer un nouveau gabarit (Achats)").click()
        referent.wait_for_url("**/gabarits/nouveau?domaine=achats")
        referent.get_by_label("Gabarit (YAML)").fill(new_source(template_id))
        referent.screenshot(path=ARTEFACTS / "21-soumission.png", full_page=True)
        referent.get_by_role("button", name="Soumettre à la direction").press("Enter")
        referent.wait_for_url(f"**/gabarits/{template_id}?soumis=1.0.0")
        assert "attend la décision de la direction" in referent.get_by_role("status").inner_text()
        assert "En attente de décision" in referent.locator("#version-1\\.0\\.0 h2").inner_text()
        referent.screenshot(path=ARTEFACTS / "22-soumis-en-attente.png", full_page=True)

        # 2. The directorate reviews the diff and approves with a comment.
        director = sign_in(
            browser, gateway, make_key("direction", user="directrice-data"), "/tableau-de-bord"
        )
        pages.append(director)
        director.get_by_role("link", name="Gestion des gabarits").click()  # the header link
        director.wait_for_url(gateway.base_url + "/gabarits")
        row = director.locator("tbody tr", has_text=template_id)
        assert "referente-achats" in row.inner_text()
        row.get_by_role("link").click()
        director.wait_for_url(f"**/gabarits/{template_id}*")
        assert "+title: " + title in director.locator("pre.diff").inner_text()
        director.get_by_label("Commentaire (obligatoire pour un rejet)").fill("Conforme au guide achats.")
        director.screenshot(path=ARTEFACTS / "23-decision-direction.png", full_page=True)
        director.get_by_role("button", name="Approuver la version 1.0.0").press("Enter")
        director.wait_for_url("**?decision=approuvee")
        heading = director.locator("#version-1\\.0\\.0 h2").inner_text()
        assert "Approuvée" in heading and "servie" in heading
        assert "directrice-data" in director.locator("#version-1\\.0\\.0").inner_text()
        director.screenshot(path=ARTEFACTS / "24-approuve.png", full_page=True)

        # 3. A buyer finds it on the home page, sees its sources, and gets an answer.
        buyer = sign_in(browser, gateway, make_key("buyer"), "/")
        pages.append(buyer)
        buyer.get_by_role("link", name=title).click()
        buyer.wait_for_url(f"**/formulaires/{template_id}")
        assert "R2192-10" in buyer.locator(".references").inner_text()
        buyer.get_by_label("Faits constatés").fill(
            "Livraison de gants attendue le 2 novembre, non reçue au 20."
        )
        buyer.get_by_role("button", name="Générer le projet de texte").press("Enter")
        buyer.locator("#etat.status-error, #etat:text('Réponse complète.')").first.wait_for()
        assert buyer.locator("#etat").inner_text() == "Réponse complète."
        assert "Livraison de gants" in buyer.locator("#reponse-texte").inner_text()
        buyer.locator("#reponse").scroll_into_view_if_needed()
        buyer.screenshot(path=ARTEFACTS / "25-gabarit-servi.png", full_page=True)
    except Exception:
        for index, page in enumerate(pages):
            page.screenshot(path=ARTEFACTS / f"echec-gabarits-{index}.png", full_page=True)
        raise
    finally:
        for page in pages:
            page.context.close()
