"""Input validation: coercion of form values and one error per bad field."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from iag_gateway.errors import InputInvalid
from iag_gateway.prompts import PromptTemplate, TemplateInput

INPUTS: list[dict[str, Any]] = [
    {"name": "objet", "type": "text", "label": "Objet", "required": True, "max_length": 20},
    {"name": "besoin", "type": "long_text", "label": "Besoin"},
    {"name": "duree", "type": "number", "label": "Durée", "min": 1, "max": 96},
    {"name": "montant", "type": "money", "label": "Montant", "min": 0},
    {"name": "echeance", "type": "date", "label": "Échéance"},
    {"name": "procedure", "type": "choice", "label": "Procédure", "choices": ["MAPA", "Appel d'offres"]},
    {"name": "lots", "type": "list", "label": "Lots", "max_items": 3, "max_length": 30},
]


def _template() -> PromptTemplate:
    return PromptTemplate.model_validate(
        {
            "id": "essai",
            "version": "1.0.0",
            "title": "Essai",
            "description": "Modèle d'essai.",
            "domain": "achats",
            "owner": "Tests",
            "status": "draft",
            "roles": ["buyer"],
            "data_class": "internal",
            "max_tokens": 100,
            "temperature": 0.1,
            "publishable": False,
            "inputs": INPUTS,
            "system": "Système.",
            "user": "{{ objet }}",
            "digest": "0" * 64,
            "source_path": "prompt_templates/achats/essai.yaml",
        }
    )


@pytest.mark.parametrize(
    ("field", "raw", "expected"),
    [
        ("objet", "  Linge hôtelier \r\n", "Linge hôtelier"),
        ("duree", "48", 48),
        ("duree", "12,5", 12.5),
        ("duree", 7, 7),
        ("montant", "12 500,5 €", "12500.50"),
        ("montant", "1\u202f250\u00a0000", "1250000.00"),
        ("montant", 99.9, "99.90"),
        ("echeance", "31/03/2025", "2025-03-31"),
        ("echeance", "2025-03-31", "2025-03-31"),
        ("echeance", dt.date(2025, 3, 31), "2025-03-31"),
        ("procedure", "MAPA", "MAPA"),
        ("lots", "- Fourniture\n\n• Maintenance\r\n3) Formation", ["Fourniture", "Maintenance", "Formation"]),
        ("lots", ["Fourniture", "  "], ["Fourniture"]),
    ],
)
def test_when_a_value_is_typed_the_french_way_then_it_is_coerced(field: str, raw: Any, expected: Any) -> None:
    values = _template().validate_inputs({"objet": "Linge", field: raw})
    assert values[field] == expected


def test_when_optional_inputs_are_absent_then_they_come_back_as_none() -> None:
    values = _template().validate_inputs({"objet": "Linge", "besoin": "   ", "lots": []})
    assert values == {
        "objet": "Linge",
        "besoin": None,
        "duree": None,
        "montant": None,
        "echeance": None,
        "procedure": None,
        "lots": None,
    }


@pytest.mark.parametrize(
    ("field", "raw"),
    [
        ("objet", "x" * 21),
        ("objet", 42),
        ("duree", "0"),
        ("duree", "97"),
        ("duree", "beaucoup"),
        ("duree", True),
        ("duree", float("nan")),
        ("montant", "-1"),
        ("montant", "12 € ou 13 €"),
        ("echeance", "31/02/2025"),
        ("procedure", "Gré à gré"),
        ("lots", ["a", "b", "c", "d"]),
        ("lots", ["x" * 31]),
        ("lots", [1, 2]),
    ],
)
def test_when_a_value_is_wrong_then_input_invalid_names_the_field(field: str, raw: Any) -> None:
    with pytest.raises(InputInvalid) as caught:
        _template().validate_inputs({"objet": "Linge", field: raw})
    assert [e.field for e in caught.value.errors] == [field]
    assert caught.value.status == 422


def test_when_several_fields_are_wrong_then_every_one_is_named_in_french() -> None:
    with pytest.raises(InputInvalid) as caught:
        _template().validate_inputs({"duree": "200", "procedure": "Autre", "pirate": "x"})
    errors = {e.field: e.message for e in caught.value.errors}
    assert set(errors) == {"pirate", "objet", "duree", "procedure"}
    assert errors["objet"] == "Ce champ est obligatoire."
    assert errors["pirate"] == "Champ inconnu pour ce modèle."
    assert "maximum 96" in errors["duree"]
    assert [f["field"] for f in caught.value.body()["error"]["fields"]] == list(errors)


def test_when_free_text_is_asked_for_then_only_text_and_list_values_come_back() -> None:
    template = _template()
    values = template.validate_inputs(
        {"objet": "Linge", "besoin": "Appel de M. Durand", "duree": 3, "procedure": "MAPA", "lots": "A\nB"}
    )
    assert template.text_inputs(values) == {
        "objet": "Linge",
        "besoin": "Appel de M. Durand",
        "lots": ["A", "B"],
    }


@pytest.mark.parametrize(
    "bad",
    [
        {"name": "x", "type": "text", "label": "X", "min": 1},
        {"name": "x", "type": "number", "label": "X", "min": 5, "max": 1},
        {"name": "x", "type": "choice", "label": "X"},
        {"name": "x", "type": "text", "label": "X", "choices": ["a"]},
        {"name": "x", "type": "number", "label": "X", "max_length": 3},
        {"name": "x", "type": "text", "label": "X", "max_items": 3},
        {"name": "Bad-Name", "type": "text", "label": "X"},
        {"name": "x", "type": "text", "label": "X", "placeholder": "?"},
    ],
)
def test_when_an_input_declaration_is_inconsistent_then_the_schema_rejects_it(bad: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        TemplateInput.model_validate(bad)


def test_when_the_json_schema_is_built_then_bounds_and_defaults_are_explicit() -> None:
    props = _template().input_json_schema()["properties"]
    assert props["objet"] == {
        "title": "Objet",
        "x-input-type": "text",
        "type": "string",
        "maxLength": 20,
        "minLength": 1,
    }
    assert props["besoin"]["maxLength"] == 20_000
    assert (props["duree"]["minimum"], props["duree"]["maximum"]) == (1, 96)
    assert props["montant"]["type"] == ["number", "string"]
    assert props["echeance"]["format"] == "date"
    assert props["lots"]["maxItems"] == 3
