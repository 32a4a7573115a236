"""Every shipped template loads, renders realistic French inputs, and rejects bad ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from iag_gateway.errors import InputInvalid
from iag_gateway.prompts import PromptTemplate, TemplateCatalogue
from iag_gateway.prompts.models import DEFAULT_MAX_LENGTH
from iag_gateway.prompts.render import render

SHIPPED_ROOT = Path(__file__).resolve().parents[2] / "prompt_templates"
# Loaded at collection so every template gets its own parametrized cases.
CATALOGUE = TemplateCatalogue.load(SHIPPED_ROOT)
TEMPLATES = CATALOGUE.all()
IDS = [t.id for t in TEMPLATES]

# Realistic inputs per template, and phrases the rendered prompt must contain.
SAMPLES: dict[str, tuple[dict[str, Any], tuple[str, ...]]] = {
    "achats-cctp": (
        {
            "objet": "Fourniture et maintenance de pousse-seringues pour les services de soins critiques",
            "besoin": "Remplacement de 180 pousse-seringues de réanimation et de soins continus, "
            "compatibles avec les seringues de 50 ml du marché en cours, avec bibliothèque de médicaments.\n"
            "Demande du Dr <PERSONNE_1> : alarme d'occlusion paramétrable.",
            "contexte": "Marché précédent arrivé à échéance ; parc hétérogène sur trois sites du GHT.",
            "lots": "Fourniture des pousse-seringues\nMaintenance préventive et curative",
            "criteres": "Valeur technique 55 % ; prix 35 % ; performance environnementale 10 %",
            "forme": "Accord-cadre à bons de commande",
            "procedure": "Appel d'offres ouvert",
            "ccag": "CCAG-FCS (fournitures courantes et services)",
            "variantes": "Interdites",
            "quantites": "Minimum 120 appareils, maximum 220 appareils",
            "duree_mois": "60",
            "montant_estime": "1 200 000",
        },
        (
            "R2111-7",
            "R2111-8",
            "R2111-9",
            "ou équivalent",
            "L2113-10",
            "L2113-11",
            "2017/746",
            "dépasse quatre ans pour un accord-cadre",
            "Minimum 120 appareils, maximum 220 appareils",
            "CCAP",
            "Lot 2 : Maintenance préventive et curative",
            "60 mois",
            "1 200 000,00 €",
            "<PERSONNE_1>",
            "exigences minimales",
        ),
    ),
    "achats-reformulation-specification": (
        {
            "objet": "Chariots de soins pour les unités d'hospitalisation",
            "type_marche": "Fournitures",
            "niveau": "Corrections ciblées",
            "texte_original": "Chariot de type Marque X modèle 450, coloris bleu RAL 5015, très robuste, "
            "tiroirs faciles à ouvrir. Pénalité de 200 € par jour de retard.",
            "references_justifiees": "Aucune",
        },
        (
            "R2111-7",
            "R2111-9",
            "justifiée par l'objet du marché",
            "Chariot de type Marque X modèle 450",
            "Corrections ciblées",
            "Tableau des modifications",
            "CCAP",
        ),
    ),
    "achats-grille-analyse-offres": (
        {
            "objet": "Prestations de blanchisserie – lot 1 linge plat",
            "criteres": "Valeur technique 60 % dont organisation logistique 35 % "
            "et traçabilité 25 % ; prix 40 %",
            "offres": "Candidat A : 0,92 € HT le kg, collecte quotidienne, puces RFID.\n"
            "Candidat B : 0,78 € HT le kg, collecte trois fois par semaine.",
            "methode_prix": "Proportionnelle (note maximale × prix le plus bas / prix de l'offre)",
            "note_max": 10,
        },
        (
            "Candidat B : 0,78 € HT le kg",
            "anormalement basse",
            "L2152-5",
            "R2152-1",
            "régulariser leurs offres irrégulières",
            "Examen de la régularité",
            "sur 10 avant pondération",
            "N'utilisez que les critères",
        ),
    ),
    "achats-reponses-candidats": (
        {
            "objet": "Maintenance des équipements de stérilisation",
            "reference": "2025-STE-014",
            "questions": "1. Le laveur-désinfecteur du site Nord est-il inclus dans le lot 2 ?\n"
            "2. Peut-on proposer une visite sur site le 12 mars ?",
            "extraits_dce": "CCTP article 3.2 : liste des équipements en annexe 1.",
            "date_limite_offres": "28/03/2025",
            "procedure": "Procédure formalisée avec urgence dûment justifiée",
        },
        (
            "2025-STE-014",
            "28/03/2025",
            "R2132-6",
            "quatre jours",
            "R2151-4",
            "Égalité de traitement",
            "Réponses à publier",
            "laveur-désinfecteur du site Nord",
        ),
    ),
    "compta-analyse-ecarts": (
        {
            "perimetre": "UF 3120 – Réanimation médicale",
            "nature_perimetre": "Unité fonctionnelle ou centre de responsabilité",
            "periode_reference": "Cumul à fin juin 2023",
            "periode_analysee": "Cumul à fin juin 2024",
            "donnees": "Libellé;2023;2024\nPersonnel non médical;4 120 000;4 385 000\n"
            "Spécialités pharmaceutiques;610 000;702 000\nJournées;6 210;6 480",
            "evenements": "Ouverture de 2 lits en mars 2024.",
            "seuil_pct": "5",
            "destinataire": "Chef de pôle et cadres du pôle",
        },
        (
            "UF 3120 – Réanimation médicale",
            "effet volume",
            "Hypothèses à vérifier",
            "5 %",
            "Ouverture de 2 lits",
            "N'inventez aucun chiffre",
        ),
    ),
    "compta-commentaire-tableau-gestion": (
        {
            "type_tableau": "CREA – compte de résultat analytique",
            "perimetre": "Pôle Cœur-Vaisseaux",
            "periode": "Exercice 2024",
            "tableau": "Recettes T2A;38 450 000\nCharges directes;31 200 000\nCharges indirectes;9 100 000",
            "indicateurs_cles": ["taux d'occupation", "recettes par ETP médical"],
            "destinataires": "Chef de pôle et bureau de pôle",
            "longueur_mots": 400,
        },
        (
            "CREA – compte de résultat analytique",
            "Pôle Cœur-Vaisseaux",
            "400 mots",
            "- recettes par ETP médical",
            "conventions d'imputation",
            "Messages clés",
        ),
    ),
    "compta-imputation-analytique": (
        {
            "description_depense": "Contrat de maintenance des laveurs-désinfecteurs d'endoscopes utilisés "
            "par l'endoscopie digestive et le bloc opératoire.",
            "montant": "18 600",
            "compte_envisage": "6152",
            "uf_demandeuse": "UF 2410 – Endoscopie digestive",
            "beneficiaires": "Endoscopie digestive (70 %)\nBloc opératoire central (30 %)",
            "question": "Faut-il répartir la charge entre les deux UF ?",
        },
        (
            "laveurs-désinfecteurs",
            "18 600,00 € TTC",
            "- Bloc opératoire central (30 %)",
            "clé de répartition",
            "niveau de confiance",
            "6152",
        ),
    ),
    "compta-note-directoire": (
        {
            "objet": "Réouverture de 8 lits de médecine polyvalente au 1er juillet",
            "decision_attendue": "Concertation sur un arbitrage entre plusieurs options",
            "elements": "Taux d'occupation de 97 % sur le premier semestre ; 6,5 ETP IDE nécessaires.",
            "options": ["Réouverture au 1er juillet", "Réouverture différée au 1er octobre"],
            "impact_financier": "-420000",
            "direction_emettrice": "Direction des finances",
        },
        (
            "Note à l'attention des membres du directoire",
            "premier vice-président",
            "doyen",
            "après concertation avec le",
            "Option 2 : Réouverture différée au 1er octobre",
            "-420 000,00 €",
            "présentez les options sans trancher",
            "97 %",
        ),
    ),
    "recherche-resume-protocole": (
        {
            "titre_etude": "PREVENT-AKI : prévention de l'insuffisance rénale aiguë "
            "après chirurgie cardiaque",
            "categorie": "Essai clinique de médicament (règlement (UE) n° 536/2014)",
            "numero_enregistrement": "2024-512345-21-00",
            "protocole": "Essai randomisé multicentrique en ouvert, 2 bras, 420 patients. "
            "Critère de jugement principal : incidence de l'IRA (KDIGO) à J7.",
            "destinataire": "Comité de protection des personnes (CPP)",
            "longueur_mots": 600,
        },
        (
            "PREVENT-AKI",
            "2024-512345-21-00",
            "L1124-1",
            "MR-003",
            "420 patients",
            "aucun avis médical individuel",
            "Non précisé dans le document fourni",
            "600 mots",
            "critères de non-inclusion",
        ),
    ),
    "recherche-note-information-patient": (
        {
            "titre_etude": "ACTIV-DIAB : activité physique adaptée et diabète de type 2",
            "promoteur": "CHU de Bordeaux",
            "categorie": "RIPH 2 – recherche interventionnelle à risques et contraintes minimes (hors médicament)",
            "public": "Adulte",
            "resume_etude": "Comparer un programme d'activité physique encadrée de 12 semaines aux conseils "
            "habituels sur l'HbA1c.",
            "contraintes": "3 visites de 45 minutes, une prise de sang à chaque visite, un questionnaire.",
            "risques_benefices": "Risque de courbatures ; bénéfice possible sur l'équilibre du diabète.",
            "duree_participation": "6 mois",
        },
        (
            "ACTIV-DIAB",
            "CHU de Bordeaux",
            "loi Jardé",
            "niveau collège",
            "CNIL",
            "aucun avis médical individuel",
            "non-opposition",
            "d'effacement",
            "MR-001",
            "6 mois",
        ),
    ),
    "recherche-criteres-eligibilite": (
        {
            "titre_etude": "PREVENT-AKI",
            "texte_source": "Inclusion criteria: age ≥ 18 years; scheduled cardiac surgery with CPB.\n"
            "Exclusion criteria: eGFR < 30 mL/min/1.73 m² within 28 days before randomisation; pregnancy.",
            "format_sortie": "Tableau (critère, variable, seuil, fenêtre temporelle, source)",
        },
        (
            "eGFR < 30 mL/min/1.73 m²",
            "critères de non-inclusion",
            "l'éligibilité relève du médecin",
            "Tableau (critère, variable, seuil, fenêtre temporelle, source)",
            "N'ajoutez aucun critère",
        ),
    ),
    "recherche-questionnaire-faisabilite": (
        {
            "titre_etude": "PREVENT-AKI",
            "synopsis": "Adultes opérés d'un pontage coronarien sous CEC ; visite à J7 et J90 ; "
            "dosage de créatinine centralisé.",
            "type_etude": "Essai clinique de médicament (règlement (UE) n° 536/2014)",
            "promotion": "Institutionnelle (CHU, PHRC)",
            "nombre_centres": 12,
            "objectif_recrutement": 420,
            "duree_inclusions_mois": 24,
            "points_specifiques": "Congélation des sérums à −80 °C dans les 2 heures.",
        },
        (
            "PREVENT-AKI",
            "Nombre de centres envisagés : 12",
            "420",
            "24 mois",
            "Aucune donnée individuelle",
            "aucun avis médical individuel",
            "Note pour le promoteur",
            "−80 °C dans les 2 heures",
        ),
    ),
    "achats-rapport-analyse-offres": (
        {
            "objet": "Blanchisserie – lot 1 linge plat",
            "procedure": "Appel d'offres ouvert",
            "historique": "Avis publié au BOAMP et au JOUE le 3 mars ; 4 plis reçus le 7 avril.",
            "criteres": "Valeur technique 60 % ; prix 40 %",
            "grille": "Candidat A : 52/60 et 31/40 ; Candidat B : 44/60 et 40/40 ; Candidat C : offre irrégulière "
            "(bordereau incomplet).",
            "montant_estime": "850000",
        },
        (
            "R2184-1",
            "L2152-7",
            "R2152-2",
            "Candidat C : offre irrégulière",
            "850 000,00 €",
            "sans en modifier aucune",
        ),
    ),
    "achats-lettres-rejet-attribution": (
        {
            "objet": "Blanchisserie – lot 1 linge plat",
            "procedure": "Procédure formalisée",
            "envoi": "Courrier postal",
            "date_envoi": "2026-12-01",
            "attributaire": "Société Linge Services",
            "motifs": "Candidat B : 84/100, 2e ; attributaire : 83,5/100 sur la technique et 40/40 sur le prix.",
        },
        ("R2182-1", "seize jours", "R2181-3", "L551-1", "01/12/2026", "Société Linge Services"),
    ),
    "achats-clauses-ccap": (
        {
            "objet": "Fourniture de repas pour les selfs du personnel",
            "ccag": "CCAG-FCS (fournitures courantes et services)",
            "clauses": "Les trois",
            "forme_prix": "Prix révisables",
            "duree_mois": 48,
            "elements": "Denrées 55 %, main-d'œuvre 35 %, énergie 10 %. Livraison avant 10 h.",
        },
        ("R2112-13", "R2112-14", "R2192-10", "cinquante jours", "48 mois", "Dérogations au CCAG"),
    ),
    "achats-modification-marche": (
        {
            "objet": "Maintenance des autoclaves – 2024-STE-003",
            "nature": "Services",
            "montant_initial": "400000",
            "montant_modifications": "12000",
            "montant_projet": "28 000",
            "description": "Ajout de deux autoclaves installés en 2026 sur le site Nord.",
        },
        ("R2194-8", "10 %", "15 %", "R2194-9", "400 000,00 €", "28 000,00 €", "12 000,00 €", "L2194-1"),
    ),
    "achats-note-sourcing": (
        {
            "objet": "Solution de télésurveillance des patients insuffisants cardiaques",
            "etape": "Préparer le sourcing (note et questionnaire)",
            "contexte": "Besoin de connaître l'offre existante et les modèles de prix.",
        },
        ("R2111-1", "R2111-2", "Questionnaire identique pour tous", "télésurveillance"),
    ),
    "compta-note-synthese-budgetaire": (
        {
            "document": "Décision modificative",
            "exercice": 2026,
            "donnees": "CRPP : charges titre 1 +1 200 000 ; produits titre 1 +900 000 ; résultat -300 000.",
            "hypotheses": "Mesures salariales nationales au 1er juillet.",
            "destinataires": "Directoire",
        },
        ("L6145-1", "2026", "capacité d'autofinancement", "Mesures salariales", "titre"),
    ),
    "compta-tableau-bord-crea-pole": (
        {
            "pole": "Pôle Femme-Enfant",
            "periode": "Cumul à fin septembre 2026 comparé à fin septembre 2025",
            "crea": "Recettes 41 200 000 / 39 800 000 ; charges directes 33 100 000 / 31 900 000.",
            "activite": "Séjours 18 420 / 18 110 ; ETP médicaux 92,4 / 90,1.",
            "format": "Tableau d'indicateurs et commentaire court",
        },
        ("Pôle Femme-Enfant", "marge sur charges directes", "non calculable", "Séjours 18 420"),
    ),
    "compta-fiche-medico-economique": (
        {
            "projet": "Ouverture d'une deuxième salle d'IRM",
            "type_projet": "Équipement ou investissement",
            "description": "4 200 examens supplémentaires par an dès la deuxième année.",
            "donnees_financieres": "Investissement 1 600 000 € amorti sur 7 ans ; 4 ETP manipulateurs.",
            "horizon_ans": 5,
        },
        ("5 ans", "seuil d'activité", "[hypothèse à fournir]", "1 600 000 €"),
    ),
    "recherche-courrier-cpp": (
        {
            "titre_etude": "ACTIV-DIAB",
            "numero": "2026-A01234-45",
            "objet_courrier": "Réponse à une demande de compléments ou de modifications",
            "categorie": "RIPH 2 – recherche interventionnelle à risques et contraintes minimes (hors médicament)",
            "demandes": "1. Préciser la durée de conservation des prélèvements.\n2. Simplifier la note d'information.",
            "modifications": "Note d'information version 2 du 10/11/2026, paragraphe 5.",
        },
        ("L1123-6", "L1123-9", "2026-A01234-45", "point par point", "aucun avis médical individuel"),
    ),
    "recherche-formulaire-consentement": (
        {
            "titre_etude": "ACTIV-DIAB",
            "promoteur": "CHU de Bordeaux",
            "categorie": "RIPH 2 – recherche interventionnelle à risques et contraintes minimes (hors médicament)",
            "signataire": "Personne majeure",
            "options": "Conservation d'échantillons pour des recherches ultérieures\nÊtre recontacté",
        },
        ("L1122-1-1", "consentement libre, éclairé et exprès", "- Être recontacté", "cases séparées"),
    ),
    "recherche-plan-gestion-donnees": (
        {
            "titre_etude": "COHORTE-REIN",
            "categorie": "Recherche n'impliquant pas la personne humaine (réutilisation de données)",
            "donnees": "Créatinine, DFG, traitements, âge en années, sexe, issus de l'entrepôt de données de santé.",
            "organisation": "Analyse dans l'espace sécurisé de l'entrepôt ; aucun transfert hors UE.",
        },
        ("MR-004", "MR-001", "L1111-8", "2016/679", "entrepôt de données de santé"),
    ),
    "recherche-resume-resultats-langage-simple": (
        {
            "titre_etude": "PREVENT-AKI",
            "type_etude": "Essai clinique de médicament (règlement (UE) n° 536/2014)",
            "resultats": "420 patients randomisés ; IRA à J7 : 18 % contre 24 % (p = 0,11).",
            "longueur_mots": 500,
        },
        ("536/2014", "annexe V", "L1122-1", "500 mots", "p = 0,11", "aucun avis médical individuel"),
    ),
}


def _text(messages: list[dict[str, str]]) -> str:
    return "\n".join(m["content"] for m in messages)


def _bad_cases() -> list[tuple[str, str, Any, str]]:
    """Return (template id, field, bad value, why) for every input that has a way to be wrong."""
    cases: list[tuple[str, str, Any, str]] = []
    for template in TEMPLATES:
        for field in template.inputs:
            if field.required:
                cases.append((template.id, field.name, None, "missing"))
            if field.type in ("text", "long_text"):
                limit = field.max_length or DEFAULT_MAX_LENGTH[field.type]
                cases.append((template.id, field.name, "é" * (limit + 1), "too long"))
            if field.type in ("number", "money") and field.max is not None:
                cases.append((template.id, field.name, str(field.max + 1), "above max"))
            if field.type in ("number", "money") and field.min is not None:
                cases.append((template.id, field.name, str(field.min - 1), "below min"))
            if field.type == "choice":
                cases.append((template.id, field.name, "Autre chose", "not a choice"))
            if field.type == "list":
                cases.append((template.id, field.name, ["x"] * 201, "too many items"))
            if field.type == "date":
                cases.append((template.id, field.name, "31 février", "not a date"))
    return cases


def test_when_the_shipped_catalogue_loads_then_each_domain_has_at_least_four_approved_templates(
    shipped: TemplateCatalogue,
) -> None:
    approved = [t for t in shipped.all() if t.status == "approved"]
    assert len(approved) >= 12
    for domain in ("comptabilite", "achats", "recherche"):
        assert sum(t.domain == domain for t in approved) >= 4, domain


def test_when_a_template_is_shipped_then_it_has_realistic_sample_inputs_in_these_tests() -> None:
    assert sorted(SAMPLES) == sorted(IDS)


def test_when_the_cctp_template_is_shipped_then_its_inputs_match_the_contract(
    shipped: TemplateCatalogue,
) -> None:
    cctp = shipped.get("achats-cctp")
    kinds = {f.name: (f.type, f.required) for f in cctp.inputs}
    assert kinds == {
        "objet": ("text", True),
        "besoin": ("long_text", True),
        "contexte": ("long_text", False),
        "lots": ("list", False),
        "criteres": ("long_text", False),
        "forme": ("choice", False),
        "procedure": ("choice", False),
        "ccag": ("choice", False),
        "variantes": ("choice", False),
        "quantites": ("text", False),
        "duree_mois": ("number", False),
        "montant_estime": ("money", False),
    }
    duree = cctp.input("duree_mois")
    assert (duree.min, duree.max) == (1, 96)


@pytest.mark.parametrize("template", TEMPLATES, ids=IDS)
def test_when_a_shipped_template_is_inspected_then_its_governance_metadata_is_complete(
    template: PromptTemplate,
) -> None:
    assert "chat" in template.needs.capabilities and "demo-local" not in template.needs.preferred
    assert template.tools_allowed is False
    assert template.source_path.startswith(f"prompt_templates/{template.domain}/")
    assert len(template.digest) == 64
    if template.publishable:
        mention = template.mention_for("mistral-small")
        assert mention is not None
        assert "IA générative (modèle mistral-small)" in mention
    if template.domain == "recherche":
        assert "aucun avis médical individuel" in template.system
        assert "diagnostic" in template.system


@pytest.mark.parametrize("template", TEMPLATES, ids=IDS)
def test_when_a_template_is_rendered_with_realistic_inputs_then_the_prompt_carries_inputs_and_instructions(
    template: PromptTemplate,
) -> None:
    raw, expected = SAMPLES[template.id]
    values = template.validate_inputs(raw)
    messages = render(template, values)

    assert [m["role"] for m in messages] == ["system", "user"]
    text = _text(messages)
    for field in template.inputs:
        value = values[field.name]
        if isinstance(value, str) and field.type in ("text", "long_text", "choice"):
            assert value in text, field.name
        elif isinstance(value, list):
            assert all(item in text for item in value), field.name
    for phrase in expected:
        assert phrase in text, phrase
    assert "{{" not in text and "{%" not in text


@pytest.mark.parametrize("template", TEMPLATES, ids=IDS)
def test_when_only_required_inputs_are_given_then_the_template_still_renders(
    template: PromptTemplate,
) -> None:
    raw, _ = SAMPLES[template.id]
    required = {f.name: raw[f.name] for f in template.inputs if f.required}
    messages = render(template, template.validate_inputs(required))
    assert all(m["content"] for m in messages)


@pytest.mark.parametrize(("template_id", "field", "bad", "why"), _bad_cases())
def test_when_one_input_is_bad_then_input_invalid_names_that_field(
    template_id: str, field: str, bad: Any, why: str
) -> None:
    template = CATALOGUE.get(template_id)
    raw = dict(SAMPLES[template_id][0])
    raw[field] = bad
    with pytest.raises(InputInvalid) as caught:
        template.validate_inputs(raw)
    assert [e.field for e in caught.value.errors] == [field], why


@pytest.mark.parametrize("template", TEMPLATES, ids=IDS)
def test_when_the_json_schema_is_built_then_it_types_every_input_with_french_titles(
    template: PromptTemplate,
) -> None:
    schema = template.input_json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False
    assert schema["required"] == [f.name for f in template.inputs if f.required]
    assert set(schema["properties"]) == {f.name for f in template.inputs}
    for field in template.inputs:
        prop = schema["properties"][field.name]
        assert prop["title"] == field.label
        assert prop["type"] in ("string", "number", "array", ["number", "string"])
        if field.type == "choice":
            assert prop["enum"] == field.choices
        if field.type in ("text", "long_text"):
            assert prop["maxLength"] >= 1
        if field.type == "list":
            assert prop["items"]["type"] == "string"
    assert any(ch in schema["title"] for ch in "éèàçô'") or " " in schema["title"]
