"""Human review acknowledgement, linked to the call in the audit trail."""

from __future__ import annotations

from typing import Any

from iag_gateway.audit.models import AuditEntry
from iag_gateway.errors import InvalidField
from iag_gateway.identity.keys import Identity
from iag_gateway.services import Services

STATEMENT = "J'ai relu et je prends la responsabilité de ce texte"


def acknowledge(services: Services, identity: Identity, ref: Any, request_id: str) -> int:
    """Append a ``review.ack`` record pointing at one of the caller's own successful calls; return its seq.

    ``request_id`` is the acknowledging request's own (the one its answer and log line carry).
    Raises ``InvalidField`` when ``ref`` is not one of the caller's successful calls.
    """
    if not isinstance(ref, str) or not ref.startswith("req_"):
        raise InvalidField("request_id", "doit être l'identifiant (req_…) d'un de vos appels")
    calls = services.audit.get(ref)
    if not any(c.user_id == identity.user_id and c.outcome == "ok" for c in calls):
        raise InvalidField("request_id", "aucun de vos appels réussis ne porte cet identifiant")
    entry = AuditEntry(
        request_id=request_id,
        route="review.ack",
        outcome="ok",
        status_code=200,
        user_id=identity.user_id,
        department=identity.department,
        roles=sorted(identity.roles),
        ref_request_id=ref,
        extra={"statement": STATEMENT},
    )
    return int(services.audit.append(entry).seq)
