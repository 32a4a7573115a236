"""Stage 9: write the audit record — always, for allowed, denied and failed calls.

The record holds digests and counts, never personal data: texts are the
pseudonymised ones, and are stored only when the policy says so.
"""

from __future__ import annotations

from iag_gateway.audit.models import IN_FLIGHT, AuditEntry, digest_text
from iag_gateway.audit.store import AuditStore
from iag_gateway.exchange import Exchange
from iag_gateway.recorded_names import recorded_model, recorded_route, recorded_template
from iag_gateway.stages.redact import prompt_text


def build_entry(
    ex: Exchange, *, store_text: bool, policy_version: str | None, policy_digest: str | None
) -> AuditEntry:
    """Turn the exchange into the audit entry (no raw personal data).

    The call's names (route, model, template) are the gateway's own, never what the
    caller typed: see ``recorded_names``.
    """
    identity = ex.identity
    decision = ex.decision
    template = ex.template
    error = ex.error
    # A refusal raised after the decision (a quota, an output rule) is what took effect:
    # its rules are the ones the record must cite, not those of the overridden decision.
    refusal_rules = list(getattr(error, "rules", ()) or ())
    rules = refusal_rules or (list(decision.rules) if decision else [])
    articles = list(dict.fromkeys(a for rule in rules for a in rule.articles))
    prompt = prompt_text(ex) if ex.messages or ex.inputs else ""
    return AuditEntry(
        request_id=ex.request_id,
        user_id=identity.user_id if identity else None,
        department=identity.department if identity else None,
        roles=sorted(identity.roles) if identity else [],
        route=recorded_route(ex),
        model_alias=recorded_model(ex),
        provider_model=ex.provider_model,
        template_id=recorded_template(ex),
        template_version=template.version if template else None,
        template_digest=template.digest if template else None,
        decision="deny" if ex.outcome == "denied" else (decision.action if decision else None),
        rules=[dict(vars(rule)) for rule in rules],  # flat fields: no recursive ``asdict``
        articles=articles,
        policy_version=policy_version,
        policy_digest=policy_digest,
        pii_counts=dict(ex.pii_counts),
        response_pii_counts=dict(ex.response_pii_counts),
        prompt_tokens=ex.usage.prompt_tokens,
        completion_tokens=ex.usage.completion_tokens,
        total_tokens=ex.usage.total_tokens,
        latency_ms=round(ex.elapsed_ms, 3),
        status_code=ex.status_code,
        outcome=ex.outcome,
        error_type=type(error).__name__ if error else None,
        error_code=error.code if error else None,
        streamed=ex.stream,
        prompt_digest=digest_text(prompt) if prompt else None,
        response_digest=digest_text(ex.answer) if ex.answer else None,
        prompt_text=prompt if store_text and prompt else None,
        response_text=ex.answer if store_text and ex.answer else None,
        extra=_extra(ex),
    )


def _extra(ex: Exchange) -> dict[str, object]:
    """Flags raised by the decision, and the usage classifier's verdict (category, score)."""
    extra: dict[str, object] = {}
    if ex.decision and ex.decision.flags:
        extra["flags"] = list(ex.decision.flags)
    if ex.usage_verdict is not None:
        extra["usage"] = ex.usage_verdict.audit()
    if ex.replaced_characters:
        extra["replaced_characters"] = ex.replaced_characters
    if ex.dropped_params:
        extra["dropped_params"] = sorted(ex.dropped_params)
    return extra


def record_start(ex: Exchange, store: AuditStore, **kwargs: object) -> None:
    """Append the call's "in flight" record, durably, before the provider is called.

    A crash (kill -9, power cut) between the provider's answer and the final record then
    still leaves a trace of the call; ``audit verify`` counts calls that never completed.
    Raises ``AuditUnavailable`` when it cannot be written: the provider is then not called.
    """
    entry = build_entry(ex, **kwargs)  # type: ignore[arg-type]
    entry.outcome = IN_FLIGHT
    entry.status_code = None
    entry.latency_ms = None
    entry.error_type = entry.error_code = None
    store.append_seq(entry)


def record(ex: Exchange, store: AuditStore, **kwargs: object) -> None:
    """Append the entry durably; raises ``AuditUnavailable`` when it cannot."""
    store.append_seq(build_entry(ex, **kwargs))  # type: ignore[arg-type]
    ex.recorded = True
