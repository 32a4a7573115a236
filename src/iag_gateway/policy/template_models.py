"""Choose the model a template runs on, from what it needs and what this deployment offers.

A template declares needs (its data class, capabilities, preferred aliases), never a
model: which models exist is the deployment's provider configuration, which ones may
take a data class is the charter's registry (``providers.yaml``). The candidates, in
order: the template's preferred aliases, the registry's default for the template's
data class, then every other registry entry; a demonstration model comes only after
every real one, so a production deployment that keeps ``demo-local`` configured never
sends templates to it silently. A candidate must be configured, approved, under a
contract the charter accepts, admit the data class, offer every capability, and be
open to one of the given roles.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from iag_gateway.errors import ModelNotFound, TemplateConfigError
from iag_gateway.policy.grants import role_allows_model
from iag_gateway.policy.models import ModelEntry, PolicySet, class_rank
from iag_gateway.prompts.models import PromptTemplate
from iag_gateway.providers.config import ProviderConfig
from iag_gateway.providers.labels import DEMO_PROVIDER

if TYPE_CHECKING:
    from iag_gateway.services import Services


def template_model(
    template: PromptTemplate, policy: PolicySet, config: ProviderConfig, roles: Iterable[str]
) -> str | None:
    """Return the alias ``template`` runs on for a caller with ``roles``, or None if no model fits."""
    role_set = frozenset(roles)
    real: list[str] = []
    demo: list[str] = []
    for entry in _candidates(template, policy):
        if _fits(entry, template, config) and role_allows_model(policy, role_set, entry.alias):
            (demo if _is_demo(config, entry.alias) else real).append(entry.alias)
    chosen = real or demo
    return chosen[0] if chosen else None


def require_template_model(
    template: PromptTemplate, policy: PolicySet, config: ProviderConfig, roles: Iterable[str]
) -> str:
    """Like :func:`template_model`, but raise ``ModelNotFound`` (404) when no model fits."""
    alias = template_model(template, policy, config, roles)
    if alias is None:
        raise ModelNotFound(
            f"Aucun modèle configuré sur cette passerelle ne convient au gabarit « {template.id} » "
            f"(classe {template.data_class}) pour votre fonction."
        )
    return alias


def check_templates_resolve(
    templates: Iterable[PromptTemplate], policy: PolicySet, config: ProviderConfig
) -> None:
    """Raise ``TemplateConfigError`` naming the first approved template no configured model can run."""
    for template in templates:
        if template.status != "approved":
            continue
        if template_model(template, policy, config, template.roles) is None:
            raise TemplateConfigError(
                template.source_path,
                f"no configured model fits this template (data class {template.data_class}, "
                f"capabilities {', '.join(template.needs.capabilities)}, roles {', '.join(template.roles)}); "
                f"configured: {', '.join(config.aliases)}. Configure one of the approved models, or set "
                "providers.yaml defaults for this data class",
                field="needs",
            )


def _candidates(template: PromptTemplate, policy: PolicySet) -> Iterator[ModelEntry]:
    seen: set[str] = set()
    default = policy.providers.defaults.get(template.data_class)
    ordered = [
        *template.needs.preferred,
        *([default] if default else []),
        *(m.alias for m in policy.providers.models),
    ]
    for alias in ordered:
        entry = policy.model(alias)
        if entry is not None and alias not in seen:
            seen.add(alias)
            yield entry


def _fits(entry: ModelEntry, template: PromptTemplate, config: ProviderConfig) -> bool:
    return (
        entry.approved
        and (entry.hosting == "internal" or entry.no_training)
        and config.provider_model(entry.alias) is not None
        and class_rank(template.data_class) <= class_rank(entry.max_data_class)
        and set(template.needs.capabilities) <= set(entry.capabilities)
    )


def _is_demo(config: ProviderConfig, alias: str) -> bool:
    return (config.provider_model(alias) or "").startswith(DEMO_PROVIDER + "/")


def mention_model(services: Services, template: PromptTemplate, roles: Iterable[str]) -> str:
    """The alias a template would run on for ``roles`` (for the AI mention shown before a run)."""
    policy = services.policies.current.policy
    return template_model(template, policy, services.router.config, roles) or "?"
