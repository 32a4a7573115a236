"""French messages for FastAPI's request validation errors, chosen by pydantic's error ``type``.

Pydantic's own ``msg`` is English (« Input should be a valid datetime… ») and may change
between versions; it never reaches a caller. Each error ``type`` pydantic can raise on a
query or path parameter has its sentence here, filled from the error's ``ctx`` (the
bound, the expected values); a type not listed gets a plain French « valeur invalide ».
Source of the types: pydantic-core's ``ErrorType`` (``pydantic_core.core_schema``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

_DATETIME = "doit être une date (AAAA-MM-JJ) ou une date et heure ISO 8601 (AAAA-MM-JJTHH:MM:SSZ)"
_DATE = "doit être une date au format AAAA-MM-JJ"
_INTEGER = "doit être un nombre entier"
_NUMBER = "doit être un nombre"
_BOOLEAN = "doit être un booléen (true ou false)"

#: pydantic error type -> French sentence; ``{name}`` fields come from the error's ``ctx``.
MESSAGES: dict[str, str] = {
    "missing": "est obligatoire",
    "datetime_parsing": _DATETIME,
    "datetime_from_date_parsing": _DATETIME,
    "datetime_type": _DATETIME,
    "datetime_object_invalid": _DATETIME,
    "timezone_aware": "doit préciser son fuseau horaire (par exemple Z ou +01:00)",
    "timezone_naive": "ne doit pas préciser de fuseau horaire",
    "date_parsing": _DATE,
    "date_from_datetime_parsing": _DATE,
    "date_from_datetime_inexact": "doit être une date sans heure",
    "date_type": _DATE,
    "int_parsing": _INTEGER,
    "int_parsing_size": "est un nombre entier trop grand",
    "int_type": _INTEGER,
    "int_from_float": _INTEGER,
    "float_parsing": _NUMBER,
    "float_type": _NUMBER,
    "finite_number": "doit être un nombre fini",
    "bool_parsing": _BOOLEAN,
    "bool_type": _BOOLEAN,
    "greater_than": "doit être strictement supérieur à {gt}",
    "greater_than_equal": "doit être supérieur ou égal à {ge}",
    "less_than": "doit être strictement inférieur à {lt}",
    "less_than_equal": "doit être inférieur ou égal à {le}",
    "multiple_of": "doit être un multiple de {multiple_of}",
    "string_type": "doit être une chaîne",
    "string_too_short": "doit compter au moins {min_length} caractère(s)",
    "string_too_long": "doit compter au plus {max_length} caractères",
    "string_pattern_mismatch": "n'a pas la forme attendue",
    "string_unicode": "doit être un texte Unicode valide",
    "literal_error": "doit valoir {expected}",
    "enum": "doit valoir {expected}",
    "list_type": "doit être un tableau",
    "dict_type": "doit être un objet",
    "model_type": "doit être un objet",
    "model_attributes_type": "doit être un objet",
    "too_short": "doit compter au moins {min_length} élément(s)",
    "too_long": "doit compter au plus {max_length} éléments",
    "extra_forbidden": "champ non pris en charge",
    "json_invalid": "n'est pas un JSON valide",
    "json_type": "doit être un JSON",
    "uuid_parsing": "doit être un identifiant UUID",
    "uuid_type": "doit être un identifiant UUID",
    "url_parsing": "doit être une adresse (URL) valide",
    "url_type": "doit être une adresse (URL) valide",
    "decimal_parsing": _NUMBER,
    "decimal_type": _NUMBER,
    "value_error": "valeur invalide",
}
FALLBACK = "valeur invalide"


def french_message(error: Mapping[str, Any]) -> str:
    """The French sentence for one pydantic error (``type`` and ``ctx``), never its English ``msg``."""
    template = MESSAGES.get(str(error.get("type", "")), FALLBACK)
    ctx = {key: _french_value(value) for key, value in (error.get("ctx") or {}).items()}
    try:
        return template.format(**ctx)
    except (KeyError, IndexError, ValueError):  # a bound pydantic did not give: say less, in French
        return FALLBACK


def parameter_name(loc: Sequence[Any]) -> str:
    """``("query", "since")`` -> ``since``; the location kind alone when nothing follows it."""
    return ".".join(str(part) for part in loc[1:]) or (str(loc[0]) if loc else "query")


def _french_value(value: Any) -> str:
    """Bounds as written; pydantic's « 'a', 'b' or 'c' » lists with « ou »."""
    return str(value).replace(" or ", " ou ")
