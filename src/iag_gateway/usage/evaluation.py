"""Score usage verdicts against labelled conversations: per category, and deny/allow overall.

``Outcome`` pairs a gold label with the category the classifier settled on and with
whether the gateway refused (the classifier's deny rules, or the explicit pattern
rules). ``report`` prints precision and recall per category, the confusion matrix,
the deny recall per prohibited category and the allow rate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from iag_gateway.usage.categories import ALLOWED, CATEGORIES, PROHIBITED

SHORT = {
    "diagnosis": "diag",
    "prescription": "presc",
    "clinical_decision": "clin",
    "decision_about_staff": "staff",
    "decision_about_person": "person",
    "reidentification": "reid",
    "allowed": "allowed",
}


@dataclass(frozen=True)
class Outcome:
    gold: str
    predicted: str  # the classifier's category (``allowed`` below threshold); "-" for patterns only
    denied: bool


@dataclass(frozen=True)
class Summary:
    deny_recall: float  # prohibited requests refused
    allow_rate: float  # allowed requests not refused
    deny_recall_by_category: dict[str, float]
    worst: float  # the lowest of the per-category deny recalls and the allow rate


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else float("nan")


def summarise(outcomes: Sequence[Outcome]) -> Summary:
    by_category: dict[str, float] = {
        c: _ratio(sum(o.denied for o in outcomes if o.gold == c), sum(o.gold == c for o in outcomes))
        for c in PROHIBITED
    }
    prohibited = [o for o in outcomes if o.gold != ALLOWED]
    allowed = [o for o in outcomes if o.gold == ALLOWED]
    allow_rate = _ratio(sum(not o.denied for o in allowed), len(allowed))
    present = [v for v in by_category.values() if v == v]  # skip NaN (category absent)
    return Summary(
        deny_recall=_ratio(sum(o.denied for o in prohibited), len(prohibited)),
        allow_rate=allow_rate,
        deny_recall_by_category=by_category,
        worst=min([*present, allow_rate]),
    )


def report(title: str, outcomes: Sequence[Outcome], *, with_categories: bool = True) -> str:
    """A plain-text table: per-category figures, confusion matrix, overall deny/allow."""
    summary = summarise(outcomes)
    lines = [f"== {title} ({len(outcomes)} requests)"]
    if with_categories:
        lines.append(f"{'category':24} {'n':>4} {'precision':>9} {'recall':>7} {'refused':>8}")
        for c in CATEGORIES:
            n = sum(o.gold == c for o in outcomes)
            tp = sum(o.gold == c and o.predicted == c for o in outcomes)
            predicted = sum(o.predicted == c for o in outcomes)
            refused = sum(o.gold == c and o.denied for o in outcomes)
            precision, recall = _ratio(tp, predicted), _ratio(tp, n)
            lines.append(f"{c:24} {n:>4} {precision:>9.3f} {recall:>7.3f} {_ratio(refused, n):>8.3f}")
        counts = Counter((o.gold, o.predicted) for o in outcomes)
        lines.append("confusion (rows: gold, columns: predicted)")
        lines.append(" " * 9 + "".join(f"{SHORT[c]:>8}" for c in CATEGORIES))
        for gold in CATEGORIES:
            lines.append(f"{SHORT[gold]:>9}" + "".join(f"{counts[(gold, p)]:>8}" for p in CATEGORIES))
    else:
        lines.append(f"{'category':24} {'n':>4} {'refused':>8}")
        for c in CATEGORIES:
            n = sum(o.gold == c for o in outcomes)
            refused = sum(o.gold == c and o.denied for o in outcomes)
            lines.append(f"{c:24} {n:>4} {_ratio(refused, n):>8.3f}")
    lines.append(
        f"deny recall {summary.deny_recall:.3f}   allow rate {summary.allow_rate:.3f}   "
        f"lowest category {summary.worst:.3f}"
    )
    return "\n".join(lines)
