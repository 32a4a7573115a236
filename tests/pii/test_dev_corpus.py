"""The acceptance bars of the PII engine, measured on the shared dev corpus."""

from __future__ import annotations

import importlib.util
import io
import json
from types import ModuleType

import pytest

from iag_gateway.pii.engine import PiiEngine
from iag_gateway.pii.evaluation import scan_jsonl
from tests.pii.conftest import REPO_ROOT

EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
CORPUS = EVAL_DIR / "pii_fr_dev.jsonl"
SCORER = EVAL_DIR / "score_pii.py"
STRICT_LABELS = ("FR_NIR", "IBAN_CODE", "EMAIL_ADDRESS", "PHONE_NUMBER", "HEALTH_PRO_ID", "PATIENT_ID")

pytestmark = pytest.mark.skipif(
    not (CORPUS.exists() and SCORER.exists()), reason=f"dev corpus or scorer not found under {EVAL_DIR}"
)


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_pii", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def result(engine: PiiEngine) -> dict[str, object]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    out = io.StringIO()
    assert scan_jsonl(engine, lines, out) == len([line for line in lines if line.strip()])
    scorer = _scorer()
    gold = {r["id"]: r for r in map(json.loads, filter(str.strip, lines))}
    pred = {r["id"]: r for r in map(json.loads, filter(str.strip, out.getvalue().splitlines()))}
    scored: dict[str, object] = scorer.score(gold, pred)
    return scored


def test_when_dev_corpus_is_scanned_then_overall_bars_are_met(result: dict[str, object]) -> None:
    assert result["missing_predictions"] == 0
    assert result["recall"] >= 0.98  # type: ignore[operator]
    assert result["precision"] >= 0.95  # type: ignore[operator]
    assert result["keep_rate"] >= 0.98  # type: ignore[operator]
    assert result["full_redact"] >= 0.95  # type: ignore[operator]


@pytest.mark.parametrize("label", STRICT_LABELS)
def test_when_dev_corpus_is_scanned_then_identifier_recall_is_at_least_99(
    result: dict[str, object], label: str
) -> None:
    per_label = result["per_label_recall"]
    assert isinstance(per_label, dict)
    assert per_label[label] >= 0.99
