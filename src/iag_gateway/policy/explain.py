"""Explain a decision in plain words, for ``iag-gateway policy explain`` and support staff."""

from __future__ import annotations

from collections.abc import Mapping

from iag_gateway.errors import FiredRule, GatewayError, PolicyDenied
from iag_gateway.policy.charter import Article
from iag_gateway.policy.engine import PolicyRequest, decide, french_score
from iag_gateway.policy.models import PolicySet


def _rule_lines(rules: tuple[FiredRule, ...], articles: Mapping[str, Article]) -> list[str]:
    lines = []
    for rule in rules:
        cited = ", ".join(f"{a} ({articles[a].title})" if a in articles else a for a in rule.articles)
        detail = f" — {rule.message}" if rule.message else ""
        lines.append(f"  - {rule.rule_id} [{rule.effect}] : {cited}{detail}")
    return lines


def _usage_lines(policy: PolicySet, request: PolicyRequest) -> list[str]:
    """The usage classifier's reading, with the threshold it was compared to."""
    section, verdict = policy.usage.classifier, request.usage
    if section is None or verdict is None:
        return []
    rule = section.rule_for(verdict.candidate)
    line = (
        f"Usage (classifieur) : catégorie la plus probable {verdict.candidate}, "
        f"score {french_score(verdict.score)} (seuil {french_score(rule.threshold)}, action {rule.action})"
        f" → {verdict.category}"
    )
    guard = section.guard
    if guard is not None and guard.low <= verdict.score < guard.high:
        line += f" ; en service, le modèle de contrôle {guard.model} serait consulté"
    return [line]


def explain(policy: PolicySet, request: PolicyRequest, articles: Mapping[str, Article] | None = None) -> str:
    """Return a French, human-readable account of the decision and the rules behind it."""
    articles = articles or {}
    head = [
        f"Politique {policy.version} — utilisateur {request.user_id} ({request.department}), "
        f"fonctions {', '.join(sorted(request.roles)) or 'aucune'}, route {request.route}, "
        f"modèle demandé {request.model}"
        + (f", gabarit {request.template_id}" if request.template_id else ""),
    ]
    head += _usage_lines(policy, request)
    try:
        decision = decide(policy, request)
    except GatewayError as exc:
        rules = exc.rules if isinstance(exc, PolicyDenied) else ()
        lines = [
            *head,
            f"Décision : REFUS ({type(exc).__name__}, HTTP {exc.status})",
            f"Message : {exc.message}",
        ]
        if rules:
            lines += ["Règles appliquées :", *_rule_lines(rules, articles)]
        return "\n".join(lines)
    verdict = "AUTORISÉ" if decision.action == "allow" else "AUTORISÉ AVEC TRANSFORMATION"
    lines = [
        *head,
        f"Décision : {verdict} ({decision.action})",
        f"Modèle retenu : {decision.model} ; classe de données : {decision.data_class} ; "
        f"max_tokens : {decision.max_tokens}",
        f"Paramètres retirés : {', '.join(sorted(decision.strip_params)) or 'aucun'}",
        f"Relecture humaine requise : {'oui' if decision.review_required else 'non'}",
        f"Mention visible : {decision.label_mention or 'aucune'}",
        f"Signalements : {', '.join(decision.flags) or 'aucun'}",
        "Règles appliquées :",
        *_rule_lines(decision.rules, articles),
    ]
    return "\n".join(lines)
