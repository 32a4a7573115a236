"""The dashboard's charter sections: refusals and flags, masked data and reroutes, human review.

How the charter was applied over the period, from the aggregate rows
(``audit/aggregate_rows.py``): rules that refused or flagged, per article and rule;
personal data masked before sending, and calls rerouted per data class; review
acknowledgements per publishable template. Each figure says how it is counted.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from iag_gateway.audit.aggregate_rows import Aggregates
from iag_gateway.web.charts import Bar, columns, horizontal_bars
from iag_gateway.web.console_labels import EFFECT_LABELS, PII_SHORT
from iag_gateway.web.dashboard_views import Cell, Figure, Section, duration, n, number, percent, text_cell

REROUTE_CLASS = re.compile(r"\(données ([^)]+)\)")


def refusals_section(data: Aggregates, drill: Callable[..., str]) -> Section:
    section = Section("refus", "Refus et signalements")
    by_article: dict[str, dict[str, int]] = {}
    for r in data.rules:
        if r.effect in ("deny", "flag") and r.article:
            by_article.setdefault(r.article, {"deny": 0, "flag": 0})[r.effect] += r.records
    articles = sorted(by_article.items(), key=lambda kv: (-(kv[1]["deny"] + kv[1]["flag"]), kv[0]))
    section.figures.append(
        Figure(
            "refus-articles",
            "Refus et signalements par article de la charte",
            "Appels sur lesquels une règle a refusé ou signalé, "
            "comptés une fois par article que cite la règle "
            "(une règle peut citer plusieurs articles).",
            ["Article", "Refus", "Signalements"],
            [
                [text_cell("art. " + a.removeprefix("art-"), drill(article=a)), n(c["deny"]), n(c["flag"])]
                for a, c in articles
            ],
            chart=horizontal_bars(
                "graphe-refus-articles",
                "Refus et signalements par article",
                [
                    Bar(
                        "art. " + a.removeprefix("art-"),
                        c["deny"] + c["flag"],
                        f"{number(c['deny'])} refus, {number(c['flag'])} signal.",
                    )
                    for a, c in articles[:12]
                ],
            ),
        )
    )
    section.figures.append(
        Figure(
            "refus-regles",
            "Règles appliquées par catégorie",
            "Appels par règle de la politique et par effet (refus, "
            "signalement, relecture, changement de modèle…).",
            ["Règle", "Catégorie", "Article", "Appels"],
            [
                [
                    text_cell(r.rule_id),
                    text_cell(EFFECT_LABELS.get(r.effect, r.effect)),
                    text_cell(r.article or "—"),
                    n(r.records),
                ]
                for r in data.rules
            ],
        )
    )
    series = data.series
    section.figures.append(
        Figure(
            "refus-tendance",
            "Tendance des refus et signalements",
            "Par jour ou mois : appels refusés (issue « refusée ») et règles de signalement déclenchées.",
            ["Période", "Refus", "Signalements", "Part refusée"],
            [
                [
                    text_cell(p.bucket),
                    n(p.denied),
                    n(p.flagged),
                    Cell(percent(p.denied, p.calls), numeric=True),
                ]
                for p in series
            ],
            chart=columns(
                "graphe-refus-tendance",
                "Refus et signalements par période",
                [p.bucket for p in series],
                [("Refus", [p.denied for p in series]), ("Signalements", [p.flagged for p in series])],
            ),
        )
    )
    return section


def personal_data_section(data: Aggregates, drill: Callable[..., str]) -> Section:
    section = Section("donnees", "Données personnelles et redirections")

    def label(kind: str) -> str:
        return PII_SHORT.get(kind, (kind, kind))[1]

    section.figures.append(
        Figure(
            "donnees-types",
            "Données personnelles masquées, par type",
            "Valeurs masquées avant envoi (comptées par le moteur de pseudonymisation sur chaque requête) "
            "et nombre d'appels où ce type a été trouvé.",
            ["Type de donnée", "Appels concernés", "Valeurs masquées"],
            [[text_cell(label(r.key), drill(donnee=r.key)), n(r.records), n(r.total)] for r in data.pii],
            chart=horizontal_bars(
                "graphe-donnees",
                "Valeurs masquées par type",
                [Bar(label(r.key), r.total, number(r.total)) for r in data.pii],
            ),
        )
    )
    by_class: dict[str, int] = {}
    for r in data.reroutes:
        match = REROUTE_CLASS.search(r.key)
        by_class[match.group(1) if match else "non précisée"] = (
            by_class.get(match.group(1) if match else "non précisée", 0) + r.records
        )
    section.figures.append(
        Figure(
            "redirections",
            "Redirections vers un autre modèle, par classe de données",
            "Appels redirigés parce que la classe des données "
            "dépassait celle admise par le modèle demandé (art. 4.1).",
            ["Classe de données", "Appels redirigés"],
            [[text_cell(k), n(v)] for k, v in sorted(by_class.items(), key=lambda kv: -kv[1])],
            note="; ".join(f"{r.key} : {number(r.records)}" for r in data.reroutes),
        )
    )
    return section


def review_section(
    data: Aggregates, tlabel: Callable[[str | None], str], drill: Callable[..., str]
) -> Section:
    section = Section("relecture", "Relecture humaine")
    section.figures.append(
        Figure(
            "relecture-gabarits",
            "Attestations de relecture par gabarit publiable",
            "Réponses obtenues avec un gabarit publiable, part "
            "attestée « J'ai relu… » (au moins une attestation), "
            "délai entre la réponse et la première attestation.",
            ["Gabarit", "Réponses", "Attestées", "Taux", "Délai moyen", "Délai maximal"],
            [
                [
                    text_cell(tlabel(r.template), drill(gabarit=r.template, issue="ok")),
                    n(r.calls),
                    n(r.acknowledged),
                    Cell(percent(r.acknowledged, r.calls), numeric=True),
                    Cell(duration(r.mean_delay_s), numeric=True),
                    Cell(duration(r.max_delay_s), numeric=True),
                ]
                for r in data.reviews
            ],
            chart=horizontal_bars(
                "graphe-relecture",
                "Taux d'attestation de relecture",
                [
                    Bar(
                        tlabel(r.template),
                        100 * r.acknowledged / r.calls if r.calls else 0,
                        percent(r.acknowledged, r.calls),
                    )
                    for r in data.reviews
                ],
            ),
        )
    )
    return section
