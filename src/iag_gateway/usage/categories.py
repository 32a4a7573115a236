"""The classifier's label set, in a fixed order (the model's output order)."""

from __future__ import annotations

from typing import Literal, get_args

#: The uses the charter prohibits (art. 5.2–5.4, 3.2), as the classifier and ``usage.yaml`` name them.
ProhibitedCategory = Literal[
    "diagnosis",
    "prescription",
    "clinical_decision",
    "decision_about_staff",
    "decision_about_person",
    "reidentification",
]
UsageCategory = Literal[ProhibitedCategory, "allowed"]

ALLOWED: UsageCategory = "allowed"
PROHIBITED: tuple[ProhibitedCategory, ...] = get_args(ProhibitedCategory)
#: Prohibited categories first, ``allowed`` last.
CATEGORIES: tuple[UsageCategory, ...] = (*PROHIBITED, ALLOWED)
