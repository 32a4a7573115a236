"""Per-model footprint factors: energy and emissions as ``per_call + per_token × tokens``.

EcoLogits (``ecologits`` on PyPI, data shipped inside the package: nothing is
downloaded) estimates a generation's energy from the model's size and the number of
tokens it generated. Called without a measured latency, its model is affine in the
output tokens: ``E(n) = E(0) + n × (E(1000) − E(0)) / 1000`` (GPU energy per token,
server energy over the estimated generation time, time to first token as a constant),
so two calls per model give factors that sum exactly over any number of calls, and the
dashboard can multiply SQL sums instead of calling EcoLogits once per record.
Parameter ranges (models whose size is not published) are taken at their midpoint.

Electricity mix: France (``FRA`` in EcoLogits's mix table, ADEME Base Empreinte).
Emissions = EcoLogits's GWP (usage of that electricity + embodied share of the hardware).
Models EcoLogits does not know (hosted in the hospital) carry a declared
``kwh_per_1k_output_tokens`` in ``policies/providers.yaml``; their emissions are that
energy times the French mix (usage only, no embodied share).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from iag_gateway.errors import ConfigError
from iag_gateway.policy.models import Footprint, ModelEntry

#: EcoLogits's zone code for the French electricity mix.
ELECTRICITY_ZONE = "FRA"
_PROBE_TOKENS = 1000


@dataclass(frozen=True)
class ModelFactors:
    """Energy (kWh) and emissions (g CO2e) of one call: ``per_call + per_output_token × n``."""

    alias: str
    method: str  # "ecologits" or "declared"
    energy_kwh_per_call: float
    energy_kwh_per_output_token: float
    gwp_g_per_call: float
    gwp_g_per_output_token: float
    description: str  # the French sentence the dashboard shows as the method

    def energy_kwh(self, calls: float, output_tokens: float) -> float:
        return self.energy_kwh_per_call * calls + self.energy_kwh_per_output_token * output_tokens

    def gwp_g(self, calls: float, output_tokens: float) -> float:
        return self.gwp_g_per_call * calls + self.gwp_g_per_output_token * output_tokens


def midpoint(value: object) -> float:
    """A float, or the middle of an EcoLogits ``RangeValue`` (``min``/``max``)."""
    low, high = getattr(value, "min", None), getattr(value, "max", None)
    if low is not None and high is not None:
        return (float(low) + float(high)) / 2
    return float(value)  # type: ignore[arg-type]


def ecologits_call(provider: str, model: str, output_tokens: int) -> tuple[float, float]:
    """(energy kWh, GWP g CO2e) of one generation by EcoLogits, French mix, no measured latency.

    Raises ``ConfigError`` when EcoLogits does not know the model.
    """
    from ecologits.tracers.utils import llm_impacts  # imported when the factors are built, not before

    impacts = llm_impacts(
        provider=provider,
        model_name=model,
        output_token_count=output_tokens,
        request_latency=float("inf"),
        electricity_mix_zone=ELECTRICITY_ZONE,
    )
    if impacts.energy is None or impacts.gwp is None:
        raise ConfigError("policies/providers.yaml", f"EcoLogits does not know {provider}/{model}")
    return midpoint(impacts.energy.value), midpoint(impacts.gwp.value) * 1000.0


def french_mix_g_per_kwh() -> float:
    """Grams of CO2e per kWh of the French mix, from EcoLogits's table."""
    from ecologits.electricity_mix_repository import electricity_mixes

    mix = electricity_mixes.find_electricity_mix(zone=ELECTRICITY_ZONE)
    if mix is None:
        raise ConfigError("ecologits", f"no electricity mix for {ELECTRICITY_ZONE}")
    return float(mix.gwp) * 1000.0


def model_factors(entry: ModelEntry) -> ModelFactors | None:
    """The factors of one registry entry, or ``None`` when it declares no footprint."""
    if entry.footprint is None:
        return None
    return _factors(entry.alias, entry.footprint)


@cache  # a few EcoLogits calls per (alias, footprint): computed once per process, on first use
def _factors(alias: str, footprint: Footprint) -> ModelFactors:
    if footprint.method == "declared":
        assert footprint.kwh_per_1k_output_tokens is not None  # checked by the schema
        per_token = footprint.kwh_per_1k_output_tokens / 1000.0
        mix = french_mix_g_per_kwh()
        return ModelFactors(
            alias=alias,
            method="declared",
            energy_kwh_per_call=0.0,
            energy_kwh_per_output_token=per_token,
            gwp_g_per_call=0.0,
            gwp_g_per_output_token=per_token * mix,
            description=(
                f"Facteur déclaré ({footprint.kwh_per_1k_output_tokens:g} kWh pour 1000 jetons générés) "
                f"× mix électrique français ({mix:.0f} g CO2e/kWh, EcoLogits) ; phase d'usage seule. "
                f"Source : {footprint.source}"
            ),
        )
    assert footprint.ecologits_provider and footprint.ecologits_model  # checked by the schema
    e0, g0 = ecologits_call(footprint.ecologits_provider, footprint.ecologits_model, 0)
    e1, g1 = ecologits_call(footprint.ecologits_provider, footprint.ecologits_model, _PROBE_TOKENS)
    return ModelFactors(
        alias=alias,
        method="ecologits",
        energy_kwh_per_call=e0,
        energy_kwh_per_output_token=(e1 - e0) / _PROBE_TOKENS,
        gwp_g_per_call=g0,
        gwp_g_per_output_token=(g1 - g0) / _PROBE_TOKENS,
        description=(
            f"EcoLogits ({footprint.ecologits_provider}/{footprint.ecologits_model}), mix électrique "
            "français, jetons générés relevés dans le journal ; émissions = usage + part de fabrication "
            "du matériel ; milieu de la fourchette quand la taille du modèle n'est pas publiée."
        ),
    )


def all_factors(models: list[ModelEntry]) -> dict[str, ModelFactors]:
    """Factors of every registry entry that declares a footprint, by alias."""
    out = {}
    for entry in models:
        factors = model_factors(entry)
        if factors is not None:
            out[entry.alias] = factors
    return out
