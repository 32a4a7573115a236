"""Describe ``limits.yaml``: prompt size, answer length and quotas, in the deployment's time zone."""

from __future__ import annotations

from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import PositiveInt, field_validator, model_validator

from iag_gateway.policy.models.rule import Rule, Strict


class PromptSizeRule(Rule):
    max_chars: PositiveInt


class MaxTokensRule(Rule):
    default: PositiveInt
    cap: PositiveInt

    @model_validator(mode="after")
    def _default_within_cap(self) -> MaxTokensRule:
        if self.default > self.cap:
            raise ValueError("default must not exceed cap")
        return self


class QuotaOverride(Strict):
    requests: PositiveInt | None = None
    tokens: PositiveInt | None = None


class QuotaRule(Rule):
    scope: Literal["user", "department"]
    window: Literal["minute", "day", "month"]
    requests: PositiveInt | None = None
    tokens: PositiveInt | None = None
    by_department: dict[str, QuotaOverride] = {}

    @model_validator(mode="after")
    def _has_limit(self) -> QuotaRule:
        if self.requests is None and self.tokens is None:
            raise ValueError("a quota needs requests or tokens")
        return self

    def limits_for(self, department: str) -> tuple[int | None, int | None]:
        """Request and token limits, with the department's override if any."""
        override = self.by_department.get(department)
        if override is None:
            return self.requests, self.tokens
        return (
            override.requests if override.requests is not None else self.requests,
            override.tokens if override.tokens is not None else self.tokens,
        )


class LimitsFile(Strict):
    timezone: str = "Europe/Paris"
    prompt_size: PromptSizeRule
    max_tokens: MaxTokensRule
    quotas: list[QuotaRule] = []

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown timezone {value!r}") from exc
        if len(value) > 24:  # quota window keys must fit VARCHAR(40)
            raise ValueError("timezone name longer than 24 characters")
        return value
