"""Describe the policy YAML files as strict pydantic models (one schema, kept whole: ~560 lines).

One model per file under ``policies/``; ``PolicySet`` joins them once they have
been validated and cross-checked by the loader. Every model forbids unknown keys
and runs in strict mode, so ``approved: "yes"`` is an error, not ``True``: a
policy must fail closed rather than be read generously.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Annotated, Literal, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PositiveInt,
    field_validator,
    model_validator,
)

from iag_gateway.policy.pattern_union import compile_any

DataClassName = Literal["public", "internal", "confidential", "personal", "patient"]
DATA_CLASS_ORDER: tuple[DataClassName, ...] = ("public", "internal", "confidential", "personal", "patient")

Hosting = Literal["internal", "hds_eu", "eu_cloud", "non_eu"]
#: What a model can do, as the registry declares it and a template may require it.
Capability = Literal["chat", "long_context", "json"]
# Strictest (most protective) first: a fallback may only move left or stay.
HOSTING_ORDER: tuple[Hosting, ...] = ("internal", "hds_eu", "eu_cloud", "non_eu")

PiiLabel = Literal[
    "PERSON",
    "FR_NIR",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "IBAN_CODE",
    "ADDRESS",
    "DATE_OF_BIRTH",
    "PATIENT_ID",
    "HEALTH_PRO_ID",
]
Route = Literal["chat", "template"]

ArticleId = Annotated[str, Field(pattern=r"^art-[0-9]+(\.[0-9]+)*$")]
RuleId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
Alias = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=80)]


def class_rank(data_class: str) -> int:
    """Position of a data class on the ordered scale (higher is more sensitive)."""
    return DATA_CLASS_ORDER.index(data_class)


def hosting_rank(hosting: str) -> int:
    """Position of a hosting kind (0 is the most protective: internal)."""
    return HOSTING_ORDER.index(hosting)


def strip_accents(text: str) -> str:
    """Remove combining accents so « décide » and « decide » compare equal.

    Each distinct mark is removed with one ``str.replace`` (C speed): a text holds a few
    kinds of marks, and a per-character test cost 0.1 ms per KB on every call.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    for mark in {ch for ch in set(decomposed) if unicodedata.combining(ch)}:
        decomposed = decomposed.replace(mark, "")
    return decomposed


def normalize_for_matching(text: str) -> str:
    """Fold case, accents, typographic apostrophes and whitespace before pattern matching."""
    folded = strip_accents(text).casefold().replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", folded)


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a policy pattern accent- and case-insensitively (the text is normalised too)."""
    return re.compile(strip_accents(pattern), re.IGNORECASE)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Rule(Strict):
    """A rule: an id used in audit records and the charter articles it applies."""

    id: RuleId
    articles: list[ArticleId] = Field(min_length=1)
    description: str = ""


def _compiles(pattern: str) -> str:
    try:
        compile_pattern(pattern)
    except re.error as exc:
        raise ValueError(f"pattern does not compile: {exc}") from exc
    return pattern


# Each item is checked on its own so that an error names the failing pattern's line.
RegexPattern = Annotated[str, AfterValidator(_compiles)]


class PatternRule(Rule):
    patterns: list[RegexPattern] = Field(min_length=1)


# --- providers.yaml ---------------------------------------------------------------


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


# --- classification.yaml ----------------------------------------------------------


class PiiRule(Rule):
    labels: list[PiiLabel] = Field(min_length=1)
    raises_to: DataClassName


class KeywordRule(PatternRule):
    raises_to: DataClassName


class PseudonymisationRule(Rule):
    applied_before_egress: bool
    classes_still_restricted: list[DataClassName]
    restore_answers: bool = True  # put the original values back in the answer shown to the user


class ClassificationFile(Strict):
    baseline: DataClassName
    pseudonymisation: PseudonymisationRule
    pii_rules: list[PiiRule] = Field(min_length=1)
    keyword_rules: list[KeywordRule] = []
    template_class: Rule
    declared_class: Rule


# --- access.yaml -------------------------------------------------------------------


class RoleGrant(Strict):
    description: str = ""
    chat: bool = False
    template_domains: list[str] = []  # "*" means every domain
    template_ids: list[str] = []
    models: list[str] = []  # aliases, or "*" for every approved model
    read_audit: bool = False
    read_dashboard: bool = False  # the directorate's figures (/tableau-de-bord), not the records
    #: Holders may create their own API keys (« Mes clés ») for their scripts.
    self_service_keys: bool = False
    # Template governance (art. 2.1, 5.1): domains whose templates this role may submit
    # (a referent), and domains whose submissions it may approve or reject (the directorate).
    template_submit_domains: list[str] = []
    template_approve_domains: list[str] = []


class AccessRules(Strict):
    chat: Rule
    template: Rule
    model: Rule
    audit_read: Rule
    dashboard_read: Rule
    template_admin: Rule


class AccessFile(Strict):
    rules: AccessRules
    roles: dict[str, RoleGrant] = Field(min_length=1)


# --- usage.yaml --------------------------------------------------------------------


class ProhibitedUse(PatternRule):
    action: Literal["deny", "flag"]


class ToolsRule(Rule):
    params: list[str] = Field(min_length=1)
    action: Literal["deny", "strip"]


class StripRule(Rule):
    params: list[str] = Field(min_length=1)


class OutputRule(Rule):
    action: Literal["block", "mask", "flag"]
    labels: list[PiiLabel] = []
    patterns: list[RegexPattern] = []

    @model_validator(mode="after")
    def _has_trigger(self) -> OutputRule:
        if not self.labels and not self.patterns:
            raise ValueError("an output rule needs labels or patterns")
        return self


IntentCategory = Literal[
    "diagnosis",
    "prescription",
    "clinical_decision",
    "decision_about_staff",
    "decision_about_person",
    "reidentification",
]
Probability = Annotated[float, Field(ge=0.0, le=1.0)]


class IntentRule(Rule):
    """What to do when the usage classifier reads ``category`` with a score ≥ ``threshold``."""

    category: IntentCategory
    threshold: Probability
    action: Literal["deny", "flag"]
    instead: str = Field(min_length=1)  # French: what the caller may do instead


class GuardRule(Rule):
    """Ask an internally hosted model when the score falls in ``[low, high)``."""

    model: Alias
    low: Probability
    high: Probability
    timeout_s: float = Field(gt=0.0, le=30.0)

    @model_validator(mode="after")
    def _band(self) -> GuardRule:
        if self.low >= self.high:
            raise ValueError("low must be below high")
        return self


class IntentClassifier(Strict):
    """The usage-intent classifier: one rule per prohibited category, all six present."""

    categories: list[IntentRule] = Field(min_length=1)
    guard: GuardRule | None = None
    # On the template route the request is an approved template (art. 2.1) and the classifier
    # reads its inputs, which are data for that use: "flag" records the reading for review
    # instead of refusing; the pattern rules still refuse there.
    on_templates: Literal["deny", "flag"] = "deny"

    @model_validator(mode="after")
    def _every_category_once(self) -> IntentClassifier:
        named = [rule.category for rule in self.categories]
        missing = sorted(set(get_args(IntentCategory)) - set(named))
        if missing:
            raise ValueError(f"no rule for categories {', '.join(missing)}")
        if len(set(named)) != len(named):
            raise ValueError("a category has two rules")
        return self

    def rule_for(self, category: str) -> IntentRule:
        return next(rule for rule in self.categories if rule.category == category)


class UsageFile(Strict):
    classifier: IntentClassifier | None = None
    prohibited_uses: list[ProhibitedUse] = []
    tools: ToolsRule
    introspection_params: StripRule
    output: list[OutputRule] = []


# --- limits.yaml -------------------------------------------------------------------


class PromptSizeRule(Rule):
    max_chars: PositiveInt


class MaxTokensRule(Rule):
    default: PositiveInt
    cap: PositiveInt

    @model_validator(mode="after")
    def _default_within_cap(self) -> MaxTokensRule:
        if self.default > self.cap:
            raise ValueError("default must not exceed cap")
        return self


class QuotaOverride(Strict):
    requests: PositiveInt | None = None
    tokens: PositiveInt | None = None


class QuotaRule(Rule):
    scope: Literal["user", "department"]
    window: Literal["minute", "day", "month"]
    requests: PositiveInt | None = None
    tokens: PositiveInt | None = None
    by_department: dict[str, QuotaOverride] = {}

    @model_validator(mode="after")
    def _has_limit(self) -> QuotaRule:
        if self.requests is None and self.tokens is None:
            raise ValueError("a quota needs requests or tokens")
        return self

    def limits_for(self, department: str) -> tuple[int | None, int | None]:
        """Request and token limits, with the department's override if any."""
        override = self.by_department.get(department)
        if override is None:
            return self.requests, self.tokens
        return (
            override.requests if override.requests is not None else self.requests,
            override.tokens if override.tokens is not None else self.tokens,
        )


class LimitsFile(Strict):
    timezone: str = "Europe/Paris"
    prompt_size: PromptSizeRule
    max_tokens: MaxTokensRule
    quotas: list[QuotaRule] = []

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown timezone {value!r}") from exc
        if len(value) > 24:  # quota window keys must fit VARCHAR(40)
            raise ValueError("timezone name longer than 24 characters")
        return value


# --- policy.yaml -------------------------------------------------------------------


class TrainingRule(Rule):
    url: str = Field(min_length=1)


class LabelRule(Rule):
    append_mention: bool
    mention: str = Field(min_length=1)
    headers: dict[str, str] = {}


class ReviewRule(Rule):
    routes: dict[Route, bool]
    template_domains: dict[str, bool] = {}


class RetentionRule(Rule):
    metadata_days: PositiveInt
    digests_days: PositiveInt
    redacted_text_days: PositiveInt

    def cutoff(self, part: Literal["metadata", "digests", "redacted_text"], now: datetime) -> datetime:
        """Records of ``part`` older than this instant must be purged."""
        days = {"metadata": self.metadata_days, "digests": self.digests_days}.get(
            part, self.redacted_text_days
        )
        return now - timedelta(days=days)


class SignedHeadsRule(Rule):
    """How often the gateway signs its trail's head (and always at shutdown)."""

    every_records: PositiveInt = 1000
    every_seconds: PositiveInt = 60


class ProjectsRule(Rule):
    """How long « Mes projets » keeps an author's generations before purging them."""

    retention_days: PositiveInt = 30

    def cutoff(self, now: datetime) -> datetime:
        """Projects written before this instant must be purged."""
        return now - timedelta(days=self.retention_days)


class AuditSettings(Strict):
    store_redacted_text: bool
    retention: RetentionRule
    signed_heads: SignedHeadsRule | None = None


class Transparency(Strict):
    label: LabelRule
    review: ReviewRule


class PolicyFile(Strict):
    version: str = Field(min_length=1, max_length=64)
    training: TrainingRule
    transparency: Transparency
    audit: AuditSettings
    projects: ProjectsRule | None = None
    not_enforced_by_design: dict[ArticleId, str] = {}


FILE_MODELS: dict[str, type[Strict]] = {
    "policy.yaml": PolicyFile,
    "providers.yaml": ProvidersFile,
    "classification.yaml": ClassificationFile,
    "access.yaml": AccessFile,
    "usage.yaml": UsageFile,
    "limits.yaml": LimitsFile,
}


def iter_rules(node: object, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], Rule]]:
    """Yield every rule inside a validated model, with its location in the file."""
    if isinstance(node, Rule):
        yield loc, node
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from iter_rules(getattr(node, name), (*loc, name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from iter_rules(item, (*loc, index))
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from iter_rules(item, (*loc, str(key)))


@dataclass(frozen=True)
class PolicySet:
    """The validated policy: one model per file, plus patterns compiled once."""

    meta: PolicyFile
    providers: ProvidersFile
    classification: ClassificationFile
    access: AccessFile
    usage: UsageFile
    limits: LimitsFile
    compiled: dict[str, tuple[re.Pattern[str], ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        compiled: dict[str, tuple[re.Pattern[str], ...]] = {}
        pattern_rules: list[PatternRule | OutputRule] = [
            *self.usage.prohibited_uses,
            *self.usage.output,
            *self.classification.keyword_rules,
        ]
        for rule in pattern_rules:
            # Callers only ask whether any pattern occurs: joined, a text is scanned once per rule.
            compiled[rule.id] = compile_any(rule.patterns, compile_pattern)
        object.__setattr__(self, "compiled", compiled)

    @property
    def version(self) -> str:
        return self.meta.version

    @property
    def pseudonymisation(self) -> PseudonymisationRule:
        return self.classification.pseudonymisation

    @property
    def audit(self) -> AuditSettings:
        return self.meta.audit

    def files(self) -> dict[str, Strict]:
        return {
            "policy.yaml": self.meta,
            "providers.yaml": self.providers,
            "classification.yaml": self.classification,
            "access.yaml": self.access,
            "usage.yaml": self.usage,
            "limits.yaml": self.limits,
        }

    def rules(self) -> list[Rule]:
        """Every rule of the policy, in file order."""
        return [rule for model in self.files().values() for _, rule in iter_rules(model)]

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules():
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def model(self, alias: str) -> ModelEntry | None:
        for entry in self.providers.models:
            if entry.alias == alias:
                return entry
        return None
