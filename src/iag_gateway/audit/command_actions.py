"""Record the administration commands run from the shell, as the admin pages record theirs.

Giving a person access to generative AI (a key), taking it back, and certifying their
AI-literacy training (charter art. 9.1) are traced by the audit trail (art. 8.1)
whichever way they are done: the pages write ``admin.key.create``, ``admin.key.revoke``
and ``admin.training.record`` records, and so does the command line, naming the
operating-system account that ran it (``cli:<login>``) as the actor.
"""

from __future__ import annotations

import getpass
import os
from typing import Any

from sqlalchemy.engine import Engine

from iag_gateway.audit.models import AuditEntry
from iag_gateway.audit.store import AuditStore
from iag_gateway.exchange import new_request_id


def record_command(engine: Engine, route: str, extra: dict[str, Any]) -> int:
    """Append one ``outcome=ok`` record of ``route`` done from the shell; return its sequence number.

    Raises what ``AuditStore.append`` raises (the store unavailable: the command fails).
    """
    try:
        login = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry for this uid (some containers)
        login = f"uid-{os.getuid()}"
    entry = AuditEntry(
        request_id=new_request_id(),
        route=route,
        outcome="ok",
        status_code=200,
        user_id=f"cli:{login}",
        extra={"via": "cli", **extra},
    )
    return int(AuditStore(engine).append(entry).seq)
