"""``iag-gateway audit keygen | sign | prove`` and the signed-heads half of ``audit verify``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from iag_gateway.errors import NotFound
from iag_gateway.settings import Settings


def _store(settings: Settings, *, read_only: bool) -> Any:
    """The trail, on a database already at this version's schema: never migrated from here.

    ``prove`` and ``verify --heads`` open it read-only, so checking a forensic copy leaves
    it unchanged; only ``sign`` writes (the signed head it appends).
    """
    from iag_gateway.audit.store import AuditStore
    from iag_gateway.storage.migrate import open_current

    return AuditStore(open_current(settings.database_url, read_only=read_only))


def sign_now(settings: Settings, store: Any) -> Any:
    """Sign the head of ``store``'s trail now (``None`` when no key is configured)."""
    from iag_gateway.audit.heads_config import build_signer
    from iag_gateway.policy.loader import load_policy

    rule = load_policy(settings.policies_dir, settings.charter_dir).policy.audit.signed_heads
    signer = build_signer(settings, store, rule)
    return None if signer is None else signer.sign(force=True)


@click.command("keygen")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True)
def keygen(out: Path) -> None:
    """Create the Ed25519 key that signs tree heads: OUT (private, 0600) and OUT.pub (to publish)."""
    from iag_gateway.audit.signing import write_key_pair

    try:
        key = write_key_pair(out)
    except FileExistsError:
        click.echo(f"error: {out} exists; a signing key is never overwritten", err=True)
        sys.exit(2)
    except OSError as exc:  # no such directory, no permission: nothing was written
        click.echo(f"error: cannot write {out}: {exc.strerror or type(exc).__name__}", err=True)
        sys.exit(2)
    click.echo(f"private key: {out} (set IAG_AUDIT_SIGNING_KEY_FILE; keep it off the database host)")
    click.echo(f"public key:  {out}.pub (publish it with the deployment; key id {key.key_id})")


@click.command("sign")
def sign() -> None:
    """Sign the trail's head now and append it to the heads export."""
    settings = Settings()
    signed = sign_now(settings, _store(settings, read_only=False))
    if signed is None:
        click.echo("error: no signing key (IAG_AUDIT_SIGNING_KEY_FILE)", err=True)
        sys.exit(2)
    click.echo(f"signed head: {signed.head.tree_size} records, root {signed.head.root_hash}")


@click.command("prove")
@click.argument("request_id")
@click.option("--heads", "heads_file", type=click.Path(dir_okay=False, path_type=Path), default=None)
def prove(request_id: str, heads_file: Path | None) -> None:
    """Print the inclusion proof of REQUEST_ID's records against the export's last signed head (JSON).

    Each failure is one line naming what is missing and the command that makes it, with the
    error's exit code (``errors``): 4 no database, export, signed head or covered record;
    2 an unreadable export; 7 an unreadable or out-of-date database; 1 a database that
    does not give the signed root.
    """
    from iag_gateway.audit.heads_config import require_last_head
    from iag_gateway.audit.heads_verify import prove as build_proof
    from iag_gateway.storage.engine import missing_sqlite_file

    settings = Settings()
    missing = missing_sqlite_file(settings.database_url)
    if missing is not None:  # read-only: never create an empty trail to prove nothing in
        raise NotFound(
            f"aucune base d'audit à {missing} (IAG_DATABASE_URL) : `iag-gateway db upgrade` la crée, "
            "`iag-gateway serve` y enregistre les appels"
        )
    if heads_file is None:
        head = require_last_head(settings.audit_heads_file, "IAG_AUDIT_HEADS_FILE")
    else:
        head = require_last_head(heads_file, "--heads")
    proof = build_proof(_store(settings, read_only=True).engine, request_id, head)
    click.echo(json.dumps(proof, indent=2))


def verify_against_heads(heads_file: Path, public_key_file: Path | None) -> None:
    """``audit verify --heads``: exit 0 when every signed head holds, 1 naming the first inconsistency."""
    from iag_gateway.audit.heads_config import public_key, read_heads
    from iag_gateway.audit.heads_verify import verify_heads
    from iag_gateway.policy.loader import load_policy

    settings = Settings()
    key = public_key(settings, public_key_file)
    days = load_policy(settings.policies_dir, settings.charter_dir).policy.audit.retention.metadata_days
    report = verify_heads(
        _store(settings, read_only=True).engine, read_heads(heads_file), key, metadata_days=days
    )
    if not report.ok:
        click.echo(f"audit trail INCONSISTENT: {report.problem}", err=True)
        sys.exit(1)
    last = report.last
    covered = f"last signed head {last.head.tree_size} records at {last.head.timestamp}" if last else "none"
    click.echo(
        f"audit trail consistent with {report.heads_checked} signed heads ({report.records} records; "
        f"{covered}; {report.unsigned} not yet signed)"
    )
