"""Provider-config fallbacks must obey the charter (approved, equally protective)."""

from __future__ import annotations

import pytest

from iag_gateway.errors import ConfigError
from iag_gateway.policy.loader import load_policy
from iag_gateway.policy.models import PolicySet
from iag_gateway.policy.provider_check import check_provider_fallbacks
from iag_gateway.settings import PROJECT_ROOT


@pytest.fixture(scope="module")
def policy() -> PolicySet:
    return load_policy(PROJECT_ROOT / "policies", PROJECT_ROOT / "charter").policy


@pytest.mark.parametrize(
    "fallbacks",
    [[], [{"onprem-llm": ["demo-local"]}], [{"mistral-eu": ["onprem-llm"]}]],
)
def test_when_fallback_is_equally_or_more_protective_then_accepted(
    policy: PolicySet, fallbacks: list
) -> None:  # type: ignore[type-arg]
    check_provider_fallbacks(policy, fallbacks, "providers.yaml")


@pytest.mark.parametrize(
    ("fallbacks", "message"),
    [
        ([{"onprem-llm": ["mistral-eu"]}], "less protective"),
        ([{"onprem-llm": ["openai-us"]}], "not an approved model"),
        ([{"onprem-llm": ["nowhere"]}], "not an approved model"),
    ],
)
def test_when_fallback_is_less_protective_or_unapproved_then_startup_refused(
    policy: PolicySet,
    fallbacks: list,
    message: str,  # type: ignore[type-arg]
) -> None:
    with pytest.raises(ConfigError, match=message) as error:
        check_provider_fallbacks(policy, fallbacks, "providers.yaml")
    assert error.value.field == "router_settings.fallbacks.0.onprem-llm"
