"""Check digits for invented test identifiers (computed here, never copied from anywhere)."""

from __future__ import annotations


def nir_with_key(body: str) -> str:
    """Append the key to a 13-character NIR body (2A/2B count as 19/18)."""
    numeric = int(body.upper().replace("2A", "19").replace("2B", "18"))
    return f"{body}{97 - numeric % 97:02d}"


def luhn_complete(body: str) -> str:
    """Append the Luhn check digit to ``body`` (RPPS, SIRET)."""
    for digit in "0123456789":
        candidate = body + digit
        total = 0
        for index, char in enumerate(reversed(candidate)):
            value = int(char) * (2 if index % 2 else 1)
            total += value - 9 if value > 9 else value
        if total % 10 == 0:
            return candidate
    raise AssertionError("unreachable")


def iban_with_key(country: str, bban: str) -> str:
    """Return a valid IBAN for ``country`` and ``bban`` (mod-97 key)."""
    numeric = "".join(str(int(char, 36)) for char in bban + country + "00")
    return f"{country}{98 - int(numeric) % 97:02d}{bban}"
