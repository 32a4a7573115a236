"""Stage 4: apply the charter. One pure policy decision, then the quota reservation.

It runs after ``redact`` because the charter routes by data class, and the data
class is raised by what the personal-data stage found. Nothing has left the
gateway yet at this point.
"""

from __future__ import annotations

from typing import Any

from iag_gateway.exchange import Exchange
from iag_gateway.policy.engine import PolicyRequest, decide
from iag_gateway.policy.loader import LoadedPolicy
from iag_gateway.policy.quotas import QuotaEnforcer
from iag_gateway.stages.redact import prompt_text
from iag_gateway.usage.gate import UsageGate


def authorize(ex: Exchange, loaded: LoadedPolicy, quotas: QuotaEnforcer, usage: UsageGate) -> None:
    """Decide allow / transform, or raise the denial (403/404/429) citing its articles.

    The usage classifier reads the pseudonymised conversation (the template's inputs
    stand as the request on the template route) when the policy names it.
    """
    assert ex.identity is not None
    template = ex.template
    section = loaded.policy.usage.classifier
    if section is not None:
        ex.usage_verdict = usage.verdict(section, _conversation(ex))
    request = PolicyRequest(
        user_id=ex.identity.user_id,
        department=ex.identity.department,
        roles=ex.identity.roles,
        trained=ex.identity.trained,
        route=ex.route,
        model=ex.model,
        template_id=template.id if template else None,
        template_domain=template.domain if template else None,
        template_data_class=template.data_class if template else None,
        declared_data_class=ex.declared_data_class,
        pii_counts=ex.pii_counts,
        prompt_text=prompt_text(ex),
        max_tokens=_requested_max_tokens(ex),
        params=frozenset(ex.params),
        template_allows_tools=bool(template and template.tools_allowed),
        usage=ex.usage_verdict,
    )
    decision = decide(loaded.policy, request)
    ex.decision = decision
    ex.model = decision.model
    for name in sorted(decision.strip_params):
        if ex.params.pop(name, None) is not None:
            ex.dropped_params.append(name)  # the caller is told (``iag.dropped_params``)
    ex.params.pop("max_completion_tokens", None)
    ex.params["max_tokens"] = decision.max_tokens
    quotas.reserve(loaded.policy, ex.identity.user_id, ex.identity.department)


def _requested_max_tokens(ex: Exchange) -> int | None:
    for key in ("max_tokens", "max_completion_tokens"):
        value = ex.params.get(key)
        if isinstance(value, int):
            return value
    return None


def _conversation(ex: Exchange) -> list[dict[str, Any]]:
    """The messages as sent, or, for a template call, its filled-in inputs as one request."""
    if ex.messages:
        return ex.messages
    texts = [_input_text(v) for v in ex.inputs.values() if v not in (None, "", [])]
    return [{"role": "user", "content": "\n".join(texts)}]


def _input_text(value: Any) -> str:
    """A validated template input as text: lists joined, numbers, amounts and dates as written."""
    if isinstance(value, list | tuple):
        return " ".join(map(str, value))
    return str(value)
