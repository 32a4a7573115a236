"""Check-digit algorithms of the identifiers we detect.

A detector that validates check digits lets near-misses (a typo, a random
number of the right length) through untouched, which keeps precision high
without needing context words.
"""

from __future__ import annotations

_CORSICA = {"2A": "19", "2B": "18"}


def nir_key(body: str) -> int:
    """Return the 2-digit key of a 13-character NIR body (Corsica 2A/2B count as 19/18)."""
    upper = body.upper()
    numeric = upper[:5] + _CORSICA.get(upper[5:7], upper[5:7]) + upper[7:]
    return 97 - int(numeric) % 97


def nir_is_valid(compact: str) -> bool:
    """Tell whether a 15-character compact NIR carries the right key."""
    if len(compact) != 15 or not compact[13:].isdigit():
        return False
    body = compact[:13]
    if not (body[:5] + body[7:]).isdigit() or not (body[5:7].isdigit() or body[5:7].upper() in _CORSICA):
        return False
    return nir_key(body) == int(compact[13:])


def luhn_is_valid(digits: str) -> bool:
    """Tell whether a digit string passes the Luhn check (RPPS, SIRET, cards)."""
    if not digits.isdigit():
        return False
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def iban_is_valid(compact: str) -> bool:
    """Tell whether an IBAN without spaces passes the ISO 13616 mod-97 check."""
    code = compact.upper()
    if not (15 <= len(code) <= 34) or not code[:2].isalpha() or not code[2:4].isdigit():
        return False
    if not code.isalnum() or not code.isascii():
        return False
    rearranged = code[4:] + code[:4]
    numeric = "".join(str(int(char, 36)) for char in rearranged)
    return int(numeric) % 97 == 1
