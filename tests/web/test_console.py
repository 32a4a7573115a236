"""The auditors' console and the charter page, over HTTP against a live gateway."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator
from html import unescape

import httpx
import pytest

from iag_gateway.audit.filters import AuditFilter
from iag_gateway.audit.models import AuditEntry
from iag_gateway.web.markdown import render
from tests.conftest import KeyFactory
from tests.harness import LiveGateway
from tests.web.test_form import csrf_of, signed_in
from tests.web.test_form_accessibility import assert_accessible, contrast, css_color

INVENTED_NAME = "Théophile Vanderbecq"
PROMPT = f"Rédige un courrier de relance pour M. {INVENTED_NAME}, joignable au 06 12 34 56 78."


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def chat_call(gateway: LiveGateway, key: str, content: str = "Rédige l'objet du marché de gants.") -> str:
    """Make one chat call through the API; return its request id."""
    response = httpx.post(
        gateway.base_url + "/v1/chat/completions",
        headers={"Authorization": f"Bearer {key}"},
        json={"model": "onprem-llm", "messages": [{"role": "user", "content": content}]},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return str(response.headers["x-iag-request-id"])


def console_records(gateway: LiveGateway, user: str) -> list[dict[str, object]]:
    events, _ = gateway.services.audit.query(AuditFilter(user_id=user, route="audit.console"), limit=1000)
    return [e.public_dict() for e in events]


@pytest.fixture(scope="module")
def call(gateway: LiveGateway, make_key: KeyFactory) -> dict[str, str]:
    """A buyer's chat call that names an invented person, made before the auditor looks."""
    user = unique("acheteuse")
    key = make_key("buyer", user=user)
    return {"user": user, "key": key, "request_id": chat_call(gateway, key, PROMPT)}


@pytest.fixture
def auditor_user() -> str:
    return unique("auditrice")


@pytest.fixture
def auditor(gateway: LiveGateway, make_key: KeyFactory, auditor_user: str) -> Iterator[httpx.Client]:
    key = make_key("auditor", department="direction-data-ia", user=auditor_user)
    with signed_in(gateway, key) as client:
        yield client


@pytest.fixture
def buyer(gateway: LiveGateway, make_key: KeyFactory) -> Iterator[httpx.Client]:
    with signed_in(gateway, make_key("buyer", user=unique("acheteur"))) as client:
        yield client


# -- the list and the detail -------------------------------------------------------------


def test_when_auditor_opens_journal_then_the_call_made_just_before_is_listed(
    auditor: httpx.Client, call: dict[str, str]
) -> None:
    response = auditor.get("/audit")
    assert response.status_code == 200
    html = unescape(response.text)
    assert "<h1>Journal d'audit</h1>" in html
    assert f'href="/audit/{call["request_id"]}"' in html
    assert '<a href="/audit" aria-current="page">Journal d\'audit</a>' in html  # the header link
    row = html.split(f'href="/audit/{call["request_id"]}"')[1].split("</tr>")[0]
    assert call["user"] in row and "onprem-llm" in row and "Réussie" in row and "HTTP 200" in row
    assert "<td>Conversation</td>" in row and "<code>chat</code>" not in row  # French, not the code
    assert "1 nom" in row and "1 téléphone" in row
    assert '<th scope="col">Date et heure</th>' in html and "<caption" in html
    assert "Chaîne d'intégrité" in html and "Tête de chaîne : enregistrement n°" in html
    assert_accessible(response.text)


def test_when_a_call_completed_then_the_journal_shows_one_line_and_an_unfinished_call_keeps_its_start(
    gateway: LiveGateway, auditor: httpx.Client, make_key: KeyFactory
) -> None:
    user = unique("acheteur")
    done = chat_call(gateway, make_key("buyer", user=user))
    cut = "cut-" + uuid.uuid4().hex  # a call that left the gateway and never came back (kill -9)
    gateway.services.audit.append(
        AuditEntry(request_id=cut, route="chat", outcome="in_flight", user_id=user, model_alias="onprem-llm")
    )
    html = unescape(auditor.get("/audit", params={"utilisateur": user}).text)
    assert html.count(f'href="/audit/{done}"') == 1
    assert "Transmise au fournisseur" not in html.split(f'href="/audit/{done}"')[1].split("</tr>")[0]
    assert "Transmise au fournisseur" in html.split(f'href="/audit/{cut}"')[1].split("</tr>")[0]
    rows = list(
        csv.reader(
            io.StringIO(
                auditor.get("/audit/export.csv", params={"utilisateur": user}).content.decode("utf-8-sig")
            ),
            delimiter=";",
        )
    )
    ids = [row[rows[0].index("Identifiant de la demande")] for row in rows[1:]]
    assert sorted(ids) == sorted([done, cut])
    faithful = auditor.get("/audit/export.jsonl", params={"utilisateur": user}).text.splitlines()
    assert [json.loads(line)["request_id"] for line in faithful].count(done) == 2  # start + completion
    detail = unescape(auditor.get(f"/audit/{done}").text)
    assert "Transmise au fournisseur" in detail and "Réussie" in detail  # the detail keeps both records


def test_when_auditor_opens_a_detail_then_every_field_and_the_review_are_shown(
    gateway: LiveGateway, auditor: httpx.Client, call: dict[str, str]
) -> None:
    ack = httpx.post(
        gateway.base_url + "/v1/reviews",
        headers={"Authorization": f"Bearer {call['key']}"},
        json={"request_id": call["request_id"]},
        timeout=30,
    )
    assert ack.status_code == 200
    response = auditor.get(f"/audit/{call['request_id']}")
    assert response.status_code == 200
    html = unescape(response.text)
    [event] = [
        e
        for e in gateway.services.audit.get(call["request_id"])
        if e.route == "chat" and e.outcome != "in_flight"
    ]
    assert f"Enregistrement n° {event.seq}" in html
    assert event.prompt_digest and event.prompt_digest in html and event.hash in html
    assert "Empreinte de la requête (SHA-256)" in html and "Statut HTTP" in html
    assert "Attestation de relecture" in html and "(se rapporte à cette demande)" in html
    assert "Attestation : J'ai relu" in html  # extra as French pairs, not JSON
    assert '"statement"' not in html and "Champs non renseignés" in html
    assert "J'ai relu et je prends la responsabilité de ce texte" in html
    assert_accessible(response.text)


def test_when_request_id_is_unknown_then_french_404(auditor: httpx.Client) -> None:
    response = auditor.get("/audit/req_inconnue")
    assert response.status_code == 404 and "Demande introuvable" in unescape(response.text)


def test_when_filters_are_set_then_the_list_narrows(
    gateway: LiveGateway, auditor: httpx.Client, call: dict[str, str]
) -> None:
    link = f'href="/audit/{call["request_id"]}"'
    assert link in auditor.get("/audit", params={"utilisateur": call["user"]}).text
    mine = auditor.get("/audit", params={"utilisateur": call["user"], "route": "chat", "issue": "ok"}).text
    assert mine.count('<a href="/audit/req_') == 1 and link in mine
    assert 'value="chat"' in mine and '<option value="ok" selected>' in mine  # the form keeps its values
    for params in (
        {"utilisateur": "personne-inconnue"},
        {"issue": "denied", "utilisateur": call["user"]},
        {"modele": "mistral-eu", "utilisateur": call["user"]},
        {"du": "2999-01-01"},
        {"au": "2000-01-01"},
    ):
        html = unescape(auditor.get("/audit", params=params).text)
        assert link not in html and "Aucun enregistrement ne correspond à ces filtres." in html, params
    [final] = [
        e.seq
        for e in gateway.services.audit.get(call["request_id"])
        if e.route == "chat" and e.outcome == "ok"
    ]
    assert link not in auditor.get("/audit", params={"avant": str(final)}).text  # older page
    assert link in auditor.get("/audit", params={"avant": str(final + 1)}).text


def test_when_filters_are_partial_and_in_another_case_then_they_still_match(
    gateway: LiveGateway, auditor: httpx.Client, call: dict[str, str]
) -> None:
    link = f'href="/audit/{call["request_id"]}"'
    suffix = call["user"].split("-")[1]  # the random part alone
    for params in (
        {"utilisateur": suffix.upper(), "route": "chat"},
        {"utilisateur": call["user"], "service": "ACHATS"},
        {"utilisateur": call["user"], "modele": "PREM"},
    ):
        html = unescape(auditor.get("/audit", params=params).text)
        assert link in html, params
    html = unescape(
        auditor.get("/audit", params={"utilisateur": suffix, "route": "chat", "issue": "ok"}).text
    )
    assert "<strong>1</strong> enregistrement correspond à ces filtres." in html
    wildcard = unescape(auditor.get("/audit", params={"utilisateur": "%"}).text)
    assert link not in wildcard  # « % » is a character, not a wildcard


def test_when_a_filter_is_invalid_then_the_page_says_so_in_french(auditor: httpx.Client) -> None:
    response = auditor.get("/audit", params={"du": "31/12/2024", "issue": "inventee"})
    html = unescape(response.text)
    assert response.status_code == 400 and 'role="alert"' in html
    assert (
        "La date « Du » doit être au format AAAA-MM-JJ." in html and "L'issue choisie n'existe pas." in html
    )


# -- who may look, and the record of each look ------------------------------------------


@pytest.mark.parametrize("path", ["/audit", "/audit/req_x", "/audit/export.csv"])
def test_when_buyer_opens_the_console_then_403_in_french_citing_article_8_3(
    buyer: httpx.Client, path: str
) -> None:
    response = buyer.get(path)
    html = unescape(response.text)
    assert response.status_code == 403
    assert '<html lang="fr">' in html and "article 8.3 de la charte" in html
    assert "Journal d'audit</a>" not in html  # no header link for this role


def test_when_buyer_posts_verify_then_refused_and_recorded_as_denied(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    user = unique("acheteur")
    with signed_in(gateway, make_key("buyer", user=user)) as client:
        csrf = csrf_of(client.get("/charte").text)
        response = client.post("/audit/verifier", data={"csrf_token": csrf})
    assert response.status_code == 403 and "article 8.3" in unescape(response.text)
    [record] = console_records(gateway, user)
    assert record["outcome"] == "denied" and record["status_code"] == 403
    assert record["articles"] == ["art-8.3"] and record["extra"] == {"view": "verify"}


def test_when_auditor_reads_the_trail_then_each_reading_is_recorded_once(
    gateway: LiveGateway, auditor: httpx.Client, auditor_user: str, call: dict[str, str]
) -> None:
    auditor.get("/audit", params={"route": "chat"})
    auditor.get(f"/audit/{call['request_id']}")
    auditor.get("/charte")  # not a reading of the trail
    records = console_records(gateway, auditor_user)
    assert [r["extra"]["view"] for r in records] == ["list", "detail"]  # type: ignore[index]
    assert all(r["outcome"] == "ok" and r["department"] == "direction-data-ia" for r in records)
    assert records[0]["extra"]["filters"] == {"route": "chat"}  # type: ignore[index]


def test_when_admin_opens_the_console_then_it_is_allowed_too(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    with signed_in(gateway, make_key("admin", user=unique("admin"))) as client:
        response = client.get("/audit")
    assert response.status_code == 200 and "<h1>Journal d'audit</h1>" in unescape(response.text)


def test_when_not_signed_in_then_console_and_charter_redirect_to_sign_in(gateway: LiveGateway) -> None:
    with httpx.Client(base_url=gateway.base_url) as client:
        for path in ("/audit", "/audit/req_x", "/audit/export.csv", "/charte"):
            response = client.get(path)
            assert response.status_code == 303 and response.headers["location"] == "/connexion"


# -- exports and the chain ---------------------------------------------------------------


def test_when_auditor_exports_csv_then_header_row_and_the_call(
    gateway: LiveGateway, auditor: httpx.Client, auditor_user: str, call: dict[str, str]
) -> None:
    response = auditor.get("/audit/export.csv", params={"utilisateur": call["user"]})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    assert response.content.startswith("\ufeff".encode())  # BOM: French Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header = rows[0]
    assert header[:2] == ["N° d'enregistrement", "Date et heure (Europe/Paris)"]
    assert "Empreinte de cet enregistrement" in header and "seq" not in header
    assert call["request_id"] in [row[header.index("Identifiant de la demande")] for row in rows[1:]]
    assert {row[header.index("Utilisateur")] for row in rows[1:]} == {call["user"]}
    seqs = [int(row[0]) for row in rows[1:]]
    assert seqs == sorted(seqs, reverse=True)  # newest first
    [chat] = [
        row
        for row in rows[1:]
        if row[header.index("Opération")] == "Conversation" and row[header.index("Issue")] == "Réussie"
    ]
    assert (
        chat[header.index("Issue")] == "Réussie"
        and "1 nom" in chat[header.index("Données masquées dans la requête")]
    )
    assert "," in chat[header.index("Latence (ms)")] or "." not in chat[header.index("Latence (ms)")]
    [record] = console_records(gateway, auditor_user)
    assert record["extra"] == {
        "view": "export",
        "format": "csv",
        "filters": {"utilisateur": call["user"]},
        "records": len(rows) - 1,
    }


def test_when_auditor_exports_json_lines_then_records_keep_their_hashes(
    auditor: httpx.Client, call: dict[str, str]
) -> None:
    response = auditor.get("/audit/export.jsonl", params={"utilisateur": call["user"], "route": "chat"})
    assert response.status_code == 200
    started, record = [json.loads(line) for line in response.text.splitlines()]
    assert started["outcome"] == "in_flight" and started["request_id"] == call["request_id"]
    assert record["request_id"] == call["request_id"] and len(record["hash"]) == 64
    assert auditor.get("/audit/export.xml").status_code == 404


def test_when_auditor_presses_verify_then_chain_is_reported_intact(
    gateway: LiveGateway, auditor: httpx.Client, call: dict[str, str]
) -> None:
    csrf = csrf_of(auditor.get("/audit").text)
    response = auditor.post("/audit/verifier", data={"csrf_token": csrf})
    html = unescape(response.text)
    assert response.status_code == 200
    assert "Chaîne d'intégrité : intacte (" in html and 'role="status"' in html
    assert auditor.post("/audit/verifier", data={"csrf_token": "faux"}).status_code == 403


# -- the charter -------------------------------------------------------------------------


def test_when_staff_open_the_charter_then_articles_have_anchors(buyer: httpx.Client) -> None:
    response = buyer.get("/charte")
    assert response.status_code == 200
    assert 'id="art-4.1"' in response.text and 'id="art-8.3"' in response.text
    assert "<code>&lt;PERSONNE_1&gt;</code>" in response.text  # code spans are escaped, not HTML
    assert '<a href="/charte" aria-current="page">Charte</a>' in response.text
    assert_accessible(response.text)


def test_when_staff_open_the_charter_then_the_policy_version_comes_with_its_digest(
    gateway: LiveGateway, buyer: httpx.Client
) -> None:
    served = gateway.services.policies.current
    text = unescape(buyer.get("/charte").text)
    assert f"appliquée par la passerelle : {served.version} (empreinte {served.digest[:12]})." in text


def test_when_a_journal_row_cites_an_article_then_it_links_to_the_charter(
    gateway: LiveGateway, auditor: httpx.Client, make_key: KeyFactory
) -> None:
    user = unique("sans-chat")
    response = httpx.post(  # role "staff" has no free chat: refused, citing the charter
        gateway.base_url + "/v1/chat/completions",
        headers={"Authorization": f"Bearer {make_key('staff', user=user)}"},
        json={"model": "onprem-llm", "messages": [{"role": "user", "content": "Bonjour"}]},
        timeout=30,
    )
    assert response.status_code == 403
    html = auditor.get("/audit", params={"utilisateur": user}).text
    assert 'href="/charte#art-' in html and "Refusée" in html


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        ("### Article 4.1 — Titre {#art-4.1}", '<h3 id="art-4.1">Article 4.1 — Titre</h3>'),
        ("Un **gras** et de l'*italique*", "<p>Un <strong>gras</strong> et de l&#x27;<em>italique</em></p>"),
        ("- un\n  suite\n- deux", "<ul><li>un suite</li><li>deux</li></ul>"),
        ("1. un\n2. deux", "<ol><li>un</li><li>deux</li></ol>"),
        ("> cité", "<blockquote><p>cité</p></blockquote>"),
        (
            "<script>x</script> [lien](javascript:x)",
            "<p>&lt;script&gt;x&lt;/script&gt; [lien](javascript:x)</p>",
        ),
        ('# Titre {#" onload=x}', "<h1>Titre {#&quot; onload=x}</h1>"),
        ("`**pas gras**` et nom_de_variable", "<p><code>**pas gras**</code> et nom_de_variable</p>"),
    ],
)
def test_when_charter_markdown_is_rendered_then_only_the_known_constructs_make_tags(
    markdown: str, html: str
) -> None:
    assert str(render(markdown).html) == html


# -- no personal data ----------------------------------------------------------------------


def test_when_a_prompt_named_a_person_then_no_console_page_shows_the_name(
    auditor: httpx.Client, call: dict[str, str]
) -> None:
    csrf = csrf_of(auditor.get("/audit").text)
    pages = [
        auditor.get("/audit"),
        auditor.get("/audit", params={"utilisateur": call["user"]}),
        auditor.get(f"/audit/{call['request_id']}"),
        auditor.get("/audit/export.csv"),
        auditor.get("/audit/export.jsonl"),
        auditor.post("/audit/verifier", data={"csrf_token": csrf}),
    ]
    for response in pages:
        assert response.status_code == 200
        text = unescape(response.text)
        for secret in (INVENTED_NAME, "Vanderbecq", "06 12 34 56 78", "0612345678"):
            assert secret not in text, (response.url, secret)
    assert "1 nom" in unescape(pages[1].text)  # masked, and counted by type only


@pytest.mark.parametrize(
    ("foreground", "background", "minimum"),
    [
        ("text", "table-head", 4.5),  # the sticky column headers
        ("muted", "row-alt", 4.5),  # the caption
        ("error", "row-alt", 4.5),  # a refused outcome on an even row
        ("success", "row-alt", 4.5),
        ("success", "success-bg", 4.5),  # « intacte » in the chain box
        ("blue", "success-bg", 4.5),
        ("blue", "table-head", 4.5),
        ("focus", "row-alt", 3.0),  # the focus outline (non-text)
    ],
)
def test_when_console_colours_are_paired_then_contrast_meets_rgaa(
    foreground: str, background: str, minimum: float
) -> None:
    assert contrast(css_color(foreground), css_color(background)) >= minimum


def test_when_an_auditor_signs_in_then_the_journal_is_one_click_away(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    with httpx.Client(base_url=gateway.base_url, follow_redirects=False, timeout=30) as client:
        csrf = csrf_of(client.get("/connexion").text)
        key = make_key("auditor", department="direction-data-ia")
        response = client.post("/connexion", data={"cle": key, "csrf_token": csrf})
        assert response.status_code == 303 and response.headers["location"] == "/audit"
        home = client.get("/")
        assert 'href="/audit"' in home.text


def test_when_a_buyer_signs_in_then_home_has_no_journal_link(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    with signed_in(gateway, make_key("buyer")) as client:
        assert 'href="/audit"' not in client.get("/").text
