"""Messages for people are French; ``code`` values for programs stay stable English (#10 item 12)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest

from tests.conftest import KeyFactory, gateway_settings
from tests.fakes.upstream import FakeUpstream
from tests.french import english_words
from tests.harness import LiveGateway, start_gateway
from tests.web.test_api_errors import post
from tests.web.test_pipeline_e2e import NIR


def test_when_the_api_refuses_then_the_message_is_french_and_the_code_stable(
    gateway: LiveGateway, make_key: KeyFactory
) -> None:
    key = make_key("buyer")
    url = gateway.base_url + "/v1/chat/completions"
    big = "a" * (gateway.settings.max_body_bytes + 10)
    answers = {
        "invalid_api_key": post(gateway, "sk-wrong", json={"model": "onprem-llm", "messages": []}),
        "malformed_json": post(gateway, key, content=b"{oops", headers={"content-type": "application/json"}),
        "invalid_field": post(gateway, key, json={"model": "onprem-llm", "messages": [], "bogus": 1}),
        "not_found": httpx.get(gateway.base_url + "/v1/nothing-here"),
        "invalid_request": httpx.get(url),
        "payload_too_large": post(
            gateway, key, json={"model": "onprem-llm", "messages": [{"role": "user", "content": big}]}
        ),
        "model_not_found": post(
            gateway, key, json={"model": "gpt-99", "messages": [{"role": "user", "content": "x"}]}
        ),
        "upstream_error": post(
            gateway,
            key,
            json={"model": "onprem-llm", "messages": [{"role": "user", "content": "[[fail500]]"}]},
        ),
        "upstream_timeout": post(
            gateway, key, json={"model": "onprem-llm", "messages": [{"role": "user", "content": "[[slow]]"}]}
        ),
    }
    missing = httpx.post(url, json={"model": "onprem-llm", "messages": []})
    answers["invalid_api_key "] = missing
    for code, response in answers.items():
        error = response.json()["error"]
        assert error["code"] == code.strip(), (code, error)
        assert not english_words(error["message"]), error["message"]


@pytest.fixture(scope="module")
def no_onprem(tmp_path_factory: pytest.TempPathFactory, upstream: FakeUpstream) -> Iterator[LiveGateway]:
    """A deployment where the charter's reroute target (onprem-llm) is not configured."""
    tmp = tmp_path_factory.mktemp("no-onprem")
    config = Path(tmp / "only-mistral.yaml")
    config.write_text(
        f"""
model_list:
  - model_name: mistral-eu
    litellm_params: {{model: openai/echo, api_base: "{upstream.base_url}", api_key: os.environ/IAG_TEST_UPSTREAM_KEY}}
router_settings:
  timeout: 2
  num_retries: 0
""",
        encoding="utf-8",
    )
    live = start_gateway(gateway_settings(tmp, upstream, config=config))
    yield live
    live.stop()


def test_when_a_reroute_lands_on_an_unconfigured_model_then_the_error_says_rerouted_and_why(
    no_onprem: LiveGateway,
) -> None:
    keys = no_onprem.services.keys
    _, key = keys.create(user_id="chercheuse-1", department="recherche", roles=("research",))
    keys.record_training("chercheuse-1", "formation-ia-generative", date.today())
    content = f"Résumé du séjour du patient NIR {NIR} pour le codage."
    response = post(
        no_onprem, key, json={"model": "mistral-eu", "messages": [{"role": "user", "content": content}]}
    )
    assert response.status_code == 404, response.text
    message = response.json()["error"]["message"]
    assert "mistral-eu" in message and "onprem-llm" in message and "redirigée" in message
    assert "4.1" in message
