"""Describe a vetted prompt template: the YAML schema, and validation of the inputs a user fills in.

One YAML file under ``prompt_templates/<domain>/`` holds one template: governance metadata
(who approved it, for which roles, which data class), a typed list of inputs, and the Jinja2
``system`` and ``user`` prompts. The loader (``catalogue.py``) reads the file into
:class:`PromptTemplate`; the form and the API call :meth:`PromptTemplate.validate_inputs`
before anything reaches the model. Messages about user inputs are French (shown to staff).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import string
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from iag_gateway.errors import FieldError, InputInvalid
from iag_gateway.prompts.references import TemplateReference

Domain = Literal["comptabilite", "achats", "recherche"]
Status = Literal["draft", "approved", "retired"]
Role = Literal["buyer", "finance", "research", "staff", "auditor", "admin"]
DataClass = Literal["public", "internal", "confidential", "personal", "patient"]
Capability = Literal["chat", "long_context", "json"]
InputType = Literal["text", "long_text", "number", "money", "date", "choice", "list"]

#: Data classes from least to most sensitive; the policy engine compares positions.
DATA_CLASS_ORDER: tuple[DataClass, ...] = ("public", "internal", "confidential", "personal", "patient")

#: Input types whose values are free text written by the user (what redaction must scan).
FREE_TEXT_TYPES: frozenset[str] = frozenset({"text", "long_text", "list"})

# Bounds applied when a template does not set one: no input is ever unbounded.
DEFAULT_MAX_LENGTH: dict[str, int] = {"text": 300, "long_text": 20_000, "list": 500}
DEFAULT_MAX_ITEMS = 30

_NAME = r"^[a-z][a-z0-9_]{0,39}$"
_ID = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
_SEMVER = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$"
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_FR_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_CENT = Decimal("0.01")


class TemplateNeeds(BaseModel):
    """What a template needs from a model; the gateway picks the model (``prompts/resolve.py``).

    A template never pins a model: the deployment decides which models exist, the charter's
    registry which ones may take the template's data class.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    capabilities: list[Capability] = Field(default_factory=lambda: list[Capability](["chat"]))
    preferred: list[str] = Field(default_factory=list, max_length=10)


class TemplateInput(BaseModel):
    """One typed field of a template's form."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=_NAME)
    type: InputType
    label: str = Field(min_length=1)
    help: str = ""
    required: bool = False
    min: Decimal | None = None
    max: Decimal | None = None
    max_length: int | None = Field(default=None, ge=1, le=100_000)
    max_items: int | None = Field(default=None, ge=1, le=200)
    choices: list[str] | None = None

    @model_validator(mode="after")
    def _bounds_fit_type(self) -> Self:
        if (self.min is not None or self.max is not None) and self.type not in ("number", "money"):
            raise ValueError("min/max ne s'appliquent qu'aux types number et money")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min doit être inférieur ou égal à max")
        if self.max_length is not None and self.type not in FREE_TEXT_TYPES:
            raise ValueError("max_length ne s'applique qu'aux types text, long_text et list")
        if self.max_items is not None and self.type != "list":
            raise ValueError("max_items ne s'applique qu'au type list")
        if self.type == "choice":
            if not self.choices:
                raise ValueError("un champ de type choice doit déclarer ses choices")
            if len(set(self.choices)) != len(self.choices):
                raise ValueError("choices contient des doublons")
        elif self.choices is not None:
            raise ValueError("choices ne s'applique qu'au type choice")
        return self

    @property
    def effective_max_length(self) -> int | None:
        """Return the length limit in force (per item for lists), defaults included."""
        return self.max_length or DEFAULT_MAX_LENGTH.get(self.type)

    @property
    def effective_max_items(self) -> int | None:
        return (self.max_items or DEFAULT_MAX_ITEMS) if self.type == "list" else None

    def json_schema(self) -> dict[str, Any]:
        """Return the JSON Schema of this field, French title and description included."""
        schema: dict[str, Any] = {"title": self.label, "x-input-type": self.type}
        if self.help:
            schema["description"] = self.help
        limit = self.effective_max_length
        if self.type in ("text", "long_text"):
            schema.update(type="string", maxLength=limit)
            if self.required:
                schema["minLength"] = 1
        elif self.type in ("number", "money"):
            # Money travels as a decimal string ("12500.00") to avoid float rounding.
            schema["type"] = "number" if self.type == "number" else ["number", "string"]
            if self.min is not None:
                schema["minimum"] = _json_number(self.min)
            if self.max is not None:
                schema["maximum"] = _json_number(self.max)
            if self.type == "money":
                schema["x-unit"] = "EUR"
        elif self.type == "date":
            schema.update(type="string", format="date")
        elif self.type == "choice":
            schema.update(type="string", enum=list(self.choices or []))
        else:
            schema.update(
                type="array",
                items={"type": "string", "maxLength": limit},
                maxItems=self.effective_max_items,
            )
            if self.required:
                schema["minItems"] = 1
        return schema

    def coerce(self, raw: Any) -> Any:
        """Return the normalised value, or raise ``ValueError`` with a French message."""
        if self.type in ("text", "long_text"):
            return self._coerce_text(raw)
        if self.type == "number":
            return self._coerce_number(raw)
        if self.type == "money":
            return self._coerce_money(raw)
        if self.type == "date":
            return _coerce_date(raw)
        if self.type == "choice":
            if not isinstance(raw, str) or raw.strip() not in (self.choices or []):
                raise ValueError("Valeur non autorisée. Choix possibles : " + " ; ".join(self.choices or []))
            return raw.strip()
        return self._coerce_list(raw)

    def _coerce_text(self, raw: Any) -> str:
        if not isinstance(raw, str):
            raise ValueError("Texte attendu.")
        text = raw.replace("\r\n", "\n").replace("\r", "\n").strip()
        _check_length(text, self.effective_max_length)
        return text

    def _coerce_number(self, raw: Any) -> int | float:
        number = _parse_decimal(raw, "Nombre attendu.")
        self._check_bounds(number)
        return int(number) if number == number.to_integral_value() else float(number)

    def _coerce_money(self, raw: Any) -> str:
        if isinstance(raw, str):
            raw = raw.replace("€", "").replace("EUR", "")
        amount = _parse_decimal(raw, "Montant attendu (en euros, par exemple 12500 ou 12 500,50).")
        self._check_bounds(amount)
        return str(amount.quantize(_CENT))

    def _coerce_list(self, raw: Any) -> list[str]:
        if isinstance(raw, str):
            raw = raw.replace("\r\n", "\n").split("\n")
        if not isinstance(raw, list | tuple) or not all(isinstance(item, str) for item in raw):
            raise ValueError("Liste de textes attendue (un élément par ligne).")
        items = [_BULLET.sub("", item).strip() for item in raw]
        items = [item for item in items if item]
        limit = self.effective_max_items or DEFAULT_MAX_ITEMS
        if len(items) > limit:
            raise ValueError(f"Trop d'éléments : {len(items)} (maximum {limit}).")
        for position, item in enumerate(items, start=1):
            try:
                _check_length(item, self.effective_max_length)
            except ValueError as exc:
                raise ValueError(f"Élément {position} : {exc}") from None
        return items

    def _check_bounds(self, value: Decimal) -> None:
        if self.min is not None and value < self.min:
            raise ValueError(f"Valeur trop petite (minimum {_french_number(self.min)}).")
        if self.max is not None and value > self.max:
            raise ValueError(f"Valeur trop grande (maximum {_french_number(self.max)}).")


class PromptTemplate(BaseModel):
    """A vetted prompt template: governance metadata, typed inputs and Jinja2 prompts."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=_ID, max_length=80)
    version: str = Field(pattern=_SEMVER)
    title: str = Field(min_length=1, max_length=120)
    description: str = Field(min_length=1)
    domain: Domain
    owner: str = Field(min_length=1)
    status: Status
    approved_by: str | None = Field(default=None, validate_default=True)
    approved_on: dt.date | None = Field(default=None, validate_default=True)
    roles: list[Role] = Field(min_length=1)
    needs: TemplateNeeds = Field(default_factory=lambda: TemplateNeeds())
    data_class: DataClass
    max_tokens: int = Field(ge=1, le=32_000)
    temperature: float = Field(ge=0.0, le=2.0)
    publishable: bool
    ai_mention: str | None = Field(default=None, validate_default=True)
    tools_allowed: Literal[False] = False
    inputs: list[TemplateInput] = Field(min_length=1)
    system: str = Field(min_length=1)
    user: str = Field(min_length=1)
    # The legal and regulatory sources the prompts cite (see references.py); shown under the form.
    references: list[TemplateReference] = []
    digest: str = Field(pattern=r"^[0-9a-f]{64}$")
    source_path: str = Field(min_length=1)

    @field_validator("approved_by", "approved_on")
    @classmethod
    def _approval_is_recorded(cls, value: Any, info: ValidationInfo) -> Any:
        if info.data.get("status") == "approved" and not value:
            raise ValueError("obligatoire pour un modèle approuvé (status: approved)")
        return value

    @field_validator("ai_mention")
    @classmethod
    def _mention_is_declared(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            if info.data.get("publishable"):
                raise ValueError("un modèle publiable doit définir la mention visible d'usage de l'IA")
            return value
        fields = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
        if fields - {"model"}:
            raise ValueError("seul l'emplacement {model} est autorisé dans ai_mention")
        return value

    @field_validator("inputs")
    @classmethod
    def _input_names_are_unique(cls, value: list[TemplateInput]) -> list[TemplateInput]:
        names = [field.name for field in value]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValueError(f"noms d'entrées en double : {', '.join(duplicates)}")
        return value

    def cited_text(self) -> str:
        """Return every text of the template that may cite a source (prompts, description, form)."""
        parts = [self.title, self.description, self.system, self.user, self.ai_mention or ""]
        for field in self.inputs:
            parts += [field.label, field.help, *(field.choices or [])]
        return "\n".join(parts)

    def input(self, name: str) -> TemplateInput:
        """Return the declared input called ``name`` (KeyError if none)."""
        for field in self.inputs:
            if field.name == name:
                return field
        raise KeyError(name)

    def mention_for(self, model_name: str) -> str | None:
        """Return the visible AI mention with the model actually used filled in."""
        return None if self.ai_mention is None else self.ai_mention.replace("{model}", model_name)

    def input_json_schema(self) -> dict[str, Any]:
        """Return the JSON Schema (draft 2020-12) of the inputs, for the form and the API."""
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"urn:iag-gateway:template:{self.id}:{self.version}",
            "title": self.title,
            "description": self.description,
            "type": "object",
            "properties": {field.name: field.json_schema() for field in self.inputs},
            "required": [field.name for field in self.inputs if field.required],
            "additionalProperties": False,
        }

    def validate_inputs(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        """Return every declared input coerced (missing optional ones as None), or raise InputInvalid.

        All fields are checked before raising, so the form can flag every mistake at once.
        """
        errors: list[FieldError] = []
        declared = {field.name for field in self.inputs}
        for name in raw:
            if name not in declared:
                errors.append(FieldError(str(name), "Champ inconnu pour ce modèle."))
        values: dict[str, Any] = {}
        for field in self.inputs:
            value = raw.get(field.name)
            if _is_blank(value):
                values[field.name] = None
                if field.required:
                    errors.append(FieldError(field.name, "Ce champ est obligatoire."))
                continue
            try:
                coerced = field.coerce(value)
            except ValueError as exc:
                errors.append(FieldError(field.name, str(exc)))
                continue
            if field.required and coerced in ("", []):
                errors.append(FieldError(field.name, "Ce champ est obligatoire."))
            values[field.name] = coerced if coerced not in ("", []) else None
        if errors:
            raise InputInvalid(errors)
        return values

    def text_inputs(self, values: Mapping[str, Any]) -> dict[str, str | list[str]]:
        """Return the values the user typed freely (text, long_text, list): what redaction scans."""
        return {
            field.name: values[field.name]
            for field in self.inputs
            if field.type in FREE_TEXT_TYPES and values.get(field.name) not in (None, "", [])
        }


def _is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, list | tuple) and not value


def _check_length(text: str, limit: int | None) -> None:
    if limit is not None and len(text) > limit:
        raise ValueError(f"Texte trop long : {len(text)} caractères (maximum {limit}).")


def _parse_decimal(raw: Any, message: str) -> Decimal:
    if isinstance(raw, bool):
        raise ValueError(message)
    if isinstance(raw, float) and not math.isfinite(raw):
        raise ValueError(message)
    if isinstance(raw, int | float | Decimal):
        number = Decimal(str(raw))
    elif isinstance(raw, str):
        text = _SPACES.sub("", raw).replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError(message) from None
    else:
        raise ValueError(message)
    if not number.is_finite():
        raise ValueError(message)
    return number


def _coerce_date(raw: Any) -> str:
    message = "Date attendue (AAAA-MM-JJ ou JJ/MM/AAAA)."
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if not isinstance(raw, str):
        raise ValueError(message)
    text = raw.strip()
    french = _FR_DATE.match(text)
    if french:
        text = f"{french[3]}-{int(french[2]):02d}-{int(french[1]):02d}"
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(message) from None


def _json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _french_number(value: Decimal) -> str:
    return str(_json_number(value)).replace(".", ",")
