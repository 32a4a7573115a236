"""The access review as the dashboard shows it: holders, roles, last use, training, idle keys."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from iag_gateway.audit.access_review import HolderReview
from iag_gateway.storage.types import utc_now
from iag_gateway.web.french_format import paris_time


def access_view(holders: list[HolderReview], idle_days: int, now: datetime | None = None) -> dict[str, Any]:
    """Counts and one row per holder of an active key, idle or untrained first."""
    now = now or utc_now()
    rows = []
    for h in holders:
        idle = h.idle(now, idle_days)
        rows.append(
            {
                "user": h.user_id,
                "departments": ", ".join(h.departments),
                "roles": ", ".join(h.roles),
                "key_count": h.active_keys,
                "last": paris_time(h.last_activity) if h.last_activity else "jamais",
                "idle": idle,
                "trained": h.trained,
            }
        )
    rows.sort(key=lambda r: (not r["idle"] and r["trained"], r["user"]))
    return {
        "rows": rows,
        "idle": sum(1 for r in rows if r["idle"]),
        "idle_keys": sum(r["key_count"] for r in rows if r["idle"]),
        "untrained": sum(1 for r in rows if not r["trained"]),
        "holders": len(rows),
    }
