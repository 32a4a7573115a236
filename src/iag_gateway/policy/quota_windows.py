"""Quota windows (minute, day, month) in the policy's time zone, named by their own end.

A window key such as ``day:2025-06-02@Europe/Paris`` says when it ends, so any
process can compute Retry-After from the key alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Window:
    kind: str  # "minute" | "day" | "month"
    label: str  # local start: 2025-06-02T10:05, 2025-06-02, 2025-06
    tz: str
    start: datetime
    end: datetime

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.label}@{self.tz}"

    def retry_after(self, now: datetime) -> int:
        return max(1, math.ceil((self.end - _aware(now)).total_seconds()))


def _aware(now: datetime) -> datetime:
    return now if now.tzinfo is not None else now.replace(tzinfo=UTC)


def _next_month(day: date) -> date:
    return date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)


def window_for(kind: str, now: datetime, tz: str) -> Window:
    """The window of ``kind`` containing ``now``, in the hospital's local time."""
    zone = ZoneInfo(tz)
    local = _aware(now).astimezone(zone)
    if kind == "minute":
        start = local.replace(second=0, microsecond=0)
        return Window(kind, start.strftime("%Y-%m-%dT%H:%M"), tz, start, start + timedelta(minutes=1))
    if kind == "day":
        start = datetime.combine(local.date(), time(), tzinfo=zone)
        end = datetime.combine(local.date() + timedelta(days=1), time(), tzinfo=zone)
        return Window(kind, local.strftime("%Y-%m-%d"), tz, start, end)
    if kind == "month":
        first = local.date().replace(day=1)
        start = datetime.combine(first, time(), tzinfo=zone)
        end = datetime.combine(_next_month(first), time(), tzinfo=zone)
        return Window(kind, local.strftime("%Y-%m"), tz, start, end)
    raise ValueError(f"unknown window kind {kind!r}")


def parse_window(key: str) -> Window:
    """Rebuild a window from its key (the inverse of ``Window.key``)."""
    kind, _, rest = key.partition(":")
    label, _, tz = rest.rpartition("@")
    formats = {"minute": "%Y-%m-%dT%H:%M", "day": "%Y-%m-%d", "month": "%Y-%m"}
    if kind not in formats or not tz:
        raise ValueError(f"malformed window key {key!r}")
    local = datetime.strptime(label, formats[kind]).replace(tzinfo=ZoneInfo(tz))
    return window_for(kind, local, tz)
