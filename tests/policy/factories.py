"""Build policy requests for tests."""

from __future__ import annotations

from typing import Any

from iag_gateway.policy import PolicyRequest


def make_request(**overrides: Any) -> PolicyRequest:
    """A harmless chat request from a trained buyer to mistral-eu, with overrides."""
    fields: dict[str, Any] = {
        "user_id": "alice",
        "department": "DAF",
        "roles": frozenset({"buyer"}),
        "trained": True,
        "route": "chat",
        "model": "mistral-eu",
        "template_id": None,
        "template_domain": None,
        "template_data_class": None,
        "declared_data_class": None,
        "pii_counts": {},
        "prompt_text": "Rédige une synthèse du cahier des clauses techniques du marché de blanchisserie.",
        "max_tokens": None,
        "params": frozenset({"messages", "model", "temperature"}),
    }
    fields.update(overrides)
    if isinstance(fields["roles"], set):
        fields["roles"] = frozenset(fields["roles"])
    if isinstance(fields["params"], set):
        fields["params"] = frozenset(fields["params"])
    return PolicyRequest(**fields)
