"""The dashboard's usage sections: calls over time and per value, and users' feedback.

Every number is one aggregate row (``audit/aggregate_rows.py``); users and departments
are counted distinct over each period. Nothing here names a person: the directorate
sees departments, templates and models (article 5.4).
"""

from __future__ import annotations

from collections.abc import Callable

from iag_gateway.audit.aggregate_rows import Aggregates
from iag_gateway.web.charts import Bar, columns, horizontal_bars
from iag_gateway.web.dashboard_filters import DashboardFilters
from iag_gateway.web.dashboard_views import NONE_LABEL, Cell, Figure, Section, n, number, percent, text_cell


def usage_section(
    data: Aggregates,
    filters: DashboardFilters,
    tlabel: Callable[[str | None], str],
    drill: Callable[..., str],
) -> Section:
    section = Section("usage", "Usage")
    series = data.series
    labels = [p.bucket for p in series]
    section.figures.append(
        Figure(
            "usage-temps",
            "Appels par " + ("jour" if not labels or len(labels[0]) == 10 else "mois"),
            "Nombre d'appels (conversation et gabarits, toutes issues) par jour ou mois, heure de Paris ; "
            "utilisateurs et services distincts comptés sur chaque jour ou mois.",
            ["Période", "Appels", "Utilisateurs", "Services", "Refus", "Signalements"],
            [
                [text_cell(p.bucket), n(p.calls), n(p.users), n(p.departments), n(p.denied), n(p.flagged)]
                for p in series
            ],
            chart=columns(
                "graphe-usage-temps",
                "Appels et utilisateurs distincts par période",
                labels,
                [
                    ("Appels", [p.calls for p in series]),
                    ("Utilisateurs distincts", [p.users for p in series]),
                ],
            ),
        )
    )
    for key, title, rows, link_key, label in (
        ("gabarit", "Appels par gabarit", data.by_template, "gabarit", tlabel),
        ("modele", "Appels par modèle", data.by_model, "modele", lambda k: k or NONE_LABEL["model"]),
        (
            "service",
            "Appels par service",
            data.by_department,
            "service",
            lambda k: k or NONE_LABEL["department"],
        ),
    ):
        section.figures.append(
            Figure(
                f"usage-{key}",
                title,
                "Appels de la période par valeur ; « réussis » : "
                "réponse obtenue ; jetons relevés auprès du fournisseur.",
                [
                    "Valeur",
                    "Appels",
                    "Utilisateurs",
                    "Réussis",
                    "Refusés",
                    "Jetons envoyés",
                    "Jetons générés",
                ],
                [
                    [
                        text_cell(label(r.key), drill(**{link_key: r.key}) if r.key else None),
                        n(r.calls),
                        n(r.users),
                        n(r.ok),
                        n(r.denied),
                        n(r.prompt_tokens),
                        n(r.completion_tokens),
                    ]
                    for r in rows
                ],
                chart=horizontal_bars(
                    f"graphe-usage-{key}",
                    title,
                    [Bar(label(r.key), r.calls, number(r.calls)) for r in rows[:12]],
                ),
            )
        )
    return section


def feedback_section(data: Aggregates, tlabel: Callable[[str | None], str]) -> Section:
    section = Section("retours", "Retours des utilisateurs")
    rows = data.feedback
    section.figures.append(
        Figure(
            "retours-gabarits",
            "Avis « utile / pas utile » par gabarit",
            "Avis donnés après la réponse (formulaire web ou "
            "POST /v1/feedback) ; temps gagné tel qu'estimé par "
            "l'utilisateur, quand il l'a indiqué.",
            [
                "Gabarit",
                "Avis",
                "Utile",
                "Pas utile",
                "Part utile",
                "Temps gagné (min)",
                "Moyenne (min)",
                "Commentaires",
            ],
            [
                [
                    text_cell(tlabel(r.template)),
                    n(r.answers),
                    n(r.useful),
                    n(r.not_useful),
                    Cell(percent(r.useful, r.answers), numeric=True),
                    n(r.minutes_saved),
                    n(r.minutes_saved / r.minutes_answers if r.minutes_answers else 0, 1),
                    n(r.comments),
                ]
                for r in rows
            ],
            chart=horizontal_bars(
                "graphe-retours",
                "Part des avis « utile »",
                [
                    Bar(
                        tlabel(r.template),
                        100 * r.useful / r.answers if r.answers else 0,
                        percent(r.useful, r.answers),
                    )
                    for r in rows
                ],
            ),
        )
    )
    return section
