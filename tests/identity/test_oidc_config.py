"""The institutional sign-in's configuration fails closed; the claim mapping refuses what it cannot map."""

from __future__ import annotations

from pathlib import Path

import pytest

from iag_gateway.errors import ConfigError
from iag_gateway.identity.oidc_config import OidcConfig, load_oidc_config, map_claims

GOOD = """
issuer: https://sso.chu.local/realms/chu
client_id: iag-gateway
claims: {user_id: preferred_username, department: dept, roles: groups}
roles:
  /achats: [buyer]
  /finances: [finance, staff]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "oidc.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_when_file_is_valid_then_loaded(tmp_path: Path) -> None:
    config = load_oidc_config(write(tmp_path, GOOD))
    assert config.metadata_url == "https://sso.chu.local/realms/chu/.well-known/openid-configuration"


@pytest.mark.parametrize(
    ("text", "field"),
    [
        (
            GOOD + "client_secret: s3cret\n",
            "client_secret",
        ),  # unknown key (secrets come from the environment)
        (GOOD.replace("[buyer]", "[acheteur]"), "roles"),  # not a gateway role
        (GOOD.replace("[buyer]", "[]"), "roles"),
        (GOOD + "scopes: [profile]\n", "scopes"),
        (GOOD.replace("https://sso", "sso"), "issuer"),
        (GOOD.replace("roles:\n  /achats: [buyer]\n  /finances: [finance, staff]\n", ""), "roles"),
    ],
)
def test_when_file_is_invalid_then_config_error_names_file_and_field(
    tmp_path: Path, text: str, field: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_oidc_config(write(tmp_path, text))
    assert str(tmp_path / "oidc.yaml") in caught.value.message and field in caught.value.message


def test_when_file_is_not_yaml_then_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        load_oidc_config(write(tmp_path, "issuer: [unclosed"))


CONFIG = OidcConfig.model_validate(
    {
        "issuer": "https://sso",
        "client_id": "c",
        "claims": {"user_id": "preferred_username", "department": "dept", "roles": "groups"},
        "roles": {"/achats": ["buyer"], "/finances": ["finance", "staff"]},
    }
)


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        (
            {"preferred_username": "a", "dept": "achats", "groups": ["/achats", "/x"]},
            ("a", "achats", {"buyer"}),
        ),
        ({"preferred_username": "a", "dept": "f", "groups": "/finances"}, ("a", "f", {"finance", "staff"})),
        (
            {"preferred_username": " a ", "dept": "f", "groups": ["/achats", "/finances"]},
            ("a", "f", {"buyer", "finance", "staff"}),
        ),
        ({"preferred_username": "a", "dept": "f", "groups": ["/x"]}, None),
        ({"preferred_username": "a", "dept": "f", "groups": [{"name": "/achats"}]}, None),
        ({"preferred_username": "a", "groups": ["/achats"]}, None),
        ({"preferred_username": "", "dept": "f", "groups": ["/achats"]}, None),
        ({"dept": "f", "groups": ["/achats"]}, None),
        ({"preferred_username": "a", "dept": "  ", "groups": ["/achats"]}, None),
    ],
)
def test_when_claims_are_mapped_then_roles_or_refusal(
    claims: dict[str, object], expected: tuple[str, str, set[str]] | None
) -> None:
    mapped = map_claims(CONFIG, claims)
    assert (mapped if mapped is None else (mapped[0], mapped[1], set(mapped[2]))) == expected


def test_when_department_claim_is_absent_and_a_default_is_set_then_default_used() -> None:
    config = CONFIG.model_copy(update={"default_department": "chu"})
    assert map_claims(config, {"preferred_username": "a", "groups": ["/achats"]}) == (
        "a",
        "chu",
        frozenset({"buyer"}),
    )
