"""The shipped templates run on a production-like deployment that has no demonstration model."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest

from tests.conftest import gateway_settings
from tests.fakes.upstream import FakeUpstream
from tests.harness import LiveGateway, start_gateway
from tests.prompts.test_shipped_templates import SAMPLES, TEMPLATES

ROLE_OF_DOMAIN = {"achats": "buyer", "comptabilite": "finance", "recherche": "research"}


@pytest.fixture(scope="module")
def onprem_only(tmp_path_factory: pytest.TempPathFactory, upstream: FakeUpstream) -> Iterator[LiveGateway]:
    tmp = tmp_path_factory.mktemp("onprem-only")
    config = tmp / "gateway.yaml"
    config.write_text(
        f"""
model_list:
  - model_name: onprem-llm
    litellm_params: {{model: openai/echo, api_base: "{upstream.base_url}", api_key: os.environ/IAG_TEST_UPSTREAM_KEY}}
router_settings: {{timeout: 5, num_retries: 0}}
""",
        encoding="utf-8",
    )
    live = start_gateway(gateway_settings(Path(tmp), upstream, config=config))
    yield live
    live.stop()


@pytest.mark.parametrize("template", TEMPLATES, ids=[t.id for t in TEMPLATES])
def test_when_no_demo_model_is_configured_then_each_shipped_template_runs_on_the_onprem_model(
    onprem_only: LiveGateway,
    template,  # type: ignore[no-untyped-def]
) -> None:
    keys = onprem_only.services.keys
    role = ROLE_OF_DOMAIN[template.domain]
    user = f"agent-{template.id}"
    # shipped drafts await the directorate's approval: until then only admins are served them
    roles = [role, "admin"] if template.status == "draft" else [role]
    _, key = keys.create(user_id=user, department="pole-test", roles=roles)
    keys.record_training(user, "formation-ia-generative", date.today())
    inputs, _ = SAMPLES[template.id]
    response = httpx.post(
        f"{onprem_only.base_url}/v1/templates/{template.id}/run",
        json={"inputs": inputs},
        headers={"Authorization": f"Bearer {key}"},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    assert response.headers["X-IAG-Model"] == "onprem-llm"
    assert response.json()["model"] == "onprem-llm"
