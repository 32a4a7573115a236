"""The few SQL expressions that differ between SQLite and PostgreSQL, for the aggregates.

JSON lists and objects in audit records (``rules``, ``articles``, ``pii_counts``) are
unnested in SQL (``json_each`` in SQLite, ``json_array_elements``/``json_each_text`` in
PostgreSQL) so that counting by article, rule or data type stays a ``GROUP BY``. Local
days are Europe/Paris days: PostgreSQL converts with ``timezone()``; SQLite, which knows
no time zones, shifts each timestamp by the offset in force at that instant (the
offset's changes within the period are computed here, from the IANA data).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from iag_gateway.storage.types import UtcDateTime

PARIS = ZoneInfo("Europe/Paris")
#: Bucket formats: (SQLite strftime, PostgreSQL to_char).
BUCKETS = {"day": ("%Y-%m-%d", "YYYY-MM-DD"), "month": ("%Y-%m", "YYYY-MM")}


def offset_changes(since: datetime, until: datetime) -> list[tuple[datetime, int]]:
    """Paris UTC offsets (hours) in force over ``[since, until)``: ``[(from_instant, hours), …]``."""
    changes: list[tuple[datetime, int]] = []
    instant = since.replace(minute=0, second=0, microsecond=0)
    while instant < until:
        offset = _hours(instant)
        if not changes or changes[-1][1] != offset:
            changes.append((max(instant, since), offset))
        instant += timedelta(hours=1)
    return changes or [(since, _hours(since))]


def _hours(instant: datetime) -> int:
    delta = instant.astimezone(PARIS).utcoffset()
    return int(delta.total_seconds() // 3600) if delta else 0


@dataclass(frozen=True)
class SqlDialect:
    """Builds dialect-specific expressions for one engine."""

    sqlite: bool

    @classmethod
    def of(cls, engine: Engine) -> SqlDialect:
        return cls(engine.dialect.name == "sqlite")

    def local_bucket(
        self, column: sa.ColumnElement[Any], since: datetime, until: datetime, bucket: str
    ) -> sa.ColumnElement[str]:
        """The Paris-local day (``2026-03-29``) or month (``2026-03``) of a UTC timestamp column."""
        sqlite_format, pg_format = BUCKETS[bucket]
        if not self.sqlite:
            return sa.func.to_char(sa.func.timezone("Europe/Paris", column), pg_format)
        changes = offset_changes(since, until)
        shift: sa.ColumnElement[Any] = sa.literal(f"+{changes[-1][1]} hours")
        if len(changes) > 1:
            whens = [
                (column < sa.literal(start, UtcDateTime()), sa.literal(f"+{hours} hours"))
                for (start, _), (_, hours) in zip(changes[1:], changes[:-1], strict=True)
            ]
            shift = sa.case(*whens, else_=shift)
        return sa.func.strftime(sqlite_format, column, shift)

    def seconds_between(self, later: sa.ColumnElement[Any], earlier: sa.ColumnElement[Any]) -> Any:
        """``later - earlier`` in seconds (float)."""
        if self.sqlite:
            return (sa.func.julianday(later) - sa.func.julianday(earlier)) * 86400.0
        return sa.extract("epoch", later - earlier)

    def list_items(self, column: Any, name: str) -> Any:
        """A table-valued unnesting of a JSON list column, aliased ``name``, with a ``value`` column."""
        fn = sa.func.json_each if self.sqlite else sa.func.json_array_elements
        return fn(column).table_valued("value", name=name)

    def nested_list_items(self, item: Any, key: str, name: str) -> Any:
        """Unnest the JSON list at ``item[key]`` (a list inside each element) as text values."""
        if self.sqlite:
            return sa.func.json_each(item, f"$.{key}").table_valued("value", name=name)
        return sa.func.json_array_elements_text(item.op("->")(key)).table_valued("value", name=name)

    def text_list_items(self, column: Any, name: str) -> Any:
        """Unnest a JSON list of strings as text values."""
        fn = sa.func.json_each if self.sqlite else sa.func.json_array_elements_text
        return fn(column).table_valued("value", name=name)

    def object_items(self, column: Any, name: str) -> Any:
        """Unnest a JSON object column as ``key`` / ``value`` (value as text in PostgreSQL)."""
        fn = sa.func.json_each if self.sqlite else sa.func.json_each_text
        return fn(column).table_valued("key", "value", name=name)

    def field(self, item: Any, key: str) -> Any:
        """The text of ``item[key]`` for a JSON object element."""
        if self.sqlite:
            return sa.func.json_extract(item, f"$.{key}")
        return item.op("->>")(key)
