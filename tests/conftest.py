"""Shared fixtures: a fake provider on loopback, one live gateway per session, and
store tests run on both backends (a migrated SQLite file and a private PostgreSQL schema)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from iag_gateway.settings import Settings
from iag_gateway.storage.engine import make_engine
from iag_gateway.storage.migrate import upgrade
from iag_gateway.storage.testing import postgres_available, scratch_postgres, sqlite_url
from tests.fakes.oidc_provider import OidcProvider
from tests.fakes.upstream import FakeUpstream
from tests.harness import LiveGateway, provider_config, start_gateway

os.environ.setdefault("IAG_TEST_UPSTREAM_KEY", "sk-test-not-a-secret")
ARTEFACTS = Path(__file__).resolve().parents[1] / "test-artefacts"


@pytest.fixture(scope="session")
def upstream() -> Iterator[FakeUpstream]:
    fake = FakeUpstream().start()
    yield fake
    fake.stop()


def gateway_settings(tmp: Path, upstream: FakeUpstream, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "env": "test",
        "database_url": f"sqlite:///{tmp / 'gateway.db'}",
        "config": provider_config(tmp / "providers.yaml", upstream.base_url),
        "cookie_secure": False,
        "watch_policies": False,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def oidc_provider() -> Iterator[OidcProvider]:
    """The institutional identity provider the session's gateway trusts."""
    provider = OidcProvider().start()
    yield provider
    provider.stop()


@pytest.fixture(scope="session")
def gateway(
    tmp_path_factory: pytest.TempPathFactory, upstream: FakeUpstream, oidc_provider: OidcProvider
) -> Iterator[LiveGateway]:
    tmp = tmp_path_factory.mktemp("gateway")
    oidc_config = oidc_provider.config_file(tmp / "oidc.yaml")
    live = start_gateway(
        gateway_settings(tmp, upstream, oidc_config=oidc_config, oidc_client_secret="test-secret")
    )
    yield live
    live.stop()


KeyFactory = Callable[..., str]


@pytest.fixture(scope="session")
def make_key(gateway: LiveGateway) -> KeyFactory:
    """Create an API key on the live gateway's database; trained unless told otherwise."""
    counter = iter(range(1, 1_000_000))

    def create(
        *roles: str, department: str = "pole-achats", trained: bool = True, user: str | None = None
    ) -> str:
        user_id = user or f"user-{next(counter)}"
        keys = gateway.services.keys
        _, plaintext = keys.create(user_id=user_id, department=department, roles=roles or ("staff",))
        if trained:
            keys.record_training(user_id, "formation-ia-generative", date.today())
        return plaintext

    return create


# -- database backends for the store tests ------------------------------------------------

_BACKENDS = [pytest.param("sqlite"), pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def postgres_up() -> bool:
    return postgres_available()


@pytest.fixture(params=_BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path, postgres_up: bool) -> Iterator[str]:
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "gateway.db")
        return
    if not postgres_up:
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    with scratch_postgres() as url:
        yield url


@pytest.fixture
def pg_url(postgres_up: bool) -> Iterator[str]:
    """A private PostgreSQL schema (not migrated), for PostgreSQL-only tests."""
    if not postgres_up:
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    with scratch_postgres() as url:
        yield url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A migrated engine on each backend (the PII tests define their own ``engine``)."""
    engine = make_engine(db_url)
    upgrade(engine)
    yield engine
    engine.dispose()
