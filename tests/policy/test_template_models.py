"""Templates declare needs; the deployment's configuration and the charter's registry pick the model."""

from __future__ import annotations

from pathlib import Path

import pytest

from iag_gateway.errors import TemplateConfigError
from iag_gateway.policy.loader import load_policy
from iag_gateway.policy.template_models import check_templates_resolve, template_model
from iag_gateway.prompts import TemplateCatalogue
from iag_gateway.providers.config import ProviderConfig

ROOT = Path(__file__).resolve().parents[2]
POLICY = load_policy(ROOT / "policies", ROOT / "charter").policy
TEMPLATES = TemplateCatalogue.load(ROOT / "prompt_templates").all()


def config(*aliases: str) -> ProviderConfig:
    backends = {"demo-local": "iag-demo/demo"}
    return ProviderConfig.model_validate(
        {
            "model_list": [
                {
                    "model_name": alias,
                    "litellm_params": {
                        "model": backends.get(alias, "openai/x"),
                        "api_base": "http://127.0.0.1:9",
                    },
                }
                for alias in aliases
            ]
        }
    )


@pytest.mark.parametrize("template", TEMPLATES, ids=[t.id for t in TEMPLATES])
def test_when_only_the_onprem_model_is_configured_then_every_template_resolves_to_it(template) -> None:  # type: ignore[no-untyped-def]
    assert template_model(template, POLICY, config("onprem-llm"), template.roles) == "onprem-llm"


def test_when_the_demo_model_is_also_configured_then_templates_never_pick_it() -> None:
    chosen = {template_model(t, POLICY, config("demo-local", "onprem-llm"), t.roles) for t in TEMPLATES}
    assert chosen == {"onprem-llm"}


def test_when_only_the_demo_model_is_configured_then_templates_run_on_it() -> None:
    chosen = {template_model(t, POLICY, config("demo-local"), t.roles) for t in TEMPLATES}
    assert chosen == {"demo-local"}


def test_when_only_an_eu_cloud_model_is_configured_then_public_and_internal_templates_use_it() -> None:
    template = next(t for t in TEMPLATES if t.data_class == "internal" and "buyer" in t.roles)
    assert template_model(template, POLICY, config("mistral-eu"), template.roles) == "mistral-eu"
    # Staff may not use mistral-eu (access.yaml): the role filter applies.
    assert template_model(template, POLICY, config("mistral-eu"), ["staff"]) is None


def test_when_a_class_exceeds_every_configured_model_then_the_startup_check_names_the_template() -> None:
    approved = [t for t in TEMPLATES if t.status == "approved"]  # drafts are never served nor checked
    sensitive = [t for t in approved if t.data_class in ("personal", "patient")]
    if not sensitive:  # the shipped catalogue has none: make one from a shipped template
        sensitive = [approved[0].model_copy(update={"data_class": "patient"})]
    with pytest.raises(TemplateConfigError) as caught:
        check_templates_resolve(sensitive, POLICY, config("mistral-eu"))
    assert sensitive[0].source_path in caught.value.message
    assert "no configured model fits" in caught.value.message


def test_when_every_shipped_template_is_checked_against_the_onprem_example_then_none_fails() -> None:
    from iag_gateway.providers.config import load_provider_config

    check_templates_resolve(
        TEMPLATES, POLICY, load_provider_config(ROOT / "deploy" / "gateway.onprem.example.yaml")
    )


def test_when_a_template_needs_a_capability_no_model_offers_then_it_does_not_resolve() -> None:
    template = TEMPLATES[0]
    needy = template.model_copy(
        update={"needs": template.needs.model_copy(update={"capabilities": ["json"]})}
    )
    assert template_model(needy, POLICY, config("onprem-llm"), needy.roles) is None
    assert template_model(needy, POLICY, config("onprem-llm", "mistral-eu"), ["buyer"]) == "mistral-eu"
