"""Where quota counters live: the ``quota_usage`` table (SQLite/PostgreSQL); Redis in ``quota_redis``.

A reservation is one atomic conditional increment of every counter of a request:
the count can never pass the limit, however many processes race for the last slot.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import (
    BigInteger,
    Column,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    bindparam,
    select,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError

from iag_gateway.errors import RateLimited, ServiceUnavailable
from iag_gateway.policy.quota_groups import reserve_group
from iag_gateway.policy.quota_windows import parse_window
from iag_gateway.storage.engine import SQLITE_IMMEDIATE, begins_immediate, is_sqlite
from iag_gateway.storage.group_commit import GroupCommit, Job
from iag_gateway.storage.writer_lock import writer_lock

metadata = MetaData()

# Created by the lead's Alembic migration; declared here for queries and tests.
quota_usage = Table(
    "quota_usage",
    metadata,
    Column("scope", String(200), primary_key=True),
    Column("window", String(40), primary_key=True),
    Column("requests", Integer, nullable=False, server_default="0"),
    Column("tokens", BigInteger, nullable=False, server_default="0"),
)


UNAVAILABLE = "Le service de quotas est indisponible."
#: Most requests whose counters are reserved in one transaction (group commit, SQLite).
MAX_GROUP = 64


def unavailable() -> ServiceUnavailable:
    """The store could not be reached or refused to write: 503, nothing counted."""
    return ServiceUnavailable(UNAVAILABLE)


def store_refusal(window: str, now: datetime) -> RateLimited:
    """A full counter of ``window``: 429 with the seconds until the window ends."""
    wait = parse_window(window).retry_after(now)
    return RateLimited(f"Limite d'usage atteinte — réessayez dans {wait} s.", wait)


@dataclass(frozen=True)
class QuotaItem:
    """One counter to increment for a request, with its limits (None: unlimited)."""

    scope: str
    window: str
    request_limit: int | None
    token_limit: int | None


class QuotaStore(Protocol):
    def ping(self) -> None:
        """Raise ``ServiceUnavailable`` naming the store unless it answers now."""
        ...

    def reserve_all(self, items: Sequence[QuotaItem], now: datetime) -> int | None:
        """Count one request in every counter, all or nothing; return the index of the first full one."""

    def add_token_counts(self, counts: Mapping[tuple[str, str], int]) -> None:
        """Add tokens to several ``(scope, window)`` counters in one write (finished requests)."""

    def reserve(
        self, scope: str, window: str, *, request_limit: int | None, token_limit: int | None, now: datetime
    ) -> None:
        """Count one request, atomically, unless a limit is reached (then raise RateLimited)."""

    def add_tokens(self, scope: str, window: str, tokens: int) -> None:
        """Add the tokens a finished request consumed."""


@functools.cache
def _upsert_statement(dialect: str, request_limited: bool, token_limited: bool) -> Any:
    """The upsert of one counter, built once per shape (its values are bound at execution).

    Built once, SQLAlchemy finds its compiled form in its cache at every call instead of
    constructing and hashing a new statement (a reservation writes several counters).
    """
    insert = {"postgresql": pg_insert, "sqlite": sqlite_insert}[dialect]
    statement: Any = insert(quota_usage).values(
        scope=bindparam("scope"),
        window=bindparam("window"),
        requests=bindparam("requests"),
        tokens=bindparam("tokens"),
    )
    conditions = []
    if request_limited:
        conditions.append(quota_usage.c.requests < bindparam("request_limit"))
    if token_limited:
        conditions.append(quota_usage.c.tokens < bindparam("token_limit"))
    return statement.on_conflict_do_update(
        index_elements=[quota_usage.c.scope, quota_usage.c.window],
        set_={
            "requests": quota_usage.c.requests + statement.excluded.requests,
            "tokens": quota_usage.c.tokens + statement.excluded.tokens,
        },
        where=and_(*conditions) if conditions else None,
    ).returning(quota_usage.c.requests)


class SqlQuotaStore:
    """Counters in the ``quota_usage`` table (SQLite or PostgreSQL)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._write_lock = writer_lock(engine)
        # On SQLite every writer of the file takes its turn anyway: concurrent reservations
        # share a transaction (group commit). Not on PostgreSQL, where transactions run side
        # by side: a group would lock several requests' counters in arrival order, and two
        # processes' groups could wait for each other's rows (a deadlock); one request's
        # counters are always locked in the same order (``quotas._counters``).
        self._reservations: GroupCommit[Sequence[QuotaItem]] | None = (
            GroupCommit(self._write_reservations, max_group=MAX_GROUP, interrupted=unavailable)
            if is_sqlite(engine)
            else None
        )
        # Reading the group's counters first is only safe inside a transaction that already
        # holds the write lock; an engine not made by ``make_engine`` keeps one conditional
        # upsert per counter, which checks and counts in one statement.
        self._read_first = begins_immediate(engine)

    def ping(self) -> None:
        try:
            with self._engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except SQLAlchemyError as exc:
            raise ServiceUnavailable(
                "Compteurs de quotas indisponibles : la base de données ne répond pas."
            ) from exc

    @staticmethod
    def _upsert(
        conn: Any,
        scope: str,
        window: str,
        *,
        requests: int,
        tokens: int,
        request_limit: int | None = None,
        token_limit: int | None = None,
    ) -> int:
        """Create the counter or add to it, in one statement; return the rows written (0 or 1).

        With a limit, an existing counter is only incremented while it is below it, so
        the check and the increment are one atomic step on SQLite and PostgreSQL alike.
        """
        statement = _upsert_statement(conn.dialect.name, request_limit is not None, token_limit is not None)
        parameters = {
            "scope": scope,
            "window": window,
            "requests": requests,
            "tokens": tokens,
            "request_limit": request_limit,
            "token_limit": token_limit,
        }
        # RETURNING, not rowcount: psycopg reports no row count for an upsert.
        return len(conn.execute(statement, parameters).all())

    def reserve_all(self, items: Sequence[QuotaItem], now: datetime) -> int | None:
        if not items:
            return None  # nothing to count (and no empty ``VALUES`` for SQLite)
        if self._reservations is None:
            return self._reserve_group_free(items)
        refused: int | None = self._reservations.run(items).result
        return refused

    def _reserve_group_free(self, items: Sequence[QuotaItem]) -> int | None:
        """One request's counters in a transaction of their own (PostgreSQL, see ``__init__``)."""
        try:
            with self._write_lock, self._engine.begin() as conn:
                return self._reserve_in(conn, items)
        except SQLAlchemyError as exc:
            raise unavailable() from exc

    def _write_reservations(self, group: list[Job[Sequence[QuotaItem]]]) -> None:
        """Reserve each job's counters, the whole group in one SQLite transaction.

        ``result``: the index of the request's first full counter, or None. The transaction
        holds the file's write lock from its start (``BEGIN IMMEDIATE``, engines of
        ``make_engine``; others keep one conditional upsert per counter), so the counters read
        first are the current ones: the requests are decided in arrival order against them,
        each taking all its counters or none (``quota_groups``), and the group's increments are
        written as one statement: four statements per group, whatever its size, where one
        conditional upsert per counter (five per request with the shipped charter) made
        twenty or thirty. Measured on one core: a reservation alone costs 0.66 CPU ms instead
        of 0.75 to 1.0, and under 50 concurrent calls on two workers (issue #11) a group of
        four or five requests 2.7 CPU ms instead of 4.4; the group's wall time stays dominated
        by waiting for the file's other writers and for the GIL.
        """
        try:
            with self._write_lock, self._engine.connect() as conn:
                conn.execution_options(**{SQLITE_IMMEDIATE: True})
                with conn.begin():
                    if self._read_first:
                        results = reserve_group(conn, [job.payload for job in group])
                    else:
                        results = [self._reserve_in(conn, job.payload) for job in group]
                    for job, result in zip(group, results, strict=True):
                        job.result = result
        except SQLAlchemyError as exc:
            failure = unavailable()
            failure.__cause__ = exc
            for job in group:
                job.error = failure
            return
        for job in group:
            job.committed = True

    def _reserve_in(self, conn: Any, items: Sequence[QuotaItem]) -> int | None:
        """Count one request in each of its counters on ``conn``; the index of the first full one.

        One conditional upsert per counter (PostgreSQL locks each row as it goes); a request
        refused at its n-th counter gives back the n - 1 it took, in the same transaction.
        """
        for index, item in enumerate(items):
            full = (item.request_limit is not None and item.request_limit < 1) or (
                item.token_limit is not None and item.token_limit < 1
            )
            if full or not self._upsert(
                conn,
                item.scope,
                item.window,
                requests=1,
                tokens=0,
                request_limit=item.request_limit,
                token_limit=item.token_limit,
            ):
                for taken in items[:index]:
                    self._upsert(conn, taken.scope, taken.window, requests=-1, tokens=0)
                return index
        return None

    def reserve(
        self, scope: str, window: str, *, request_limit: int | None, token_limit: int | None, now: datetime
    ) -> None:
        if self.reserve_all([QuotaItem(scope, window, request_limit, token_limit)], now) is not None:
            raise store_refusal(window, now)

    def add_token_counts(self, counts: Mapping[tuple[str, str], int]) -> None:
        try:
            with self._write_lock, self._engine.begin() as conn:
                for (scope, window), tokens in counts.items():
                    self._upsert(conn, scope, window, requests=0, tokens=tokens)
        except SQLAlchemyError as exc:
            raise unavailable() from exc

    def add_tokens(self, scope: str, window: str, tokens: int) -> None:
        self.add_token_counts({(scope, window): tokens})

    def usage(self, scope: str, window: str) -> tuple[int, int]:
        """Requests and tokens counted so far (0, 0 when the window is untouched)."""
        with self._engine.connect() as conn:
            found = conn.execute(
                select(quota_usage.c.requests, quota_usage.c.tokens).where(
                    (quota_usage.c.scope == scope) & (quota_usage.c.window == window)
                )
            ).first()
        return (int(found[0]), int(found[1])) if found else (0, 0)
