from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from iag_gateway.errors import AuditUnavailable
from iag_gateway.identity.keys import Identity, KeyStore, parse_token
from iag_gateway.storage.engine import make_engine


@pytest.fixture
def keys(engine: Engine) -> KeyStore:
    return KeyStore(engine)


def test_when_key_created_then_token_has_documented_shape(keys: KeyStore) -> None:
    info, token = keys.create(user_id="u.martin", department="achats", roles=["buyer"], label="poste 12")
    assert token.startswith(f"iag_{info.key_id}_")
    assert len(info.key_id) == 12
    parsed = parse_token(token)
    assert parsed is not None
    assert parsed[0] == info.key_id
    assert len(parsed[1]) >= 43  # token_urlsafe(32): 256 bits


def test_when_key_created_then_plaintext_secret_is_nowhere_in_the_table(
    keys: KeyStore, engine: Engine
) -> None:
    _, token = keys.create(user_id="u1", department="finance", roles=["finance"])
    parsed = parse_token(token)
    assert parsed is not None
    secret = parsed[1]
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT * FROM api_key").all()
    dumped = repr(rows)
    assert token not in dumped
    assert secret not in dumped
    assert secret[:16] not in dumped


def test_when_correct_token_then_identity_returned(keys: KeyStore) -> None:
    info, token = keys.create(user_id="u1", department="achats", roles=["buyer", "staff"])
    assert keys.authenticate(token) == Identity(
        key_id=info.key_id,
        user_id="u1",
        department="achats",
        roles=frozenset({"buyer", "staff"}),
        trained=False,
    )


def test_when_wrong_secret_then_none(keys: KeyStore) -> None:
    info, token = keys.create(user_id="u1", department="achats", roles=["buyer"])
    forged = f"iag_{info.key_id}_" + ("A" * 43)
    assert forged != token
    assert keys.authenticate(forged) is None


def test_when_unknown_key_id_then_none(keys: KeyStore) -> None:
    _, token = keys.create(user_id="u1", department="achats", roles=["buyer"])
    assert keys.authenticate("iag_ZZZZZZZZZZZZ_" + token[-43:]) is None


def test_when_key_revoked_then_none_and_revoke_is_idempotent(keys: KeyStore) -> None:
    info, token = keys.create(user_id="u1", department="achats", roles=["buyer"])
    assert keys.revoke(info.key_id) is True
    assert keys.authenticate(token) is None
    assert keys.revoke(info.key_id) is False
    assert keys.revoke("nosuchkey123") is False


@pytest.mark.parametrize(
    "token",
    [
        "",
        "iag_",
        "Bearer iag_abc",
        "sk-1234567890abcdef",
        "iag_short_" + "A" * 43,
        "iag_ABCDEFGHIJKL" + "A" * 44,
        "iag_ABCDEFGHIJKL_" + "A" * 10,
        "iag_ABCDEFGHIJKL_" + "A" * 43 + " ",
        "iag_ABCDEFGHIJKL_" + "é" * 43,
    ],
)
def test_when_token_malformed_then_none(keys: KeyStore, token: str) -> None:
    assert keys.authenticate(token) is None


def test_when_unknown_role_then_value_error(keys: KeyStore) -> None:
    with pytest.raises(ValueError, match="superuser"):
        keys.create(user_id="u1", department="achats", roles=["buyer", "superuser"])


def test_when_keys_listed_then_summaries_without_hash(keys: KeyStore) -> None:
    first, _ = keys.create(user_id="u1", department="achats", roles=["buyer"], label="a")
    second, _ = keys.create(user_id="u2", department="recherche", roles=["research", "auditor"])
    keys.revoke(first.key_id)
    listed = {info.key_id: info for info in keys.list()}
    assert set(listed) == {first.key_id, second.key_id}
    assert listed[first.key_id].revoked_at is not None
    assert not listed[first.key_id].active
    assert listed[second.key_id].roles == frozenset({"research", "auditor"})
    assert listed[second.key_id].created_at.tzinfo is not None
    assert not hasattr(listed[second.key_id], "secret_hash")


def test_when_training_recorded_then_identity_is_trained(keys: KeyStore) -> None:
    _, token = keys.create(user_id="u1", department="achats", roles=["buyer"])
    keys.record_training("u1", "Acculturation IA générative", date(2025, 3, 14))
    identity = keys.authenticate(token)
    assert identity is not None
    assert identity.trained is True
    assert keys.training("u1") == ("Acculturation IA générative", date(2025, 3, 14))


def test_when_training_recorded_twice_then_latest_kept(keys: KeyStore) -> None:
    keys.record_training("u1", "v1", date(2024, 1, 1))
    keys.record_training("u1", "v2", date(2025, 1, 1))
    assert keys.training("u1") == ("v2", date(2025, 1, 1))
    assert keys.training("nobody") is None


def test_when_database_unreachable_then_authenticate_raises_audit_unavailable() -> None:
    engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/x", connect_timeout_s=1)
    keys = KeyStore(engine)
    with pytest.raises(AuditUnavailable) as caught:
        keys.authenticate("iag_ABCDEFGHIJKL_" + "A" * 43)
    assert isinstance(caught.value.__cause__, sa.exc.SQLAlchemyError)
    with pytest.raises(AuditUnavailable):
        keys.create(user_id="u1", department="achats", roles=["buyer"])
    engine.dispose()


def test_when_token_malformed_then_database_not_needed() -> None:
    engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/x", connect_timeout_s=1)
    assert KeyStore(engine).authenticate("not-a-key") is None
    engine.dispose()


def test_when_key_id_is_active_then_identity_matches_authenticate(keys: KeyStore) -> None:
    info, token = keys.create(user_id="u1", department="achats", roles=["buyer", "staff"])
    keys.record_training("u1", "Acculturation IA générative", date(2025, 3, 14))
    identity = keys.identity(info.key_id)
    assert identity == keys.authenticate(token)
    assert identity is not None and identity.trained is True


def test_when_key_id_is_unknown_or_revoked_then_identity_is_none(keys: KeyStore) -> None:
    info, _ = keys.create(user_id="u1", department="achats", roles=["buyer"])
    assert keys.identity("ZZZZZZZZZZZZ") is None
    assert keys.identity("") is None
    keys.revoke(info.key_id)
    assert keys.identity(info.key_id) is None


def test_when_database_unreachable_then_identity_raises_audit_unavailable() -> None:
    engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/x", connect_timeout_s=1)
    with pytest.raises(AuditUnavailable) as caught:
        KeyStore(engine).identity("ABCDEFGHIJKL")
    assert isinstance(caught.value.__cause__, sa.exc.SQLAlchemyError)
    engine.dispose()


def test_when_key_expiry_passes_then_it_no_longer_authenticates(keys: KeyStore, engine: Engine) -> None:
    from datetime import timedelta

    from iag_gateway.identity.models import API_KEY_TABLE
    from iag_gateway.storage.types import utc_now

    info, token = keys.create(
        user_id="u.expire", department="finances", roles=["finance"], expires_at=utc_now() + timedelta(days=1)
    )
    assert keys.authenticate(token) is not None and keys.info(info.key_id).active  # type: ignore[union-attr]
    with engine.begin() as conn:
        conn.execute(
            sa.update(API_KEY_TABLE)
            .where(API_KEY_TABLE.c.key_id == info.key_id)
            .values(expires_at=utc_now() - timedelta(seconds=1))
        )
    assert keys.authenticate(token) is None and keys.identity(info.key_id) is None
    listed = keys.list_for("u.expire")
    assert [k.key_id for k in listed] == [info.key_id] and listed[0].expired and not listed[0].active


def test_when_expiry_is_in_the_past_then_key_is_not_created(keys: KeyStore) -> None:
    from datetime import timedelta

    from iag_gateway.storage.types import utc_now

    with pytest.raises(ValueError, match="future"):
        keys.create(user_id="u", department="d", roles=["staff"], expires_at=utc_now() - timedelta(days=1))
