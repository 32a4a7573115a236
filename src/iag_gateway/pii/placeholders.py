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


# how a masked value reads in the staff's web page (French): « [nom masqué] », never « <PERSONNE> »
READABLE_MASKS: dict[str, str] = {
    "PERSON": "nom masqué",
    "FR_NIR": "n° de sécurité sociale masqué",
    "PHONE_NUMBER": "téléphone masqué",
    "EMAIL_ADDRESS": "adresse électronique masquée",
    "IBAN_CODE": "IBAN masqué",
    "ADDRESS": "adresse masquée",
    "DATE_OF_BIRTH": "date de naissance masquée",
    "PATIENT_ID": "identifiant patient masqué",
    "HEALTH_PRO_ID": "identifiant de professionnel de santé masqué",
}
_READABLE_BY_NAME = {PLACEHOLDER_NAMES[label]: words for label, words in READABLE_MASKS.items()}
_ANY_MASK = re.compile(rf"<({_ALTERNATIVES})(?:_(\d{{1,6}}))?>")


def readable(text: str) -> str:
    """Write masks and placeholders left in ``text`` in words: ``<TEL>`` → « [téléphone masqué] »,
    ``<PERSONNE_2>`` → « [nom masqué n° 2] »."""

    def words(match: re.Match[str]) -> str:
        number = f" n° {match.group(2)}" if match.group(2) else ""
        return f"[{_READABLE_BY_NAME[match.group(1)]}{number}]"

    return _ANY_MASK.sub(words, text)
