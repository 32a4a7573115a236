"""Catalogue loading fails closed on broken files; lookups and visibility follow status and roles."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from iag_gateway.errors import TemplateConfigError, TemplateNotFound
from iag_gateway.prompts import TemplateCatalogue, summary

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BROKEN = FIXTURES / "broken"


@pytest.mark.parametrize(
    ("case", "file", "line", "field", "words"),
    [
        ("unknown_key", "achats/template.yaml", 10, "reviewer", "clé inconnue"),
        ("unknown_input_key", "achats/template.yaml", 22, "inputs.0.placeholder", "clé inconnue"),
        ("bad_jinja", "achats/template.yaml", 26, "user", "syntaxe Jinja2 invalide"),
        ("unknown_filter", "achats/template.yaml", 26, "user", "No filter named 'shell'"),
        ("undefined_variable", "achats/template.yaml", 27, "user", "« contexte » non déclarée"),
        ("bad_yaml", "achats/template.yaml", 19, None, "YAML invalide"),
        ("approved_without_date", "achats/template.yaml", 1, "approved_on", "modèle approuvé"),
        ("choice_without_choices", "achats/template.yaml", 18, "inputs.0", "choices"),
        ("wrong_domain_folder", "recherche/template.yaml", 5, "domain", "dossier de son domaine"),
        ("free_text_in_system", "achats/template.yaml", 23, "system", "type choice"),
        ("unused_input", "achats/template.yaml", 22, "inputs.1", "« contexte » n'est utilisée"),
        ("include", "achats/template.yaml", 27, "user", "include/import/extends interdits"),
        ("reserved_key", "achats/template.yaml", 27, "digest", "clé réservée"),
        ("sandbox_escape", "achats/template.yaml", None, "user", "valeurs d'essai"),
    ],
)
def test_when_a_template_file_is_broken_then_loading_names_file_line_and_field(
    case: str, file: str, line: int | None, field: str | None, words: str
) -> None:
    with pytest.raises(TemplateConfigError) as caught:
        TemplateCatalogue.load(BROKEN / case)
    error = caught.value
    assert error.file == f"{case}/{file}"
    assert error.line == line
    assert error.field == field
    assert words in error.message
    assert error.message.startswith(f"{case}/{file}")


def test_when_two_files_share_an_id_then_loading_names_both() -> None:
    with pytest.raises(TemplateConfigError) as caught:
        TemplateCatalogue.load(BROKEN / "duplicate_id")
    assert caught.value.file == "duplicate_id/achats/b.yaml"
    assert caught.value.field == "id"
    assert "duplicate_id/achats/a.yaml" in caught.value.message


def test_when_the_root_does_not_exist_then_loading_fails(tmp_path: Path) -> None:
    with pytest.raises(TemplateConfigError):
        TemplateCatalogue.load(tmp_path / "absent")


def test_when_a_file_links_outside_the_root_then_loading_fails(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    shutil.copy(FIXTURES / "valid" / "achats" / "minimal.yaml", outside)
    root = tmp_path / "prompt_templates"
    (root / "achats").mkdir(parents=True)
    (root / "achats" / "lien.yaml").symlink_to(outside)
    with pytest.raises(TemplateConfigError) as caught:
        TemplateCatalogue.load(root)
    assert "hors du dossier" in caught.value.message


def test_when_a_template_is_loaded_then_digest_and_source_path_come_from_the_file(
    fixture_catalogue: TemplateCatalogue,
) -> None:
    template = fixture_catalogue.get("fixture-minimal")
    raw = (FIXTURES / "valid" / "achats" / "minimal.yaml").read_bytes()
    assert template.digest == hashlib.sha256(raw).hexdigest()
    assert template.source_path == "valid/achats/minimal.yaml"


def test_when_an_unknown_id_is_requested_then_template_not_found_is_raised_in_french(
    fixture_catalogue: TemplateCatalogue,
) -> None:
    with pytest.raises(TemplateNotFound) as caught:
        fixture_catalogue.get("inexistant")
    assert caught.value.status == 404
    assert "Gabarit introuvable" in caught.value.message


@pytest.mark.parametrize(
    ("roles", "expected"),
    [
        (frozenset({"buyer"}), ["fixture-minimal"]),
        (frozenset({"staff"}), ["fixture-finance"]),
        (frozenset({"research"}), []),
        (frozenset({"auditor"}), []),
        (frozenset({"admin"}), ["fixture-brouillon"]),
        (
            frozenset({"admin", "buyer", "finance"}),
            ["fixture-brouillon", "fixture-minimal", "fixture-finance"],
        ),
    ],
)
def test_when_listing_for_roles_then_only_approved_matching_templates_and_drafts_for_admins_appear(
    fixture_catalogue: TemplateCatalogue, roles: frozenset[str], expected: list[str]
) -> None:
    assert [t.id for t in fixture_catalogue.visible_to(roles)] == expected


def test_when_a_template_is_retired_then_it_is_never_listed_but_still_resolvable(
    fixture_catalogue: TemplateCatalogue,
) -> None:
    everyone = frozenset({"buyer", "finance", "research", "staff", "auditor", "admin"})
    assert "fixture-retire" not in [t.id for t in fixture_catalogue.visible_to(everyone)]
    assert fixture_catalogue.get("fixture-retire").status == "retired"
    assert len(fixture_catalogue.all()) == 4


def test_when_summarised_then_a_listing_gets_exactly_the_public_fields(shipped: TemplateCatalogue) -> None:
    assert summary(shipped.get("achats-cctp")) == {
        "id": "achats-cctp",
        "version": shipped.get("achats-cctp").version,
        "title": "Rédaction d'un projet de CCTP",
        "description": shipped.get("achats-cctp").description,
        "domain": "achats",
        "status": "approved",
        "trial": False,
        "publishable": True,
        "needs": {"capabilities": ["chat", "long_context"], "preferred": ["onprem-llm"]},
        "data_class": "internal",
    }


def test_when_the_prompts_package_is_imported_then_nothing_is_built() -> None:
    code = (
        "import iag_gateway.prompts, iag_gateway.prompts.render as r; "
        "assert r.environment.cache_info().currsize == 0; "
        "assert r.compile_source.cache_info().currsize == 0"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
