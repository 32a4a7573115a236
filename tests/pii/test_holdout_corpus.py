"""The acceptance bars of the PII engine, measured on a third, hold-out style corpus.

``data/pii_fr_holdout.jsonl`` was written apart from the dev corpus and our generalisation
corpus, in styles neither uses (Outlook « NOM Prénom <mail> » and « Last, First » headers,
forwarded English chains, quoted CSV fields and English column names, Markdown tables,
minutes of meetings, monitoring notes, African and Asian names, suppliers and
institutions named after people); it is rebuilt by ``data/make_holdout_corpus.py``,
whose docstring states the annotation rules, and these tests keep the two in sync.
"""

from __future__ import annotations

import importlib.util
import io
import itertools
import json
from pathlib import Path
from types import ModuleType

import pytest

from iag_gateway.pii.engine import PiiEngine
from iag_gateway.pii.evaluation import scan_jsonl
from tests.pii.conftest import REPO_ROOT

DATA_DIR = Path(__file__).resolve().parent / "data"
CORPUS = DATA_DIR / "pii_fr_holdout.jsonl"
GENERATOR = DATA_DIR / "make_holdout_corpus.py"
SCORER = REPO_ROOT.parent / "shared" / "eval" / "score_pii.py"
STRICT_LABELS = ("FR_NIR", "IBAN_CODE", "EMAIL_ADDRESS", "PHONE_NUMBER", "HEALTH_PRO_ID", "PATIENT_ID")


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _records() -> list[dict[str, object]]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_when_generator_runs_then_corpus_file_is_up_to_date() -> None:
    built = _load(GENERATOR, "make_holdout_corpus").build()
    assert built == _records()


def test_when_corpus_is_read_then_spans_lie_inside_texts_and_do_not_overlap() -> None:
    records = _records()
    assert 80 <= len(records) <= 120
    for record in records:
        text = record["text"]
        assert isinstance(text, str)
        marked = sorted(
            (s["start"], s["end"])
            for s in record["spans"] + record["keep"]  # type: ignore[operator]
        )
        for (start, end), (next_start, _) in itertools.pairwise(marked):
            assert 0 <= start < end <= next_start <= len(text)
        for start, end in marked:
            assert text[start:end] == text[start:end].strip()


@pytest.fixture(scope="module")
def result(engine: PiiEngine) -> dict[str, object]:
    if not SCORER.exists():
        pytest.skip(f"scorer not found: {SCORER}")
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    out = io.StringIO()
    assert scan_jsonl(engine, lines, out) == len([line for line in lines if line.strip()])
    scorer = _load(SCORER, "score_pii")
    gold = {r["id"]: r for r in map(json.loads, filter(str.strip, lines))}
    pred = {r["id"]: r for r in map(json.loads, filter(str.strip, out.getvalue().splitlines()))}
    scored: dict[str, object] = scorer.score(gold, pred)
    return scored


def test_when_holdout_corpus_is_scanned_then_overall_bars_are_met(result: dict[str, object]) -> None:
    assert result["missing_predictions"] == 0
    assert result["recall"] >= 0.98  # type: ignore[operator]
    assert result["precision"] >= 0.95  # type: ignore[operator]
    assert result["keep_rate"] >= 0.98  # type: ignore[operator]
    assert result["full_redact"] >= 0.95  # type: ignore[operator]


@pytest.mark.parametrize("label", STRICT_LABELS)
def test_when_holdout_corpus_is_scanned_then_identifier_recall_is_at_least_99(
    result: dict[str, object], label: str
) -> None:
    per_label = result["per_label_recall"]
    assert isinstance(per_label, dict)
    assert per_label[label] >= 0.99
