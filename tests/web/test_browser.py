"""A buyer drafts a CCTP in a real browser (Debian's chromium, driven by Playwright)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import docx
import httpx
import pytest
from playwright.sync_api import Browser, expect, sync_playwright

from iag_gateway.audit.filters import AuditFilter
from tests.conftest import ARTEFACTS, KeyFactory
from tests.fakes.oidc_provider import OidcProvider
from tests.harness import LiveGateway

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
NEED = (
    "Pousse-seringues pour la réanimation médicale, 40 appareils. "
    "Contact : Mme Sophie Garnier, 06 45 12 78 90."
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def test_when_buyer_drafts_a_cctp_then_answer_streams_with_restored_names_and_exports(
    browser: Browser, gateway: LiveGateway, make_key: KeyFactory, tmp_path: Path
) -> None:
    ARTEFACTS.mkdir(exist_ok=True)
    context = browser.new_context(accept_downloads=True, locale="fr-FR")
    context.set_default_timeout(20_000)
    page = context.new_page()
    try:
        page.goto(gateway.base_url + "/")
        assert page.url.endswith("/connexion")
        page.get_by_label("Clé d'accès personnelle").fill(make_key("buyer"))
        page.screenshot(path=ARTEFACTS / "01-connexion.png", full_page=True)
        page.get_by_role("button", name="Se connecter").click()

        page.wait_for_url(gateway.base_url + "/")
        assert page.get_by_role("heading", name="Achats").is_visible()
        page.screenshot(path=ARTEFACTS / "02-accueil.png", full_page=True)
        page.get_by_role("link", name="Rédaction d'un projet de CCTP").click()

        page.wait_for_url("**/formulaires/achats-cctp")
        page.get_by_label("Objet du marché").fill("Fourniture et maintenance de pousse-seringues")
        page.get_by_label("Besoin exprimé par le service prescripteur").fill(NEED)
        page.get_by_label("Lots envisagés").fill("Pousse-seringues\nMaintenance")
        page.get_by_label("Durée du marché (mois)").fill("48")
        page.screenshot(path=ARTEFACTS / "03-formulaire.png", full_page=True)
        # Keyboard only from here on (full-page screenshots also throw off mouse coordinates).
        page.get_by_role("button", name="Générer le projet de texte").press("Enter")

        page.locator("#etat.status-error, #etat:text('Réponse complète.')").first.wait_for()
        assert page.locator("#etat").inner_text() == "Réponse complète."
        answer = page.locator("#reponse-texte").inner_text()
        assert "Sophie Garnier" in answer and "06 45 12 78 90" in answer
        assert "<PERSONNE" not in answer
        masked = page.locator("#resume-masquage").inner_text()
        assert "1 nom de personne" in masked and "1 numéro de téléphone" in masked
        assert "relisez-le avant tout usage" in page.locator(".ai-banner").inner_text()
        page.locator("#reponse").scroll_into_view_if_needed()
        page.screenshot(path=ARTEFACTS / "04-reponse.png", full_page=True)

        with page.expect_download() as download_info:
            page.get_by_role("button", name="Télécharger (Word .docx)").press("Enter")
        download = download_info.value
        assert download.suggested_filename.endswith(".docx")
        saved = tmp_path / download.suggested_filename
        download.save_as(saved)
        document = docx.Document(io.BytesIO(saved.read_bytes()))
        body = "\n".join(p.text for p in document.paragraphs)
        assert "Sophie Garnier" in body and "06 45 12 78 90" in body

        page.get_by_label("J'ai relu et je prends la responsabilité de ce texte").press("Space")
        page.get_by_role("button", name="Enregistrer ma relecture").press("Enter")
        page.locator("#relecture-etat").filter(has_text="Relecture enregistrée").wait_for()
        page.screenshot(path=ARTEFACTS / "05-relecture.png", full_page=True)
    except Exception:
        page.screenshot(path=ARTEFACTS / "echec-redaction.png", full_page=True)
        raise
    finally:
        context.close()


def test_when_required_field_left_empty_then_browser_blocks_submission(
    browser: Browser, gateway: LiveGateway, make_key: KeyFactory
) -> None:
    ARTEFACTS.mkdir(exist_ok=True)
    context = browser.new_context(locale="fr-FR")
    context.set_default_timeout(20_000)
    page = context.new_page()
    try:
        page.goto(gateway.base_url + "/connexion")
        page.get_by_label("Clé d'accès personnelle").fill("iag_pas-une-cle")
        page.get_by_role("button", name="Se connecter").click()
        page.get_by_role("alert").wait_for()
        assert "Clé d'accès inconnue" in page.get_by_role("alert").inner_text()
        # the summary takes focus (autofocus is applied at the next rendering update: poll for it)
        expect(page.locator("#erreurs")).to_be_focused()
        assert page.title().startswith("Erreur : ")
        page.screenshot(path=ARTEFACTS / "06-connexion-erreur.png", full_page=True)

        page.get_by_label("Clé d'accès personnelle").fill(make_key("buyer"))
        page.get_by_role("button", name="Se connecter").click()
        page.wait_for_url(gateway.base_url + "/")
        page.goto(gateway.base_url + "/formulaires/achats-cctp")
        page.get_by_label("Objet du marché").fill("Gants")
        page.get_by_role("button", name="Générer le projet de texte").press("Enter")
        besoin = page.get_by_label("Besoin exprimé par le service prescripteur")
        assert besoin.evaluate("el => !el.validity.valid")
        assert page.locator("#reponse").is_hidden()
        page.keyboard.press("Tab")
        page.screenshot(path=ARTEFACTS / "07-champ-obligatoire.png", full_page=True)

        # Past the browser's checks, the server's validation answers in French, field by field.
        besoin.fill("Gants nitrile non poudrés")
        duree = page.get_by_label("Durée du marché (mois)")
        duree.evaluate("el => el.removeAttribute('max')")
        duree.fill("500")
        page.get_by_role("button", name="Générer le projet de texte").press("Enter")
        summary = page.locator("#resume-erreurs")
        summary.wait_for()
        assert "Valeur trop grande (maximum 96)" in summary.inner_text()
        assert page.locator("#erreur-duree_mois").inner_text() == "Valeur trop grande (maximum 96)."
        assert duree.get_attribute("aria-invalid") == "true" and duree.input_value() == "500"
        assert page.get_by_label("Objet du marché").input_value() == "Gants"
        expect(page.locator("#resume-erreurs")).to_be_focused()
        assert page.title().startswith("Erreur : ")
        page.screenshot(path=ARTEFACTS / "08-erreur-serveur.png", full_page=True)
    finally:
        context.close()


def test_when_keyboard_user_arrives_then_skip_link_comes_first_and_errors_are_french_pages(
    browser: Browser, gateway: LiveGateway
) -> None:
    ARTEFACTS.mkdir(exist_ok=True)
    context = browser.new_context(locale="fr-FR")
    context.set_default_timeout(20_000)
    page = context.new_page()
    try:
        page.goto(gateway.base_url + "/connexion")
        page.keyboard.press("Tab")
        skip = page.get_by_role("link", name="Aller au contenu")
        assert skip.evaluate("el => el === document.activeElement") and skip.is_visible()
        outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
        assert outline == "solid"
        page.screenshot(path=ARTEFACTS / "00-lien-evitement.png")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "contenu"

        page.goto(gateway.base_url + "/formulaires/x/y")
        assert page.get_by_role("heading", level=1).inner_text() == "Page introuvable"
        assert page.evaluate("document.documentElement.lang") == "fr"
        page.screenshot(path=ARTEFACTS / "09-page-introuvable.png", full_page=True)
    finally:
        context.close()


def test_when_auditor_opens_the_journal_then_table_and_detail_are_readable(
    browser: Browser, gateway: LiveGateway, make_key: KeyFactory
) -> None:
    ARTEFACTS.mkdir(exist_ok=True)
    buyer_key = make_key("buyer", user="acheteuse-console")
    for content in (
        "Rédige l'objet du marché de gants.",
        "Relance M. Théophile Vanderbecq au 06 12 34 56 78.",
    ):
        response = httpx.post(
            gateway.base_url + "/v1/chat/completions",
            headers={"Authorization": f"Bearer {buyer_key}"},
            json={"model": "onprem-llm", "messages": [{"role": "user", "content": content}]},
            timeout=30,
        )
        assert response.status_code == 200
    context = browser.new_context(locale="fr-FR", viewport={"width": 1440, "height": 900})
    context.set_default_timeout(20_000)
    page = context.new_page()
    try:
        page.goto(gateway.base_url + "/connexion")
        key = make_key("auditor", department="direction-data-ia", user="auditrice-console")
        page.get_by_label("Clé d'accès personnelle").fill(key)
        page.get_by_role("button", name="Se connecter").click()
        page.wait_for_url(gateway.base_url + "/audit")  # auditors land on the journal
        assert page.get_by_role("heading", level=1).inner_text() == "Journal d'audit"
        page.get_by_role("button", name="Vérifier la chaîne d'intégrité").press("Enter")
        page.get_by_role("status").filter(has_text="intacte").wait_for()
        table = page.get_by_role("table")
        assert "acheteuse-console" in table.inner_text() and "Vanderbecq" not in page.content()
        header = page.locator(".audit-table thead th").first
        assert header.evaluate("el => getComputedStyle(el).position") == "sticky"
        page.screenshot(path=ARTEFACTS / "10-journal-audit.png", full_page=True)

        page.locator(".audit-table tbody tr", has_text="acheteuse-console").first.get_by_role(
            "link"
        ).first.click()
        page.wait_for_url("**/audit/req_*")
        assert page.get_by_role("heading", level=1).inner_text().startswith("Demande req_")
        assert "Empreinte de la requête (SHA-256)" in page.content()
        page.screenshot(path=ARTEFACTS / "11-detail-audit.png", full_page=True)
    except Exception:
        page.screenshot(path=ARTEFACTS / "echec-journal-audit.png", full_page=True)
        raise
    finally:
        context.close()


def test_when_buyer_signs_in_with_the_institutional_account_then_finds_reviews_and_exports_the_project(
    browser: Browser, gateway: LiveGateway, oidc_provider: OidcProvider, tmp_path: Path
) -> None:
    ARTEFACTS.mkdir(exist_ok=True)
    sub = oidc_provider.user(
        "n.acheteuse", preferred_username="n.acheteuse", department="pole-achats", groups=["acheteurs"]
    )
    gateway.services.keys.record_training(sub, "formation-ia-generative", date.today())
    context = browser.new_context(
        accept_downloads=True, locale="fr-FR", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(20_000)
    page = context.new_page()
    try:
        page.goto(gateway.base_url + "/")
        assert page.url.endswith("/connexion")
        page.screenshot(path=ARTEFACTS / "20-connexion-etablissement.png", full_page=True)
        page.get_by_role("link", name="Se connecter avec mon compte de l'établissement").click()
        page.locator("input[name=sub]").fill(sub)  # the provider's own sign-in form
        page.get_by_role("button", name="Authorize").click()
        page.wait_for_url(gateway.base_url + "/")
        assert "n.acheteuse" in page.locator(".account").inner_text()
        page.screenshot(path=ARTEFACTS / "21-accueil-oidc.png", full_page=True)

        page.get_by_role("link", name="Rédaction d'un projet de CCTP").click()
        page.get_by_label("Objet du marché").fill("Fourniture de lits médicalisés")
        page.get_by_label("Besoin exprimé par le service prescripteur").fill(NEED)
        page.get_by_role("button", name="Générer le projet de texte").press("Enter")
        page.locator("#etat.status-error, #etat:text('Réponse complète.')").first.wait_for()
        assert page.locator("#etat").inner_text() == "Réponse complète."
        answer_box = page.locator("#reponse").bounding_box()
        form_box = page.locator("#formulaire-modele").bounding_box()
        assert answer_box is not None and form_box is not None and answer_box["y"] < form_box["y"]
        page.screenshot(path=ARTEFACTS / "22-reponse-au-dessus.png", full_page=True)

        page.goto(gateway.base_url + "/charte")  # leave the page
        page.get_by_role("link", name="Mes projets").click()
        page.get_by_role("link", name="Rédaction d'un projet de CCTP").first.click()
        page.wait_for_url("**/projets/*")
        reference = page.locator("#reference").inner_text()
        assert "Sophie Garnier" in page.locator("#reponse-texte").inner_text()
        assert "à relire" in page.locator("#etat-relecture").inner_text()
        page.screenshot(path=ARTEFACTS / "23-mes-projets-detail.png", full_page=True)

        page.get_by_label("J'ai relu et je prends la responsabilité de ce texte").check()
        page.get_by_role("button", name="Enregistrer ma relecture").click()
        page.get_by_role("link", name="Retour au projet").click()
        assert "Relu par n.acheteuse" in page.locator("#etat-relecture").inner_text()
        with page.expect_download() as download_info:
            page.get_by_role("button", name="Télécharger (Word .docx)").click()
        download = download_info.value
        assert re.fullmatch(r"achats-cctp-\d{4}-\d{2}-\d{2}\.docx", download.suggested_filename)
        saved = tmp_path / download.suggested_filename
        download.save_as(saved)
        document = docx.Document(io.BytesIO(saved.read_bytes()))
        footer = [p.text for p in document.sections[0].footer.paragraphs]
        assert document.core_properties.author == "n.acheteuse"
        assert re.fullmatch(r"Texte généré par IA, relu par n\.acheteuse le \d{2}/\d{2}/\d{4}\.", footer[0])
        assert reference in footer[1]
        page.screenshot(path=ARTEFACTS / "24-projet-relu.png", full_page=True)
    except Exception:
        page.screenshot(path=ARTEFACTS / "echec-oidc-projet.png", full_page=True)
        raise
    finally:
        context.close()


def test_when_admin_creates_a_key_for_a_person_then_it_works_until_revoked(
    browser: Browser, gateway: LiveGateway, oidc_provider: OidcProvider
) -> None:
    ARTEFACTS.mkdir(exist_ok=True)
    sub = oidc_provider.user(
        "o.admin", preferred_username="o.admin", department="direction-data-ia", groups=["admins-ia"]
    )
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    page = context.new_page()
    try:
        page.goto(gateway.base_url + "/connexion")
        page.get_by_role("link", name="Se connecter avec mon compte de l'établissement").click()
        page.locator("input[name=sub]").fill(sub)
        page.get_by_role("button", name="Authorize").click()
        page.wait_for_url(re.compile(r"/(audit)?$"))  # admins read the journal: they may land there
        page.get_by_role("link", name="Administration").click()
        page.get_by_label("Identifiant de la personne").first.fill("q.finance")
        page.get_by_label("Direction", exact=True).fill("direction-finances")
        page.locator("#role_finance").check()
        page.get_by_label("Nom de la clé").fill("script budget")
        page.get_by_label("Durée de validité").select_option("90")
        page.get_by_role("button", name="Créer la clé").click()
        secret = page.locator("#cle-secrete").inner_text()
        assert secret.startswith("iag_")
        page.screenshot(path=ARTEFACTS / "25-admin-cle-creee.png", full_page=True)
        models = httpx.get(gateway.base_url + "/v1/models", headers={"Authorization": f"Bearer {secret}"})
        assert models.status_code == 200

        key_id = secret.split("_")[1]
        page.get_by_role("button", name=f"Révoquer la clé {key_id}").click()
        assert page.get_by_role("status").filter(has_text="révoquée").is_visible()
        assert page.locator(f"#cle-{key_id}").inner_text().count("Révoquée") == 1
        page.screenshot(path=ARTEFACTS / "26-admin-cle-revoquee.png", full_page=True)
        models = httpx.get(gateway.base_url + "/v1/models", headers={"Authorization": f"Bearer {secret}"})
        assert models.status_code == 401
        events, _ = gateway.services.audit.query(AuditFilter(user_id="o.admin"), limit=50)
        assert {"admin.key.create", "admin.key.revoke"} <= {e.route for e in events}
    except Exception:
        page.screenshot(path=ARTEFACTS / "echec-admin-cle.png", full_page=True)
        raise
    finally:
        context.close()
