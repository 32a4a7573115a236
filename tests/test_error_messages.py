"""Every error the gateway can answer with is written in French at the place it is raised (#10 item 12).

Reads the source: each construction of a ``GatewayError`` subclass (and of a per-field
``FieldError``) with literal text must carry a French sentence. Configuration errors
(``ConfigError`` and its subclasses) are excluded: they stop startup or a command and
are read by operators in English, naming files, lines and settings.
"""

from __future__ import annotations

import ast
from pathlib import Path

from iag_gateway import errors
from tests.french import english_words

SRC = Path(__file__).resolve().parents[1] / "src" / "iag_gateway"
#: The classes whose text reaches a caller: the error tree but configuration errors, and field errors.
SPOKEN = {
    name
    for name, value in vars(errors).items()
    if isinstance(value, type)
    and issubclass(value, errors.GatewayError)
    and not issubclass(value, errors.ConfigError)
} | {"FieldError", "_fail"}
FIELD_FIRST = {"InvalidField", "FieldError", "_fail"}


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def literal_text(call: ast.Call) -> str:
    """The literal parts of a call's message arguments (f-string holes left out), ``param`` aside."""
    parts: list[str] = []
    named_field = _name(call) in FIELD_FIRST  # the first argument names a field: not a sentence
    arguments = [
        *call.args[1 if named_field else 0 :],
        *(k.value for k in call.keywords if k.arg not in ("param", "provider_code")),
    ]
    for argument in arguments:
        for node in ast.walk(argument):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                parts.append(node.value)
    return " ".join(parts)


def spoken_errors() -> list[tuple[str, str]]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node)
            if name in SPOKEN:
                found.append((f"{path.relative_to(SRC)}:{node.lineno} {name}", literal_text(node)))
    return found


def test_when_the_source_raises_an_error_for_callers_then_its_text_is_french() -> None:
    found = spoken_errors()
    assert len(found) > 100, "the scan no longer finds the raises"
    english = {where: text for where, text in found if english_words(text)}
    assert not english
