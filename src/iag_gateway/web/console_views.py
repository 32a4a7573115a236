"""How the auditors' console reads a record: its line in the list and its detail page, in French.

The routes (``console.py``) decide who sees what; this module only turns audit records
into French labels and values (``console_labels.py``), with times in Europe/Paris. It
never adds text of its own about a request: what is shown is what the store holds.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from iag_gateway.audit.models import PUBLIC_FIELDS, AuditEvent, format_timestamp
from iag_gateway.web.console_labels import (
    DECISION_LABELS,
    EFFECT_LABELS,
    EXTRA_LABELS,
    FIELD_LABELS,
    OUTCOME_LABELS,
    PII_SHORT,
    ROUTE_LABELS,
    VIEW_LABELS,
)
from iag_gateway.web.french_format import grouped, paris_time

CODE_FIELDS = frozenset(
    {"request_id", "template_digest", "policy_digest", "prompt_digest", "response_digest"}
)


def masked_counts(counts: Mapping[str, int]) -> str:
    """« 2 noms, 1 téléphone » (types and counts only); empty when nothing was masked."""
    parts = []
    for entity, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if count > 0:
            singular, plural = PII_SHORT.get(entity, ("autre donnée", "autres données"))
            parts.append(f"{count} {singular if count == 1 else plural}")
    return ", ".join(parts)


def article_links(articles: list[str]) -> list[tuple[str, str]]:
    """(anchor, number) for each article: ``("art-4.1", "4.1")``."""
    return [(a, a.removeprefix("art-")) for a in articles]


def row_view(event: AuditEvent) -> dict[str, Any]:
    """One line of the list: what an auditor scans for."""
    template = None
    if event.template_id:
        template = event.template_id + (f" v{event.template_version}" if event.template_version else "")
    return {
        "seq": event.seq,
        "request_id": event.request_id,
        "when": paris_time(event.created_at),
        "iso": format_timestamp(event.created_at),
        "user": event.user_id,
        "department": event.department,
        "route": event.route,
        "route_label": ROUTE_LABELS.get(event.route, event.route),
        "model": event.model_alias or event.provider_model,
        "template": template,
        "decision": DECISION_LABELS.get(event.decision, event.decision) if event.decision else None,
        "articles": article_links(event.articles),
        "masked": masked_counts(event.pii_counts),
        "tokens": grouped(event.total_tokens) if event.total_tokens is not None else None,
        "latency": grouped(event.latency_ms) + " ms" if event.latency_ms is not None else None,
        "outcome": event.outcome,
        "outcome_label": OUTCOME_LABELS.get(event.outcome, event.outcome),
        "status": event.status_code,
    }


def detail_value(name: str, value: Any) -> tuple[str, Any]:
    """(kind, value) for one field of the detail page; the template draws each kind."""
    if value is None or value == "" or value == [] or value == {}:
        return "none", None
    if name == "created_at":
        return "text", f"{paris_time(value)} ({format_timestamp(value)})"
    if name == "outcome":
        return "text", OUTCOME_LABELS.get(value, value)
    if name == "route":
        return "text", ROUTE_LABELS.get(value, value)
    if name == "decision":
        return "text", DECISION_LABELS.get(value, value)
    if name == "articles":
        return "articles", article_links(value)
    if name in ("pii_counts", "response_pii_counts"):
        return "text", masked_counts(value) or "aucune"
    if name == "ref_request_id":
        return "link", value
    if name in ("prompt_text", "response_text"):
        return "pre", value
    if name == "rules" and all(isinstance(rule, dict) for rule in value):
        return "rules", [rule_view(rule) for rule in value]
    if name == "extra" and isinstance(value, dict):
        return "pairs", [(EXTRA_LABELS.get(k, k), extra_value(k, v)) for k, v in sorted(value.items())]
    if name in ("rules", "extra"):
        return "pre", json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
    if name in ("roles",):
        return "text", ", ".join(value)
    if name == "latency_ms":
        return "text", grouped(value, 3) + " ms"
    if name == "streamed":
        return "text", "oui" if value else "non"
    if name in CODE_FIELDS or name.endswith("hash"):
        return "code", value
    return "text", value


def extra_value(key: str, value: Any) -> str:
    """One value of ``extra`` as a French phrase (lists and dicts flattened, never raw JSON)."""
    if value is None or value == "" or value == [] or value == {}:
        return "aucun"
    if isinstance(value, bool):
        return "oui" if value else "non"
    if key == "view":
        return VIEW_LABELS.get(str(value), str(value))
    if key == "flags" and isinstance(value, str) and value.startswith("pseudonymised:"):
        return f"données pseudonymisées (classe {value.partition(':')[2]})"
    if key == "comment_pii_counts" and isinstance(value, dict):
        return masked_counts(value) or "aucune"
    if isinstance(value, dict):
        return ", ".join(f"{k} : {extra_value(k, v)}" for k, v in sorted(value.items()))
    if isinstance(value, list):
        return ", ".join(extra_value(key, v) for v in value)
    if isinstance(value, float):
        return grouped(value, 3)
    if isinstance(value, int):
        return grouped(value)
    return str(value)


def rule_view(rule: Mapping[str, Any]) -> dict[str, Any]:
    """One fired rule as stored: its id, effect, articles and message."""
    effect = str(rule.get("effect") or "")
    articles = rule.get("articles")
    return {
        "id": str(rule.get("rule_id") or ""),
        "effect": EFFECT_LABELS.get(effect, effect),
        "articles": article_links([str(a) for a in articles]) if isinstance(articles, list) else [],
        "message": str(rule.get("message") or ""),
    }


def detail_view(event: AuditEvent, request_id: str) -> dict[str, Any]:
    """Every field of one record, labelled in French, in the export's column order."""
    values = event.model_dump()
    shown = [(FIELD_LABELS[name], *detail_value(name, values.get(name))) for name in PUBLIC_FIELDS]
    return {
        "seq": event.seq,
        "route": event.route,
        "route_label": ROUTE_LABELS.get(event.route, event.route),
        "refers": event.request_id != request_id,  # e.g. a review acknowledgement of that request
        "fields": [field for field in shown if field[1] != "none"],
        "empty": [label for label, kind, _ in shown if kind == "none"],
    }
