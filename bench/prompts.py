"""French prompts carrying personal data, of a chosen size, for the benchmarks.

Invented people and numbers only. Paragraphs are drawn in turn from a small set of
support-function texts (procurement, analytical accounting, clinical research), each
with names, phone numbers and e-mail addresses, until the prompt reaches the size.
"""

from __future__ import annotations

PARAGRAPHS = (
    "Bonjour, je prépare le cahier des clauses techniques particulières pour le renouvellement "
    "des pousse-seringues du pôle anesthésie. Le référent technique est Mme Clémence Varin, "
    "joignable au 04 72 11 38 60 ou par courriel à clemence.varin@chu-exemple.fr. "
    "Merci de rédiger les exigences de performance et les conditions de maintenance. ",
    "Pour l'analyse des écarts du compte de résultat analytique, M. Olivier Perrault (contrôle de "
    "gestion, 06 41 27 93 05) signale une hausse de 12 % des charges de personnel du bloc "
    "opératoire entre le deuxième et le troisième trimestre. Propose un plan de note explicative. ",
    "Le protocole de recherche porte sur la réhabilitation précoce après chirurgie colorectale. "
    "L'attachée de recherche clinique, Sophie N'Diaye (sophie.ndiaye@chu-exemple.fr), souhaite "
    "un résumé en langage simple pour la note d'information, sans jargon, en dix lignes. ",
    "Le fournisseur a répondu le 14 mars ; son interlocuteur, Karim Benali, propose une visite "
    "de démonstration. Rappeler le candidat au 01 45 67 20 19 pour fixer la date, et préparer "
    "une grille de questions sur la formation des utilisateurs et le délai de livraison. ",
    "Dans le cadre du dialogue de gestion, le chef de pôle, le Pr Étienne Garnier, demande une "
    "synthèse des indicateurs d'activité et de coûts par unité fonctionnelle, avec un tableau "
    "comparatif et trois messages clés pour le directoire. ",
)


def french_prompt(size_bytes: int) -> str:
    """Return a French prompt of at least ``size_bytes`` UTF-8 bytes (whole paragraphs)."""
    parts: list[str] = []
    total = 0
    index = 0
    while total < size_bytes:
        paragraph = PARAGRAPHS[index % len(PARAGRAPHS)]
        parts.append(paragraph)
        total += len(paragraph.encode("utf-8"))
        index += 1
    return "".join(parts).strip()
