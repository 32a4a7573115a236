"""Record a person's feedback on one of their own answers, pseudonymised and audited.

The comment goes through the same personal-data engine as prompts before it is kept:
the table holds placeholders (« <PERSON_1> »), never the names typed. The audit trail
gets one ``feedback`` record pointing at the call (``ref_request_id``), with the
verdict, the minutes and the masked counts, but not the comment.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from iag_gateway.audit.models import AuditEntry
from iag_gateway.errors import AuditUnavailable, InvalidField
from iag_gateway.exchange import new_request_id
from iag_gateway.feedback.models import FEEDBACK_TABLE, MAX_COMMENT, MAX_MINUTES_SAVED
from iag_gateway.identity.keys import Identity
from iag_gateway.pii.pseudonymizer import Pseudonymizer
from iag_gateway.services import Services
from iag_gateway.storage.types import utc_now

FEEDBACK_ROUTE = "feedback"
#: Routes whose answers may receive feedback.
ANSWER_ROUTES = frozenset({"chat", "template"})


@dataclass(frozen=True)
class FeedbackInput:
    """What the caller sends: the call's request id, the verdict, and the optional extras."""

    request_id: str
    useful: bool
    comment: str | None = None
    minutes_saved: int | None = None

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> FeedbackInput:
        """Validate a JSON body; raise ``InvalidField`` naming the bad field."""
        ref = body.get("request_id")
        if not isinstance(ref, str) or not ref.startswith("req_") or len(ref) > 100:
            raise InvalidField("request_id", "doit être l'identifiant (req_…) d'un de vos appels")
        useful = body.get("useful")
        if not isinstance(useful, bool):
            raise InvalidField("useful", "doit valoir true (utile) ou false (pas utile)")
        comment = body.get("comment")
        if comment is not None and not isinstance(comment, str):
            raise InvalidField("comment", "doit être une chaîne")
        if comment is not None and len(comment) > MAX_COMMENT:
            raise InvalidField("comment", f"doit tenir en {MAX_COMMENT} caractères au plus")
        minutes = body.get("minutes_saved")
        if minutes is not None and (
            isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 <= minutes <= MAX_MINUTES_SAVED
        ):
            raise InvalidField(
                "minutes_saved", f"doit être un nombre entier de minutes, de 0 à {MAX_MINUTES_SAVED}"
            )
        return cls(ref, useful, (comment or "").strip() or None, minutes)


def record_feedback(services: Services, identity: Identity, given: FeedbackInput) -> int:
    """Store the feedback and its audit record; return the audit ``seq``.

    Raises ``InvalidField`` when the call is not one of the caller's own answered calls
    or already has feedback, ``AuditUnavailable`` when the store is down.
    """
    calls = services.audit.get(given.request_id)
    call = next(
        (
            c
            for c in calls
            if c.request_id == given.request_id
            and c.user_id == identity.user_id
            and c.outcome == "ok"
            and c.route in ANSWER_ROUTES
        ),
        None,
    )
    if call is None:
        raise InvalidField(
            "request_id", "aucun de vos appels ayant reçu une réponse ne porte cet identifiant"
        )
    if any(c.route == FEEDBACK_ROUTE for c in calls):
        raise InvalidField("request_id", "un avis a déjà été donné pour cet appel")
    comment, counts = None, {}
    if given.comment:
        pseudonymizer = Pseudonymizer(services.pii)
        comment = pseudonymizer.redact(given.comment)
        counts = pseudonymizer.counts
    row = {
        "created_at": utc_now(),
        "request_id": given.request_id,
        "user_id": identity.user_id,
        "department": call.department,
        "template_id": call.template_id,
        "model_alias": call.model_alias,
        "useful": given.useful,
        "comment": comment,
        "comment_pii_counts": counts,
        "minutes_saved": given.minutes_saved,
    }
    try:
        with services.audit.engine.begin() as conn:
            conn.execute(sa.insert(FEEDBACK_TABLE), row)
    except IntegrityError as exc:
        raise InvalidField("request_id", "un avis a déjà été donné pour cet appel") from exc
    except SQLAlchemyError as exc:
        raise AuditUnavailable("Registre des avis indisponible : l'avis n'a pas été enregistré.") from exc
    entry = AuditEntry(
        request_id=new_request_id(),
        route=FEEDBACK_ROUTE,
        outcome="ok",
        status_code=200,
        user_id=identity.user_id,
        department=identity.department,
        roles=sorted(identity.roles),
        template_id=call.template_id,
        model_alias=call.model_alias,
        ref_request_id=given.request_id,
        extra={"useful": given.useful, "minutes_saved": given.minutes_saved, "comment_pii_counts": counts},
    )
    return int(services.audit.append(entry).seq)
