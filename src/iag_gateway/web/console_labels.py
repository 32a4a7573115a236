"""Name in French what an audit record holds: outcomes, routes, views, effects, data types, fields.

The journal, its CSV export and the dashboard show these labels; the asserts make an
outcome, rule effect or audit field added without its French name fail at import, and
``tests/web/test_console_labels.py`` checks the routes and views the source writes.
"""

from __future__ import annotations

from iag_gateway.audit.models import OUTCOMES, PUBLIC_FIELDS
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
