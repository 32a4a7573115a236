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
            "duree_mois": "48",
            "montant_estime": "1 200 000",
        },
        (
            "R2111-7",
            "ou équivalent",
            "L2113-10",
            "CCAP",
            "Lot 2 : Maintenance préventive et curative",
            "48 mois",
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
        },
        (
            "2025-STE-014",
            "28/03/2025",
            "R2132-6",
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
            "decision_attendue": "Arbitrage entre plusieurs options",
            "elements": "Taux d'occupation de 97 % sur le premier semestre ; 6,5 ETP IDE nécessaires.",
            "options": ["Réouverture au 1er juillet", "Réouverture différée au 1er octobre"],
            "impact_financier": "-420000",
            "direction_emettrice": "Direction des finances",
        },
        (
            "Note à l'attention des membres du directoire",
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
            "categorie": "RIPH 1 – recherche interventionnelle",
            "protocole": "Essai randomisé multicentrique en ouvert, 2 bras, 420 patients. "
            "Critère de jugement principal : incidence de l'IRA (KDIGO) à J7.",
            "destinataire": "Comité de protection des personnes (CPP)",
            "longueur_mots": 600,
        },
        (
            "PREVENT-AKI",
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
            "categorie": "RIPH 2 – recherche interventionnelle à risques et contraintes minimes",
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
            "type_etude": "Essai de médicament (RIPH 1)",
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
