"""Every leak kind of issue 8 through the real HTTP path: the fake provider records what left.

No original value may reach the provider, plain or streamed, in chat or through a template;
the caller still gets its own values back. Unknown keys are refused before anything leaves.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from typing import Any

import httpx
import pytest

from tests.conftest import KeyFactory, gateway_settings
from tests.fakes.upstream import FakeUpstream
from tests.harness import LiveGateway, start_gateway
from tests.pii.check_digits import nir_with_key
from tests.pii.conftest import REPO_ROOT
from tests.web.test_form import csrf_of, signed_in

NIR = nir_with_key("1850578006084")
WRONG_KEY_NIR = (
    f"{NIR[0]} {NIR[1:3]} {NIR[3:5]} {NIR[5:7]} {NIR[7:10]} {NIR[10:13]} {(int(NIR[13:]) + 1) % 100:02d}"
)

# (what the caller writes, the values that must never leave)
KINDS: dict[str, tuple[str, list[str]]] = {
    "nbsp": ("Rappelez-moi au 06\u00a012\u00a034\u00a056\u00a078.", ["06\u00a012", "06 12 34", "56\u00a078"]),
    "zero-width": ("Écrire à marie.durand@\u200bexemple.fr ou Mme D\u200bupont.", ["durand", "upont"]),
    "soft-hyphen": ("Le dossier de M. Du\u00adpont est prêt.", ["Du\u00adpont", "pont"]),
    "fullwidth": ("Mail : lea.roux\uff20exemple.fr, tél. \uff10\uff16 48 21 93 07.", ["roux", "48 21 93 07"]),
    "context-ids": (
        "séjour 483920175, stay 483920176, Patient 5829301746 (B. Martin), IPP : 0012345678, NDA 2300123456.",
        ["483920175", "483920176", "5829301746", "Martin", "0012345678", "2300123456"],
    ),
    "nir-wrong-key": (f"NIR du patient : {WRONG_KEY_NIR}", [WRONG_KEY_NIR, WRONG_KEY_NIR[:12]]),
    "names": (
        "Point de contact : Moreau Juliette ; réceptionnaire : Inès CARON ; agents : SERGE, HÉLÈNE.\n"
        'Nom : MARCHAND\nPrénom : Hélène\nJean "Jeannot" Dupont et l\'infirmière Ysolde.',
        [
            "Moreau",
            "Juliette",
            "CARON",
            "SERGE",
            "HÉLÈNE",
            "MARCHAND",
            "Hélène",
            "Jeannot",
            "Dupont",
            "Ysolde",
        ],
    ),
    "csv": (
        "Nom;Prénom;Service\nBERTIN;Agathe;Réanimation\nLACROIX;Rémi;Achats",
        ["BERTIN", "Agathe", "LACROIX", "Rémi"],
    ),
    "escaped-json": (
        'Fiche : {"nom": "H\\u00e9l\\u00e8ne B\\u00e9rard"}',
        ["H\\u00e9l", "B\\u00e9rard", "Bérard"],
    ),
    "obfuscated-email": (
        "jean.dupont[at]chu-exemple.fr ou l.roux (at) chu-exemple (dot) fr",
        ["dupont", "roux"],
    ),
}


def post(gateway: LiveGateway, key: str, path: str, body: dict[str, Any]) -> httpx.Response:
    return httpx.post(
        gateway.base_url + path, json=body, timeout=30, headers={"Authorization": f"Bearer {key}"}
    )


def last_sent(upstream: FakeUpstream) -> str:
    return json.dumps(upstream.received[-1], ensure_ascii=False)


def answer_of(response: httpx.Response, stream: bool) -> str:
    if not stream:
        return str(response.json()["choices"][0]["message"]["content"])
    text = ""
    for line in response.text.split("\n"):
        if line.startswith("data: {"):
            for choice in json.loads(line[6:]).get("choices") or []:
                text += choice.get("delta", {}).get("content") or ""
    return text


def assert_nothing_left(upstream: FakeUpstream, secrets: list[str]) -> None:
    sent = last_sent(upstream)
    leaked = [value for value in secrets if value in sent or value.casefold() in sent.casefold()]
    assert not leaked, leaked


@pytest.mark.parametrize("stream", [False, True])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_when_chat_holds_a_leak_kind_then_no_original_value_leaves(
    gateway: LiveGateway, upstream: FakeUpstream, make_key: KeyFactory, kind: str, stream: bool
) -> None:
    text, secrets = KINDS[kind]
    # a request as staff write it (the usage classifier reads the request, not only the data)
    content = "Mets en forme ce relevé pour le tableau de suivi des factures :\n" + text
    body = {"model": "onprem-llm", "stream": stream, "messages": [{"role": "user", "content": content}]}
    response = post(gateway, make_key("buyer"), "/v1/chat/completions", body)
    assert response.status_code == 200, response.text
    assert_nothing_left(upstream, secrets)
    assert "echo:" in answer_of(response, stream)


@pytest.mark.parametrize("stream", [False, True])
def test_when_personal_data_sits_outside_content_then_every_forwarded_field_is_masked(
    gateway: LiveGateway, upstream: FakeUpstream, make_key: KeyFactory, stream: bool
) -> None:
    escaped = json.dumps({"nom": "Hélène Bérard", "tel": "06 48 21 93 07"})
    messages = [
        {"role": "system", "content": "Assistant des achats.", "name": "Marie_Durand"},
        {"role": "user", "content": "Qui rappeler ?", "name": "Gaspard Lenormand"},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": "annuaire", "arguments": {"nom": "Dr Fran\u00e7ois Lemaire"}},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_1", "content": escaped},
        {
            "role": "assistant",
            "content": None,
            "function_call": {"name": "rappeler", "arguments": '{"numero": "04 72 11 52 67"}'},
        },
        {
            "role": "function",
            "name": "rappeler",
            "content": '{"resultat": "message laissé à Mme Solène Barthez"}',
        },
        {"role": "user", "content": "Résume."},
    ]
    body = {"model": "onprem-llm", "stream": stream, "messages": messages, "stop": ["Gaspard Lenormand"]}
    response = post(gateway, make_key("buyer"), "/v1/chat/completions", body)
    assert response.status_code == 200, response.text
    secrets = [
        "Marie",
        "Durand",
        "Gaspard",
        "Lenormand",
        "Lemaire",
        "Fran",
        "H\\u00e9l",
        "Bérard",
        "B\\u00e9rard",
    ]
    assert_nothing_left(upstream, [*secrets, "06 48 21 93 07", "04 72 11 52 67", "Barthez"])
    sent = upstream.received[-1]
    assert sent["messages"][0]["name"].startswith("PERSONNE_")
    assert sent["messages"][5]["name"] == "rappeler"  # a function's name is no person
    arguments = json.loads(sent["messages"][2]["tool_calls"][0]["function"]["arguments"])
    assert arguments["nom"].startswith("Dr <PERSONNE_")


def test_when_caller_pasted_placeholders_then_new_names_are_numbered_after_them(
    gateway: LiveGateway, upstream: FakeUpstream, make_key: KeyFactory
) -> None:
    content = "Ta réponse : <PERSONNE_1> a validé. Ajoute Mme Solène Barthez en copie."
    body = {"model": "onprem-llm", "messages": [{"role": "user", "content": content}]}
    response = post(gateway, make_key("buyer"), "/v1/chat/completions", body)
    assert response.status_code == 200, response.text
    sent = upstream.received[-1]["messages"][0]["content"]
    assert sent == "Ta réponse : <PERSONNE_1> a validé. Ajoute Mme <PERSONNE_2> en copie."
    answer = answer_of(response, stream=False)
    assert "<PERSONNE_1> a validé" in answer and "Solène Barthez" in answer


@pytest.mark.parametrize(
    ("message", "field"),
    [
        (
            {
                "role": "user",
                "content": "Résume le dossier joint.",
                "content_blocks": [{"type": "text", "text": "Patient Marie Durand."}],
            },
            "messages[0].content_blocks",
        ),
        (
            {"role": "user", "content": [{"type": "text", "text": "Bonjour", "cache_control": {"x": 1}}]},
            "messages[0].content[0].cache_control",
        ),
        (
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [{"id": "c", "type": "function", "function": {"name": "f"}, "extra": "Marie"}],
            },
            "messages[0].tool_calls[0].extra",
        ),
        (
            {"role": "assistant", "content": None, "function_call": {"name": "f", "arguments": "{}", "x": 1}},
            "messages[0].function_call.x",
        ),
        ({"role": "tool", "tool_call_id": "c", "name": "Marie Durand", "content": "ok"}, "messages[0].name"),
        (
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [{"id": "c", "type": "function", "function": {"name": "appeler Marie Durand"}}],
            },
            "messages[0].tool_calls[0].function.name",
        ),
    ],
)
def test_when_a_message_carries_an_unknown_key_then_400_names_it_and_nothing_leaves(
    gateway: LiveGateway, upstream: FakeUpstream, make_key: KeyFactory, message: dict[str, Any], field: str
) -> None:
    before = len(upstream.received)
    body = {"model": "mistral-eu", "messages": [message]}
    response = post(gateway, make_key("buyer"), "/v1/chat/completions", body)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["param"] == field and field in response.json()["error"]["message"]
    assert "Durand" not in response.text and "Marie" not in response.text
    assert len(upstream.received) == before


def test_when_request_has_too_many_messages_then_400_before_any_analysis(
    gateway: LiveGateway, upstream: FakeUpstream, make_key: KeyFactory
) -> None:
    before = len(upstream.received)
    body = {"model": "onprem-llm", "messages": [{"role": "user", "content": "a"}] * 25_000}
    response = post(gateway, make_key("buyer"), "/v1/chat/completions", body)
    assert response.status_code == 400
    assert (
        response.json()["error"]["param"] == "messages"
        and "25000 envoyés" in response.json()["error"]["message"]
    )
    assert len(upstream.received) == before


def test_when_text_exceeds_the_size_limit_then_413_before_any_analysis(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    messages = [{"role": "user", "content": "Mme Lina Roche. " * 2_000} for _ in range(4)]
    response = post(
        gateway, make_key("buyer"), "/v1/chat/completions", {"model": "onprem-llm", "messages": messages}
    )
    assert response.status_code == 413
    assert "caractères" in response.json()["error"]["message"] and "Roche" not in response.text


# -- templates, through a gateway whose CCTP template reaches the fake provider ---------------


@pytest.fixture(scope="module")
def template_gateway(
    tmp_path_factory: pytest.TempPathFactory, upstream: FakeUpstream
) -> Iterator[LiveGateway]:
    tmp = tmp_path_factory.mktemp("templates-gateway")
    templates = tmp / "prompt_templates"
    shutil.copytree(REPO_ROOT / "prompt_templates", templates)
    # the CCTP template prefers onprem-llm, which this gateway's providers send to the fake upstream
    live = start_gateway(gateway_settings(tmp, upstream, templates_dir=templates))
    yield live
    live.stop()


def template_key(gateway: LiveGateway) -> str:
    _, plaintext = gateway.services.keys.create(
        user_id="acheteur-modele", department="achats", roles=("buyer",)
    )
    gateway.services.keys.record_training("acheteur-modele", "formation-ia-generative", date.today())
    return plaintext


@pytest.mark.parametrize("stream", [False, True])
def test_when_template_inputs_hold_every_leak_kind_then_no_original_value_leaves(
    template_gateway: LiveGateway, upstream: FakeUpstream, stream: bool
) -> None:
    need = "\n".join(text for text, _ in KINDS.values())
    inputs = {"objet": "Fourniture de pousse-seringues", "besoin": need}
    response = post(
        template_gateway,
        template_key(template_gateway),
        "/v1/templates/achats-cctp/run",
        {"inputs": inputs, "stream": stream},
    )
    assert response.status_code == 200, response.text
    assert_nothing_left(upstream, [value for _, secrets in KINDS.values() for value in secrets])
    assert "Juliette" in answer_of(response, stream)  # restored for the caller


# -- the web page writes what the answer scan masked in words --------------------------------


def test_when_answer_scan_masks_a_value_then_the_page_reads_it_in_words(
    template_gateway: LiveGateway,
) -> None:
    with signed_in(template_gateway, template_key(template_gateway)) as client:
        csrf = csrf_of(client.get("/formulaires/achats-cctp").text)
        data = {"csrf_token": csrf, "objet": "Gants", "besoin": "Besoin de gants. [[invent]]"}
        page = client.post("/formulaires/achats-cctp", data=data).text
        streamed = client.post("/formulaires/achats-cctp/executer", data=data).text
    answer = page.split('id="reponse-texte"')[1].split("</div>")[0]
    assert "[téléphone masqué]" in answer and "&lt;TEL&gt;" not in answer and "<TEL>" not in answer
    assert "[téléphone masqué]" in streamed and "<TEL>" not in streamed
