"""Shared fixtures for the policy tests: the shipped policy and a request factory."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from iag_gateway.policy import LoadedPolicy, PolicyRequest, PolicySet, load_policy

from .factories import make_request

REPO = Path(__file__).resolve().parents[2]
POLICIES = REPO / "policies"
CHARTER = REPO / "charter"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def loaded() -> LoadedPolicy:
    return load_policy(POLICIES, CHARTER)


@pytest.fixture(scope="session")
def policy(loaded: LoadedPolicy) -> PolicySet:
    return loaded.policy


@pytest.fixture
def request_factory() -> Callable[..., PolicyRequest]:
    return make_request


@pytest.fixture
def policy_copy(tmp_path: Path) -> Path:
    """A writable copy of policies/ and charter/ as siblings; returns the policies dir."""
    shutil.copytree(POLICIES, tmp_path / "policies")
    shutil.copytree(CHARTER, tmp_path / "charter")
    return tmp_path / "policies"
