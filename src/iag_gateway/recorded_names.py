"""The names a call is recorded under: only names the gateway itself knows, never caller text.

A caller writes a call's names — the ``model`` field, the template id in the path — and
may write anything there (« Sophie Martin 06 12 34 56 78 »). Recorded as typed, that text
would be personal data in the hash-chained audit trail, a "model" on the directorate's
dashboard and one more metric series per invented name. So the audit record and the
metric labels take a call's names from here: a model alias of the call's policy
registry, the id of a template of the catalogue, the gateway's own route names, and
``UNKNOWN`` for anything else. Nothing of an unknown name is kept, not even a hash: a
NIR's hash is found again by hashing every possible NIR. The error the caller gets still
names what they sent (it goes back to them only).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from iag_gateway.exchange import Exchange

#: What the trail and the metrics say in place of a name the gateway does not know.
UNKNOWN = "<inconnu>"
#: The recorded route of a run of a draft template (an administrator trying it before
#: approval): apart from ``template``, so that the dashboard and the monthly report never
#: count a trial among a use case's calls.
TRIAL_ROUTE = "template.trial"


def recorded_model(ex: Exchange) -> str | None:
    """The call's model alias if its policy registry lists it, ``UNKNOWN`` if not, ``None`` if none."""
    if not ex.model:
        return None
    if ex.policy is not None and ex.policy.policy.model(ex.model) is not None:
        return ex.model
    return UNKNOWN


def recorded_template(ex: Exchange) -> str | None:
    """The id of the catalogue's template the call named, ``UNKNOWN`` for an id it lacks, or ``None``."""
    if ex.template is not None:
        return ex.template.id
    return UNKNOWN if ex.template_id is not None else None


def recorded_route(ex: Exchange) -> str:
    """``template.trial`` for a run of a draft template, the call's route otherwise."""
    if ex.route == "template" and is_trial(ex):
        return TRIAL_ROUTE
    return ex.route


def is_trial(ex: Exchange) -> bool:
    """Whether the call runs a draft template (served to administrators only, as a trial)."""
    return ex.template is not None and ex.template.status == "draft"
