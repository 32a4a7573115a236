"""Footprint factors: declared in the registry, strictly; EcoLogits's estimate affine in the tokens."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from iag_gateway.errors import ConfigError
from iag_gateway.footprint.factors import ecologits_call, french_mix_g_per_kwh, model_factors
from iag_gateway.policy.models import Footprint, ModelEntry, Price

ENTRY = {
    "alias": "x",
    "hosting": "internal",
    "no_training": True,
    "zero_retention": True,
    "max_data_class": "internal",
    "approved": True,
}


@pytest.mark.parametrize(
    "footprint",
    [
        {"method": "ecologits", "source": "s"},  # no model named
        {"method": "ecologits", "ecologits_provider": "mistralai", "source": "s"},
        {"method": "declared", "source": "s"},  # no factor
        {"method": "declared", "kwh_per_1k_output_tokens": -1.0, "source": "s"},
        {"method": "declared", "kwh_per_1k_output_tokens": "0.5", "source": "s"},  # a string, not a number
        {"method": "guessed", "kwh_per_1k_output_tokens": 0.5, "source": "s"},
        {"method": "declared", "kwh_per_1k_output_tokens": 0.5, "source": ""},  # no source
        {"method": "declared", "kwh_per_1k_output_tokens": 0.5, "source": "s", "pue": 1.2},  # unknown key
    ],
)
def test_when_a_footprint_is_incomplete_or_loose_then_the_registry_is_refused(
    footprint: dict[str, object],
) -> None:
    with pytest.raises(ValidationError):
        ModelEntry.model_validate({**ENTRY, "footprint": footprint})


def test_when_a_price_is_negative_or_unsourced_then_refused() -> None:
    for price in ({"input_eur_per_million": -1, "output_eur_per_million": 1, "source": "s"},
                  {"input_eur_per_million": 1, "output_eur_per_million": 1}):  # fmt: skip
        with pytest.raises(ValidationError):
            Price.model_validate(price)


def test_when_ecologits_is_called_then_energy_is_affine_in_output_tokens() -> None:
    e0, g0 = ecologits_call("mistralai", "mistral-small-latest", 0)
    e1, g1 = ecologits_call("mistralai", "mistral-small-latest", 1000)
    e3, g3 = ecologits_call("mistralai", "mistral-small-latest", 3000)
    assert e1 > e0 >= 0 and g1 > g0 >= 0
    assert e3 - e0 == pytest.approx(3 * (e1 - e0), rel=1e-9)
    assert g3 - g0 == pytest.approx(3 * (g1 - g0), rel=1e-9)


def test_when_a_model_is_unknown_to_ecologits_then_config_error() -> None:
    entry = ModelEntry.model_validate(
        {
            **ENTRY,
            "alias": "inconnu",
            "footprint": {
                "method": "ecologits",
                "ecologits_provider": "mistralai",
                "ecologits_model": "pas-un-modele",
                "source": "s",
            },
        }
    )
    with pytest.raises(ConfigError):
        model_factors(entry)


def test_when_a_factor_is_declared_then_emissions_use_the_french_mix() -> None:
    footprint = Footprint(method="declared", kwh_per_1k_output_tokens=2.0, source="mesure")
    factors = model_factors(ModelEntry.model_validate({**ENTRY, "footprint": footprint.model_dump()}))
    assert factors is not None
    assert factors.energy_kwh(calls=10, output_tokens=500) == pytest.approx(1.0)
    assert factors.gwp_g(calls=10, output_tokens=500) == pytest.approx(french_mix_g_per_kwh())
    assert 10 < french_mix_g_per_kwh() < 150  # France's low-carbon mix, in g CO2e per kWh
