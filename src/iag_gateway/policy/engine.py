"""Decide what the charter says about one request, pure (one check per policy file).

``decide`` reads a ``PolicySet`` and a ``PolicyRequest`` and either returns a
``Decision`` (allow, or transform: reroute, cap, strip) listing every rule that fired
with its charter articles, or raises ``TrainingRequired`` / ``ModelNotFound`` /
``PolicyDenied`` with a French message that cites the article. The order of the checks
below is the order a refusal is explained in: who you are, which model, what you may
do, what you sent, where it may go.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from iag_gateway.errors import Effect, FiredRule, InvalidField, ModelNotFound, PolicyDenied, TrainingRequired
from iag_gateway.policy.grants import role_allows_model, role_grants
from iag_gateway.policy.models import (
    DATA_CLASS_ORDER,
    ModelEntry,
    PolicySet,
    Rule,
    class_rank,
    hosting_rank,
    normalize_for_matching,
)

if TYPE_CHECKING:  # the usage package reads the policy models: import the type only
    from iag_gateway.usage.verdict import UsageVerdict

DATA_CLASS_FR = {
    "public": "publiques",
    "internal": "internes",
    "confidential": "confidentielles",
    "personal": "personnelles",
    "patient": "patient",
}


@dataclass(frozen=True)
class PolicyRequest:
    user_id: str
    department: str
    roles: frozenset[str]
    trained: bool
    route: str  # "chat" | "template"
    model: str  # requested alias
    template_id: str | None
    template_domain: str | None
    template_data_class: str | None
    declared_data_class: str | None
    pii_counts: Mapping[str, int]
    prompt_text: str  # already pseudonymised text of all messages joined
    max_tokens: int | None
    params: frozenset[str]  # request keys present, e.g. {"tools", "logprobs", "temperature"}
    template_allows_tools: bool = False
    usage: UsageVerdict | None = None  # the usage classifier's verdict on the latest request


def unique_articles(rules: Iterable[FiredRule]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for rule in rules:
        for article in rule.articles:
            seen.setdefault(article, None)
    return tuple(seen)


@dataclass(frozen=True)
class Decision:
    action: str  # "allow" | "transform"
    model: str
    max_tokens: int
    strip_params: frozenset[str]
    data_class: str
    review_required: bool
    label_mention: str | None
    flags: tuple[str, ...]
    rules: tuple[FiredRule, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return unique_articles(self.rules)


def article_refs(articles: Iterable[str]) -> str:
    """« article 4.1 » or « articles 3.1 et 4.1 »."""
    numbers = [a.removeprefix("art-") for a in articles]
    if len(numbers) == 1:
        return f"article {numbers[0]}"
    return f"articles {', '.join(numbers[:-1])} et {numbers[-1]}"


def fired(rule: Rule, effect: Effect, message: str = "") -> FiredRule:
    return FiredRule(rule_id=rule.id, articles=tuple(rule.articles), effect=effect, message=message)


def _deny(rule: Rule, detail: str, context: tuple[FiredRule, ...] = ()) -> PolicyDenied:
    message = f"Refusé : {article_refs(rule.articles)} de la charte — {detail}"
    return PolicyDenied(message, (*context, fired(rule, "deny", message)))


@dataclass
class _Trace:
    rules: list[FiredRule] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    def add(self, rule: Rule, effect: Effect, message: str = "") -> None:
        self.rules.append(fired(rule, effect, message))


def allowed_models(policy: PolicySet, roles: frozenset[str]) -> list[ModelEntry]:
    """Approved models the roles may call, in registry order (for ``GET /v1/models``)."""
    return [
        m
        for m in policy.providers.models
        if m.approved and _contract_ok(m) and role_allows_model(policy, roles, m.alias)
    ]


def _contract_ok(model: ModelEntry) -> bool:
    return model.hosting == "internal" or model.no_training


def _check_training(policy: PolicySet, request: PolicyRequest) -> None:
    rule = policy.meta.training
    if not request.trained:
        message = (
            f"Refusé : {article_refs(rule.articles)} de la charte — l'accès à l'IA générative "
            f"nécessite d'avoir suivi la formation de l'établissement. Inscrivez-vous ici : {rule.url}"
        )
        raise TrainingRequired(message, (fired(rule, "deny", message),))


def _resolve_model(policy: PolicySet, alias: str) -> ModelEntry:
    registry = policy.providers.registry
    model = policy.model(alias)
    if model is None:
        rule = registry.unknown_model
        message = (
            f"Refusé : {article_refs(rule.articles)} de la charte — le modèle « {alias} » "
            "n'est pas inscrit au registre des modèles approuvés."
        )
        raise ModelNotFound(message, param="model")
    if not model.approved:
        raise _deny(registry.not_approved, f"le modèle {alias} n'est pas approuvé par l'établissement.")
    if not _contract_ok(model):
        raise _deny(
            registry.no_training_required,
            f"le fournisseur du modèle {alias} ne s'est pas engagé à ne pas réutiliser les requêtes.",
        )
    return model


def _check_access(policy: PolicySet, request: PolicyRequest, model: ModelEntry) -> None:
    rules = policy.access.rules
    grants = role_grants(policy, request.roles)
    if request.route == "chat":
        if not any(g.chat for g in grants):
            # the hint names what the caller's roles do open, never a door that is shut too
            if any(g.template_domains or g.template_ids for g in grants):
                hint = "utilisez un gabarit"
            else:
                hint = "vos rôles n'ouvrent aucun usage des modèles (ni conversation ni gabarit)"
            raise _deny(rules.chat, f"la conversation libre n'est pas ouverte à votre fonction ; {hint}.")
    elif request.route == "template":
        domain, template_id = request.template_domain, request.template_id
        if not any(
            "*" in g.template_domains
            or (domain is not None and domain in g.template_domains)
            or (template_id is not None and template_id in g.template_ids)
            for g in grants
        ):
            raise _deny(rules.template, f"le gabarit « {template_id} » n'est pas ouvert à votre fonction.")
    else:
        raise InvalidField("route", f"route inconnue « {request.route} »")
    if not role_allows_model(policy, request.roles, model.alias):
        raise _deny(rules.model, f"le modèle {model.alias} n'est pas ouvert à votre fonction.")


def _params(policy: PolicySet, request: PolicyRequest, trace: _Trace) -> frozenset[str]:
    strip: set[str] = set()
    tools = policy.usage.tools
    present_tools = request.params & set(tools.params)
    if present_tools and not request.template_allows_tools:
        if tools.action == "deny":
            raise _deny(tools, "les appels d'outils ou de fonctions ne sont pas autorisés.")
        strip |= present_tools
        trace.add(tools, "strip", f"paramètres retirés : {', '.join(sorted(present_tools))}")
    introspection = policy.usage.introspection_params
    present = request.params & set(introspection.params)
    if present:
        strip |= present
        trace.add(introspection, "strip", f"paramètres retirés : {', '.join(sorted(present))}")
    return frozenset(strip)


def _check_prompt(policy: PolicySet, request: PolicyRequest, normalized: str, trace: _Trace) -> None:
    size = policy.limits.prompt_size
    if len(request.prompt_text) > size.max_chars:
        raise _deny(size, f"la requête dépasse {size.max_chars} caractères ({len(request.prompt_text)}).")
    for rule in policy.usage.prohibited_uses:
        if any(p.search(normalized) for p in policy.compiled[rule.id]):
            if rule.action == "deny":
                detail = rule.description or "cet usage est interdit."
                raise _deny(rule, f"usage interdit : {detail[0].lower()}{detail[1:]}")
            trace.add(rule, "flag")
            trace.flags.append(rule.id)


def french_score(score: float) -> str:
    """« 0,93 »: a probability as French staff read it."""
    return f"{score:.2f}".replace(".", ",")


def _check_intent(policy: PolicySet, request: PolicyRequest, trace: _Trace) -> None:
    """Apply the usage classifier's verdict: refuse or flag a prohibited use (art. 5, 3.2)."""
    section, verdict = policy.usage.classifier, request.usage
    if section is None or verdict is None or not verdict.prohibited:
        return
    rule = section.rule_for(verdict.category)
    detail = rule.description or "cet usage est interdit."
    reading = f"{detail[0].lower()}{detail[1:].rstrip('.')} (score {french_score(verdict.score)})"
    action = "flag" if request.route == "template" and section.on_templates == "flag" else rule.action
    if action == "deny":
        raise _deny(rule, f"usage interdit : {reading}. Ce qui reste possible : {rule.instead}")
    trace.add(rule, "flag", reading)
    trace.flags.append(rule.id)


def _classify(policy: PolicySet, request: PolicyRequest, normalized: str, trace: _Trace) -> str:
    """Raise the data class from every source; never lower it."""
    classification = policy.classification
    current: str = classification.baseline

    def raise_to(target: str) -> None:
        nonlocal current
        if class_rank(target) > class_rank(current):
            current = target

    for label, source in (
        (request.template_data_class, classification.template_class),
        (request.declared_data_class, classification.declared_class),
    ):
        if label is None:
            continue
        if label not in DATA_CLASS_ORDER:
            field_name = "X-IAG-Data-Class" if source is classification.declared_class else "data_class"
            raise InvalidField(
                field_name,
                f"classe de données inconnue « {label} » (connues : {', '.join(DATA_CLASS_ORDER)})",
            )
        if class_rank(label) > class_rank(current):
            trace.add(source, "raise", f"classe relevée à {label}")
        raise_to(label)
    for keyword_rule in classification.keyword_rules:
        if any(p.search(normalized) for p in policy.compiled[keyword_rule.id]):
            trace.add(keyword_rule, "raise", f"classe relevée à {keyword_rule.raises_to}")
            raise_to(keyword_rule.raises_to)
    pseudo = classification.pseudonymisation
    for pii_rule in classification.pii_rules:
        found = sorted(label for label in pii_rule.labels if request.pii_counts.get(label, 0) > 0)
        if not found:
            continue
        target = pii_rule.raises_to
        if pseudo.applied_before_egress and target not in pseudo.classes_still_restricted:
            trace.add(pii_rule, "flag", f"données détectées ({', '.join(found)}), pseudonymisées")
            trace.add(
                pseudo, "flag", f"classe {target} non retenue pour l'acheminement après pseudonymisation"
            )
            trace.flags.append(f"pseudonymised:{target}")
            continue
        trace.add(pii_rule, "raise", f"données détectées ({', '.join(found)}) : classe {target}")
        raise_to(target)
    return current


def _route(
    policy: PolicySet, request: PolicyRequest, model: ModelEntry, data_class: str, trace: _Trace
) -> str:
    if class_rank(data_class) <= class_rank(model.max_data_class):
        return model.alias
    routing = policy.providers.routing
    if routing.on_class_exceeded == "reroute":
        for alias in model.fallbacks:
            fallback = policy.model(alias)
            if (
                fallback is not None
                and fallback.approved
                and _contract_ok(fallback)
                and hosting_rank(fallback.hosting) <= hosting_rank(model.hosting)
                and class_rank(data_class) <= class_rank(fallback.max_data_class)
                and role_allows_model(policy, request.roles, alias)
            ):
                trace.add(
                    routing, "reroute", f"{model.alias} → {alias} (données {DATA_CLASS_FR[data_class]})"
                )
                return alias
    raise _deny(
        routing,
        f"les données {DATA_CLASS_FR[data_class]} ne peuvent pas être envoyées au modèle {model.alias}.",
        tuple(r for r in trace.rules if r.effect == "raise"),
    )


def _max_tokens(policy: PolicySet, request: PolicyRequest, trace: _Trace) -> tuple[int, bool]:
    rule = policy.limits.max_tokens
    if request.max_tokens is None:
        return rule.default, False
    if request.max_tokens < 1:
        raise InvalidField("max_tokens", "doit être un entier positif")
    if request.max_tokens > rule.cap:
        trace.add(rule, "cap", f"max_tokens ramené de {request.max_tokens} à {rule.cap}")
        return rule.cap, True
    return request.max_tokens, False


def _review(policy: PolicySet, request: PolicyRequest, trace: _Trace) -> bool:
    review = policy.meta.transparency.review
    routes: dict[str, bool] = {str(k): v for k, v in review.routes.items()}
    required = routes.get(request.route, True)
    if request.route == "template" and request.template_domain in review.template_domains:
        required = review.template_domains[request.template_domain]
    if required:
        trace.add(review, "review")
    return bool(required)


def decide(policy: PolicySet, request: PolicyRequest) -> Decision:
    """Apply the charter to one request; raise a cited refusal or return the decision."""
    _check_training(policy, request)
    model = _resolve_model(policy, request.model)
    _check_access(policy, request, model)
    trace = _Trace()
    strip = _params(policy, request, trace)
    normalized = normalize_for_matching(request.prompt_text)
    _check_prompt(policy, request, normalized, trace)
    _check_intent(policy, request, trace)
    data_class = _classify(policy, request, normalized, trace)
    final_model = _route(policy, request, model, data_class, trace)
    max_tokens, capped = _max_tokens(policy, request, trace)
    review_required = _review(policy, request, trace)
    label = policy.meta.transparency.label
    mention = label.mention if label.append_mention else None
    if mention is not None:
        trace.add(label, "label")
    transformed = bool(strip) or capped or final_model != model.alias
    return Decision(
        action="transform" if transformed else "allow",
        model=final_model,
        max_tokens=max_tokens,
        strip_params=strip,
        data_class=data_class,
        review_required=review_required,
        label_mention=mention,
        flags=tuple(trace.flags),
        rules=tuple(trace.rules),
    )
