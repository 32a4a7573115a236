"""Define what every policy file is made of: strict models and rules citing charter articles.

Every model forbids unknown keys and runs in strict mode, so ``approved: "yes"`` is an
error, not ``True``: a policy must fail closed rather than be read generously.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from iag_gateway.policy.models.patterns import RegexPattern

ArticleId = Annotated[str, Field(pattern=r"^art-[0-9]+(\.[0-9]+)*$")]
RuleId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
Alias = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=80)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Rule(Strict):
    """A rule: an id used in audit records and the charter articles it applies."""

    id: RuleId
    articles: list[ArticleId] = Field(min_length=1)
    description: str = ""


class PatternRule(Rule):
    patterns: list[RegexPattern] = Field(min_length=1)
