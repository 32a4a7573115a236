"""Name the ordered scales a policy speaks in: data classes, hosting kinds, and their ranks.

A data class only rises (``public`` to ``patient``), a fallback only moves towards the
more protective hosting: both are compared by position on these tuples, never by name.
"""

from __future__ import annotations

from typing import Literal

DataClassName = Literal["public", "internal", "confidential", "personal", "patient"]
DATA_CLASS_ORDER: tuple[DataClassName, ...] = ("public", "internal", "confidential", "personal", "patient")

Hosting = Literal["internal", "hds_eu", "eu_cloud", "non_eu"]
#: What a model can do, as the registry declares it and a template may require it.
Capability = Literal["chat", "long_context", "json"]
# Strictest (most protective) first: a fallback may only move left or stay.
HOSTING_ORDER: tuple[Hosting, ...] = ("internal", "hds_eu", "eu_cloud", "non_eu")

PiiLabel = Literal[
    "PERSON",
    "FR_NIR",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "IBAN_CODE",
    "ADDRESS",
    "DATE_OF_BIRTH",
    "PATIENT_ID",
    "HEALTH_PRO_ID",
]
Route = Literal["chat", "template"]


def class_rank(data_class: str) -> int:
    """Position of a data class on the ordered scale (higher is more sensitive)."""
    return DATA_CLASS_ORDER.index(data_class)


def hosting_rank(hosting: str) -> int:
    """Position of a hosting kind (0 is the most protective: internal)."""
    return HOSTING_ORDER.index(hosting)
