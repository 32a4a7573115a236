"""Issue, check and revoke API keys; record who completed AI-literacy training.

A key reads ``iag_<key_id>_<secret>``: ``key_id`` (12 alphanumerics) finds the
row, ``secret`` (``secrets.token_urlsafe(32)``, 256 bits) proves possession.
Only ``HMAC-SHA256(salt, secret)`` with a per-key random salt is stored. A fast
hash is deliberate: the secret is random and long, so brute force is hopeless
whatever the hash costs, and a fast one keeps authentication well under 1 ms.
Comparisons use ``hmac.compare_digest``, also against a dummy hash when the key
id is unknown, so response times do not tell whether a key id exists.
"""

from __future__ import annotations

import builtins
import hashlib
import hmac
import re
import secrets
import string
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from iag_gateway.errors import AuditUnavailable
from iag_gateway.identity.models import API_KEY_TABLE, TRAINING_TABLE, ApiKeyInfo
from iag_gateway.identity.roles import ROLES, shared_admin_name
from iag_gateway.storage.types import utc_now

PREFIX = "iag_"
KEY_ID_LENGTH = 12
_KEY_ID_ALPHABET = string.ascii_letters + string.digits
_TOKEN_RE = re.compile(r"iag_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{32,128})")
_DUMMY_SALT = "00" * 16
_DUMMY_HASH = "ff" * 32


# Built once: SQLAlchemy then finds its compiled form by the statement's memoised cache
# key, where a statement built per call cost about 0.2 ms of CPU on every authentication.
_KEY_ROW = (
    sa.select(API_KEY_TABLE, TRAINING_TABLE.c.user_id.is_not(None).label("trained"))
    .select_from(API_KEY_TABLE.outerjoin(TRAINING_TABLE, TRAINING_TABLE.c.user_id == API_KEY_TABLE.c.user_id))
    .where(API_KEY_TABLE.c.key_id == sa.bindparam("key_id"))
)


@dataclass(frozen=True)
class Identity:
    """The authenticated caller, as later stages see it."""

    key_id: str
    user_id: str
    department: str
    roles: frozenset[str]
    trained: bool


def parse_token(token: str) -> tuple[str, str] | None:
    """Split ``iag_<key_id>_<secret>`` into ``(key_id, secret)``; ``None`` if malformed."""
    match = _TOKEN_RE.fullmatch(token)
    return (match.group(1), match.group(2)) if match else None


def hash_secret(salt_hex: str, secret: str) -> str:
    """Return ``HMAC-SHA256(salt, secret)`` as hex."""
    return hmac.new(bytes.fromhex(salt_hex), secret.encode("ascii"), hashlib.sha256).hexdigest()


class KeyStore:
    """API keys and training records in the database behind ``engine``."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def create(
        self,
        *,
        user_id: str,
        department: str,
        roles: Iterable[str],
        label: str = "",
        expires_at: datetime | None = None,
    ) -> tuple[ApiKeyInfo, str]:
        """Issue a key (expiring at ``expires_at`` if given, UTC-aware); return its summary
        and the plaintext token, which is never stored."""
        role_set = frozenset(roles)
        unknown = role_set - ROLES
        if unknown:
            raise ValueError(f"unknown role(s) {sorted(unknown)}; expected a subset of {sorted(ROLES)}")
        if not user_id.strip() or not department.strip():
            raise ValueError("a key needs a user_id and a department")
        if shared_admin_name(user_id, role_set):
            raise ValueError(f"an administrator key needs the person's own user id, not {user_id!r}")
        key_id = "".join(secrets.choice(_KEY_ID_ALPHABET) for _ in range(KEY_ID_LENGTH))
        secret = secrets.token_urlsafe(32)
        salt = secrets.token_hex(16)
        if expires_at is not None and expires_at <= utc_now():
            raise ValueError("a key's expiry must lie in the future")
        info = ApiKeyInfo(key_id, user_id, department, role_set, label, utc_now(), None, expires_at)
        row = {
            "key_id": key_id,
            "user_id": user_id,
            "department": department,
            "roles": sorted(role_set),
            "label": label,
            "salt": salt,
            "secret_hash": hash_secret(salt, secret),
            "created_at": info.created_at,
            "revoked_at": None,
            "expires_at": expires_at,
        }
        with _transaction(self._engine) as conn:
            conn.execute(sa.insert(API_KEY_TABLE), row)
        return info, f"{PREFIX}{key_id}_{secret}"

    def authenticate(self, token: str) -> Identity | None:
        """Return the caller behind ``token``, or ``None`` if it is malformed, unknown or revoked."""
        parsed = parse_token(token)
        if parsed is None:
            return None
        key_id, secret = parsed
        row = self._row(key_id)
        if row is None:
            hmac.compare_digest(hash_secret(_DUMMY_SALT, secret), _DUMMY_HASH)
            return None
        if not hmac.compare_digest(hash_secret(row["salt"], secret), row["secret_hash"]):
            return None
        return _identity(row)

    def identity(self, key_id: str) -> Identity | None:
        """Return the holder of a still-active key by its id, or ``None`` if unknown or revoked.

        No secret is checked: this is for callers that already proved possession once and
        kept only the key id (the signed web session), and must notice a revocation at once.
        """
        row = self._row(key_id)
        return None if row is None else _identity(row)

    def _row(self, key_id: str) -> sa.RowMapping | None:
        """The key's row with its holder's training flag (one query)."""
        try:
            with self._engine.connect() as conn:
                return conn.execute(_KEY_ROW, {"key_id": key_id}).mappings().one_or_none()
        except SQLAlchemyError as exc:
            raise AuditUnavailable(
                "Registre des clés indisponible : la requête n'a pas été transmise."
            ) from exc

    def list(self) -> builtins.list[ApiKeyInfo]:
        """Return every key, revoked ones included, oldest first (never the hash)."""
        stmt = sa.select(API_KEY_TABLE).order_by(API_KEY_TABLE.c.created_at, API_KEY_TABLE.c.key_id)
        with _transaction(self._engine) as conn:
            return [_info(row) for row in conn.execute(stmt).mappings()]

    def list_for(self, user_id: str) -> builtins.list[ApiKeyInfo]:
        """Return one user's keys, revoked and expired ones included, newest first."""
        stmt = (
            sa.select(API_KEY_TABLE)
            .where(API_KEY_TABLE.c.user_id == user_id)
            .order_by(API_KEY_TABLE.c.created_at.desc())
        )
        with _transaction(self._engine) as conn:
            return [_info(row) for row in conn.execute(stmt).mappings()]

    def info(self, key_id: str) -> ApiKeyInfo | None:
        """Return one key's summary (never its hash), or ``None``."""
        stmt = sa.select(API_KEY_TABLE).where(API_KEY_TABLE.c.key_id == key_id)
        with _transaction(self._engine) as conn:
            row = conn.execute(stmt).mappings().one_or_none()
        return None if row is None else _info(row)

    def revoke(self, key_id: str) -> bool:
        """Revoke a key; ``False`` if it does not exist or was already revoked."""
        stmt = (
            sa.update(API_KEY_TABLE)
            .where(API_KEY_TABLE.c.key_id == key_id, API_KEY_TABLE.c.revoked_at.is_(None))
            .values(revoked_at=utc_now())
        )
        with _transaction(self._engine) as conn:
            return conn.execute(stmt).rowcount > 0

    def record_training(self, user_id: str, course: str, completed_on: date) -> None:
        """Record (or replace) the user's completed training."""
        values = {"user_id": user_id, "course": course, "completed_on": completed_on}
        with _transaction(self._engine) as conn:
            insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
            stmt = insert(TRAINING_TABLE).values(values)
            stmt = stmt.on_conflict_do_update(
                index_elements=[TRAINING_TABLE.c.user_id],
                set_={"course": stmt.excluded.course, "completed_on": stmt.excluded.completed_on},
            )
            conn.execute(stmt)

    def trainings(self) -> builtins.list[tuple[str, str, date]]:
        """Every training record as ``(user_id, course, completed_on)``, by user id."""
        stmt = sa.select(TRAINING_TABLE).order_by(TRAINING_TABLE.c.user_id)
        with _transaction(self._engine) as conn:
            return [(str(r.user_id), str(r.course), r.completed_on) for r in conn.execute(stmt)]

    def training(self, user_id: str) -> tuple[str, date] | None:
        """Return ``(course, completed_on)`` for the user, or ``None`` if untrained."""
        stmt = sa.select(TRAINING_TABLE.c.course, TRAINING_TABLE.c.completed_on).where(
            TRAINING_TABLE.c.user_id == user_id
        )
        with _transaction(self._engine) as conn:
            row = conn.execute(stmt).one_or_none()
        return None if row is None else (str(row.course), row.completed_on)


@contextmanager
def _transaction(engine: Engine) -> Iterator[sa.Connection]:
    """Run a transaction, turning database failures into ``AuditUnavailable`` (the gateway answers 503)."""
    try:
        with engine.begin() as conn:
            yield conn
    except SQLAlchemyError as exc:
        raise AuditUnavailable("Registre des clés indisponible : la requête n'a pas été transmise.") from exc


def _info(row: Any) -> ApiKeyInfo:
    return ApiKeyInfo(
        key_id=row["key_id"],
        user_id=row["user_id"],
        department=row["department"],
        roles=frozenset(row["roles"]),
        label=row["label"],
        created_at=row["created_at"],
        revoked_at=row["revoked_at"],
        expires_at=row["expires_at"],
    )


def _identity(row: sa.RowMapping) -> Identity | None:
    """The identity of an active key's row; ``None`` once revoked or expired."""
    if row["revoked_at"] is not None:
        return None
    if row["expires_at"] is not None and row["expires_at"] <= utc_now():
        return None
    return Identity(
        key_id=row["key_id"],
        user_id=row["user_id"],
        department=row["department"],
        roles=frozenset(row["roles"]),
        trained=bool(row["trained"]),
    )
