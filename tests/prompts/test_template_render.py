"""Rendering: user inputs are data, never template code, and pass through unescaped."""

from __future__ import annotations

import pytest

from iag_gateway.errors import GatewayError
from iag_gateway.prompts import TemplateCatalogue
from iag_gateway.prompts.render import render

INJECTIONS = [
    "{{ config }}",
    "{% import os %}",
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{% for x in range(10**9) %}x{% endfor %}",
    "{# commentaire #}{{ self }}",
]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_when_an_input_contains_jinja_code_then_it_comes_back_literal(
    shipped: TemplateCatalogue, payload: str
) -> None:
    cctp = shipped.get("achats-cctp")
    values = cctp.validate_inputs({"objet": payload, "besoin": f"Avant {payload} après", "lots": [payload]})
    user = render(cctp, values)[1]["content"]
    assert f"Objet : {payload}" in user
    assert f"Avant {payload} après" in user
    assert f"- Lot 1 : {payload}" in user


def test_when_inputs_carry_pseudonymisation_placeholders_then_they_are_not_escaped(
    shipped: TemplateCatalogue,
) -> None:
    cctp = shipped.get("achats-cctp")
    besoin = "Demande de <PERSONNE_1> (<EMAIL_2>) & du service \"réa\" : 'urgent'"
    user = render(cctp, cctp.validate_inputs({"objet": "Pompes", "besoin": besoin}))[1]["content"]
    assert besoin in user
    assert "&lt;" not in user and "&amp;" not in user


def test_when_rendering_then_messages_are_system_then_user(fixture_catalogue: TemplateCatalogue) -> None:
    template = fixture_catalogue.get("fixture-minimal")
    assert render(template, {"besoin": "Des gants"}) == [
        {"role": "system", "content": "Vous êtes un assistant."},
        {"role": "user", "content": "Besoin :\nDes gants"},
    ]


def test_when_undeclared_values_are_passed_then_they_never_reach_the_prompt(
    fixture_catalogue: TemplateCatalogue,
) -> None:
    template = fixture_catalogue.get("fixture-minimal")
    messages = render(template, {"besoin": "Des gants", "config": "secret"})
    assert "secret" not in messages[1]["content"]


def test_when_a_value_breaks_a_template_filter_at_render_time_then_a_500_gateway_error_is_raised(
    shipped: TemplateCatalogue,
) -> None:
    # render() trusts validated values; a value that breaks a filter is a programming error.
    cctp = shipped.get("achats-cctp")
    values = cctp.validate_inputs({"objet": "Pompes", "besoin": "Pompes"})
    values["montant_estime"] = "beaucoup"
    with pytest.raises(GatewayError) as caught:
        render(cctp, values)
    assert caught.value.status == 500
    assert "achats-cctp" in caught.value.message
