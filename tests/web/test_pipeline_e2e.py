"""End to end through the live server: personal data, charter decisions, streaming restore."""

from __future__ import annotations

import json
import threading

import httpx
import openai
import pytest

from tests.conftest import KeyFactory
from tests.fakes.upstream import FakeUpstream
from tests.harness import LiveGateway
from tests.pii.check_digits import nir_with_key

NAME = "Mme Bérengère Vasseur-Lenoir"
PHONE = "06 71 23 45 98"
NIR = nir_with_key("2920369123045")


def api(gateway: LiveGateway, key: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=gateway.base_url + "/v1", api_key=key, max_retries=0, timeout=30)


def chat(
    gateway: LiveGateway, key: str, content: str, model: str = "onprem-llm", **extra: object
) -> httpx.Response:
    body = {"model": model, "messages": [{"role": "user", "content": content}], **extra}
    return httpx.post(
        gateway.base_url + "/v1/chat/completions",
        json=body,
        timeout=30,
        headers={"Authorization": f"Bearer {key}"},
    )


def test_when_prompt_has_personal_data_then_provider_sees_placeholders_and_caller_gets_values(
    gateway: LiveGateway, upstream: FakeUpstream, make_key: KeyFactory
) -> None:
    prompt = f"Merci de rappeler {NAME} au {PHONE} au sujet de la commande de gants."
    response = chat(gateway, make_key("buyer"), prompt)
    assert response.status_code == 200, response.text
    answer = response.json()["choices"][0]["message"]["content"]
    assert NAME.split()[-1] in answer and PHONE in answer  # restored for the caller
    sent = upstream.sent_text()
    assert "Vasseur" not in sent and PHONE not in sent and "<TEL_1>" in sent and "<PERSONNE_1>" in sent
    meta = response.json()["iag"]
    assert meta["pii_masked"] == {"PERSON": 1, "PHONE_NUMBER": 1}
    [event] = [e for e in gateway.services.audit.get(meta["request_id"]) if e.outcome != "in_flight"]
    assert event.pii_counts == {"PERSON": 1, "PHONE_NUMBER": 1}
    stored = json.dumps(event.public_dict(), ensure_ascii=False, default=str)
    assert "Vasseur" not in stored and PHONE not in stored


def test_when_streamed_answer_splits_placeholders_then_values_are_restored(
    gateway: LiveGateway, upstream: FakeUpstream, make_key: KeyFactory
) -> None:
    # The fake provider streams 3 characters at a time, so every placeholder is split.
    prompt = f"Contact : {NAME}, tél. {PHONE}."
    stream = api(gateway, make_key("buyer")).chat.completions.create(
        model="onprem-llm", messages=[{"role": "user", "content": prompt}], stream=True
    )
    text = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
    assert text.startswith(f"echo: {prompt}")
    assert "intelligence artificielle" in text  # the visible AI mention closes the stream
    assert PHONE not in upstream.sent_text()


def test_when_two_requests_run_concurrently_then_values_never_cross(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    key = make_key("buyer")
    people = [("M. Théophile Garnier-Daudet", "06 11 22 33 44"), ("Mme Anaïs Kerbrat", "07 55 66 77 88")]
    answers: dict[int, str] = {}

    def run(index: int) -> None:
        name, phone = people[index]
        for _ in range(3):
            response = chat(gateway, key, f"Appeler {name} au {phone}.")
            answers[index] = answers.get(index, "") + response.json()["choices"][0]["message"]["content"]

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert "Kerbrat" not in answers[0] and "07 55" not in answers[0]
    assert "Garnier" not in answers[1] and "06 11" not in answers[1]
    assert answers[0].count("06 11 22 33 44") == 3 and answers[1].count("07 55 66 77 88") == 3


def test_when_patient_identifier_sent_to_eu_cloud_then_rerouted_to_internal_with_article(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    prompt = f"Résumé du séjour du patient NIR {NIR} pour le codage."
    response = chat(gateway, make_key("research"), prompt, model="mistral-eu")
    assert response.status_code == 200, response.text
    meta = response.json()["iag"]
    assert meta["model"] == "onprem-llm" and meta["data_class"] == "patient"
    assert "art-4.1" in meta["articles"]
    [event] = [e for e in gateway.services.audit.get(meta["request_id"]) if e.outcome != "in_flight"]
    assert event.model_alias == "onprem-llm" and "art-4.1" in event.articles
    assert event.policy_digest and event.decision == "transform"


def test_when_internal_model_asked_with_patient_identifier_then_allowed(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    response = chat(
        gateway,
        make_key("research"),
        f"Préparer le courrier de convocation à la visite de suivi de l'étude pour le patient NIR {NIR}.",
        model="onprem-llm",
    )
    assert response.status_code == 200
    assert response.json()["iag"]["model"] == "onprem-llm"


def test_when_role_without_free_chat_then_refused_citing_article(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    response = chat(gateway, make_key("staff"), "Bonjour")
    assert response.status_code == 403
    error = response.json()["error"]
    assert error["code"] == "policy_denied" and "article 5.1" in error["message"]
    [event] = [
        e
        for e in gateway.services.audit.get(response.headers["x-iag-request-id"])
        if e.outcome != "in_flight"
    ]
    assert event.outcome == "denied" and "art-5.1" in event.articles


def test_when_diagnosis_requested_then_refused_with_its_article(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    response = chat(
        gateway, make_key("research"), "Quel est le diagnostic le plus probable pour ce patient ?"
    )
    assert response.status_code == 403
    assert "5.3" in response.json()["error"]["message"]
    [event] = [
        e
        for e in gateway.services.audit.get(response.headers["x-iag-request-id"])
        if e.outcome != "in_flight"
    ]
    assert "art-5.3" in event.articles


def test_when_tool_call_requested_then_refused(gateway: LiveGateway, make_key: KeyFactory) -> None:
    tools = [{"type": "function", "function": {"name": "create_order", "parameters": {"type": "object"}}}]
    response = chat(gateway, make_key("buyer"), "Passe la commande.", tools=tools)
    assert response.status_code == 403
    assert "7.1" in response.json()["error"]["message"]


def test_when_untrained_holder_calls_then_refused_pointing_to_training(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    response = chat(gateway, make_key("buyer", trained=False), "Bonjour")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "training_required"
    assert "formation" in response.json()["error"]["message"].lower()


def test_when_model_invents_a_phone_number_then_it_is_counted_and_masked(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    response = chat(gateway, make_key("buyer"), "Donne un numéro [[invent]]")
    assert response.status_code == 200, response.text
    answer = response.json()["choices"][0]["message"]["content"]
    assert "06 12 34 56 78" not in answer
    [event] = [
        e
        for e in gateway.services.audit.get(response.json()["iag"]["request_id"])
        if e.outcome != "in_flight"
    ]
    assert event.response_pii_counts.get("PHONE_NUMBER") == 1


@pytest.mark.parametrize("stream", [False, True])
def test_when_template_run_then_audit_has_template_version_and_digest(
    gateway: LiveGateway, make_key: KeyFactory, stream: bool
) -> None:
    inputs = {
        "objet": "Fourniture de gants d'examen",
        "besoin": f"Référent : {NAME}, {PHONE}. 200 000 paires par an.",
    }
    response = httpx.post(
        gateway.base_url + "/v1/templates/achats-cctp/run",
        json={"inputs": inputs, "stream": stream},
        timeout=30,
        headers={"Authorization": f"Bearer {make_key('buyer')}"},
    )
    assert response.status_code == 200, response.text
    request_id = response.headers["x-iag-request-id"]
    [event] = [e for e in gateway.services.audit.get(request_id) if e.outcome != "in_flight"]
    template = gateway.services.templates.get("achats-cctp")
    assert (event.template_id, event.template_version, event.template_digest) == (
        "achats-cctp",
        template.version,
        template.digest,
    )
    assert event.pii_counts.get("PERSON") == 1


def test_when_template_input_is_bad_then_422_naming_the_field(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    response = httpx.post(
        gateway.base_url + "/v1/templates/achats-cctp/run",
        json={"inputs": {"objet": "x" * 5000}},
        timeout=30,
        headers={"Authorization": f"Bearer {make_key('buyer')}"},
    )
    assert response.status_code == 422
    fields = {f["field"] for f in response.json()["error"]["fields"]}
    assert {"objet", "besoin"} <= fields


def test_when_templates_listed_then_twelve_or_more_across_domains(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    key = make_key("buyer", "finance", "research")
    response = httpx.get(gateway.base_url + "/v1/templates", headers={"Authorization": f"Bearer {key}"})
    data = response.json()["data"]
    assert len(data) >= 12 and {t["domain"] for t in data} == {"achats", "comptabilite", "recherche"}
    detail = httpx.get(
        gateway.base_url + "/v1/templates/achats-cctp", headers={"Authorization": f"Bearer {key}"}
    )
    assert detail.json()["inputs_schema"]["required"]


def test_when_streamed_answer_invents_a_phone_number_then_it_is_masked_before_shown(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    stream = api(gateway, make_key("buyer")).chat.completions.create(
        model="onprem-llm", messages=[{"role": "user", "content": "Un numéro ? [[invent]]"}], stream=True
    )
    chunks = [c for c in stream]
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert "06 12 34 56 78" not in text and "<TEL>" in text and "Bonne journée." in text
    request_id = chunks[0].model_extra["iag"]["request_id"]  # type: ignore[index]
    [event] = [e for e in gateway.services.audit.get(request_id) if e.outcome != "in_flight"]
    assert event.response_pii_counts == {"PHONE_NUMBER": 1}


@pytest.mark.parametrize("stream", [False, True])
def test_when_answer_contains_a_new_nir_then_it_never_reaches_the_caller(
    gateway: LiveGateway, make_key: KeyFactory, stream: bool
) -> None:
    response = chat(
        gateway, make_key("research"), "Retrouve le dossier du marché de gants [[leak-nir]]", stream=stream
    )
    assert "1840775123456" not in response.text and "1 84 07" not in response.text
    if stream:
        assert "Dossier retrouvé." in response.text and '"error"' in response.text
    else:
        assert response.status_code == 403 and "3.1" in response.json()["error"]["message"]
    request_id = response.headers["x-iag-request-id"]
    [event] = [e for e in gateway.services.audit.get(request_id) if e.outcome != "in_flight"]
    assert event.outcome == "denied" and event.response_pii_counts.get("FR_NIR") == 1


def test_when_a_call_completes_then_its_tokens_are_charged_to_the_monthly_quotas(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    import time
    from datetime import UTC, datetime

    from iag_gateway.policy.quota_stores import SqlQuotaStore
    from iag_gateway.policy.quota_windows import window_for
    from iag_gateway.policy.quotas import scope_key

    response = chat(gateway, make_key("buyer", user="user-token-meter"), "Compte mes jetons, merci.")
    used = response.json()["usage"]["total_tokens"]
    store = SqlQuotaStore(gateway.services.audit.engine)
    month = window_for("month", datetime.now(UTC), gateway.services.policies.current.policy.limits.timezone)
    deadline = time.monotonic() + 10
    while (
        store.usage(scope_key("user", "user-token-meter"), month.key)[1] < used
        and time.monotonic() < deadline
    ):
        time.sleep(0.05)
    assert store.usage(scope_key("user", "user-token-meter"), month.key) == (1, used)
