"""The staff web pages over HTTP against a live gateway (no JavaScript)."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from html import unescape

import docx
import httpx
import pytest

from iag_gateway.web.docx_export import ExportInfo, build_docx
from tests.conftest import KeyFactory
from tests.harness import LiveGateway

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
NEED = "Pousse-seringues pour la réanimation. Contact : Mme Sophie Garnier, 06 45 12 78 90."


def csrf_of(html: str) -> str:
    match = CSRF_RE.search(html)
    assert match, "no CSRF token in the page"
    return match.group(1)


@contextmanager
def signed_in(gateway: LiveGateway, key: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=gateway.base_url, follow_redirects=False, timeout=30) as client:
        csrf = csrf_of(client.get("/connexion").text)
        response = client.post("/connexion", data={"cle": key, "csrf_token": csrf})
        assert response.status_code == 303 and response.headers["location"] in (
            "/",
            "/audit",
            "/tableau-de-bord",
        )
        yield client


@pytest.fixture
def buyer(gateway: LiveGateway, make_key: KeyFactory) -> Iterator[httpx.Client]:
    with signed_in(gateway, make_key("buyer")) as client:
        yield client


def page_csrf(client: httpx.Client, path: str = "/formulaires/achats-cctp") -> str:
    return csrf_of(client.get(path).text)


# -- sign-in, session, CSRF -------------------------------------------------------------


def test_when_key_is_wrong_then_sign_in_page_says_so_in_french(gateway: LiveGateway) -> None:
    with httpx.Client(base_url=gateway.base_url) as client:
        csrf = csrf_of(client.get("/connexion").text)
        wrong = "iag_AAAAAAAAAAAA_" + "x" * 43
        response = client.post("/connexion", data={"cle": wrong, "csrf_token": csrf})
    assert response.status_code == 401
    assert '<html lang="fr">' in response.text
    assert "Clé d'accès inconnue, mal saisie, expirée ou révoquée" in unescape(response.text)
    assert 'role="alert"' in response.text
    assert wrong not in response.text


def test_when_signed_in_then_cookie_is_httponly_samesite_strict_for_8_hours(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    with httpx.Client(base_url=gateway.base_url) as client:
        csrf = csrf_of(client.get("/connexion").text)
        response = client.post("/connexion", data={"cle": make_key("buyer"), "csrf_token": csrf})
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("iag_session=")
    flags = cookie.lower()
    assert "httponly" in flags and "samesite=strict" in flags and "path=/" in flags
    assert "max-age=28800" in flags
    assert "iag_" not in cookie.split(";")[0].removeprefix("iag_session=")  # the key itself is never stored


def test_when_not_signed_in_then_pages_redirect_to_connexion(gateway: LiveGateway) -> None:
    with httpx.Client(base_url=gateway.base_url) as client:
        for path in ("/", "/formulaires/achats-cctp"):
            response = client.get(path)
            assert response.status_code == 303 and response.headers["location"] == "/connexion"


def test_when_cookie_is_tampered_then_person_is_signed_out(buyer: httpx.Client) -> None:
    value = buyer.cookies["iag_session"]
    payload, stamp, signature = value.split(".")
    buyer.cookies.set("iag_session", payload[:-4] + "AAAA." + stamp + "." + signature)
    assert buyer.get("/").headers["location"] == "/connexion"


def test_when_key_is_revoked_then_session_ends(gateway: LiveGateway, make_key: KeyFactory) -> None:
    key = make_key("buyer")
    with signed_in(gateway, key) as client:
        assert client.get("/").status_code == 200
        gateway.services.keys.revoke(key.split("_")[1])
        assert client.get("/").headers["location"] == "/connexion"


@pytest.mark.parametrize("token", [None, "forged-token"])
def test_when_csrf_token_is_missing_or_wrong_then_403_page_in_french(
    buyer: httpx.Client, token: str | None
) -> None:
    data = {"objet": "Gants", "besoin": "Gants nitrile"}
    if token:
        data["csrf_token"] = token
    response = buyer.post("/formulaires/achats-cctp", data=data)
    assert response.status_code == 403
    assert '<html lang="fr">' in response.text and "Formulaire refusé" in response.text
    assert "jeton de sécurité" in response.text and "Traceback" not in response.text


def test_when_origin_is_another_site_then_post_is_refused(buyer: httpx.Client) -> None:
    data = {"objet": "Gants", "besoin": "Gants nitrile", "csrf_token": page_csrf(buyer)}
    response = buyer.post("/formulaires/achats-cctp", data=data, headers={"Origin": "https://evil.example"})
    assert response.status_code == 403 and "Formulaire refusé" in response.text


def test_when_sign_in_posted_without_token_then_403(gateway: LiveGateway, make_key: KeyFactory) -> None:
    with httpx.Client(base_url=gateway.base_url) as client:
        response = client.post("/connexion", data={"cle": make_key("buyer")})
    assert response.status_code == 403 and "iag_session" not in response.headers.get("set-cookie", "")


def test_when_signing_out_then_cookie_no_longer_opens_pages(buyer: httpx.Client) -> None:
    response = buyer.post("/deconnexion", data={"csrf_token": page_csrf(buyer, "/")})
    assert response.status_code == 200 and "Vous êtes déconnecté(e)" in response.text
    assert buyer.get("/").headers["location"] == "/connexion"


# -- templates and forms -----------------------------------------------------------------


def test_when_signed_in_then_home_lists_templates_grouped_by_domain(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    with signed_in(gateway, make_key("buyer", "finance", "research")) as client:
        html = client.get("/").text
    headings = re.findall(r"<h2 id=\"domaine-\d\">([^<]+)</h2>", html)
    assert headings == ["Comptabilité analytique", "Achats", "Recherche clinique"]
    achats = html.split(">Achats</h2>")[1].split("<h2")[0]
    assert 'href="/formulaires/achats-cctp"' in achats
    assert "Rédaction d&#39;un projet de CCTP" in achats


def test_when_form_opened_then_fields_carry_labels_help_and_constraints(buyer: httpx.Client) -> None:
    html = buyer.get("/formulaires/achats-cctp").text
    assert '<label for="champ-objet">Objet du marché' in html
    objet = re.search(r"<input id=\"champ-objet\"[^>]*>", html, re.S)
    assert objet and "required" in objet.group(0) and 'maxlength="250"' in objet.group(0)
    assert 'aria-describedby="aide-objet erreur-objet"' in objet.group(0)
    montant = re.search(r"<input id=\"champ-montant_estime\"[^>]*>", html, re.S)
    assert montant and 'type="number"' in montant.group(0) and 'step="0.01"' in montant.group(0)
    assert '<textarea id="champ-lots"' in html and "Une valeur par ligne" in html


def test_when_inputs_are_invalid_then_form_shows_errors_and_keeps_typed_values(buyer: httpx.Client) -> None:
    data = {
        "csrf_token": page_csrf(buyer),
        "objet": "Fourniture de <gants> & blouses",
        "besoin": "",
        "lots": "Gants\nBlouses",
        "duree_mois": "500",
    }
    response = buyer.post("/formulaires/achats-cctp", data=data)
    assert response.status_code == 422
    assert "Le formulaire contient 2 erreurs" in response.text
    assert (
        '<a href="#champ-besoin">Besoin exprimé par le service prescripteur : Ce champ est obligatoire.</a>'
        in (response.text)
    )
    assert "Valeur trop grande (maximum 96)" in response.text
    assert 'value="Fourniture de &lt;gants&gt; &amp; blouses"' in response.text
    assert ">Gants\nBlouses</textarea>" in response.text
    assert 'value="500"' in response.text


def test_when_template_is_not_for_my_roles_then_french_403(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    with signed_in(gateway, make_key("staff")) as client:
        response = client.get("/formulaires/achats-cctp")
        missing = client.get("/formulaires/nexiste-pas")
    assert response.status_code == 403 and "Accès refusé" in response.text
    assert missing.status_code == 404 and "Page introuvable" in missing.text


def test_when_form_posted_without_javascript_then_whole_answer_page_with_masking_summary(
    gateway: LiveGateway, buyer: httpx.Client
) -> None:
    data = {"csrf_token": page_csrf(buyer), "objet": "Pousse-seringues", "besoin": NEED}
    response = buyer.post("/formulaires/achats-cctp", data=data)
    assert response.status_code == 200
    html = response.text
    answer = html.split('id="reponse-texte"')[1].split("</div>")[0]
    assert "Sophie Garnier" in answer and "06 45 12 78 90" in answer
    assert "1 nom de personne, 1 numéro de téléphone masqués avant envoi." in html
    assert "Texte généré par IA : relisez-le avant tout usage" in html
    assert "relu par un agent du CHU" in html  # the template's AI mention


def test_when_form_streamed_then_events_carry_the_masking_summary_and_restored_text(
    buyer: httpx.Client,
) -> None:
    data = {"csrf_token": page_csrf(buyer), "objet": "Pousse-seringues", "besoin": NEED}
    response = buyer.post("/formulaires/achats-cctp/executer", data=data)
    assert response.headers["content-type"].startswith("text/event-stream")
    events = [line[6:] for line in response.text.split("\n") if line.startswith("data: ")]
    assert events[-1] == "[DONE]"
    chunks = [json.loads(e) for e in events[:-1]]
    assert (
        chunks[0]["iag"]["masked_summary"] == "1 nom de personne, 1 numéro de téléphone masqués avant envoi."
    )
    text = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c.get("choices"))
    assert "Sophie Garnier" in text and "06 45 12 78 90" in text


def test_when_streamed_inputs_are_invalid_then_json_errors_with_labels(buyer: httpx.Client) -> None:
    data = {"csrf_token": page_csrf(buyer), "objet": "Gants"}
    response = buyer.post("/formulaires/achats-cctp/executer", data=data)
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == [
        {
            "field": "besoin",
            "label": "Besoin exprimé par le service prescripteur",
            "message": "Ce champ est obligatoire.",
        }
    ]


def test_when_review_acknowledged_then_confirmation_and_audit_record(
    gateway: LiveGateway, buyer: httpx.Client
) -> None:
    data = {"csrf_token": page_csrf(buyer), "objet": "Gants", "besoin": "Gants nitrile non poudrés"}
    html = buyer.post("/formulaires/achats-cctp", data=data).text
    request_id = re.search(r'name="request_id" id="relecture-requete" value="(req_[0-9a-f]+)"', html)
    assert request_id
    review = {"csrf_token": csrf_of(html), "request_id": request_id.group(1), "relu": "oui"}
    response = buyer.post("/relecture", data=review)
    assert response.status_code == 200 and "Relecture enregistrée" in response.text
    acks = [e for e in gateway.services.audit.get(request_id.group(1)) if e.route == "review.ack"]
    assert len(acks) == 1 and acks[0].ref_request_id == request_id.group(1)


def test_when_review_names_someone_elses_call_then_refused_in_french(buyer: httpx.Client) -> None:
    review = {"csrf_token": page_csrf(buyer), "request_id": "req_" + "0" * 32, "relu": "oui"}
    response = buyer.post("/relecture", data=review)
    assert response.status_code == 400 and "Relecture refusée" in response.text


# -- exports -----------------------------------------------------------------------------

ANSWER = (
    "# Projet de CCTP\n\n## 1. Objet du marché\n\nFourniture de **gants** nitrile.\n\n"
    "- Lot 1 : gants\n- Lot 2 : blouses"
)


def generated(client: httpx.Client) -> str:
    """Run the CCTP template without JavaScript; return the request id of the answer."""
    data = {"csrf_token": page_csrf(client), "objet": "Gants", "besoin": "Gants nitrile non poudrés"}
    html = client.post("/formulaires/achats-cctp", data=data).text
    found = re.search(r'id="export-requete" value="(req_[0-9a-f]+)"', html)
    assert found, "no request id on the answer"
    return found.group(1)


def test_when_docx_exported_before_review_then_author_reference_and_a_relire_mention(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    with signed_in(gateway, make_key("buyer", user="c.export")) as client:
        request_id = generated(client)
        data = {"csrf_token": page_csrf(client), "request_id": request_id}
        response = client.post("/export/docx", data=data)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert re.search(r"achats-cctp-\d{4}-\d{2}-\d{2}\.docx", response.headers["content-disposition"])
    document = docx.Document(io.BytesIO(response.content))
    assert document.core_properties.author == "c.export"
    footer = [p.text for p in document.sections[0].footer.paragraphs]
    assert footer[0] == "Texte généré par IA, à relire."
    assert request_id in footer[1] and "version" in footer[1]
    assert not any("relu par" in line for line in footer)  # nobody has reviewed it yet


def test_when_docx_parses_markdown_then_headings_bullets_and_bold_become_word_styles() -> None:
    info = ExportInfo(
        title="CCTP gants", author="x", reference="req_1", template_id="t", template_version="1.0.0"
    )
    document = docx.Document(io.BytesIO(build_docx(info, ANSWER)))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Heading 2", "1. Objet du marché") in paragraphs
    assert ("List Bullet", "Lot 1 : gants") in paragraphs
    assert ("Normal", "Fourniture de gants nitrile.") in paragraphs


def test_when_markdown_exported_after_review_then_md_file_says_who_reviewed(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    with signed_in(gateway, make_key("buyer", user="d.relecteur")) as client:
        request_id = generated(client)
        review = {"csrf_token": page_csrf(client), "request_id": request_id, "relu": "oui"}
        assert client.post("/relecture", data=review).status_code == 200
        response = client.post("/export/md", data={"csrf_token": page_csrf(client), "request_id": request_id})
    assert response.headers["content-type"].startswith("text/markdown")
    assert response.text.startswith("# ")
    assert re.search(r"relu par d\.relecteur le \d{2}/\d{2}/\d{4}", response.text)


def test_when_export_names_someone_elses_request_then_404_page(
    gateway: LiveGateway, make_key: KeyFactory, buyer: httpx.Client
) -> None:
    request_id = generated(buyer)
    with signed_in(gateway, make_key("buyer")) as other:
        response = other.post("/export/docx", data={"csrf_token": page_csrf(other), "request_id": request_id})
    assert response.status_code == 404 and "Projet introuvable" in response.text


def test_when_export_has_no_csrf_token_then_refused(buyer: httpx.Client) -> None:
    response = buyer.post("/export/docx", data={"texte": ANSWER})
    assert response.status_code == 403


def test_when_charter_refuses_the_request_then_french_page_cites_the_article(buyer: httpx.Client) -> None:
    data = {
        "csrf_token": page_csrf(buyer),
        "objet": "Gants",
        "besoin": "Quel est le diagnostic de ce patient ?",
    }
    page = buyer.post("/formulaires/achats-cctp", data=data)
    streamed = buyer.post("/formulaires/achats-cctp/executer", data=data)
    assert page.status_code == 403 and "Demande refusée" in page.text and "article 5.3" in page.text
    assert streamed.status_code == 403 and "article 5.3" in streamed.json()["error"]["message"]


def test_when_person_sees_several_domains_then_their_own_come_first(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    with signed_in(gateway, make_key("staff", "buyer")) as client:
        headings = re.findall(r'<h2 id="domaine-\d+">([^<]+)</h2>', client.get("/").text)
    assert len(headings) > 1 and headings[0] == "Achats"
