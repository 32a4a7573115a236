"""Build the signer and find the keys from the settings (``IAG_AUDIT_*``): for the app, CLI and console."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from iag_gateway.audit.heads import HeadSigner, HeadSink, JsonlHeadSink, SigningSchedule, SyslogHeadSink
from iag_gateway.audit.signing import HeadKey, SignedHead, load_public_key
from iag_gateway.audit.store import AuditStore
from iag_gateway.errors import ConfigError, NotFound
from iag_gateway.policy.models import SignedHeadsRule
from iag_gateway.settings import Settings


def load_head_key(settings: Settings) -> HeadKey | None:
    """The signing key from ``IAG_AUDIT_SIGNING_KEY`` or ``IAG_AUDIT_SIGNING_KEY_FILE``; ``None`` if neither.

    Raises ``ConfigError`` when the key is unreadable or not Ed25519.
    """
    if settings.audit_signing_key is not None:
        pem = settings.audit_signing_key.get_secret_value().encode("ascii")
        return HeadKey.from_pem(pem, "IAG_AUDIT_SIGNING_KEY")
    path = settings.audit_signing_key_file
    if path is None:
        return None
    try:
        pem = path.read_bytes()
    except OSError as exc:
        raise ConfigError(str(path), f"the audit signing key cannot be read ({exc.strerror})") from exc
    return HeadKey.from_pem(pem, str(path))


def public_key(settings: Settings, path: Path | None = None) -> Ed25519PublicKey:
    """The published key: ``path``, else ``IAG_AUDIT_PUBLIC_KEY_FILE``, else the signing key's own.

    Raises ``ConfigError`` when none is available.
    """
    path = path or settings.audit_public_key_file
    if path is not None:
        return load_public_key(path)
    key = load_head_key(settings)
    if key is None:
        raise ConfigError("IAG_AUDIT_PUBLIC_KEY_FILE", "no audit public key: pass --public-key")
    return key.public_key


def build_signer(settings: Settings, store: AuditStore, rule: SignedHeadsRule | None) -> HeadSigner | None:
    """A signer attached to ``store`` when a key is configured (sinks: the JSONL export, syslog)."""
    key = load_head_key(settings)
    if key is None:
        return None
    sinks: list[HeadSink] = [JsonlHeadSink(settings.audit_heads_file)]
    if settings.audit_heads_syslog:
        sinks.append(SyslogHeadSink(settings.audit_heads_syslog))
    schedule = SigningSchedule(rule.every_records, rule.every_seconds) if rule else SigningSchedule()
    return HeadSigner(store, key, sinks, schedule)


#: What writes signed heads, for the messages that find none (French: they reach operators as errors).
SIGNING_COMMANDS = (
    "`iag-gateway audit sign` en signe une maintenant (avec IAG_AUDIT_SIGNING_KEY_FILE), "
    "et `iag-gateway serve` en signe au fil des appels quand une clé de signature est configurée"
)


def read_heads(path: Path) -> list[str]:
    """The export's lines; raise ``ConfigError`` when the file cannot be read (saying why)."""
    try:
        return path.read_text(encoding="ascii").splitlines()
    except OSError as exc:
        raise ConfigError(str(path), f"the signed heads export cannot be read ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(str(path), "the signed heads export is not ASCII JSON lines") from exc


def require_last_head(path: Path, named_by: str) -> SignedHead:
    """The last head of the export at ``path`` (named by the setting or option ``named_by``).

    Raises ``NotFound`` when there is no such file or it holds no signed head yet (naming
    the commands that write one), ``ConfigError`` when it cannot be read.
    """
    if not path.exists():
        raise NotFound(f"aucun export de têtes signées à {path.absolute()} ({named_by}) : {SIGNING_COMMANDS}")
    head = last_head(read_heads(path))
    if head is None:
        raise NotFound(
            f"l'export de têtes signées {path.absolute()} ({named_by}) ne contient encore aucune tête "
            f"signée : {SIGNING_COMMANDS}"
        )
    return head


def last_head(lines: list[str]) -> SignedHead | None:
    """The last well-formed head of an export (not checked: ``verify_heads`` does that)."""
    for line in reversed(lines):
        try:
            return SignedHead.from_json(line)
        except ValueError:
            continue
    return None
