"""Shared builders for the audit tests (kept out of conftest so worker processes can import them)."""

from __future__ import annotations

from typing import Any

from iag_gateway.audit.models import AuditEntry, digest_text


def make_entry(n: int = 0, **overrides: Any) -> AuditEntry:
    """Build a realistic audit entry; ``n`` varies the request id."""
    values: dict[str, Any] = {
        "request_id": f"req-{n:05d}",
        "route": "/v1/chat/completions",
        "outcome": "ok",
        "user_id": "u.martin",
        "department": "achats",
        "roles": ["buyer", "staff"],
        "model_alias": "mistral-large",
        "provider_model": "mistral/mistral-large-2411",
        "template_id": "cahier-des-charges",
        "template_version": "3",
        "template_digest": digest_text("template body"),
        "decision": "allow",
        "rules": [{"rule_id": "pii-redact", "articles": ["5.2"], "effect": "redact"}],
        "articles": ["5.2"],
        "policy_version": "2025.1",
        "policy_digest": digest_text("policy"),
        "pii_counts": {"PERSON": 2, "FR_NIR": 1},
        "response_pii_counts": {},
        "prompt_tokens": 120,
        "completion_tokens": 80,
        "total_tokens": 200,
        "latency_ms": 812.3456,
        "status_code": 200,
        "streamed": False,
        "prompt_digest": digest_text(f"prompt {n}"),
        "response_digest": digest_text(f"response {n}"),
        "extra": {"client": "form"},
    }
    values.update(overrides)
    return AuditEntry(**values)


def append_many(url: str, worker: int, count: int, start: Any = None) -> None:
    """Append ``count`` entries from a fresh engine (runs in a spawned worker process).

    ``start`` is an optional barrier shared with the other workers, so that their
    appends overlap instead of running one after the other.
    """
    from iag_gateway.audit.store import AuditStore
    from iag_gateway.storage.engine import make_engine

    engine = make_engine(url, busy_timeout_s=30)
    store = AuditStore(engine)
    store.ping()  # connect before the race starts
    if start is not None:
        start.wait(timeout=30)
    for i in range(count):
        store.append(make_entry(worker * 100_000 + i, user_id=f"worker-{worker}"))
    engine.dispose()
