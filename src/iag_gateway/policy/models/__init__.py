"""Describe the policy YAML files as strict pydantic models: import the schema from here.

One module per file under ``policies/`` (``providers``, ``classification``, ``access``,
``usage``, ``limits``, ``policy_file``), built from shared parts (``scales``: data
classes and hosting kinds; ``rule``: strict models and rules; ``patterns``: how rule
patterns match text). ``PolicySet`` joins the six files once the loader has validated
and cross-checked them. Every model forbids unknown keys and runs in strict mode, so
``approved: "yes"`` is an error, not ``True``: a policy must fail closed rather than be
read generously.
"""

from iag_gateway.policy.models.access import AccessFile, RoleGrant
from iag_gateway.policy.models.classification import ClassificationFile, PseudonymisationRule
from iag_gateway.policy.models.limits import LimitsFile, QuotaRule
from iag_gateway.policy.models.patterns import compile_pattern, normalize_for_matching
from iag_gateway.policy.models.policy_file import AuditSettings, PolicyFile, ProjectsRule, SignedHeadsRule
from iag_gateway.policy.models.policy_set import FILE_MODELS, PolicySet, iter_rules
from iag_gateway.policy.models.providers import Footprint, ModelEntry, Price, ProvidersFile
from iag_gateway.policy.models.rule import Rule, Strict
from iag_gateway.policy.models.scales import DATA_CLASS_ORDER, class_rank, hosting_rank
from iag_gateway.policy.models.usage import GuardRule, IntentClassifier, UsageFile

__all__ = [
    "DATA_CLASS_ORDER",
    "FILE_MODELS",
    "AccessFile",
    "AuditSettings",
    "ClassificationFile",
    "Footprint",
    "GuardRule",
    "IntentClassifier",
    "LimitsFile",
    "ModelEntry",
    "PolicyFile",
    "PolicySet",
    "Price",
    "ProjectsRule",
    "ProvidersFile",
    "PseudonymisationRule",
    "QuotaRule",
    "RoleGrant",
    "Rule",
    "SignedHeadsRule",
    "Strict",
    "UsageFile",
    "class_rank",
    "compile_pattern",
    "hosting_rank",
    "iter_rules",
    "normalize_for_matching",
]
