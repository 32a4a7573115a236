"""The ``iag-gateway`` command line: serve, keys, audit, policy, pii."""

from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from iag_gateway.exit_on_error import exits_on_error, not_blank
from iag_gateway.identity.roles import ROLES, shared_admin_name
from iag_gateway.settings import Settings

#: The AI-literacy course (charter art. 9.1) that ``--trained`` and ``training record`` record.
TRAINING_COURSE = "formation-ia-generative"


def _engine(settings: Settings, url: str | None = None, *, read_only: bool = False) -> Any:
    """An engine on a database already at this version's schema (``storage.migrate.open_current``)."""
    from iag_gateway.storage.migrate import open_current

    return open_current(url or settings.database_url, read_only=read_only)


@click.group()
def main() -> None:
    """Governed generative-AI gateway of the CHU (charter, personal data, audit)."""


@main.command()
@click.option("--host", default=None, help="Interface to bind (default IAG_HOST or 127.0.0.1).")
@click.option(
    "--port",
    default=None,
    type=click.IntRange(0, 65535),
    help="Port (default IAG_PORT or 8000; 0: any free port).",
)
@click.option(
    "--workers",
    default=None,
    type=click.IntRange(1, 64),
    help="Worker processes (default IAG_WORKERS, else the cores plus one).",
)
@exits_on_error
def serve(host: str | None, port: int | None, workers: int | None) -> None:
    """Start the gateway (migrates the database first); « listening » once it answers."""
    from iag_gateway.logs import configure_logging
    from iag_gateway.serving import default_workers, run

    settings = Settings()
    configure_logging(settings.effective_log_format, settings.log_level)
    count = workers or settings.workers or default_workers()
    run(settings, host or settings.host, settings.port if port is None else port, count)


@main.group()
def db() -> None:
    """Database schema."""


@db.command("upgrade")
@exits_on_error
def db_upgrade() -> None:
    """Create or migrate the database schema (Alembic, to head)."""
    from iag_gateway.storage.engine import make_engine
    from iag_gateway.storage.migrate import upgrade, upgrade_summary

    logging.getLogger("alembic").setLevel(logging.WARNING)
    engine = make_engine(Settings().database_url)
    try:
        before, after = upgrade(engine)
    finally:
        engine.dispose()
    click.echo(upgrade_summary(before, after))


def _nominative(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    """The first administrator's own id: not empty, not a shared account name (charter: nominative access)."""
    user_id = value.strip()
    if not user_id or shared_admin_name(user_id, ["admin"]):
        raise click.BadParameter(
            "give the first administrator's own user id (e.g. jdupont), not a shared account name"
        )
    return user_id


@db.command("check")
@exits_on_error
def db_check() -> None:
    """Exit 0 if the schema is at this version's head, 7 otherwise (never migrates; read-only)."""
    _engine(Settings(), read_only=True).dispose()
    click.echo("database schema is current")


@main.command()
@click.option(
    "--admin-user",
    prompt="Identifiant nominatif du premier administrateur (ex. jdupont)",
    callback=_nominative,
    help="The first administrator's own user id (nominative: no shared 'admin').",
)
@click.option("--department", default="direction-data-ia", show_default=True)
@exits_on_error
def bootstrap(admin_user: str, department: str) -> None:
    """On first run (no key yet) create and print the first administrator's key."""
    from iag_gateway.audit.command_actions import record_command
    from iag_gateway.identity.keys import KeyStore

    engine = _engine(Settings())
    keys = KeyStore(engine)
    if keys.list():
        click.echo("keys already exist; create more with: iag-gateway keys create ...")
        return
    info, plaintext = keys.create(
        user_id=admin_user, department=department, roles=["admin"], label="first admin"
    )
    keys.record_training(admin_user, "bootstrap", date.today())
    record_command(
        engine,
        "admin.key.create",
        {"target_user": admin_user, "key_id": info.key_id, "roles": ["admin"], "bootstrap": True},
    )
    click.echo(f"First admin key for {admin_user} (shown once; store it safely):")
    click.echo(plaintext)


@main.group()
def keys() -> None:
    """API keys: create (shown once), list, revoke."""


@keys.command("create")
@click.option("--user", "user_id", required=True, callback=not_blank)
@click.option("--department", required=True, callback=not_blank, help="Service / pôle / direction.")
@click.option(
    "--role",
    "roles",
    multiple=True,
    required=True,
    type=click.Choice(sorted(ROLES)),
)
@click.option("--label", default="")
@click.option(
    "--trained/--not-trained", default=False, help="Also record the AI-literacy training for this user."
)
@click.option("--expires-days", type=click.IntRange(1, 3650), default=None, help="Validity in days.")
@exits_on_error
def keys_create(
    user_id: str, department: str, roles: tuple[str, ...], label: str, trained: bool, expires_days: int | None
) -> None:
    """Create a key; the key itself is printed alone on the last line."""
    from datetime import timedelta

    from iag_gateway.audit.command_actions import record_command
    from iag_gateway.identity.keys import KeyStore
    from iag_gateway.storage.types import utc_now

    if shared_admin_name(user_id, roles):
        raise click.BadParameter(
            "an administrator key names its holder (e.g. jdupont), not a shared account",
            param_hint="'--user'",
        )
    engine = _engine(Settings())
    store = KeyStore(engine)
    expires_at = utc_now() + timedelta(days=expires_days) if expires_days else None
    info, plaintext = store.create(
        user_id=user_id, department=department, roles=roles, label=label, expires_at=expires_at
    )
    record_command(
        engine,
        "admin.key.create",
        {
            "target_user": user_id,
            "key_id": info.key_id,
            "roles": sorted(roles),
            "expires_at": expires_at.isoformat() if expires_at else None,
        },
    )
    if trained:
        today = date.today()
        store.record_training(user_id, TRAINING_COURSE, today)
        record_command(
            engine,
            "admin.training.record",
            {"target_user": user_id, "course": TRAINING_COURSE, "completed_on": today.isoformat()},
        )
    click.echo(f"created key {info.key_id} for {user_id} ({department}; {', '.join(sorted(roles))})")
    click.echo(plaintext)


@keys.command("list")
@exits_on_error
def keys_list() -> None:
    """List keys (never the secret)."""
    from iag_gateway.identity.keys import KeyStore

    for info in KeyStore(_engine(Settings(), read_only=True)).list():
        state = f"revoked {info.revoked_at:%Y-%m-%d}" if info.revoked_at else "active"
        if info.revoked_at is None and info.expires_at is not None:
            state = f"{'expired' if info.expired else 'expires'} {info.expires_at:%Y-%m-%d}"
        click.echo(
            f"{info.key_id}\t{info.user_id}\t{info.department}\t{','.join(sorted(info.roles))}\t{state}"
        )


@keys.command("revoke")
@click.argument("key_id")
@exits_on_error
def keys_revoke(key_id: str) -> None:
    """Revoke a key by its id (the part after ``iag_``)."""
    from iag_gateway.audit.command_actions import record_command
    from iag_gateway.identity.keys import KeyStore

    engine = _engine(Settings())
    store = KeyStore(engine)
    info = store.info(key_id)
    if not store.revoke(key_id):
        click.echo(f"no active key {key_id}", err=True)
        sys.exit(4)
    record_command(
        engine,
        "admin.key.revoke",
        {"target_user": info.user_id if info else None, "key_id": key_id, "changed": True},
    )
    click.echo(f"revoked {key_id}")


@main.group()
def training() -> None:
    """AI-literacy training records (required before access, charter)."""


@training.command("record")
@click.option("--user", "user_id", required=True, callback=not_blank)
@click.option("--course", default=TRAINING_COURSE, show_default=True)
@click.option("--on", "completed_on", type=click.DateTime(["%Y-%m-%d"]), default=None)
@exits_on_error
def training_record(user_id: str, course: str, completed_on: Any) -> None:
    """Record that a user completed the AI-literacy training."""
    from iag_gateway.audit.command_actions import record_command
    from iag_gateway.identity.keys import KeyStore

    day = completed_on.date() if completed_on else date.today()
    engine = _engine(Settings())
    KeyStore(engine).record_training(user_id, course, day)
    record_command(
        engine,
        "admin.training.record",
        {"target_user": user_id, "course": course, "completed_on": day.isoformat()},
    )
    click.echo(f"training recorded for {user_id} ({course}, {day})")


@main.group()
def audit() -> None:
    """The audit trail: verify the chain, export for auditors, purge by retention."""


@audit.command("verify")
@click.option(
    "--heads",
    "heads_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also check every signed head of this export (signature, consistency, database).",
)
@click.option("--public-key", type=click.Path(dir_okay=False, path_type=Path), default=None)
@exits_on_error
def audit_verify(heads_file: Path | None, public_key: Path | None) -> None:
    """Exit 0 if the hash chain is intact; otherwise name the first bad record."""
    from iag_gateway.audit.chain import verify
    from iag_gateway.storage.engine import missing_sqlite_file

    settings = Settings()
    missing = missing_sqlite_file(settings.database_url)
    if missing is not None:  # never create an empty trail and call it intact
        click.echo(f"error: no audit database at {missing}", err=True)
        sys.exit(4)
    if heads_file is not None:
        from iag_gateway.audit.commands import verify_against_heads

        verify_against_heads(heads_file, public_key)
        return
    result = verify(_engine(settings, read_only=True))
    if result.ok:
        click.echo(f"audit chain intact ({result.checked} records)")
        if result.incomplete:
            click.echo(f"{result.incomplete} call(s) sent to a provider never completed (no final record)")
        return
    click.echo(f"audit chain BROKEN at record seq={result.first_bad_seq}: {result.reason}", err=True)
    sys.exit(1)


def _add_audit_commands() -> None:
    from iag_gateway.audit.commands import keygen, prove, sign
    from iag_gateway.audit.trail_commands import export, purge

    for command in (export, purge, keygen, sign, prove):
        assert command.callback is not None
        command.callback = exits_on_error(command.callback)
        audit.add_command(command)


_add_audit_commands()


@main.group()
def policy() -> None:
    """Charter policies: check and explain."""


@policy.command("check")
@click.option("--policies", "policies_dir", type=click.Path(file_okay=False, path_type=Path), default=None)
@click.option("--charter", "charter_dir", type=click.Path(file_okay=False, path_type=Path), default=None)
@exits_on_error
def policy_check(policies_dir: Path | None, charter_dir: Path | None) -> None:
    """Validate the policies against the charter; list articles without a rule."""
    from iag_gateway.policy.loader import check

    settings = Settings()
    report = check(policies_dir or settings.policies_dir, charter_dir or settings.charter_dir)
    click.echo(report.render())
    if not report.ok or report.loaded is None:
        sys.exit(2)
    from iag_gateway.policy.template_models import check_templates_resolve
    from iag_gateway.prompts.catalogue import TemplateCatalogue
    from iag_gateway.providers.config import load_provider_config

    templates = TemplateCatalogue.load(settings.templates_dir)
    check_templates_resolve(templates.all(), report.loaded.policy, load_provider_config(settings.config))
    click.echo(f"every approved template resolves to a configured model ({settings.config})")


@policy.command("explain")
@click.option("--key", "key", default=None, help="Explain for the holder of this API key.")
@click.option("--role", "roles", multiple=True, type=click.Choice(sorted(ROLES)))
@click.option("--department", default="unknown")
@click.option("--trained/--not-trained", default=True)
@click.option("--model", required=True)
@click.option("--template", "template_id", default=None)
@click.option("--prompt", default="", help="Prompt text (analysed for personal data, never stored).")
@exits_on_error
def policy_explain(
    key: str | None,
    roles: tuple[str, ...],
    department: str,
    trained: bool,
    model: str,
    template_id: str | None,
    prompt: str,
) -> None:
    """Dry-run the policy decision for a caller, a model, a template and a prompt."""
    from iag_gateway.explain import explain_cli

    click.echo(
        explain_cli(
            Settings(),
            key=key,
            roles=roles,
            department=department,
            trained=trained,
            model=model,
            template_id=template_id,
            prompt=prompt,
        )
    )


@main.group()
def pii() -> None:
    """Personal-data detection."""


@pii.command("scan")
@click.argument("input_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@exits_on_error
def pii_scan(input_path: Path) -> None:
    """Read the evaluation corpus format, write predicted spans as JSON lines."""
    from iag_gateway.pii.engine import PiiEngine
    from iag_gateway.pii.evaluation import scan_jsonl

    settings = Settings()
    engine = PiiEngine.build(model=settings.pii_model, allow_list_files=settings.pii_allow_lists)
    with input_path.open(encoding="utf-8") as lines:
        count = scan_jsonl(engine, lines, sys.stdout, source=str(input_path))
    click.echo(f"scanned {count} records", err=True)


if __name__ == "__main__":
    main()
