"""The usage check the authorize stage runs: classify, and ask the guard model if the policy says so.

Built once at startup with the loaded classifier and the providers router, handed to
the stage. ``verdict`` runs in the request's worker thread (the pipeline prepares a call
off the event loop), so the guard's asynchronous call is made with
``anyio.from_thread.run``, bounded by the policy's ``timeout_s``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

import anyio
from anyio import from_thread

from iag_gateway.errors import GatewayError, UpstreamTimeout
from iag_gateway.policy.models import GuardRule, IntentClassifier
from iag_gateway.usage.classifier import UsageClassifier, UsageScore
from iag_gateway.usage.guard import judge_messages, parse_verdict
from iag_gateway.usage.verdict import UsageVerdict, from_classifier, from_guard, needs_guard


class Asker(Protocol):
    async def ask(self, alias: str, messages: list[dict[str, Any]], *, timeout_s: float) -> str: ...


class UsageGate:
    """Classifier plus optional guard model; one per gateway."""

    def __init__(self, classifier: UsageClassifier, asker: Asker | None = None) -> None:
        self.classifier = classifier
        self._asker = asker

    def score(self, messages: Sequence[Mapping[str, Any]]) -> UsageScore:
        return self.classifier.classify(messages)

    def verdict(self, section: IntentClassifier, messages: Sequence[Mapping[str, Any]]) -> UsageVerdict:
        """Classify the latest request; in the guard band, let the guard model settle it."""
        score = self.score(messages)
        guard = section.guard
        if guard is None or self._asker is None or not needs_guard(section, score):
            return from_classifier(section, score)
        try:
            answer = from_thread.run(self._ask, guard, judge_messages(messages))
        except (TimeoutError, UpstreamTimeout):
            return from_guard(section, score, None, "guard_timeout")
        except GatewayError:
            return from_guard(section, score, None, "guard_failed")
        category = parse_verdict(answer)
        if category is None:
            return from_guard(section, score, None, "guard_unparsable")
        return from_guard(section, score, category)

    async def _ask(self, guard: GuardRule, messages: list[dict[str, str]]) -> str:
        assert self._asker is not None
        with anyio.fail_after(guard.timeout_s):
            return await self._asker.ask(guard.model, list(messages), timeout_s=guard.timeout_s)
