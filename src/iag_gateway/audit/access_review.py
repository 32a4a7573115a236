"""The charter's periodic access review: who holds keys, with which roles, used when, trained or not.

The audit trail does not name the key behind a call, only its holder: a key's last
use is its holder's last audited request (any route), found by one index seek per
holder on ``(user_id, created_at)``; the key and training tables are small.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from iag_gateway.audit.models import AUDIT_EVENT_TABLE
from iag_gateway.errors import AuditUnavailable
from iag_gateway.identity.models import API_KEY_TABLE, TRAINING_TABLE


@dataclass(frozen=True)
class HolderReview:
    """One person holding at least one active key."""

    user_id: str
    departments: tuple[str, ...]
    roles: tuple[str, ...]
    active_keys: int
    oldest_key: datetime
    last_activity: datetime | None
    trained: bool

    def idle(self, now: datetime, days: int) -> bool:
        """No audited request for ``days`` days (a key never used counts from its creation)."""
        since = self.last_activity or self.oldest_key
        return now - since >= timedelta(days=days)


def review_access(engine: Engine) -> list[HolderReview]:
    """Every holder of an active key, with roles, last activity and training, by user id."""
    k, t, e = API_KEY_TABLE.c, TRAINING_TABLE.c, AUDIT_EVENT_TABLE.c
    # One index seek per holder on (user_id, created_at), not a pass over the trail.
    last_use = (
        sa.select(sa.func.max(e.created_at))
        .where(e.user_id == k.user_id)
        .correlate(API_KEY_TABLE)
        .scalar_subquery()
    )
    try:
        with engine.connect() as conn:
            keys = list(
                conn.execute(
                    sa.select(k.user_id, k.department, k.roles, k.created_at, last_use.label("last")).where(
                        k.revoked_at.is_(None)
                    )
                )
            )
            holders = sorted({row.user_id for row in keys})
            trained = {r[0] for r in conn.execute(sa.select(t.user_id).where(t.user_id.in_(holders)))}
    except SQLAlchemyError as exc:
        raise AuditUnavailable("Journal d'audit indisponible : il n'a pas pu être lu.") from exc
    by_holder: dict[str, list[Any]] = {}
    for row in keys:
        by_holder.setdefault(row.user_id, []).append(row)
    out = []
    for user in holders:
        own = by_holder[user]
        out.append(
            HolderReview(
                user_id=user,
                departments=tuple(sorted({row.department for row in own})),
                roles=tuple(sorted({role for row in own for role in row.roles})),
                active_keys=len(own),
                oldest_key=min(row.created_at for row in own),
                last_activity=_aware(own[0].last),
                trained=user in trained,
            )
        )
    return out


def _aware(value: object) -> datetime | None:
    """``MAX()`` skips the column type in SQLite: read its text back as a UTC datetime."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
