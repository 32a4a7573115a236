"""The dashboard's sections in page order (~470 lines: one French figure definition each).

Every number shown comes from one aggregate row (``audit/aggregates.py``); cost and
footprint multiply SQL sums by the per-model prices and factors (``footprint/costing.py``).
Each figure says how it is obtained (hence the length: six sections of declarative
figure definitions, mostly French text). Nothing here names a person: the directorate sees
departments, templates and models (article 5.4).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from iag_gateway.audit.aggregate_rows import Aggregates
from iag_gateway.footprint.costing import Costing
from iag_gateway.web.charts import Bar, columns, horizontal_bars
from iag_gateway.web.console_labels import EFFECT_LABELS, PII_SHORT
from iag_gateway.web.dashboard_filters import DashboardFilters
from iag_gateway.web.dashboard_views import (
    NONE_LABEL,
    RECORDS_PATH,
    Cell,
    Figure,
    Section,
    duration,
    euros,
    n,
    number,
    percent,
    significant,
    template_titles,
    text_cell,
)

REROUTE_CLASS = re.compile(r"\(données ([^)]+)\)")


def sections(
    data: Aggregates,
    filters: DashboardFilters,
    costing: Costing,
    titles: dict[str, str],
) -> list[Section]:
    """Every section of the dashboard, in page order."""
    tlabel = template_titles(titles)

    def drill(**more: str) -> str:
        return filters.link(RECORDS_PATH, **more)

    out = [
        _usage(data, filters, tlabel, drill),
        _rules(data, drill),
        _data(data, drill),
        _reviews(data, tlabel, drill),
        _feedback(data, tlabel),
        _footprint(data, costing, tlabel, drill),
    ]
    return out


def _usage(
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


def _rules(data: Aggregates, drill: Callable[..., str]) -> Section:
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
            "comptés une fois par article cité par la règle "
            "cite la règle (une règle peut citer plusieurs articles).",
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


def _data(data: Aggregates, drill: Callable[..., str]) -> Section:
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


def _reviews(data: Aggregates, tlabel: Callable[[str | None], str], drill: Callable[..., str]) -> Section:
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


def _feedback(data: Aggregates, tlabel: Callable[[str | None], str]) -> Section:
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


def _footprint(
    data: Aggregates, costing: Costing, tlabel: Callable[[str | None], str], drill: Callable[..., str]
) -> Section:
    section = Section("empreinte", "Jetons, coût et empreinte")
    by_model = costing.totals(data.tokens_by_model)
    methods = sorted({f"{alias} : {f.description}" for alias, f in costing.factors.items()})
    prices = sorted(
        f"{m.alias} : {significant(m.price.input_eur_per_million)} "
        f"€ / {significant(m.price.output_eur_per_million)} € "
        f"par million de jetons envoyés / générés ({m.price.source})"
        for m in costing.models.values()
        if m.price
    )
    rows = []
    for key, acc in sorted(by_model.items(), key=lambda kv: -kv[1]["kwh"]):
        calls = acc["calls"]
        estimated = key in costing.factors
        rows.append(
            [
                text_cell(key or NONE_LABEL["model"], drill(modele=key, issue="ok") if key else None),
                n(calls),
                n(acc["prompt"]),
                n(acc["completion"]),
                Cell(
                    euros(acc["cost"])
                    if key in costing.models and costing.models[key].price
                    else "non tarifé",
                    numeric=True,
                ),
                Cell(significant(acc["kwh"]) if estimated else "non estimé", numeric=True),
                Cell(significant(acc["gwp"]) if estimated else "non estimé", numeric=True),
                Cell(significant(acc["gwp"] / calls) if estimated and calls else "—", numeric=True),
                text_cell(costing.factors[key].method if estimated and key else "—"),
            ]
        )
    section.figures.append(
        Figure(
            "empreinte-modeles",
            "Jetons, coût estimé et empreinte par modèle",
            "Appels réussis. Coût : jetons × prix déclarés dans "
            "policies/providers.yaml. Énergie et émissions : " + " ".join(methods),
            [
                "Modèle",
                "Appels réussis",
                "Jetons envoyés",
                "Jetons générés",
                "Coût estimé",
                "Énergie (kWh)",
                "Émissions (g CO2e)",
                "g CO2e par appel",
                "Méthode",
            ],
            rows,
            note="Prix : " + " ; ".join(prices),
        )
    )
    for key, title, rows_in, label in (
        (
            "service",
            "Énergie et émissions par service",
            data.tokens_by_department,
            lambda k: k or NONE_LABEL["department"],
        ),
        ("gabarit", "Énergie et émissions par gabarit", data.tokens_by_template, tlabel),
    ):
        totals = costing.totals(rows_in)
        ordered = sorted(totals.items(), key=lambda kv: -kv[1]["gwp"])
        section.figures.append(
            Figure(
                f"empreinte-{key}",
                title,
                "Somme, modèle par modèle, des appels réussis et "
                "jetons générés × facteurs du modèle (voir ci-dessus).",
                [
                    "Valeur",
                    "Appels réussis",
                    "Énergie (kWh)",
                    "Émissions (g CO2e)",
                    "g CO2e par appel",
                    "Appels non estimés",
                ],
                [
                    [
                        text_cell(label(k)),
                        n(acc["calls"]),
                        Cell(significant(acc["kwh"]), numeric=True),
                        Cell(significant(acc["gwp"]), numeric=True),
                        Cell(significant(acc["gwp"] / acc["calls"]) if acc["calls"] else "—", numeric=True),
                        n(acc["unknown"]),
                    ]
                    for k, acc in ordered
                ],
                chart=horizontal_bars(
                    f"graphe-empreinte-{key}",
                    title + " (g CO2e)",
                    [Bar(label(k), acc["gwp"], significant(acc["gwp"]) + " g") for k, acc in ordered[:12]],
                ),
            )
        )
    return section


def summary_cards(data: Aggregates, costing: Costing) -> list[tuple[str, str]]:
    """The headline figures: (label, value)."""
    t = data.totals
    by_model = costing.totals(data.tokens_by_model)
    cost = sum(a["cost"] for a in by_model.values())
    kwh = sum(a["kwh"] for a in by_model.values())
    gwp = sum(a["gwp"] for a in by_model.values())
    return [
        ("Appels", number(t.calls)),
        ("Utilisateurs", number(t.users)),
        ("Services", number(t.departments)),
        ("Refus", f"{number(t.denied)} ({percent(t.denied, t.calls)})"),
        ("Jetons", number(t.prompt_tokens + t.completion_tokens)),
        ("Coût estimé", euros(cost)),
        ("Énergie", significant(kwh) + " kWh"),
        ("Émissions", significant(gwp) + " g CO2e"),
    ]
