"""The dashboard's cost and footprint section: tokens, estimated cost, energy and emissions.

Cost and footprint multiply SQL sums by the per-model prices and factors
(``footprint/costing.py``); each figure names the price's source and the estimation
method, and a model without a price or factor says so instead of counting as zero.
"""

from __future__ import annotations

from collections.abc import Callable

from iag_gateway.audit.aggregate_rows import Aggregates
from iag_gateway.footprint.costing import Costing
from iag_gateway.web.charts import Bar, horizontal_bars
from iag_gateway.web.dashboard_views import (
    NONE_LABEL,
    Cell,
    Figure,
    Section,
    euros,
    n,
    significant,
    text_cell,
)


def footprint_section(
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
