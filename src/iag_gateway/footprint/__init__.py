"""Energy, emissions and cost of the calls, per model, from EcoLogits or declared factors."""
