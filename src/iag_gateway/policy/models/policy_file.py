"""Describe ``policy.yaml``: the policy's version, training, transparency, audit and projects."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

from pydantic import Field, PositiveInt

from iag_gateway.policy.models.rule import ArticleId, Rule, Strict
from iag_gateway.policy.models.scales import Route


class TrainingRule(Rule):
    url: str = Field(min_length=1)


class LabelRule(Rule):
    append_mention: bool
    mention: str = Field(min_length=1)
    headers: dict[str, str] = {}


class ReviewRule(Rule):
    routes: dict[Route, bool]
    template_domains: dict[str, bool] = {}


class RetentionRule(Rule):
    metadata_days: PositiveInt
    digests_days: PositiveInt
    redacted_text_days: PositiveInt

    def cutoff(self, part: Literal["metadata", "digests", "redacted_text"], now: datetime) -> datetime:
        """Records of ``part`` older than this instant must be purged."""
        days = {"metadata": self.metadata_days, "digests": self.digests_days}.get(
            part, self.redacted_text_days
        )
        return now - timedelta(days=days)


class SignedHeadsRule(Rule):
    """How often the gateway signs its trail's head (and always at shutdown)."""

    every_records: PositiveInt = 1000
    every_seconds: PositiveInt = 60


class ProjectsRule(Rule):
    """How long « Mes projets » keeps an author's generations before purging them."""

    retention_days: PositiveInt = 30

    def cutoff(self, now: datetime) -> datetime:
        """Projects written before this instant must be purged."""
        return now - timedelta(days=self.retention_days)


class AuditSettings(Strict):
    store_redacted_text: bool
    retention: RetentionRule
    signed_heads: SignedHeadsRule | None = None


class Transparency(Strict):
    label: LabelRule
    review: ReviewRule


class PolicyFile(Strict):
    version: str = Field(min_length=1, max_length=64)
    training: TrainingRule
    transparency: Transparency
    audit: AuditSettings
    projects: ProjectsRule | None = None
    not_enforced_by_design: dict[ArticleId, str] = {}
