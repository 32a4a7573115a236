"""The institutional sign-in's configuration: issuer, client, and how claims map to identities.

Read from the YAML file named by ``IAG_OIDC_CONFIG`` into strict models (unknown keys,
wrong types, unknown gateway roles all stop startup with the file and field named). The
client secret never sits in that file: it comes from ``IAG_OIDC_CLIENT_SECRET``.

Example (Keycloak realm ``chu``)::

    issuer: https://sso.chu.local/realms/chu
    client_id: iag-gateway
    claims: {user_id: preferred_username, department: department, roles: groups}
    roles:               # provider value -> gateway roles
      /achats: [buyer]
      /direction-data-ia/admins: [admin]

A person none of whose provider values maps to a gateway role is refused (fail closed).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from iag_gateway.errors import ConfigError
from iag_gateway.identity.roles import ROLES


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ClaimNames(_Strict):
    """Which ID-token claims carry the user id, the department and the role values."""

    user_id: str = Field(default="preferred_username", min_length=1)
    department: str = Field(default="department", min_length=1)
    roles: str = Field(default="groups", min_length=1)


class OidcConfig(_Strict):
    issuer: str = Field(min_length=1, pattern=r"^https?://")
    client_id: str = Field(min_length=1)
    scopes: list[str] = Field(default_factory=lambda: ["openid", "profile", "email"])
    claims: ClaimNames = ClaimNames()
    #: Provider values (groups, realm roles…) to gateway roles.
    roles: dict[str, list[str]] = Field(min_length=1)
    #: Department used when the department claim is absent; ``None`` refuses such a person.
    default_department: str | None = None
    #: Label of the sign-in button.
    label: str = Field(default="Se connecter avec mon compte de l'établissement", min_length=1)
    timeout_s: float = Field(default=10.0, gt=0, le=60)

    @field_validator("scopes")
    @classmethod
    def _openid_scope(cls, value: list[str]) -> list[str]:
        if "openid" not in value:
            raise ValueError("scopes must include 'openid'")
        return value

    @field_validator("roles")
    @classmethod
    def _known_roles(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for source, targets in value.items():
            unknown = set(targets) - ROLES
            if not targets or unknown:
                raise ValueError(
                    f"{source!r} must map to gateway roles among {sorted(ROLES)} (got {sorted(targets)})"
                )
        return value

    @property
    def metadata_url(self) -> str:
        return self.issuer.rstrip("/") + "/.well-known/openid-configuration"


def load_oidc_config(path: Path) -> OidcConfig:
    """Read and validate the file; raise ``ConfigError`` naming the file and the field."""
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(str(path), f"cannot be read as YAML: {exc}") from exc
    try:
        return OidcConfig.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(file)"
        raise ConfigError(str(path), str(first["msg"]), field=where) from exc


def map_claims(config: OidcConfig, claims: dict[str, Any]) -> tuple[str, str, frozenset[str]] | None:
    """Return ``(user_id, department, roles)`` for ID-token claims, or ``None`` when refused.

    Refused: no user id, no department (and no default), or no provider value that maps
    to a gateway role. Role values may be a list or a single string.
    """
    user_id = claims.get(config.claims.user_id)
    department = claims.get(config.claims.department) or config.default_department
    raw = claims.get(config.claims.roles)
    values = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    roles = frozenset(r for v in values if isinstance(v, str) for r in config.roles.get(v, ()))
    if not isinstance(user_id, str) or not user_id.strip() or not isinstance(department, str):
        return None
    if not department.strip() or not roles:
        return None
    return user_id.strip(), department.strip(), roles
