"""Cost, energy and emissions of token rows: SQL sums × per-model prices and footprint factors.

Prices are the registry's (``policies/providers.yaml``, € per million tokens); energy and
emissions use ``factors.ModelFactors`` (EcoLogits or a declared factor), affine in the
calls and output tokens, so summing rows and multiplying gives the same figure as
estimating every call.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from iag_gateway.audit.aggregate_rows import TokenRow
from iag_gateway.footprint.factors import ModelFactors
from iag_gateway.policy.models import ModelEntry


@dataclass
class Costing:
    """Cost, energy and emissions of token rows, from prices and footprint factors per model."""

    models: dict[str, ModelEntry]
    factors: dict[str, ModelFactors]

    def cost(self, row: TokenRow) -> float | None:
        entry = self.models.get(row.model or "")
        if entry is None or entry.price is None:
            return None
        price = entry.price
        return (
            row.prompt_tokens * price.input_eur_per_million
            + row.completion_tokens * price.output_eur_per_million
        ) / 1e6

    def energy(self, row: TokenRow) -> float | None:
        f = self.factors.get(row.model or "")
        return f.energy_kwh(row.ok_calls, row.completion_tokens) if f else None

    def gwp(self, row: TokenRow) -> float | None:
        f = self.factors.get(row.model or "")
        return f.gwp_g(row.ok_calls, row.completion_tokens) if f else None

    def totals(self, rows: Iterable[TokenRow]) -> dict[str | None, dict[str, float]]:
        """Per key: answered calls, tokens, cost, kWh, g CO2e, and calls not estimated."""
        out: dict[str | None, dict[str, float]] = {}
        for row in rows:
            acc = out.setdefault(
                row.key,
                {"calls": 0, "prompt": 0, "completion": 0, "cost": 0.0, "kwh": 0.0, "gwp": 0.0, "unknown": 0},
            )
            acc["calls"] += row.ok_calls
            acc["prompt"] += row.prompt_tokens
            acc["completion"] += row.completion_tokens
            cost, kwh, gwp = self.cost(row), self.energy(row), self.gwp(row)
            acc["cost"] += cost or 0.0
            acc["kwh"] += kwh or 0.0
            acc["gwp"] += gwp or 0.0
            if kwh is None:
                acc["unknown"] += row.ok_calls
        return out
