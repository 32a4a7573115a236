"""Enforce the quotas of ``limits.yaml`` across several gateway processes (article 10.3).

The counters live in a shared store (``quota_stores``), per scope (``user:alice``,
``department:DAF``) and window (``quota_windows``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine

from iag_gateway.errors import FiredRule, RateLimited
from iag_gateway.policy.engine import article_refs, fired
from iag_gateway.policy.models import PolicySet, QuotaRule
from iag_gateway.policy.quota_redis import RedisQuotaStore
from iag_gateway.policy.quota_stores import QuotaItem, QuotaStore, SqlQuotaStore
from iag_gateway.policy.quota_windows import Window, window_for

_WINDOW_ORDER = ("minute", "day", "month")
_WINDOW_FR = {"minute": "par minute", "day": "par jour", "month": "par mois"}
_SCOPE_FR = {"user": "pour votre compte", "department": "pour votre service"}


@dataclass(frozen=True)
class _Counter:
    scope_kind: str
    window_kind: str
    request_limit: int | None
    token_limit: int | None
    rules: tuple[QuotaRule, ...]


def _min(a: int | None, b: int | None) -> int | None:
    return b if a is None else (a if b is None else min(a, b))


def _counters(rules: Sequence[QuotaRule], department: str) -> list[_Counter]:
    """Merge the quota rules that share a (scope, window) into one counter, strictest limits."""
    merged: dict[tuple[str, str], _Counter] = {}
    for rule in rules:
        requests, tokens = rule.limits_for(department)
        key = (rule.scope, rule.window)
        previous = merged.get(key)
        if previous is None:
            merged[key] = _Counter(rule.scope, rule.window, requests, tokens, (rule,))
        else:
            merged[key] = _Counter(
                rule.scope,
                rule.window,
                _min(previous.request_limit, requests),
                _min(previous.token_limit, tokens),
                (*previous.rules, rule),
            )
    return sorted(merged.values(), key=lambda c: (_WINDOW_ORDER.index(c.window_kind), c.scope_kind != "user"))


def scope_key(kind: str, identity: str) -> str:
    """``user:alice``; identities too long for the column are hashed."""
    key = f"{kind}:{identity}"
    return key if len(key) <= 200 else f"{kind}:sha256:{hashlib.sha256(identity.encode()).hexdigest()}"


class QuotaEnforcer:
    """Reserve every quota of the policy for one request, cheapest window first."""

    def __init__(self, store: QuotaStore) -> None:
        self._store = store

    def ping(self) -> None:
        """Raise ``ServiceUnavailable`` unless the counters' store (database or Redis) answers."""
        self._store.ping()

    def reserve(
        self, policy: PolicySet, user_id: str, department: str, *, now: datetime | None = None
    ) -> None:
        """Count the request against each quota; raise RateLimited citing the rule at the first full one.

        All counters are reserved together (one transaction, or one Redis script): a
        refused request counts in none of them.
        """
        now = now or datetime.now(UTC)
        tz = policy.limits.timezone
        identities = {"user": user_id, "department": department}
        counters = _counters(policy.limits.quotas, department)
        windows = [window_for(counter.window_kind, now, tz) for counter in counters]
        items = [
            QuotaItem(
                scope_key(c.scope_kind, identities[c.scope_kind]), w.key, c.request_limit, c.token_limit
            )
            for c, w in zip(counters, windows, strict=True)
        ]
        refused = self._store.reserve_all(items, now) if items else None
        if refused is not None:
            raise self._refusal(counters[refused], windows[refused], now)

    def token_counters(
        self, policy: PolicySet, *, user_id: str, department: str, now: datetime
    ) -> list[tuple[str, str]]:
        """The ``(scope, window)`` counters a request finished at ``now`` charges its tokens to."""
        tz = policy.limits.timezone
        identities = {"user": user_id, "department": department}
        return [
            (scope_key(c.scope_kind, identities[c.scope_kind]), window_for(c.window_kind, now, tz).key)
            for c in _counters(policy.limits.quotas, department)
            if c.token_limit is not None
        ]

    def add_token_counts(self, counts: Mapping[tuple[str, str], int]) -> None:
        """Add tokens to ``(scope, window)`` counters, all in one write; raise ``ServiceUnavailable``."""
        if counts:
            self._store.add_token_counts(counts)

    @staticmethod
    def _refusal(counter: _Counter, window: Window, now: datetime) -> RateLimited:
        wait = window.retry_after(now)
        parts = []
        if counter.request_limit is not None:
            parts.append(f"{counter.request_limit} requêtes")
        if counter.token_limit is not None:
            parts.append(f"{counter.token_limit} jetons")
        limit = " ou ".join(parts)
        articles = tuple(dict.fromkeys(a for rule in counter.rules for a in rule.articles))
        message = (
            f"Limite atteinte : {article_refs(articles)} de la charte — {limit} "
            f"{_WINDOW_FR[counter.window_kind]} {_SCOPE_FR[counter.scope_kind]}. Réessayez dans {wait} s."
        )
        rules: tuple[FiredRule, ...] = tuple(fired(rule, "deny", message) for rule in counter.rules)
        return RateLimited(message, wait, rules)


def build_quota_enforcer(engine: Engine, redis_url: str | None = None) -> QuotaEnforcer:
    """Counters in Redis when a URL is configured, else in the ``quota_usage`` table."""
    store: QuotaStore = RedisQuotaStore(redis_url) if redis_url else SqlQuotaStore(engine)
    return QuotaEnforcer(store)
