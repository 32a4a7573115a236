"""The top-level fields of a chat request: which are known, their types, which may leave.

Used by the ``receive`` stage. ``null`` for an optional field means "absent", as
in OpenAI's API (several SDKs send it). Every wrong type is a 400 naming the field
(``InvalidField``), never a provider error later. Fields from OpenAI's current API
(``store``, ``reasoning_effort``...) are accepted; those in ``PROVIDER_DEPENDENT`` are
forwarded only to a provider that supports them (``invoke`` drops the rest and the
answer's ``iag.dropped_params`` names them); ``safety_identifier`` identifies a
person and never leaves; ``store`` is always sent as ``false`` (charter: the
provider keeps nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from iag_gateway.errors import InvalidField, MalformedJson

#: Forwarded to the provider (after the policy has had its say).
FORWARDED = frozenset(
    {
        "temperature",
        "top_p",
        "max_tokens",
        "max_completion_tokens",
        "stop",
        "presence_penalty",
        "frequency_penalty",
        "seed",
        "response_format",
        "tools",
        "tool_choice",
        "functions",
        "function_call",
        "parallel_tool_calls",
        "logprobs",
        "top_logprobs",
        "logit_bias",
        "store",
        "reasoning_effort",
        "service_tier",
        "prompt_cache_key",
        "verbosity",
        "modalities",
    }
)
#: Forwarded only when the provider behind the alias supports them, dropped (and said) otherwise.
PROVIDER_DEPENDENT = frozenset(
    {"store", "reasoning_effort", "service_tier", "prompt_cache_key", "verbosity", "modalities"}
)
#: Read by the gateway, never forwarded.
KEPT = frozenset({"model", "messages", "stream", "stream_options", "user", "metadata", "n"})
#: Accepted, never forwarded, and named in ``iag.dropped_params``.
NEVER_FORWARDED = frozenset({"safety_identifier"})
#: Deepest JSON nesting accepted in a body (a tool schema rarely goes past 10).
MAX_DEPTH = 64
MAX_STOP = 4


def _fail(field: str, message: str) -> InvalidField:
    return InvalidField(field, message)


def _integer(low: int, high: int | None = None) -> Callable[[str, Any], None]:
    def check(name: str, value: Any) -> None:
        if (
            not isinstance(value, int)
            or isinstance(value, bool)
            or value < low
            or (high is not None and value > high)
        ):
            bound = f"entre {low} et {high}" if high is not None else f"supérieur ou égal à {low}"
            raise _fail(name, f"doit être un entier {bound}")

    return check


def _number(low: float, high: float) -> Callable[[str, Any], None]:
    def check(name: str, value: Any) -> None:
        if not isinstance(value, int | float) or isinstance(value, bool) or not low <= value <= high:
            raise _fail(name, f"doit être un nombre entre {low:g} et {high:g}")

    return check


def _boolean(name: str, value: Any) -> None:
    if not isinstance(value, bool):
        raise _fail(name, "doit être un booléen (true ou false)")


def _string(name: str, value: Any) -> None:
    if not isinstance(value, str) or len(value) > 512:
        raise _fail(name, "doit être une chaîne de 512 caractères au plus")


def _one_of(*choices: str) -> Callable[[str, Any], None]:
    def check(name: str, value: Any) -> None:
        if value not in choices:
            raise _fail(name, "doit valoir " + ", ".join(f"« {c} »" for c in choices))

    return check


def _stop(name: str, value: Any) -> None:
    if isinstance(value, str):
        return
    if not isinstance(value, list) or len(value) > MAX_STOP or not all(isinstance(v, str) for v in value):
        raise _fail(name, f"doit être une chaîne ou un tableau d'au plus {MAX_STOP} chaînes")


def _response_format(name: str, value: Any) -> None:
    if not isinstance(value, dict) or value.get("type") not in ("text", "json_object", "json_schema"):
        raise _fail(
            name, "doit être un objet dont « type » vaut « text », « json_object » ou « json_schema »"
        )
    if value["type"] == "json_schema":
        schema = value.get("json_schema")
        if not isinstance(schema, dict) or not isinstance(schema.get("name"), str):
            raise _fail(f"{name}.json_schema", "doit être un objet avec un « name »")


def _function(name: str, value: Any) -> None:
    if not isinstance(value, dict) or not isinstance(value.get("name"), str) or not value["name"]:
        raise _fail(name, "doit être un objet avec un « name » non vide")
    if "parameters" in value and not isinstance(value["parameters"], dict):
        raise _fail(f"{name}.parameters", "doit être un objet (schéma JSON)")


def _tools(name: str, value: Any) -> None:
    if not isinstance(value, list):
        raise _fail(name, "doit être un tableau d'outils")
    for index, tool in enumerate(value):
        where = f"{name}[{index}]"
        if not isinstance(tool, dict) or tool.get("type") != "function":
            raise _fail(f"{where}.type", "doit valoir « function »")
        _function(f"{where}.function", tool.get("function"))


def _functions(name: str, value: Any) -> None:
    if not isinstance(value, list):
        raise _fail(name, "doit être un tableau de fonctions")
    for index, function in enumerate(value):
        _function(f"{name}[{index}]", function)


def _choice(name: str, value: Any) -> None:
    if isinstance(value, str) and value in ("none", "auto", "required"):
        return
    if isinstance(value, dict) and isinstance((value.get("function") or {}).get("name"), str):
        return
    if name == "function_call" and isinstance(value, dict) and isinstance(value.get("name"), str):
        return
    raise _fail(name, "doit valoir « none », « auto », « required » ou désigner une fonction")


def _logit_bias(name: str, value: Any) -> None:
    if not isinstance(value, dict) or not all(
        isinstance(v, int | float) and not isinstance(v, bool) and -100 <= v <= 100 for v in value.values()
    ):
        raise _fail(name, "doit associer des identifiants de jetons à des nombres entre -100 et 100")


def _stream_options(name: str, value: Any) -> None:
    if not isinstance(value, dict):
        raise _fail(name, "doit être un objet")
    for key, option in value.items():
        if key not in ("include_usage", "include_obfuscation"):
            raise _fail(f"{name}.{key}", "option inconnue")
        if not isinstance(option, bool):
            raise _fail(f"{name}.{key}", "doit être un booléen (true ou false)")


def _metadata(name: str, value: Any) -> None:
    if (
        not isinstance(value, dict)
        or len(value) > 16
        or not all(isinstance(k, str) and isinstance(v, str) and len(v) <= 512 for k, v in value.items())
    ):
        raise _fail(name, "doit associer au plus 16 clés à des chaînes")


def _modalities(name: str, value: Any) -> None:
    if not isinstance(value, list) or value != ["text"]:
        raise _fail(name, "seule la modalité « text » est proposée par la passerelle")


def _n(name: str, value: Any) -> None:
    _integer(1)(name, value)
    if value != 1:
        raise _fail(
            name,
            "la passerelle ne produit qu'une réponse par appel (n = 1) : "
            "relancez l'appel pour obtenir une autre proposition",
        )


CHECKS: dict[str, Callable[[str, Any], None]] = {
    "max_tokens": _integer(1),
    "max_completion_tokens": _integer(1),
    "seed": _integer(-(2**63), 2**63 - 1),
    "top_logprobs": _integer(0, 20),
    "temperature": _number(0, 2),
    "top_p": _number(0, 1),
    "presence_penalty": _number(-2, 2),
    "frequency_penalty": _number(-2, 2),
    "stop": _stop,
    "response_format": _response_format,
    "tools": _tools,
    "functions": _functions,
    "tool_choice": _choice,
    "function_call": _choice,
    "parallel_tool_calls": _boolean,
    "logprobs": _boolean,
    "logit_bias": _logit_bias,
    "store": _boolean,
    "reasoning_effort": _one_of("none", "minimal", "low", "medium", "high"),
    "service_tier": _one_of("auto", "default", "flex", "priority", "scale"),
    "prompt_cache_key": _string,
    "safety_identifier": _string,
    "verbosity": _one_of("low", "medium", "high"),
    "modalities": _modalities,
    "stream": _boolean,
    "stream_options": _stream_options,
    "user": _string,
    "metadata": _metadata,
    "n": _n,
}


def present_fields(body: dict[str, Any]) -> dict[str, Any]:
    """Return the body without its ``null`` optional fields; refuse unknown or ill-typed ones.

    Raises ``InvalidField`` naming the first bad field. ``model`` and ``messages``
    are left to the caller (they are required).
    """
    fields: dict[str, Any] = {}
    for key, value in body.items():
        if key not in FORWARDED and key not in KEPT and key not in NEVER_FORWARDED:
            raise _fail(key, "champ non pris en charge")
        if value is None and key not in ("model", "messages"):
            continue
        check = CHECKS.get(key)
        if check is not None:
            check(key, value)
        fields[key] = value
    return fields


def forwarded_params(fields: dict[str, Any]) -> dict[str, Any]:
    """The provider parameters among ``fields``: no tool choice without tools, ``store`` false."""
    params = {key: fields[key] for key in FORWARDED if key in fields}
    if not params.get("tools") and not params.get("functions"):
        # "none" (or parallel calls) with no tool declared asks for nothing: not a tool call.
        for key in ("tool_choice", "function_call"):
            if params.get(key) in ("none", "auto"):
                del params[key]
        params.pop("parallel_tool_calls", None)
    if "store" in params:
        params["store"] = False
    return params


def check_json_shape(value: Any) -> None:
    """Refuse a decoded body nested deeper than ``MAX_DEPTH`` or holding text that is not Unicode.

    JSON may carry lone surrogates (``"\\ud800"``) that no UTF-8 encoder accepts:
    refused here with a 400 naming the field, so that no later stage (the audit record
    included) meets text it cannot encode. Iterative: no recursion on hostile input.
    Raises ``MalformedJson`` (too deep) or ``InvalidField``.
    """
    stack: list[tuple[Any, int, str]] = [(value, 1, "")]
    while stack:
        item, depth, path = stack.pop()
        if isinstance(item, str):
            if not _encodable(item):
                raise _fail(path or "body", "contient un caractère Unicode invalide (substitut isolé)")
            continue
        if isinstance(item, dict):
            children: list[tuple[Any, str]] = []
            for key, child in item.items():
                where = f"{path}.{key}" if path else str(key)
                if not _encodable(key):
                    raise _fail(path or "body", "contient une clé Unicode invalide (substitut isolé)")
                children.append((child, where))
        elif isinstance(item, list):
            children = [(child, f"{path}[{index}]") for index, child in enumerate(item)]
        else:
            continue
        if depth > MAX_DEPTH:
            raise MalformedJson(f"Le JSON est imbriqué trop profondément (au plus {MAX_DEPTH} niveaux).")
        stack.extend((child, depth + 1, where) for child, where in children)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
