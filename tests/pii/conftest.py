"""One engine for the whole PII test session: loading spaCy takes about a second."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from iag_gateway.pii.allow_list import default_allow_list_path
from iag_gateway.pii.engine import PiiEngine

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def engine() -> Iterator[PiiEngine]:
    built = PiiEngine.build(allow_list_files=[default_allow_list_path(REPO_ROOT)])
    yield built
    built.close()


def found(engine: PiiEngine, text: str) -> list[tuple[str, str]]:
    """Return (label, value) pairs the engine finds in ``text``."""
    return [(e.label, text[e.start : e.end]) for e in engine.analyze(text)]
