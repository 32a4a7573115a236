"""How the console shows the trail's hash chain: its head and the result of the check, in French.

The check is ``chain.verify``; its reasons are English sentences, translated here by
pattern, most specific first (an unknown one is shown as written).
"""

from __future__ import annotations

import re
from typing import Any

from iag_gateway.audit.chain import VerifyResult
from iag_gateway.web.french_format import grouped

#: The chain check's reasons (``chain.py``, English) in French, most specific first.
CHAIN_REASONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"record (\d+) is missing \(next is (\d+)\)"),
        "l'enregistrement n° {0} manque (le suivant est le n° {1})",
    ),
    (
        re.compile(r"record (\d+) does not point to record (\d+)"),
        "l'enregistrement n° {0} ne pointe pas vers le n° {1}",
    ),
    (
        re.compile(r"record (\d+) was altered \(hash mismatch\)"),
        "l'enregistrement n° {0} a été modifié (empreinte différente)",
    ),
    (
        re.compile(r"record (\d+) was altered \(prompt_text does not match"),
        "l'enregistrement n° {0} a été modifié (le texte de la requête ne correspond plus à son empreinte)",
    ),
    (
        re.compile(r"record (\d+) was altered \(response_text does not match"),
        "l'enregistrement n° {0} a été modifié (le texte de la réponse ne correspond plus à son empreinte)",
    ),
    (
        re.compile(r"record (\d+) lies beyond the chain head \((\d+)\)"),
        "l'enregistrement n° {0} est au-delà de la tête de chaîne (n° {1})",
    ),
    (re.compile(r"records (\d+)\.\.(\d+) are missing"), "les enregistrements n° {0} à {1} manquent"),
    (
        re.compile(r"the chain head does not match the last record"),
        "la tête de chaîne ne correspond pas au dernier enregistrement",
    ),
    (re.compile(r"chain head row is missing"), "la tête de chaîne est absente"),
    (
        re.compile(r"the checkpoint \((\d+)\) lies beyond the chain head"),
        "le point de purge (n° {0}) est au-delà de la tête de chaîne",
    ),
)


def head_view(seq: int, hash_: str) -> dict[str, Any]:
    return {"seq": seq, "hash": hash_, "prefix": hash_[:16]}


def chain_reason(reason: str) -> str:
    """The chain check's reason in French (the English one if it is not known)."""
    for pattern, french in CHAIN_REASONS:
        if (match := pattern.search(reason)) is not None:
            return french.format(*match.groups())
    return reason


def verification_view(result: VerifyResult) -> dict[str, Any]:
    if result.ok:
        checked = grouped(result.checked)
        message = (
            f"Chaîne d'intégrité : intacte ({checked} enregistrement{'s' if result.checked > 1 else ''})"
        )
    else:
        where = f" à l'enregistrement n° {result.first_bad_seq}" if result.first_bad_seq is not None else ""
        message = f"Chaîne d'intégrité : rompue{where} : {chain_reason(result.reason)}"
    return {
        "ok": result.ok,
        "message": message,
        "checkpoint_seq": result.checkpoint_seq,
        "head": head_view(result.head_seq, result.head_hash),
    }
