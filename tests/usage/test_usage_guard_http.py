"""The guard model through HTTP: it settles borderline requests; a timeout or an answer out of
format leaves the classifier's verdict, and the audit record says which happened.

The policy copy sends every score to the guard (band [0, 1]); the fake upstream plays the
guard model (``[[verdict:…]]``, ``[[verdict-garbage]]``, ``[[slow-guard]]``).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openai
import pytest
import yaml

from tests.conftest import gateway_settings
from tests.fakes.upstream import FakeUpstream
from tests.harness import LiveGateway, start_gateway

REPO = Path(__file__).resolve().parents[2]
CLINICAL = "Mme Josiane Perrin, 79 ans, a très mal : je lui passe combien de morphine ce soir ?"
NEUTRAL = "Rédige un courriel pour décaler la réunion du comité des achats à jeudi."


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory, upstream: FakeUpstream) -> Iterator[LiveGateway]:
    root = tmp_path_factory.mktemp("guarded")
    shutil.copytree(REPO / "policies", root / "policies")
    shutil.copytree(REPO / "charter", root / "charter")
    usage = root / "policies" / "usage.yaml"
    content = yaml.safe_load(usage.read_text(encoding="utf-8"))
    content["classifier"]["guard"] = {
        "id": "usage-guard-model",
        "articles": ["art-5.3"],
        "model": "onprem-llm",
        "low": 0.0,
        "high": 1.0,
        "timeout_s": 0.5,
    }
    usage.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
    live = start_gateway(
        gateway_settings(root, upstream, policies_dir=root / "policies", charter_dir=root / "charter")
    )
    yield live
    live.stop()


@pytest.fixture(scope="module")
def api(guarded: LiveGateway) -> openai.OpenAI:
    _, key = guarded.services.keys.create(user_id="guard-user", department="drci", roles=("research",))
    guarded.services.keys.record_training("guard-user", "formation-ia-generative", date.today())
    return openai.OpenAI(base_url=guarded.base_url + "/v1", api_key=key, max_retries=0, timeout=20)


def usage_of(gateway: LiveGateway, request_id: str) -> dict[str, object]:
    [event] = [e for e in gateway.services.audit.get(request_id) if e.outcome != "in_flight"]
    return event.extra["usage"]  # type: ignore[no-any-return]


def test_when_the_guard_says_prohibited_then_the_request_is_refused_on_its_word(
    guarded: LiveGateway, api: openai.OpenAI, upstream: FakeUpstream
) -> None:
    with pytest.raises(openai.PermissionDeniedError) as caught:
        api.chat.completions.create(
            model="onprem-llm", messages=[{"role": "user", "content": NEUTRAL + " [[verdict:prescription]]"}]
        )
    assert "5.3" in caught.value.body["message"]  # type: ignore[index]
    usage = usage_of(guarded, caught.value.response.headers["x-iag-request-id"])
    assert usage["category"] == "prescription" and usage["source"] == "guard"


def test_when_the_guard_says_allowed_then_the_request_is_answered(
    guarded: LiveGateway, api: openai.OpenAI, upstream: FakeUpstream
) -> None:
    raw = api.chat.completions.with_raw_response.create(
        model="onprem-llm", messages=[{"role": "user", "content": CLINICAL + " [[verdict:allowed]]"}]
    )
    assert raw.parse().choices[0].message.content.startswith("echo: ")
    usage = usage_of(guarded, raw.headers["x-iag-request-id"])
    assert usage == {**usage, "category": "allowed", "source": "guard", "candidate": "prescription"}


def test_when_the_guard_is_asked_then_it_receives_the_pseudonymised_conversation_and_the_fixed_prompt(
    guarded: LiveGateway, api: openai.OpenAI, upstream: FakeUpstream
) -> None:
    before = len(upstream.received)
    api.chat.completions.create(
        model="onprem-llm", messages=[{"role": "user", "content": CLINICAL + " [[verdict:allowed]]"}]
    )
    asked = [b for b in upstream.received[before:] if b["messages"][0]["role"] == "system"]
    assert asked, "the guard model was not asked"
    sent = str(asked[0]["messages"])
    assert "Perrin" not in sent and "<PERSONNE_1>" in sent
    assert "VERDICT: <catégorie>" in asked[0]["messages"][0]["content"]


@pytest.mark.parametrize(
    ("control", "source"), [("[[slow-guard]]", "guard_timeout"), ("[[verdict-garbage]]", "guard_unparsable")]
)
def test_when_the_guard_fails_then_the_classifier_refuses_and_the_audit_says_why(
    guarded: LiveGateway, api: openai.OpenAI, control: str, source: str
) -> None:
    with pytest.raises(openai.PermissionDeniedError) as caught:
        api.chat.completions.create(
            model="onprem-llm", messages=[{"role": "user", "content": f"{CLINICAL} {control}"}]
        )
    usage = usage_of(guarded, caught.value.response.headers["x-iag-request-id"])
    assert usage["category"] == "prescription" and usage["source"] == source


def test_when_the_guard_times_out_on_a_legitimate_request_then_it_is_answered(
    guarded: LiveGateway, api: openai.OpenAI
) -> None:
    raw = api.chat.completions.with_raw_response.create(
        model="onprem-llm", messages=[{"role": "user", "content": f"{NEUTRAL} [[slow-guard]]"}]
    )
    assert raw.parse().choices[0].message.content.startswith("echo: ")
    usage = usage_of(guarded, raw.headers["x-iag-request-id"])
    assert usage["category"] == "allowed" and usage["source"] == "guard_timeout"
