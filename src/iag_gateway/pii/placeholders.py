"""The placeholder vocabulary: which label becomes which ``<NAME_n>`` token."""

from __future__ import annotations

import re

# eval label -> placeholder name shown to the model (French, so the model can reason with it)
PLACEHOLDER_NAMES: dict[str, str] = {
    "PERSON": "PERSONNE",
    "FR_NIR": "NIR",
    "PHONE_NUMBER": "TEL",
    "EMAIL_ADDRESS": "EMAIL",
    "IBAN_CODE": "IBAN",
    "ADDRESS": "ADRESSE",
    "DATE_OF_BIRTH": "DATE_NAISSANCE",
    "PATIENT_ID": "ID_PATIENT",
    "HEALTH_PRO_ID": "ID_PRO_SANTE",
}

_ALTERNATIVES = "|".join(sorted(PLACEHOLDER_NAMES.values(), key=len, reverse=True))
PLACEHOLDER = re.compile(rf"<(?:{_ALTERNATIVES})_\d{{1,6}}>")
# what a placeholder looks like while it is still arriving, chunk by chunk
_PREFIXES = tuple(f"<{name}_" for name in PLACEHOLDER_NAMES.values())
_NUMBERED = re.compile(rf"<(?:{_ALTERNATIVES})_\d{{0,6}}")
MAX_PLACEHOLDER_LENGTH = max(len(prefix) for prefix in _PREFIXES) + 7


def placeholder(label: str, number: int) -> str:
    """Return the numbered placeholder of ``label``, e.g. ``<PERSONNE_2>``."""
    return f"<{PLACEHOLDER_NAMES[label]}_{number}>"


def mask(label: str) -> str:
    """Return the un-numbered mask of ``label`` used for data the caller never sent, e.g. ``<TEL>``."""
    return f"<{PLACEHOLDER_NAMES[label]}>"


def could_be_placeholder_start(fragment: str) -> bool:
    """Tell whether ``fragment`` (starting with « < ») may grow into a complete placeholder."""
    if len(fragment) > MAX_PLACEHOLDER_LENGTH:
        return False
    return (
        any(prefix.startswith(fragment) for prefix in _PREFIXES) or _NUMBERED.fullmatch(fragment) is not None
    )
