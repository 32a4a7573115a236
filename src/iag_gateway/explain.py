"""``iag-gateway policy explain``: a dry run of the authorize stage, with the real inputs.

It resolves the caller (from a key, or from roles and a department given on the
command line), pseudonymises the prompt exactly as the gateway would, and asks the
policy engine for its decision; nothing is sent anywhere and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Sequence

from iag_gateway.errors import AuthenticationFailed, InvalidField
from iag_gateway.pii.engine import PiiEngine
from iag_gateway.pii.pseudonymizer import Pseudonymizer
from iag_gateway.policy.engine import PolicyRequest
from iag_gateway.policy.explain import explain
from iag_gateway.policy.loader import load_policy
from iag_gateway.policy.models import PolicySet
from iag_gateway.prompts.catalogue import TemplateCatalogue
from iag_gateway.prompts.models import PromptTemplate
from iag_gateway.settings import Settings
from iag_gateway.usage.classifier import UsageClassifier
from iag_gateway.usage.verdict import from_classifier


def explain_cli(
    settings: Settings,
    *,
    key: str | None,
    roles: Sequence[str],
    department: str,
    trained: bool,
    model: str,
    template_id: str | None,
    prompt: str,
) -> str:
    """Return the decision and its reasons for the given caller, model, template and prompt."""
    loaded = load_policy(settings.policies_dir, settings.charter_dir)
    user_id = "explain"
    if key:
        from iag_gateway.identity.keys import KeyStore
        from iag_gateway.storage.engine import make_engine

        identity = KeyStore(make_engine(settings.database_url)).authenticate(key)
        if identity is None:
            raise AuthenticationFailed("Clé d'API invalide ou révoquée.")
        user_id, department, role_set, trained = (
            identity.user_id,
            identity.department,
            identity.roles,
            identity.trained,
        )
    elif roles:
        role_set = frozenset(roles)
    else:
        raise InvalidField("role", "indiquez --key ou au moins un --role")
    template = TemplateCatalogue.load(settings.templates_dir).get(template_id) if template_id else None
    counts: dict[str, int] = {}
    redacted = ""
    if prompt:
        pseudonymizer = Pseudonymizer(
            PiiEngine.build(model=settings.pii_model, allow_list_files=settings.pii_allow_lists)
        )
        redacted = pseudonymizer.redact(prompt)
        counts = dict(pseudonymizer.counts)
    verdict = None
    section = loaded.policy.usage.classifier
    if section is not None:
        score = UsageClassifier.load().classify([{"role": "user", "content": redacted}])
        verdict = from_classifier(section, score)  # a dry run never calls the guard model
    request = PolicyRequest(
        user_id=user_id,
        department=department,
        roles=role_set,
        trained=trained,
        route="template" if template else "chat",
        model=model or (_template_model(settings, loaded.policy, template, role_set) if template else ""),
        template_id=template.id if template else None,
        template_domain=template.domain if template else None,
        template_data_class=template.data_class if template else None,
        declared_data_class=None,
        pii_counts=counts,
        prompt_text=redacted,
        max_tokens=None,
        params=frozenset(),
        template_allows_tools=False,
        usage=verdict,
    )
    found = ", ".join(f"{label}×{n}" for label, n in sorted(counts.items())) or "aucune"
    return f"Données personnelles détectées (types) : {found}\n" + explain(
        loaded.policy, request, loaded.articles
    )


def _template_model(
    settings: Settings, policy: PolicySet, template: PromptTemplate, roles: frozenset[str]
) -> str:
    from iag_gateway.policy.template_models import template_model
    from iag_gateway.providers.config import load_provider_config

    return template_model(template, policy, load_provider_config(settings.config), roles) or ""
