"""The journal as a CSV for a French spreadsheet: French headers and labels, Paris time, newest first.

Semicolon-separated, decimal commas, a byte-order mark (added by the stream), formula
cells neutralised (``french_csv.cell``). Lists and counts are written as French phrases,
never as JSON. The redacted texts are left out (a spreadsheet cell holds 32,767
characters at most): the JSON Lines export is the faithful one.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from typing import Any, TextIO

from iag_gateway.audit.filters import AuditFilter
from iag_gateway.audit.models import AuditEvent, format_timestamp
from iag_gateway.audit.store import AuditStore
from iag_gateway.web.console_labels import (
    DECISION_LABELS,
    EFFECT_LABELS,
    FIELD_LABELS,
    OUTCOME_LABELS,
    ROUTE_LABELS,
)
from iag_gateway.web.console_views import extra_value, masked_counts
from iag_gateway.web.french_csv import cell
from iag_gateway.web.french_format import paris_time


def _rules(event: AuditEvent) -> str:
    parts = []
    for rule in event.rules:
        if isinstance(rule, dict):
            effect = str(rule.get("effect") or "")
            parts.append(f"{rule.get('rule_id', '')} ({EFFECT_LABELS.get(effect, effect)})")
    return ", ".join(parts)


def _extra(event: AuditEvent) -> str:
    return " ; ".join(f"{k} : {extra_value(k, v)}" for k, v in sorted(event.extra.items()))


#: (header, value) per column, in order.
COLUMNS: tuple[tuple[str, Callable[[AuditEvent], Any]], ...] = (
    (FIELD_LABELS["seq"], lambda e: e.seq),
    (FIELD_LABELS["created_at"], lambda e: paris_time(e.created_at)),
    ("Date et heure (UTC, ISO 8601)", lambda e: format_timestamp(e.created_at)),
    (FIELD_LABELS["request_id"], lambda e: e.request_id),
    ("Opération", lambda e: ROUTE_LABELS.get(e.route, e.route)),
    (FIELD_LABELS["outcome"], lambda e: OUTCOME_LABELS.get(e.outcome, e.outcome)),
    (FIELD_LABELS["status_code"], lambda e: e.status_code),
    (FIELD_LABELS["user_id"], lambda e: e.user_id),
    (FIELD_LABELS["department"], lambda e: e.department),
    (FIELD_LABELS["roles"], lambda e: ", ".join(e.roles)),
    (FIELD_LABELS["model_alias"], lambda e: e.model_alias),
    (FIELD_LABELS["provider_model"], lambda e: e.provider_model),
    (FIELD_LABELS["template_id"], lambda e: e.template_id),
    (FIELD_LABELS["template_version"], lambda e: e.template_version),
    (FIELD_LABELS["decision"], lambda e: DECISION_LABELS.get(e.decision, e.decision) if e.decision else None),
    (FIELD_LABELS["articles"], lambda e: ", ".join(a.removeprefix("art-") for a in e.articles)),
    (FIELD_LABELS["rules"], _rules),
    (FIELD_LABELS["pii_counts"], lambda e: masked_counts(e.pii_counts)),
    (FIELD_LABELS["response_pii_counts"], lambda e: masked_counts(e.response_pii_counts)),
    (FIELD_LABELS["prompt_tokens"], lambda e: e.prompt_tokens),
    (FIELD_LABELS["completion_tokens"], lambda e: e.completion_tokens),
    (FIELD_LABELS["total_tokens"], lambda e: e.total_tokens),
    ("Latence (ms)", lambda e: e.latency_ms),
    (FIELD_LABELS["streamed"], lambda e: e.streamed),
    (FIELD_LABELS["error_type"], lambda e: e.error_type),
    (FIELD_LABELS["error_code"], lambda e: e.error_code),
    (FIELD_LABELS["ref_request_id"], lambda e: e.ref_request_id),
    (FIELD_LABELS["policy_version"], lambda e: e.policy_version),
    (FIELD_LABELS["extra"], _extra),
    (FIELD_LABELS["prompt_digest"], lambda e: e.prompt_digest),
    (FIELD_LABELS["response_digest"], lambda e: e.response_digest),
    (FIELD_LABELS["hash"], lambda e: e.hash),
)


def write_french_csv(store: AuditStore, filters: AuditFilter, out: TextIO) -> int:
    """Write the matching records, newest first; return how many were written."""
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([header for header, _ in COLUMNS])
    count = 0
    for event in store.iter(filters, newest_first=True):
        writer.writerow([cell(value(event)) for _, value in COLUMNS])
        count += 1
    return count
