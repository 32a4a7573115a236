"""The classifier's label set, in a fixed order (the model's output order)."""

from __future__ import annotations

from typing import Literal

UsageCategory = Literal[
    "diagnosis",
    "prescription",
    "clinical_decision",
    "decision_about_staff",
    "decision_about_person",
    "reidentification",
    "allowed",
]

ALLOWED: UsageCategory = "allowed"
#: Prohibited categories first, ``allowed`` last.
CATEGORIES: tuple[UsageCategory, ...] = (
    "diagnosis",
    "prescription",
    "clinical_decision",
    "decision_about_staff",
    "decision_about_person",
    "reidentification",
    ALLOWED,
)
PROHIBITED: tuple[UsageCategory, ...] = CATEGORIES[:-1]
