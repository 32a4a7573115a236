"""The legal and regulatory sources a template relies on, and the citations its prompts make.

Each article a template cites (« art. R2111-8 », « règlement (UE) 2017/746 », « MR-004 »)
is a claim the hospital makes to its staff, so it must come with its source: a
``references`` entry naming the text, the article, the official URL and the day it was
checked. :func:`missing_references` finds the citations a template makes without such an
entry; the catalogue refuses to load a template that has any.

Official hosts only: Légifrance, EUR-Lex, the CNIL and the ministries' sites.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

#: Hosts whose pages are the official text (or the regulator's own page) of a reference.
OFFICIAL_HOSTS: frozenset[str] = frozenset(
    {
        "www.legifrance.gouv.fr",
        "eur-lex.europa.eu",
        "www.cnil.fr",
        "sante.gouv.fr",
        "solidarites-sante.gouv.fr",
        "www.economie.gouv.fr",
        "www.collectivites-locales.gouv.fr",
        "ansm.sante.fr",
        "www.atih.sante.fr",
        "www.has-sante.fr",
    }
)

# « L2113-11 », « R. 2182-1 », « art. L6143-7-5 », « D1121-3 »: French code articles.
_ARTICLE = re.compile(r"(?<![\w/])([LRD])\.?\s?(\d{3,4}-\d+(?:-\d+)*)(?![\w-])")
# « règlement (UE) 2017/745 », « règlement (UE) n° 536/2014 », « (CE) n° 1394/2007 ».
_EU_ACT = re.compile(r"\((?:UE|CE)\)\s*(?:n\s?[°o]\s*)?(\d{1,4}/\d{1,4})", re.IGNORECASE)
# CNIL reference methodologies: « MR-001 », « MR 004 », « MR003 ».
_METHODOLOGY = re.compile(r"\bMR[-\s]?(00\d)\b")


def citations(text: str) -> set[str]:
    """Return the normalised citations in ``text``: ``R2182-1``, ``UE 2017/745``, ``MR-004``."""
    found = {f"{letter}{number}" for letter, number in _ARTICLE.findall(text)}
    found |= {f"UE {number}" for number in _EU_ACT.findall(text)}
    found |= {f"MR-{number}" for number in _METHODOLOGY.findall(text)}
    return found


class TemplateReference(BaseModel):
    """One source a template relies on: the text, the article(s), the official URL, the check date."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(min_length=3, max_length=300)
    article: str | None = Field(default=None, max_length=200)
    url: str = Field(max_length=500)
    checked_on: dt.date

    @field_validator("url")
    @classmethod
    def _official_https_url(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme != "https" or parts.hostname not in OFFICIAL_HOSTS:
            hosts = ", ".join(sorted(OFFICIAL_HOSTS))
            raise ValueError(f"l'adresse doit être une page https d'un site officiel ({hosts})")
        return value

    @property
    def carries(self) -> set[str]:
        """The citations this entry sources (from its article field and its text)."""
        return citations(f"{self.text} {self.article or ''}")


def missing_references(cited_text: str, references: Iterable[TemplateReference]) -> list[str]:
    """Return the citations in ``cited_text`` that no reference carries, sorted."""
    carried: set[str] = set()
    for reference in references:
        carried |= reference.carries
    return sorted(citations(cited_text) - carried)
