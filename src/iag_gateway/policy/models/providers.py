"""Describe ``providers.yaml``: the model registry, its prices and footprints, and routing.

A model is usable only if the registry lists it as approved, and only for data up to its
``max_data_class``; ``routing`` says whether a request above that class is refused or
rerouted to a fallback.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from iag_gateway.policy.models.rule import Alias, Rule, Strict
from iag_gateway.policy.models.scales import Capability, DataClassName, Hosting

EcologitsProvider = Literal["mistralai", "openai", "anthropic", "cohere", "google_genai", "huggingface_hub"]


class Price(Strict):
    """List price excluding tax, in euros per million tokens, and where it was read."""

    input_eur_per_million: float = Field(ge=0)
    output_eur_per_million: float = Field(ge=0)
    source: str = Field(min_length=1)


class Footprint(Strict):
    """How a model's energy is estimated: by EcoLogits, or by a declared per-token factor.

    ``ecologits``: the model is in EcoLogits's registry under ``ecologits_provider`` /
    ``ecologits_model``. ``declared``: an internally hosted model EcoLogits does not know;
    ``kwh_per_1k_output_tokens`` comes from the local measurement named in ``source``.
    """

    method: Literal["ecologits", "declared"]
    ecologits_provider: EcologitsProvider | None = None
    ecologits_model: str | None = None
    kwh_per_1k_output_tokens: float | None = Field(default=None, ge=0)
    source: str = Field(min_length=1)

    @model_validator(mode="after")
    def _complete(self) -> Footprint:
        if self.method == "ecologits" and not (self.ecologits_provider and self.ecologits_model):
            raise ValueError("method ecologits needs ecologits_provider and ecologits_model")
        if self.method == "declared" and self.kwh_per_1k_output_tokens is None:
            raise ValueError("method declared needs kwh_per_1k_output_tokens")
        return self


class ModelEntry(Strict):
    alias: Alias
    description: str = ""
    upstream: str | None = None  # provider-side model id, read by the providers adapter
    hosting: Hosting
    no_training: bool
    zero_retention: bool
    max_data_class: DataClassName
    approved: bool
    fallbacks: list[Alias] = []
    capabilities: list[Capability] = ["chat"]
    price: Price | None = None  # for the dashboard's estimated cost
    footprint: Footprint | None = None  # for the dashboard's energy and emissions

    @property
    def provider(self) -> str:
        """The provider's name as the upstream id spells it (``mistral/…`` → ``mistral``)."""
        return (self.upstream or "").partition("/")[0] or "interne"


class RegistryRules(Strict):
    unknown_model: Rule
    not_approved: Rule
    no_training_required: Rule


class RoutingRule(Rule):
    on_class_exceeded: Literal["deny", "reroute"]


class ProvidersFile(Strict):
    models: list[ModelEntry] = Field(min_length=1)
    registry: RegistryRules
    routing: RoutingRule
    # The model a template uses for each data class when its preferred ones are not configured.
    defaults: dict[DataClassName, Alias] = {}
