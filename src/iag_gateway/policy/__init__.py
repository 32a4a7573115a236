"""Charter as code: the policy schema, its loader, the pure decision engine and quotas.

``load_policy`` reads ``policies/*.yaml`` and checks them against ``charter/``;
``decide`` applies them to one request; ``QuotaEnforcer`` counts usage in a shared store.
"""

from iag_gateway.policy.engine import Decision, PolicyRequest, allowed_models, decide
from iag_gateway.policy.explain import explain
from iag_gateway.policy.grants import can_read_audit
from iag_gateway.policy.loader import (
    CheckReport,
    LoadedPolicy,
    PolicyHolder,
    UnenforcedArticle,
    check,
    load_policy,
)
from iag_gateway.policy.models import DATA_CLASS_ORDER, ModelEntry, PolicySet
from iag_gateway.policy.output_rules import OutputDecision, decide_output

__all__ = [
    "DATA_CLASS_ORDER",
    "CheckReport",
    "Decision",
    "LoadedPolicy",
    "ModelEntry",
    "OutputDecision",
    "PolicyHolder",
    "PolicyRequest",
    "PolicySet",
    "UnenforcedArticle",
    "allowed_models",
    "can_read_audit",
    "check",
    "decide",
    "decide_output",
    "explain",
    "load_policy",
]
