"""No session secret is shipped: dev and test generate one beside the database (#10 item 13)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from pydantic import ValidationError

from iag_gateway.errors import ConfigError
from iag_gateway.settings import Settings
from iag_gateway.web.session import session_secret


def test_when_no_secret_is_set_in_dev_then_a_random_one_is_kept_beside_the_database(tmp_path: Path) -> None:
    one = Settings(env="dev", database_url=f"sqlite:///{tmp_path / 'a' / 'gateway.db'}")
    (tmp_path / "a").mkdir()
    other = Settings(env="dev", database_url=f"sqlite:///{tmp_path / 'b.db'}")
    secret = session_secret(one)
    assert len(secret) >= 43 and secret == session_secret(one)  # stable across calls (and restarts)
    kept = tmp_path / "a" / ".iag-session-secret"
    assert kept.read_text(encoding="ascii").strip() == secret
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert session_secret(other) != secret  # each deployment its own


def test_when_a_cookie_is_forged_with_any_shipped_default_then_it_is_refused(tmp_path: Path) -> None:
    import itsdangerous

    settings = Settings(env="dev", database_url=f"sqlite:///{tmp_path / 'gateway.db'}")
    # Starlette's SessionMiddleware signs the cookie with TimestampSigner(secret): a cookie signed
    # with the placeholder earlier releases shipped must not pass under this deployment's secret.
    forged = itsdangerous.TimestampSigner("dev-only-session-secret-change-me").sign(
        b"eyJ1IjogImF1ZGl0cmljZSJ9"
    )
    with pytest.raises(itsdangerous.BadSignature):
        itsdangerous.TimestampSigner(session_secret(settings)).unsign(forged)
    assert not hasattr(__import__("iag_gateway.settings").settings, "DEV_SESSION_SECRET")


def test_when_prod_has_no_secret_then_settings_refuse(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="IAG_SESSION_SECRET"):
        Settings(env="prod", database_url=f"sqlite:///{tmp_path / 'gateway.db'}")


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604])
def test_when_the_kept_secret_is_readable_by_others_then_it_is_refused(tmp_path: Path, mode: int) -> None:
    settings = Settings(env="dev", database_url=f"sqlite:///{tmp_path / 'gateway.db'}")
    kept = tmp_path / ".iag-session-secret"
    kept.write_text("x" * 48 + "\n", encoding="ascii")
    kept.chmod(mode)  # e.g. a file that came with a checkout: every clone would sign with it
    with pytest.raises(ConfigError, match="readable by other users"):
        session_secret(settings)
