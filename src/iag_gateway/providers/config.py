"""Read the provider config: a YAML file in litellm's ``model_list`` style.

Provider secrets never live in the file: any ``api_key`` (or other secret-looking
parameter) must be written ``os.environ/NAME`` and is resolved from the
environment when the router is built.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from iag_gateway.errors import ConfigError

_SECRET_PARAMS = frozenset({"api_key", "aws_secret_access_key", "azure_ad_token", "vertex_credentials"})
_ENV_PREFIX = "os.environ/"


class Deployment(BaseModel):
    model_config = ConfigDict(extra="forbid")

    model_name: str = Field(min_length=1)
    litellm_params: dict[str, Any]
    model_info: dict[str, Any] = Field(default_factory=dict)


class RouterSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    timeout: float = Field(default=60.0, gt=0)
    num_retries: int = Field(default=1, ge=0, le=5)
    fallbacks: list[dict[str, list[str]]] = Field(default_factory=list)


class ProviderConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    model_list: list[Deployment] = Field(min_length=1)
    router_settings: RouterSettings = Field(default_factory=RouterSettings)

    @property
    def aliases(self) -> list[str]:
        return list(dict.fromkeys(d.model_name for d in self.model_list))

    def provider_model(self, alias: str) -> str | None:
        for deployment in self.model_list:
            if deployment.model_name == alias:
                return str(deployment.litellm_params.get("model", ""))
        return None


def load_provider_config(path: Path) -> ProviderConfig:
    """Parse and validate the provider config; refuse literal secrets."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(str(path), f"cannot read provider config: {exc}") from exc
    try:
        config = ProviderConfig.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise ConfigError(str(path), first["msg"], field=field) from exc
    for index, deployment in enumerate(config.model_list):
        if "model" not in deployment.litellm_params:
            raise ConfigError(
                str(path), "missing litellm model", field=f"model_list.{index}.litellm_params.model"
            )
        for name in _SECRET_PARAMS & deployment.litellm_params.keys():
            value = deployment.litellm_params[name]
            if not (isinstance(value, str) and value.startswith(_ENV_PREFIX)):
                raise ConfigError(
                    str(path),
                    f"secrets must come from the environment: write {name}: os.environ/VARIABLE",
                    field=f"model_list.{index}.litellm_params.{name}",
                )
    return config


def resolve_env(params: dict[str, Any]) -> dict[str, Any]:
    """Replace ``os.environ/NAME`` values by the variable's value (refuse a missing one)."""
    resolved: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, str) and value.startswith(_ENV_PREFIX):
            name = value.removeprefix(_ENV_PREFIX)
            if name not in os.environ:
                raise ConfigError("environment", f"variable {name} is not set", field=key)
            value = os.environ[name]
        resolved[key] = value
    return resolved
