from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest

from iag_gateway.errors import ConfigError, PiiAnalysisFailed
from iag_gateway.pii.engine import PiiEngine
from tests.pii.check_digits import nir_with_key
from tests.pii.conftest import REPO_ROOT, found


def test_when_text_mixes_types_then_entities_are_sorted_and_disjoint(engine: PiiEngine) -> None:
    nir = nir_with_key("2850575123045")
    text = f"Mme Lise Fauchon, née le 02/05/1985, NIR {nir}, tél. 07 11 22 33 44, IPP 55128934."
    entities = engine.analyze(text)
    assert [e.label for e in entities] == ["PERSON", "DATE_OF_BIRTH", "FR_NIR", "PHONE_NUMBER", "PATIENT_ID"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(entities))


def test_when_csv_rows_follow_a_header_then_cells_take_the_column_label(engine: PiiEngine) -> None:
    text = "ipp;nom;prénom;montant\n40918273;GARNIER;Lucie;1 250,00\n"
    assert found(engine, text) == [("PATIENT_ID", "40918273"), ("PERSON", "GARNIER"), ("PERSON", "Lucie")]


def test_when_deployment_adds_a_term_then_it_is_never_masked(engine: PiiEngine) -> None:
    text = "Rendez-vous à la Résidence Marcel Perrot avec Jeanne Collomb."
    extended = PiiEngine.build(extra_allowed_terms=["Marcel Perrot"])
    try:
        assert [v for _, v in found(extended, text)] == ["Jeanne Collomb"]
    finally:
        extended.close()


def test_when_a_recognizer_raises_then_pii_analysis_failed(
    engine: PiiEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(text: str, windows: object) -> list[object]:
        raise RuntimeError("boom")

    failing = PiiEngine.build()
    monkeypatch.setattr(failing._analyzer.nlp_engine, "person_spans", broken)
    try:
        with pytest.raises(PiiAnalysisFailed, match="impossible") as caught:
            failing.analyze("Bonjour Jeanne Collomb")
        assert isinstance(caught.value.__cause__, RuntimeError)
    finally:
        failing.close()


def test_when_analysis_exceeds_timeout_then_pii_analysis_failed(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(text: str, windows: object) -> list[object]:
        end = time.thread_time() + 0.5  # busy: the timeout counts the analysing thread's CPU time
        while time.thread_time() < end:
            pass
        return []

    slow_engine = PiiEngine.build(timeout_s=0.05)
    monkeypatch.setattr(slow_engine._analyzer.nlp_engine, "person_spans", slow)
    try:
        with pytest.raises(PiiAnalysisFailed):
            slow_engine.analyze("Bonjour Jeanne Collomb")
    finally:
        slow_engine.close()


def test_when_model_is_not_installed_then_config_error() -> None:
    with pytest.raises(ConfigError):
        PiiEngine.build(model="fr_core_news_absent")


def test_when_allow_list_file_is_broken_then_config_error_names_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "allow.yaml"
    broken.write_text("institutions: [Hôpital Nord\nterms: 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"allow\.yaml"):
        PiiEngine.build(allow_list_files=[broken])


def test_when_allow_list_has_unknown_field_then_config_error_names_it(tmp_path: Path) -> None:
    wrong = tmp_path / "allow.yaml"
    wrong.write_text("institution:\n  - Hôpital Nord\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="institution"):
        PiiEngine.build(allow_list_files=[wrong])


def test_when_repo_allow_list_loads_then_hcl_sites_are_listed() -> None:
    text = (REPO_ROOT / "policies" / "pii_allowlist.yaml").read_text(encoding="utf-8")
    assert "Hôpital Édouard Herriot" in text
