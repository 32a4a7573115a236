"""A group commit's quota reservations on SQLite: one read, a decision per request, one write.

``SqlQuotaStore`` writes the reservations of concurrent requests in one transaction that
holds the file's write lock from its start (``BEGIN IMMEDIATE``). The counters they name
are read once, each request is decided in arrival order against them (``_grant``: the same
test as the conditional upsert of ``quota_stores`` and the Redis script), and the
increments of the granted ones are written as one statement.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from iag_gateway.policy.quota_stores import QuotaItem

# The two statements of a group's reservation on SQLite, as the driver's SQL, one per size:
# SQLAlchemy compiles a many-row ``VALUES`` again at every execution (it has no cache key for
# one), which cost more than the write itself. Only ``?`` placeholders are put in the text.
_COUNTERS = 'SELECT scope, "window", requests, tokens FROM quota_usage WHERE (scope, "window") IN (VALUES {})'
_ADD_REQUESTS = (
    'INSERT INTO quota_usage (scope, "window", requests, tokens) VALUES {} '
    'ON CONFLICT (scope, "window") DO UPDATE SET requests = quota_usage.requests + excluded.requests'
)


@functools.lru_cache(maxsize=64)
def _read_counters_sql(counters: int) -> str:
    """The ``(scope, window, requests, tokens)`` rows of ``counters`` counters, by key (SQLite)."""
    return _COUNTERS.format(", ".join(["(?, ?)"] * counters))


@functools.lru_cache(maxsize=64)
def _add_requests_sql(counters: int) -> str:
    """Add requests to ``counters`` counters in one statement, creating the missing ones (SQLite)."""
    return _ADD_REQUESTS.format(", ".join(["(?, ?, ?, 0)"] * counters))


def _grant(
    items: Sequence[QuotaItem],
    counts: dict[tuple[str, str], tuple[int, int]],
    added: Counter[tuple[str, str]],
) -> int | None:
    """Count one request in each of its counters unless one is full; the index of the first full one.

    ``counts``: ``(requests, tokens)`` per ``(scope, window)`` as the transaction sees them,
    absent when the counter does not exist yet; updated, with ``added``, for the requests
    granted. A counter is full when its requests or its tokens have reached their limit
    (the same test as the conditional upsert and the Redis script). A refused request
    takes nothing.
    """
    taken: list[tuple[str, str]] = []
    for index, item in enumerate(items):
        key = (item.scope, item.window)
        requests, tokens = counts.get(key, (0, 0))
        if (item.request_limit is not None and requests >= item.request_limit) or (
            item.token_limit is not None and tokens >= item.token_limit
        ):
            for earlier in taken:
                counts[earlier] = (counts[earlier][0] - 1, counts[earlier][1])
                added[earlier] -= 1
            return index
        counts[key] = (requests + 1, tokens)
        added[key] += 1
        taken.append(key)
    return None


def reserve_group(conn: Any, requests: Sequence[Sequence[QuotaItem]]) -> list[int | None]:
    """Decide ``requests`` in order on ``conn`` (SQLite, write lock held); each one's first full counter.

    One read of every counter they name, ``_grant`` for each request, one write of the
    increments.
    """
    keys = list(dict.fromkeys((item.scope, item.window) for items in requests for item in items))
    read = conn.exec_driver_sql(_read_counters_sql(len(keys)), tuple(part for key in keys for part in key))
    counts = {(scope, window): (int(r), int(t)) for scope, window, r, t in read}
    added: Counter[tuple[str, str]] = Counter()
    results = [_grant(items, counts, added) for items in requests]
    rows = [(scope, window, count) for (scope, window), count in added.items() if count]
    if rows:
        conn.exec_driver_sql(_add_requests_sql(len(rows)), tuple(part for row in rows for part in row))
    return results
