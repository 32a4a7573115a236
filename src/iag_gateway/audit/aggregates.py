"""The directorate's figures, each one SQL ``GROUP BY`` over the daily roll-up and the live tail.

Python never walks the records: every figure is one aggregate query
(``aggregate_queries.py``) over a cube (the roll-up's stored rows for the period's days,
``UNION ALL`` the same cube computed from the records not folded yet, see
``rollup.py``), for the dashboard's filters (``aggregate_scope.Scope``). This module opens
the snapshot all of a page's queries run in, so stored rows and tail never overlap.
``rollup=False`` (or a period not made of whole Paris days) computes the cubes from the
records alone: the same figures, slower. Calls are the records of the ``chat`` and
``template`` routes that carry a final outcome (an in-flight ``started`` event, if any,
is not a call); the console's own readings, acknowledgements and feedback are counted
where they belong, not as calls.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from iag_gateway.audit import aggregate_queries as queries
from iag_gateway.audit.aggregate_queries import Reading
from iag_gateway.audit.aggregate_rows import (
    Aggregates,
    CountRow,
    Cube,
    FeedbackRow,
    Firings,
    ReviewRow,
    SeriesPoint,
    Totals,
)
from iag_gateway.audit.aggregate_scope import E, Scope
from iag_gateway.audit.filters import CALL_ROUTES, FINAL_OUTCOMES
from iag_gateway.audit.models import AUDIT_EVENT_TABLE
from iag_gateway.audit.rollup import fold_quietly, no_jit, purged_through, read_state
from iag_gateway.audit.rollup_cubes import Cubes, unindexed
from iag_gateway.audit.sql_dialect import SqlDialect
from iag_gateway.errors import AuditUnavailable
from iag_gateway.identity.models import API_KEY_TABLE


class AuditAggregates:
    """Aggregate queries over one audit store's engine (the roll-up's stored days plus the live tail)."""

    def __init__(self, engine: Engine, *, rollup: bool = True) -> None:
        self._engine = engine
        self._sql = SqlDialect.of(engine)
        self._rollup = rollup

    @contextmanager
    def reading(self, scope: Scope) -> Iterator[Reading]:
        """Open one snapshot (``REPEATABLE READ`` in PostgreSQL, one transaction in SQLite) for ``scope``."""
        try:
            with self._engine.connect() as conn:
                if not self._sql.sqlite:
                    conn.execution_options(isolation_level="REPEATABLE READ")
                no_jit(conn)
                yield Reading(conn, scope, self._cubes(conn, scope))
        except SQLAlchemyError as exc:
            raise AuditUnavailable("Journal d'audit indisponible : il n'a pas pu être lu.") from exc

    def _cubes(self, conn: Connection, scope: Scope) -> Cubes:
        days = scope.days() if self._rollup else None
        late = None
        if days is not None:
            through, purged = read_state(conn)
            late = through if purged_through(conn) == purged else None  # a purge not folded yet: all live
        day = self._sql.local_bucket(E.created_at, scope.since, scope.until, "day")
        if late is None:
            return Cubes(self._sql, day, scope.calls(), lambda _table: [], None, [])
        # The tail is read by ``seq``, and folded calls acknowledged late from their acknowledgements.
        created_at = unindexed(self._sql, E.created_at)
        calls = [*scope.time_range(created_at), *scope.dims(AUDIT_EVENT_TABLE)]
        calls += [E.route.in_(CALL_ROUTES), E.outcome.in_(FINAL_OUTCOMES)]
        first, end = days or ("", "")

        def stored(table: sa.Table) -> list[sa.ColumnElement[bool]]:
            return [table.c.day >= first, table.c.day < end, *scope.dims(table)]

        folded = [*calls, unindexed(self._sql, E.seq) <= late]
        return Cubes(self._sql, day, [E.seq > late, *calls], stored, late, folded)

    def refresh(self) -> None:
        """Fold the trail first when its unfolded tail is long (the figures are exact either way)."""
        if self._rollup:
            fold_quietly(self._engine)

    def all(self, scope: Scope, publishable: tuple[str, ...]) -> Aggregates:
        """Run every aggregate of the dashboard for ``scope`` (``publishable``: templates to review)."""
        self.refresh()
        with self.reading(scope) as r:
            cube = queries.cube_rows(r)
            users = queries.distinct_users(r)
            fired = queries.firings(r)
            series = queries.series(r, users["bucket"])
            return Aggregates(
                totals=queries.totals(cube, users["all"].get(None, 0)),
                series=[
                    dataclasses.replace(p, flagged=fired.flags_by_bucket.get(p.bucket, 0)) for p in series
                ],
                by_template=queries.usage_by(cube, 1, users["template_id"]),
                by_model=queries.usage_by(cube, 2, users["model_alias"]),
                by_department=queries.usage_by(cube, 0, users["department"]),
                rules=fired.rules,
                pii=queries.pii(r),
                reroutes=fired.reroutes,
                reviews=queries.reviews(r, cube, publishable),
                feedback=queries.feedback(r),
                tokens_by_model=queries.tokens_by(cube, 2),
                tokens_by_department=queries.tokens_by(cube, 0),
                tokens_by_template=queries.tokens_by(cube, 1),
            )

    def totals(self, scope: Scope) -> Totals:
        with self.reading(scope) as r:
            return queries.totals(
                queries.cube_rows(r), queries.distinct_users(r, ("all",))["all"].get(None, 0)
            )

    def series(self, scope: Scope) -> list[SeriesPoint]:
        """Calls, distinct users and departments, and refusals per Paris day or month."""
        with self.reading(scope) as r:
            return queries.series(r, queries.distinct_users(r, ("bucket",))["bucket"])

    def tokens(self, scope: Scope) -> list[tuple[str | None, str | None, str | None, int, int, int]]:
        """Answered calls and tokens per (department, template, model): what cost and energy use."""
        with self.reading(scope) as r:
            return [
                (c.department, c.template_id, c.model_alias, c.ok, c.ok_prompt_tokens, c.ok_completion_tokens)
                for c in queries.cube_rows(r)
                if c.ok
            ]

    def firings(self, scope: Scope) -> Firings:
        with self.reading(scope) as r:
            return queries.firings(r)

    def pii(self, scope: Scope) -> list[CountRow]:
        with self.reading(scope) as r:
            return queries.pii(r)

    def reviews(self, scope: Scope, publishable: tuple[str, ...]) -> list[ReviewRow]:
        with self.reading(scope) as r:
            return queries.reviews(r, queries.cube_rows(r), publishable)

    def feedback(self, scope: Scope) -> list[FeedbackRow]:
        with self.reading(scope) as r:
            return queries.feedback(r)

    def users_by(self, scope: Scope, *keys: str) -> dict[tuple[Any, ...], int]:
        """Distinct users per combination of cube columns (the monthly report: department, template)."""
        with self.reading(scope) as r:
            return queries.users_by(r, keys)

    def cube(self, scope: Scope) -> list[Cube]:
        """The calls' sums per (department, template, model), see ``Cube``."""
        with self.reading(scope) as r:
            return queries.cube_rows(r)

    def options(self) -> dict[str, list[str]]:
        """The filters' choices: departments of key holders, templates and models seen in calls.

        Departments come from the (small) key table; templates and models from the
        indexes' distinct values would need a scan, so the caller adds the catalogue's
        templates and the registry's models.
        """
        k = API_KEY_TABLE.c
        try:
            with self._engine.connect() as conn:
                rows = list(
                    conn.execute(sa.select(k.department).group_by(k.department).order_by(k.department))
                )
        except SQLAlchemyError as exc:
            raise AuditUnavailable("Journal d'audit indisponible : il n'a pas pu être lu.") from exc
        return {"department": [str(r[0]) for r in rows]}
