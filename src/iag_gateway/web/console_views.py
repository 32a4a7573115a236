"""How the auditors' console reads: filters from the query string, rows, details, chain status.

The routes (``console.py``) decide who sees what; this module only turns audit records
into French labels and values, with times in Europe/Paris. It never adds text of its
own about a request: what is shown is what the store holds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from iag_gateway.audit.chain import VerifyResult
from iag_gateway.audit.filters import AuditFilter
from iag_gateway.audit.models import OUTCOMES, PUBLIC_FIELDS, AuditEvent, format_timestamp
from iag_gateway.errors import EFFECTS

#: Known outcomes, in the order of the filter's select.
OUTCOME_LABELS: dict[str, str] = {
    "ok": "Réussie",
    "denied": "Refusée (charte, droits ou quota)",
    "rejected": "Rejetée (demande invalide)",
    "failed": "Échouée (service indisponible)",
    "error": "Erreur interne",
    "unauthenticated": "Non authentifiée",
    "cancelled": "Interrompue",
    "in_flight": "Transmise au fournisseur (début d'appel)",
}
assert set(OUTCOME_LABELS) == OUTCOMES, "every audit outcome needs a French label"
#: French names of the routes an audit record may carry; an unknown route shows as written.
ROUTE_LABELS: dict[str, str] = {
    "chat": "Conversation",
    "template": "Gabarit",
    "template.trial": "Essai d'un brouillon de gabarit",
    "review.ack": "Attestation de relecture",
    "feedback": "Avis sur une réponse",
    "models": "Liste des modèles (API)",
    "models.get": "Fiche d'un modèle (API)",
    "templates.list": "Liste des gabarits (API)",
    "templates.get": "Fiche d'un gabarit (API)",
    "audit.read": "Lecture du journal (API)",
    "audit.console": "Consultation du journal",
    "audit.purge": "Purge de conservation",
    "dashboard": "Consultation du tableau de bord",
    "web.login": "Connexion",
    "keys.self.create": "Création de sa propre clé",
    "keys.self.revoke": "Révocation de sa propre clé",
    "admin.key.create": "Création d'une clé (administration)",
    "admin.key.revoke": "Révocation d'une clé (administration)",
    "admin.training.record": "Formation enregistrée (administration)",
    "templates.submit": "Soumission d'un gabarit",
    "templates.decide": "Décision sur un gabarit",
}
#: French names of the keys the ``extra`` field may hold; others show as written.
EXTRA_LABELS: dict[str, str] = {
    "view": "Vue consultée",
    "filters": "Filtres",
    "cursor": "Page (curseur)",
    "flags": "Signalements",
    "statement": "Attestation",
    "format": "Format",
    "records": "Enregistrements exportés",
    "intact": "Chaîne intacte",
    "checked": "Enregistrements vérifiés",
    "head_seq": "Tête de chaîne",
    "viewed_request_id": "Demande consultée",
    "useful": "Avis « utile »",
    "minutes_saved": "Temps gagné estimé (min)",
    "comment_pii_counts": "Données masquées dans le commentaire",
    "month": "Mois",
    "consistent": "Journal cohérent avec les têtes signées",
    "heads": "Têtes signées vérifiées",
    "key_id": "Clé",
    "changed": "Modifiée",
    "method": "Méthode de connexion",
    "why": "Motif",
    "target_user": "Personne concernée",
}
VIEW_LABELS = {
    "list": "liste",
    "detail": "détail",
    "export": "export",
    "verify": "vérification de la chaîne",
    "verify-heads": "vérification des têtes signées",
    "dashboard": "tableau de bord",
    "drill-down": "enregistrements d'un chiffre",
    "report": "rapport mensuel",
}
DECISION_LABELS = {"allow": "Autorisée", "transform": "Autorisée avec ajustements", "deny": "Refusée"}
EFFECT_LABELS = {
    "deny": "refus",
    "flag": "signalement",
    "review": "relecture humaine exigée",
    "label": "mention « généré par IA »",
    "reroute": "changement de modèle",
    "cap": "plafonnement",
    "strip": "paramètres retirés",
    "raise": "classe de données relevée",
    "block": "réponse bloquée",
    "mask": "données masquées dans la réponse",
}
assert set(EFFECT_LABELS) == EFFECTS, "every rule effect needs a French label"
#: Short French names of the masked data types, for the table: (singular, plural).
PII_SHORT: dict[str, tuple[str, str]] = {
    "PERSON": ("nom", "noms"),
    "PHONE_NUMBER": ("téléphone", "téléphones"),
    "EMAIL_ADDRESS": ("courriel", "courriels"),
    "ADDRESS": ("adresse", "adresses"),
    "FR_NIR": ("n° de sécurité sociale", "n° de sécurité sociale"),
    "IBAN_CODE": ("IBAN", "IBAN"),
    "DATE_OF_BIRTH": ("date de naissance", "dates de naissance"),
    "PATIENT_ID": ("identifiant patient", "identifiants patient"),
    "HEALTH_PRO_ID": ("identifiant de soignant", "identifiants de soignant"),
}
FIELD_LABELS: dict[str, str] = {
    "seq": "N° d'enregistrement",
    "created_at": "Date et heure (Europe/Paris)",
    "request_id": "Identifiant de la demande",
    "route": "Route",
    "outcome": "Issue",
    "user_id": "Utilisateur",
    "department": "Service",
    "roles": "Rôles",
    "model_alias": "Modèle (alias)",
    "provider_model": "Modèle chez le fournisseur",
    "template_id": "Gabarit",
    "template_version": "Version du gabarit",
    "template_digest": "Empreinte du gabarit",
    "decision": "Décision",
    "rules": "Règles appliquées",
    "articles": "Articles de la charte",
    "policy_version": "Version de la politique",
    "policy_digest": "Empreinte de la politique",
    "pii_counts": "Données masquées dans la requête",
    "response_pii_counts": "Données masquées dans la réponse",
    "prompt_tokens": "Jetons de la requête",
    "completion_tokens": "Jetons de la réponse",
    "total_tokens": "Jetons au total",
    "latency_ms": "Latence",
    "status_code": "Statut HTTP",
    "error_type": "Type d'erreur",
    "error_code": "Code d'erreur",
    "streamed": "Réponse en flux",
    "prompt_digest": "Empreinte de la requête (SHA-256)",
    "response_digest": "Empreinte de la réponse (SHA-256)",
    "prompt_text": "Texte pseudonymisé de la requête (conservé)",
    "response_text": "Texte pseudonymisé de la réponse (conservé)",
    "ref_request_id": "Demande concernée",
    "extra": "Informations complémentaires",
    "prev_hash": "Empreinte de l'enregistrement précédent",
    "hash": "Empreinte de cet enregistrement",
}
assert set(FIELD_LABELS) == set(PUBLIC_FIELDS), "every audit field needs a French label"
CODE_FIELDS = frozenset(
    {"request_id", "template_digest", "policy_digest", "prompt_digest", "response_digest"}
)
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


@cache
def paris() -> ZoneInfo:
    return ZoneInfo("Europe/Paris")


def paris_time(value: datetime) -> str:
    return value.astimezone(paris()).strftime("%d/%m/%Y %H:%M:%S")


def grouped(number: float, decimals: int = 0) -> str:
    """« 1 234 » with a narrow no-break space, French style."""
    return f"{number:,.{decimals}f}".replace(",", "\u202f").replace(".", ",")


# -- filters -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ConsoleFilters:
    """The filter form's values as typed (kept to redraw the form), all optional."""

    du: str = ""
    au: str = ""
    utilisateur: str = ""
    service: str = ""
    modele: str = ""
    issue: str = ""
    route: str = ""

    def query(self) -> list[tuple[str, str]]:
        """The non-empty values, to carry in pagination and export links."""
        return [(f.name, getattr(self, f.name)) for f in fields(self) if getattr(self, f.name)]

    def recorded(self) -> dict[str, str]:
        """The filters as written in the console's own audit record."""
        return dict(self.query())

    def audit_filter(self, *, every_record: bool = False) -> AuditFilter:
        """The store's filter (dates read as whole days in Europe/Paris, « au » included).

        One line per call: a call's in-flight record is left out once its final record is
        in the trail, unless ``every_record`` (the faithful JSONL export).
        """
        since = day_start(self.du) if self.du else None
        until = day_start(self.au) + timedelta(days=1) if self.au else None
        return AuditFilter(
            since=since,
            until=until,
            user_id=self.utilisateur or None,
            department=self.service or None,
            model=self.modele or None,
            outcome=self.issue or None,
            route=self.route or None,
            hide_completed_starts=not every_record,
            exact=False,  # « martin » finds « j.martin », « ACHATS » finds « pole-achats »
        )


def day_start(text: str) -> datetime:
    return datetime.combine(date.fromisoformat(text), time.min, tzinfo=paris())


def parse_filters(params: Mapping[str, str]) -> tuple[ConsoleFilters, list[str]]:
    """Read the filters from the query string; return them with the French errors found."""
    values = {f.name: params.get(f.name, "").strip()[:200] for f in fields(ConsoleFilters)}
    filters = ConsoleFilters(**values)
    errors: list[str] = []
    for name, label in (("du", "« Du »"), ("au", "« Au »")):
        if values[name]:
            try:
                date.fromisoformat(values[name])
            except ValueError:
                errors.append(f"La date {label} doit être au format AAAA-MM-JJ.")
    if values["issue"] and values["issue"] not in OUTCOME_LABELS:
        errors.append("L'issue choisie n'existe pas.")
    if not errors and filters.du and filters.au and filters.au < filters.du:
        errors.append("La date « Au » doit suivre la date « Du ».")
    return filters, errors


def parse_cursor(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 19 else None


def page_url(path: str, query: list[tuple[str, str]], cursor: int | None) -> str | None:
    """The next page's link (``avant=<cursor>``), or ``None`` at the end."""
    return f"{path}?{urlencode([*query, ('avant', str(cursor))])}" if cursor else None


# -- records -----------------------------------------------------------------------------


def masked_counts(counts: Mapping[str, int]) -> str:
    """« 2 noms, 1 téléphone » (types and counts only); empty when nothing was masked."""
    parts = []
    for entity, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if count > 0:
            singular, plural = PII_SHORT.get(entity, ("autre donnée", "autres données"))
            parts.append(f"{count} {singular if count == 1 else plural}")
    return ", ".join(parts)


def article_links(articles: list[str]) -> list[tuple[str, str]]:
    """(anchor, number) for each article: ``("art-4.1", "4.1")``."""
    return [(a, a.removeprefix("art-")) for a in articles]


def row_view(event: AuditEvent) -> dict[str, Any]:
    """One line of the list: what an auditor scans for."""
    template = None
    if event.template_id:
        template = event.template_id + (f" v{event.template_version}" if event.template_version else "")
    return {
        "seq": event.seq,
        "request_id": event.request_id,
        "when": paris_time(event.created_at),
        "iso": format_timestamp(event.created_at),
        "user": event.user_id,
        "department": event.department,
        "route": event.route,
        "route_label": ROUTE_LABELS.get(event.route, event.route),
        "model": event.model_alias or event.provider_model,
        "template": template,
        "decision": DECISION_LABELS.get(event.decision, event.decision) if event.decision else None,
        "articles": article_links(event.articles),
        "masked": masked_counts(event.pii_counts),
        "tokens": grouped(event.total_tokens) if event.total_tokens is not None else None,
        "latency": grouped(event.latency_ms) + " ms" if event.latency_ms is not None else None,
        "outcome": event.outcome,
        "outcome_label": OUTCOME_LABELS.get(event.outcome, event.outcome),
        "status": event.status_code,
    }


def detail_value(name: str, value: Any) -> tuple[str, Any]:
    """(kind, value) for one field of the detail page; the template draws each kind."""
    if value is None or value == "" or value == [] or value == {}:
        return "none", None
    if name == "created_at":
        return "text", f"{paris_time(value)} ({format_timestamp(value)})"
    if name == "outcome":
        return "text", OUTCOME_LABELS.get(value, value)
    if name == "route":
        return "text", ROUTE_LABELS.get(value, value)
    if name == "decision":
        return "text", DECISION_LABELS.get(value, value)
    if name == "articles":
        return "articles", article_links(value)
    if name in ("pii_counts", "response_pii_counts"):
        return "text", masked_counts(value) or "aucune"
    if name == "ref_request_id":
        return "link", value
    if name in ("prompt_text", "response_text"):
        return "pre", value
    if name == "rules" and all(isinstance(rule, dict) for rule in value):
        return "rules", [rule_view(rule) for rule in value]
    if name == "extra" and isinstance(value, dict):
        return "pairs", [(EXTRA_LABELS.get(k, k), extra_value(k, v)) for k, v in sorted(value.items())]
    if name in ("rules", "extra"):
        return "pre", json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
    if name in ("roles",):
        return "text", ", ".join(value)
    if name == "latency_ms":
        return "text", grouped(value, 3) + " ms"
    if name == "streamed":
        return "text", "oui" if value else "non"
    if name in CODE_FIELDS or name.endswith("hash"):
        return "code", value
    return "text", value


def extra_value(key: str, value: Any) -> str:
    """One value of ``extra`` as a French phrase (lists and dicts flattened, never raw JSON)."""
    if value is None or value == "" or value == [] or value == {}:
        return "aucun"
    if isinstance(value, bool):
        return "oui" if value else "non"
    if key == "view":
        return VIEW_LABELS.get(str(value), str(value))
    if key == "flags" and isinstance(value, str) and value.startswith("pseudonymised:"):
        return f"données pseudonymisées (classe {value.partition(':')[2]})"
    if key == "comment_pii_counts" and isinstance(value, dict):
        return masked_counts(value) or "aucune"
    if isinstance(value, dict):
        return ", ".join(f"{k} : {extra_value(k, v)}" for k, v in sorted(value.items()))
    if isinstance(value, list):
        return ", ".join(extra_value(key, v) for v in value)
    if isinstance(value, float):
        return grouped(value, 3)
    if isinstance(value, int):
        return grouped(value)
    return str(value)


def rule_view(rule: Mapping[str, Any]) -> dict[str, Any]:
    """One fired rule as stored: its id, effect, articles and message."""
    effect = str(rule.get("effect") or "")
    articles = rule.get("articles")
    return {
        "id": str(rule.get("rule_id") or ""),
        "effect": EFFECT_LABELS.get(effect, effect),
        "articles": article_links([str(a) for a in articles]) if isinstance(articles, list) else [],
        "message": str(rule.get("message") or ""),
    }


def detail_view(event: AuditEvent, request_id: str) -> dict[str, Any]:
    """Every field of one record, labelled in French, in the export's column order."""
    values = event.model_dump()
    shown = [(FIELD_LABELS[name], *detail_value(name, values.get(name))) for name in PUBLIC_FIELDS]
    return {
        "seq": event.seq,
        "route": event.route,
        "route_label": ROUTE_LABELS.get(event.route, event.route),
        "refers": event.request_id != request_id,  # e.g. a review acknowledgement of that request
        "fields": [field for field in shown if field[1] != "none"],
        "empty": [label for label, kind, _ in shown if kind == "none"],
    }


# -- the chain ---------------------------------------------------------------------------


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
