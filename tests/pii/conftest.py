"""One engine for the whole PII test session: loading spaCy takes about a second."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from iag_gateway.pii.allow_list import default_allow_list_path
from iag_gateway.pii.engine import PiiEngine

REPO_ROOT = Path(__file__).resolve().parents[2]


def nir_with_key(body: str) -> str:
    """Append the key to a 13-character NIR body (2A/2B count as 19/18), computed independently."""
    numeric = int(body.replace("2A", "19").replace("2B", "18"))
    return f"{body}{97 - numeric % 97:02d}"


def luhn_complete(body: str) -> str:
    """Append the Luhn check digit to ``body``."""
    for digit in "0123456789":
        candidate = body + digit
        total = sum(
            (2 * int(c) - 9 if 2 * int(c) > 9 else 2 * int(c)) if i % 2 else int(c)
            for i, c in enumerate(reversed(candidate))
        )
        if total % 10 == 0:
            return candidate
    raise AssertionError("unreachable")


def iban_with_key(country: str, bban: str) -> str:
    """Return a valid IBAN for ``country`` and ``bban`` (mod-97 key computed here)."""
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{country}{98 - int(numeric) % 97:02d}{bban}"


@pytest.fixture(scope="session")
def engine() -> Iterator[PiiEngine]:
    built = PiiEngine.build(allow_list_files=[default_allow_list_path(REPO_ROOT)])
    yield built
    built.close()


def found(engine: PiiEngine, text: str) -> list[tuple[str, str]]:
    """Return (label, value) pairs the engine finds in ``text``."""
    return [(e.label, text[e.start : e.end]) for e in engine.analyze(text)]
