"""Quota counters in Redis hashes, each reservation one atomic Lua script (``RedisQuotaStore``).

The same ``QuotaStore`` as ``quota_stores.SqlQuotaStore``, for deployments whose workers or
hosts share one Redis (``IAG_REDIS_URL``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, cast

from iag_gateway.errors import ServiceUnavailable
from iag_gateway.policy.quota_stores import QuotaItem, store_refusal, unavailable
from iag_gateway.policy.quota_windows import parse_window

# All counters of one request, all or nothing: returns 0, or the 1-based index of a full one.
_RESERVE_ALL_LUA = """
for i = 1, #KEYS do
  local base = (i - 1) * 3
  local requests = tonumber(redis.call('HGET', KEYS[i], 'requests') or '0')
  local tokens = tonumber(redis.call('HGET', KEYS[i], 'tokens') or '0')
  if ARGV[base + 1] ~= '' and requests >= tonumber(ARGV[base + 1]) then return i end
  if ARGV[base + 2] ~= '' and tokens >= tonumber(ARGV[base + 2]) then return i end
end
for i = 1, #KEYS do
  redis.call('HINCRBY', KEYS[i], 'requests', 1)
  redis.call('EXPIRE', KEYS[i], ARGV[(i - 1) * 3 + 3])
end
return 0
"""

_RESERVE_LUA = """
local requests = tonumber(redis.call('HGET', KEYS[1], 'requests') or '0')
local tokens = tonumber(redis.call('HGET', KEYS[1], 'tokens') or '0')
if ARGV[1] ~= '' and requests >= tonumber(ARGV[1]) then return 0 end
if ARGV[2] ~= '' and tokens >= tonumber(ARGV[2]) then return 0 end
redis.call('HINCRBY', KEYS[1], 'requests', 1)
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1
"""

# Every counter or none: a key that is not a counter (another program's, a wrong type) fails
# the script before any increment (Redis does not undo the writes of a script that fails
# midway). Each key is kept at least one window long if reserve() has not set an expiry yet.
_ADD_TOKENS_LUA = """
for i = 1, #KEYS do
  local kind = redis.call('TYPE', KEYS[i]).ok
  if kind ~= 'hash' and kind ~= 'none' then
    return redis.error_reply('not a quota counter: ' .. KEYS[i])
  end
end
for i = 1, #KEYS do
  redis.call('HINCRBY', KEYS[i], 'tokens', ARGV[(i - 1) * 2 + 1])
  if redis.call('TTL', KEYS[i]) < 0 then redis.call('EXPIRE', KEYS[i], ARGV[(i - 1) * 2 + 2]) end
end
return 1
"""


class RedisQuotaStore:
    """Counters in Redis hashes, checked and incremented by one Lua script (atomic)."""

    def __init__(self, url: str, *, prefix: str = "iag:quota:") -> None:
        import redis  # imported here: Redis is optional and nothing connects before first use
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        # Fail closed quickly when Redis is down: one immediate retry, bounded socket waits
        # (redis-py's default retries with backoff would hold each call for seconds).
        self._client = redis.Redis.from_url(
            url, socket_connect_timeout=2, socket_timeout=5, retry=Retry(NoBackoff(), 1)
        )
        self._prefix = prefix

    def ping(self) -> None:
        import redis

        try:
            self._client.ping()
        except redis.RedisError as exc:
            where = self._client.connection_pool.connection_kwargs
            raise ServiceUnavailable(
                f"Redis ne répond pas sur {where.get('host', '?')}:{where.get('port', '?')} "
                f"({type(exc).__name__}) ; correctif : vérifiez IAG_REDIS_URL."
            ) from exc

    def _key(self, scope: str, window: str) -> str:
        return f"{self._prefix}{scope}|{window}"

    def reserve(
        self, scope: str, window: str, *, request_limit: int | None, token_limit: int | None, now: datetime
    ) -> None:
        import redis

        # A TTL relative to ``now`` (not EXPIREAT) so the key outlives the window whatever
        # the clock offset between this process and Redis.
        ttl = parse_window(window).retry_after(now) + 60
        args = ("" if request_limit is None else request_limit, "" if token_limit is None else token_limit)
        try:
            granted = self._client.eval(_RESERVE_LUA, 1, self._key(scope, window), *args, ttl)
        except redis.RedisError as exc:
            raise unavailable() from exc
        if int(cast(int, granted)) != 1:
            raise store_refusal(window, now)

    def reserve_all(self, items: Sequence[QuotaItem], now: datetime) -> int | None:
        import redis

        keys = [self._key(item.scope, item.window) for item in items]
        args: list[Any] = []
        for item in items:
            # A TTL relative to ``now`` so the key outlives the window whatever the clock offset.
            ttl = parse_window(item.window).retry_after(now) + 60
            args += [
                "" if item.request_limit is None else item.request_limit,
                "" if item.token_limit is None else item.token_limit,
                ttl,
            ]
        try:
            refused = int(cast(int, self._client.eval(_RESERVE_ALL_LUA, len(keys), *keys, *args)))
        except redis.RedisError as exc:
            raise unavailable() from exc
        return refused - 1 if refused else None

    def add_token_counts(self, counts: Mapping[tuple[str, str], int]) -> None:
        """Add every counter's tokens in one script, all or none.

        The token meter writes a batch of finished calls at a time and keeps a refused batch
        for its next write: counter by counter, a failure midway had the counters written
        before it counted twice at the retry.
        """
        import redis

        if not counts:
            return
        keys: list[str] = []
        args: list[int] = []
        for (scope, window), tokens in counts.items():
            parsed = parse_window(window)
            keys.append(self._key(scope, window))
            args += [tokens, int((parsed.end - parsed.start).total_seconds()) + 60]
        try:
            self._client.eval(_ADD_TOKENS_LUA, len(keys), *keys, *args)
        except redis.RedisError as exc:
            raise unavailable() from exc

    def add_tokens(self, scope: str, window: str, tokens: int) -> None:
        self.add_token_counts({(scope, window): tokens})
