"""The rows the dashboard's aggregate queries return (``aggregates.py``), one dataclass per shape."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


@dataclass(frozen=True)
class Totals:
    calls: int
    users: int
    departments: int
    ok: int
    denied: int
    prompt_tokens: int
    completion_tokens: int


@dataclass(frozen=True)
class SeriesPoint:
    bucket: str  # "2026-11-29" or "2026-11"
    calls: int
    users: int
    departments: int
    denied: int
    flagged: int = 0  # flag-rule firings (« signalements »)


@dataclass(frozen=True)
class UsageRow:
    key: str | None  # the template, model or department (None: none, e.g. free chat)
    calls: int
    users: int
    ok: int
    denied: int
    prompt_tokens: int
    completion_tokens: int


@dataclass(frozen=True)
class TokenRow:
    key: str | None
    model: str | None
    ok_calls: int
    prompt_tokens: int
    completion_tokens: int


@dataclass(frozen=True)
class RuleRow:
    article: str | None
    rule_id: str
    effect: str
    records: int


@dataclass(frozen=True)
class CountRow:
    key: str
    records: int
    total: int


@dataclass(frozen=True)
class Firings:
    rules: list[RuleRow]  # per (article, rule, effect): firings citing that article
    flags_by_bucket: dict[str, int]  # flag-rule firings per period
    reroutes: list[CountRow]  # per reroute message (« a → b (données patient) »)


@dataclass(frozen=True)
class ReviewRow:
    template: str
    calls: int
    acknowledged: int
    mean_delay_s: float | None
    max_delay_s: float | None


@dataclass(frozen=True)
class FeedbackRow:
    template: str | None
    answers: int
    useful: int
    not_useful: int
    minutes_saved: int
    minutes_answers: int
    comments: int


class Cube(NamedTuple):
    """The calls' sums for one (department, template, model) over the period."""

    department: str | None
    template_id: str | None
    model_alias: str | None
    calls: int
    ok: int
    denied: int
    prompt_tokens: int
    completion_tokens: int
    ok_prompt_tokens: int
    ok_completion_tokens: int

    def key(self, index: int) -> str | None:
        return (self.department, self.template_id, self.model_alias)[index]


@dataclass
class Aggregates:
    """Every aggregate the dashboard shows, computed by ``AuditAggregates.all``."""

    totals: Totals
    series: list[SeriesPoint]
    by_template: list[UsageRow]
    by_model: list[UsageRow]
    by_department: list[UsageRow]
    rules: list[RuleRow]
    pii: list[CountRow]
    reroutes: list[CountRow]
    reviews: list[ReviewRow]
    feedback: list[FeedbackRow]
    tokens_by_model: list[TokenRow] = field(default_factory=list)
    tokens_by_department: list[TokenRow] = field(default_factory=list)
    tokens_by_template: list[TokenRow] = field(default_factory=list)
