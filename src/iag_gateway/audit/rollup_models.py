"""The daily roll-up's tables: per Paris day, the dashboard's sums by department, template and model.

Derived data, rebuilt from the audit trail at will (``rollup.fold``); never evidence.
``audit_rollup_state`` says how far the trail is folded (``through_seq``) and which
retention checkpoint the folded days reflect (``purged_through_seq``). Dimensions may be
NULL (free chat has no template), so the tables have no key: a day is always deleted
and rebuilt whole. ``audit_rollup_user`` is the set of (day, dimensions, user) seen,
from which distinct users over any period are counted (they cannot be summed per day),
kept at several grains: the dimensions a grain drops are NULL, so the count for a
filter and a breakdown reads the narrowest set that keeps their dimensions (``grain_for``).
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlmodel import SQLModel

from iag_gateway.storage.types import UtcDateTime

#: The cube dimensions; a user grain is a bit mask over them (1: department, 2: template, 4: model).
DIMS = ("department", "template_id", "model_alias")
#: The grains stored, narrowest first. (Template and model, 6, would hardly be smaller than all three:
#: a user's calls have one department.) 7 is the full set, the others are derived from it.
USER_GRAINS = (0, 1, 2, 4, 3, 5, 7)
FULL_GRAIN = 7


def grain_for(dims: Iterable[str]) -> int:
    """The narrowest stored grain keeping ``dims`` (those filtered on and grouped by)."""
    mask = sum(1 << DIMS.index(d) for d in set(dims))
    return next(g for g in USER_GRAINS if g & mask == mask)


def grain_keeps(grain: int, dim: str) -> bool:
    return bool(grain & (1 << DIMS.index(dim)))


def _day() -> sa.Column[str]:
    return sa.Column("day", sa.String(10), nullable=False)  # Paris-local "2026-03-29"


def _dims() -> list[sa.Column[str]]:
    return [sa.Column(name, sa.String(), nullable=True) for name in DIMS]


def _count(name: str) -> sa.Column[int]:
    return sa.Column(name, sa.BigInteger(), nullable=False)


ROLLUP_STATE_TABLE = sa.Table(
    "audit_rollup_state",
    SQLModel.metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
    sa.Column("through_seq", sa.BigInteger(), nullable=False),
    sa.Column("purged_through_seq", sa.BigInteger(), nullable=False),
    sa.Column("folded_at", UtcDateTime(), nullable=True),
)
ROLLUP_CALL_TABLE = sa.Table(
    "audit_rollup_call",
    SQLModel.metadata,
    _day(),
    *_dims(),
    *(
        _count(name)
        for name in (
            "calls",
            "ok",
            "denied",
            "prompt_tokens",
            "completion_tokens",
            "ok_prompt_tokens",
            "ok_completion_tokens",
        )
    ),
    sa.Index("ix_audit_rollup_call_day", "day"),
)
ROLLUP_USER_TABLE = sa.Table(
    "audit_rollup_user",
    SQLModel.metadata,
    _day(),
    *_dims(),
    sa.Column("user_id", sa.String(), nullable=False),
    sa.Column("grain", sa.SmallInteger(), nullable=False),
    sa.Index("ix_audit_rollup_user_day", "grain", "day", *DIMS, "user_id"),
)
ROLLUP_RULE_TABLE = sa.Table(
    "audit_rollup_rule",
    SQLModel.metadata,
    _day(),
    *_dims(),
    sa.Column("rule_id", sa.String(), nullable=True),
    sa.Column("effect", sa.String(), nullable=True),
    sa.Column("message", sa.String(), nullable=True),  # reroutes only
    sa.Column("article", sa.String(), nullable=True),
    _count("firings"),
    sa.Index("ix_audit_rollup_rule_day", "day"),
)
ROLLUP_PII_TABLE = sa.Table(
    "audit_rollup_pii",
    SQLModel.metadata,
    _day(),
    *_dims(),
    sa.Column("pii_type", sa.String(), nullable=True),
    _count("records"),
    _count("total"),
    sa.Index("ix_audit_rollup_pii_day", "day"),
)
ROLLUP_REVIEW_TABLE = sa.Table(
    "audit_rollup_review",
    SQLModel.metadata,
    _day(),
    *_dims(),
    _count("acknowledged"),
    sa.Column("delay_sum_s", sa.Float(), nullable=False),
    sa.Column("delay_max_s", sa.Float(), nullable=False),
    sa.Index("ix_audit_rollup_review_day", "day"),
)
#: The tables holding folded days (the state apart).
ROLLUP_DAY_TABLES: tuple[sa.Table, ...] = (
    ROLLUP_CALL_TABLE,
    ROLLUP_USER_TABLE,
    ROLLUP_RULE_TABLE,
    ROLLUP_PII_TABLE,
    ROLLUP_REVIEW_TABLE,
)
