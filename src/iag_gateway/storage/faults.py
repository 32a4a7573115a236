"""Storage failures that say why in French, for the caller's 503 (issue #10).

They are ``SQLAlchemyError`` subclasses, so every store keeps translating them as it
translates any database failure (``AuditUnavailable``, quota counters unavailable…),
and ``ServiceUnavailable`` adds their ``reason_fr`` to the message it sends.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

# SQLite result codes (https://www.sqlite.org/rescode.html).
SQLITE_FULL = 13
SQLITE_IOERR_SHMSIZE = 10 | (19 << 8)

#: ``/readyz`` reports not ready below this much free space beside a SQLite database.
MIN_FREE_BYTES = 1 << 20


class StorageFault(SQLAlchemyError):
    """A database failure whose cause is known and can be told to the caller."""

    def __init__(self, reason_fr: str) -> None:
        super().__init__(reason_fr)
        #: Why, in French.
        self.reason_fr = reason_fr


class DiskFull(StorageFault):
    """The disk holding the SQLite database (or its WAL or shared-memory file) is full."""


def from_sqlite_error(error: BaseException) -> StorageFault | None:
    """The ``StorageFault`` a sqlite3 error stands for, ``None`` when it is not one of ours."""
    code = getattr(error, "sqlite_errorcode", None)
    if code == SQLITE_FULL:
        return DiskFull("disque de la base de données plein")
    if code == SQLITE_IOERR_SHMSIZE:
        return DiskFull("disque de la base de données plein (mémoire partagée SQLite impossible à agrandir)")
    return None


def check_free_space(database: Path, minimum: int = MIN_FREE_BYTES) -> None:
    """Raise ``DiskFull`` when less than ``minimum`` bytes are free beside ``database``."""
    free = shutil.disk_usage(database.parent).free
    if free < minimum:
        raise DiskFull(f"disque de la base de données presque plein ({free} octets libres)")
