"""The provider config: litellm's model_list style, secrets only from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from iag_gateway.errors import ConfigError
from iag_gateway.providers.config import load_provider_config, resolve_env
from iag_gateway.settings import PROJECT_ROOT


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "providers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["gateway.yaml", "gateway.onprem.example.yaml"])
def test_when_shipped_configs_are_read_then_they_validate(name: str) -> None:
    config = load_provider_config(PROJECT_ROOT / "deploy" / name)
    assert "demo-local" in config.aliases


@pytest.mark.parametrize(
    ("text", "field"),
    [
        (
            "model_list:\n  - model_name: x\n    litellm_params: {model: openai/x, api_key: sk-live-123}\n",
            "model_list.0.litellm_params.api_key",
        ),
        (
            "model_list:\n  - model_name: x\n    litellm_params: {api_base: 'http://h'}\n",
            "model_list.0.litellm_params.model",
        ),
        (
            "model_list:\n  - model_name: x\n    litellm_params: {model: openai/x}\n    colour: blue\n",
            "model_list.0.colour",
        ),
        ("model_list: []\n", "model_list"),
    ],
)
def test_when_config_is_invalid_then_refused_naming_the_field(tmp_path: Path, text: str, field: str) -> None:
    with pytest.raises(ConfigError) as error:
        load_provider_config(write(tmp_path, text))
    assert error.value.field == field and "providers.yaml" in error.value.message


def test_when_a_secret_variable_is_missing_then_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IAG_TEST_ABSENT_KEY", raising=False)
    with pytest.raises(ConfigError, match="IAG_TEST_ABSENT_KEY"):
        resolve_env({"api_key": "os.environ/IAG_TEST_ABSENT_KEY"})
    monkeypatch.setenv("IAG_TEST_ABSENT_KEY", "value")
    assert resolve_env({"api_key": "os.environ/IAG_TEST_ABSENT_KEY", "model": "m"}) == {
        "api_key": "value",
        "model": "m",
    }
