"""Every article a template cites carries its official source; a citation without one stops loading."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from iag_gateway.errors import TemplateConfigError
from iag_gateway.prompts import TemplateCatalogue
from iag_gateway.prompts.references import OFFICIAL_HOSTS, citations, missing_references

BROKEN = Path(__file__).resolve().parent / "fixtures" / "broken"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("art. L2113-11 du code", {"L2113-11"}),
        ("(art. R. 2182-1)", {"R2182-1"}),
        ("articles L6143-7-5 et D1121-3", {"L6143-7-5", "D1121-3"}),
        ("règlement (UE) 2017/746 et règlement (UE) n° 536/2014", {"UE 2017/746", "UE 536/2014"}),
        ("règlement (CE) no 1394/2007", {"UE 1394/2007"}),
        ("méthodologies MR-001, MR 003 et MR004", {"MR-001", "MR-003", "MR-004"}),
        # Near-misses that are not citations.
        ("UF 3120 – Réanimation ; consultation 2025-STE-014", set()),
        ("URL2111-8 ou XR2111-8", set()),
        ("norme NF EN 1041 ; 12/2024 ; MR-0012", set()),
    ],
)
def test_when_a_text_is_scanned_then_exactly_its_citations_are_found(text: str, expected: set[str]) -> None:
    assert citations(text) == expected


def test_when_a_template_cites_an_article_without_source_then_loading_names_it() -> None:
    with pytest.raises(TemplateConfigError) as caught:
        TemplateCatalogue.load(BROKEN / "citation_without_source")
    assert caught.value.field == "references"
    assert "R2182-1" in caught.value.message
    assert "R2181-3" not in caught.value.message  # that one is sourced


def test_when_a_reference_points_outside_official_sites_then_loading_refuses_it() -> None:
    with pytest.raises(TemplateConfigError) as caught:
        TemplateCatalogue.load(BROKEN / "unofficial_reference_url")
    assert caught.value.field == "references.0.url"
    assert "site officiel" in caught.value.message


def test_when_the_shipped_catalogue_is_read_then_every_citation_has_a_dated_official_source(
    shipped: TemplateCatalogue,
) -> None:
    cited_somewhere = 0
    for template in shipped.all():
        assert missing_references(template.cited_text(), template.references) == [], template.id
        cited_somewhere += bool(citations(template.cited_text()))
        for reference in template.references:
            assert urlsplit(reference.url).hostname in OFFICIAL_HOSTS
            assert dt.date(2026, 1, 1) <= reference.checked_on <= dt.date.today() + dt.timedelta(days=1)
    assert cited_somewhere >= 15
