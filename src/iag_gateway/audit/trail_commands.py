"""``iag-gateway audit export | purge``: the trail for auditors, and retention (policy ``audit.retention``).

Registered on the ``audit`` group by ``cli``, which wraps each in its error-to-exit-code mapping.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from iag_gateway.audit.commands import sign_now
from iag_gateway.settings import Settings


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="jsonl", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--since", type=click.DateTime(), default=None)
@click.option("--until", type=click.DateTime(), default=None)
@click.option("--user", default=None)
@click.option("--department", default=None)
def export(
    fmt: str, output: Path | None, since: Any, until: Any, user: str | None, department: str | None
) -> None:
    """Export audit records (no personal data) as CSV or JSON lines."""
    from iag_gateway.audit.export import export as write_export
    from iag_gateway.audit.filters import AuditFilter
    from iag_gateway.audit.store import AuditStore
    from iag_gateway.storage.migrate import open_current  # alembic: imported when a command runs

    store = AuditStore(open_current(Settings().database_url, read_only=True))
    filters = AuditFilter(since=since, until=until, user_id=user, department=department)
    if output is None:
        count = write_export(store, fmt, sys.stdout, filters)
    else:
        with output.open("w", encoding="utf-8", newline="") as out:
            count = write_export(store, fmt, out, filters)
    click.echo(f"exported {count} records", err=True)


def _fold_after_purge(settings: Settings) -> None:
    """Rebuild the dashboard roll-up's purged days now, so purged users' ids leave it at once.

    The fold runs as the gateway's role (``database_url``), which may rebuild roll-up
    days; the purge role gets no right on the roll-up. If the fold fails, the roll-up
    stays marked stale (its ``purged_through_seq`` is behind the new checkpoint): the
    dashboard reads the records live until its next fold, which drops them.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from iag_gateway.audit.rollup import fold
    from iag_gateway.storage.migrate import open_current

    engine = open_current(settings.database_url)
    try:
        folded = fold(engine)
    except SQLAlchemyError as exc:
        click.echo(
            f"note: dashboard roll-up not folded ({exc.__class__.__name__}); "
            "it reads the records live until its next fold",
            err=True,
        )
        return
    finally:
        engine.dispose()
    if folded is not None:
        click.echo(f"dashboard roll-up folded: {folded.days} days rebuilt")


@click.command("purge")
@click.option("--dry-run", is_flag=True, help="Count what would be purged; change nothing.")
def purge(dry_run: bool) -> None:
    """Apply the policy's retention: clear old redacted texts, delete old records behind a checkpoint."""
    from iag_gateway.audit.store import AuditStore
    from iag_gateway.policy.loader import load_policy
    from iag_gateway.storage.migrate import open_current
    from iag_gateway.storage.types import utc_now

    settings = Settings()
    loaded = load_policy(settings.policies_dir, settings.charter_dir)
    rule = loaded.policy.meta.audit.retention
    if rule.digests_days < rule.metadata_days:
        click.echo(
            "note: digests are kept as long as the metadata (the hash chain commits to them)", err=True
        )
    now = utc_now()
    metadata_before, text_before = rule.cutoff("metadata", now), rule.cutoff("redacted_text", now)

    # On PostgreSQL the gateway's role cannot delete: retention runs as iag_audit_purge.
    store = AuditStore(open_current(settings.audit_purge_database_url or settings.database_url))
    report = store.purge(
        metadata_before=metadata_before,
        text_before=text_before,
        dry_run=dry_run,
        reason=f"{rule.id} (policy {loaded.version})",
    )
    verb = "would delete" if dry_run else "deleted"
    through = "" if report.purged_through_seq is None else f", through seq={report.purged_through_seq}"
    click.echo(
        f"{verb} {report.records_deleted} records created before {metadata_before:%Y-%m-%d %H:%M}Z{through}"
    )
    verb = "would clear" if dry_run else "cleared"
    click.echo(
        f"{verb} the texts of {report.texts_cleared} records created before {text_before:%Y-%m-%d %H:%M}Z"
    )
    if report.records_deleted and not dry_run:
        _fold_after_purge(settings)
    if report.audit_seq is not None:
        click.echo(f"purge recorded as seq={report.audit_seq}")
        signed = sign_now(settings, store)  # a purge is covered by a signed head at once
        if signed is not None:
            click.echo(f"signed head: {signed.head.tree_size} records")
