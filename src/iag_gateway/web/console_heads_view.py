"""How the console shows signed heads: the last one, its age, and the result of « vérifier ».

The check is ``heads_verify.verify_heads`` over the deployment's heads export with
the published key, exactly what ``iag-gateway audit verify --heads`` runs.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from iag_gateway.audit.heads_config import last_head, public_key, read_heads
from iag_gateway.audit.heads_verify import HeadsReport, verify_heads
from iag_gateway.errors import ConfigError
from iag_gateway.services import Services
from iag_gateway.web.french_format import grouped, paris_time

#: Why signed heads are neither shown nor checked: the deployment has no signing key.
NOT_CONFIGURED = (
    "Les têtes signées ne sont pas configurées sur cette passerelle : elles demandent une clé de "
    "signature, donnée par IAG_AUDIT_SIGNING_KEY_FILE (créée par « iag-gateway audit keygen »). "
    "Sans elle, seule la chaîne d'empreintes du journal est vérifiable."
)
#: ``verify_heads``'s reasons (English) in French, most specific first.
HEADS_REASONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"hash chain broken at record (\d+)"), "chaîne rompue à l'enregistrement n° {0}"),
    (
        re.compile(r"on line (\d+) is not signed by the published key"),
        "la tête n° {0} n'est pas signée par la clé publiée (falsifiée)",
    ),
    (re.compile(r"on line (\d+) goes back"), "la tête n° {0} revient en arrière (ancienne tête rejouée)"),
    (
        re.compile(r"on line (\d+) covers (\d+) records but the database holds (\d+)"),
        "la tête n° {0} couvre {1} enregistrements, la base n'en contient que {2} (troncature ou effacement)",
    ),
    (re.compile(r"on line (\d+)"), "la tête n° {0} ne correspond plus aux enregistrements (réécriture)"),
    (re.compile(r"record (\d+) is neither in the trail"), "l'enregistrement n° {0} a disparu sans purge"),
    (
        re.compile(r"not justified by an audit.purge"),
        "un point de purge n'est justifié par aucune purge tracée",
    ),
    (re.compile(r"database head #(\d+)"), "la tête n° {0} de la base ne correspond pas à l'export"),
    (re.compile(r"the database's heads stop"), "des têtes signées ont été retirées de la base"),
)


def heads_reason(problem: str) -> str:
    for pattern, french in HEADS_REASONS:
        if (match := pattern.search(problem)) is not None:
            return french.format(*match.groups())
    return "incohérence"


def age_text(timestamp: str, now: datetime | None = None) -> str:
    """« il y a 3 min » from a head's ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` timestamp."""
    signed_at = datetime.strptime(timestamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    seconds = max(0, int(((now or datetime.now(UTC)) - signed_at).total_seconds()))
    for unit, size in (("j", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"il y a {seconds // size} {unit}"
    return f"il y a {seconds} s"


def signed_head_view(services: Services) -> dict[str, Any]:
    """The export's last head, for the page (``configured`` false when the deployment signs nothing)."""
    if services.heads is None:
        return {"configured": False, "message": NOT_CONFIGURED}
    try:
        head = last_head(read_heads(services.settings.audit_heads_file))
    except ConfigError:
        head = None
    if head is None:
        return {"configured": True, "missing": True}
    signed_at = datetime.strptime(head.head.timestamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return {
        "configured": True,
        "missing": False,
        "size": grouped(head.head.tree_size),
        "root_prefix": head.head.root_hash[:16],
        "root": head.head.root_hash,
        "at": paris_time(signed_at),
        "age": age_text(head.head.timestamp),
        "key_id": head.key_id,
    }


def run_check(services: Services) -> HeadsReport:
    """What ``audit verify --heads`` runs, on the deployment's export and key."""
    settings = services.settings
    lines = read_heads(settings.audit_heads_file)
    days = services.policies.current.policy.audit.retention.metadata_days
    return verify_heads(services.audit.engine, lines, public_key(settings), metadata_days=days)


def report_view(report: HeadsReport) -> dict[str, Any]:
    if report.ok:
        records, unsigned = grouped(report.records), grouped(report.unsigned)
        message = (
            f"Têtes signées : journal cohérent avec {report.heads_checked} tête(s) signée(s) "
            f"({records} enregistrements, {unsigned} pas encore signés)"
        )
    else:
        message = f"Têtes signées : journal incohérent : {heads_reason(report.problem or '')}"
    return {"ok": report.ok, "message": message, "detail": report.problem}
