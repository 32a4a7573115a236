"""Shared paths and catalogues for the prompt-template tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from iag_gateway.prompts import TemplateCatalogue

REPO_ROOT = Path(__file__).resolve().parents[2]
SHIPPED_ROOT = REPO_ROOT / "prompt_templates"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shipped() -> TemplateCatalogue:
    return TemplateCatalogue.load(SHIPPED_ROOT)


@pytest.fixture(scope="session")
def fixture_catalogue() -> TemplateCatalogue:
    return TemplateCatalogue.load(FIXTURES / "valid")
