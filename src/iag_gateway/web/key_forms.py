"""Reading the key forms shared by « Mes clés » and the administration pages (French messages)."""

from __future__ import annotations

from datetime import datetime, timedelta

from iag_gateway.storage.types import utc_now
from iag_gateway.web.views import WebError

#: Longest validity a key may be given from the pages (days).
MAX_KEY_DAYS = 365
EXPIRY_CHOICES = (30, 90, 180, 365)


def key_name(fields: dict[str, str]) -> str:
    name = fields.get("nom", "").strip()
    if not name or len(name) > 80:
        raise WebError(
            422,
            "Nom de clé invalide",
            "Donnez à la clé un nom de 1 à 80 caractères (par exemple « script budget »).",
        )
    return name


def key_expiry(fields: dict[str, str], required: bool = True) -> datetime | None:
    """The expiry chosen in days from now (1 to 365); ``None`` only when not required and left empty."""
    raw = fields.get("duree_jours", "").strip()
    if not raw and not required:
        return None
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_KEY_DAYS:
        raise WebError(
            422,
            "Durée de validité invalide",
            f"Choisissez une durée de validité de 1 à {MAX_KEY_DAYS} jours.",
        )
    return utc_now() + timedelta(days=int(raw))
