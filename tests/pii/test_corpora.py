"""The acceptance bars of the PII engine, on every annotated corpus we hold.

- ``dev``: the shared dev corpus (``../shared/eval``), Faker-made, the issue's reference.
- ``generalisation``: ``data/pii_fr_generalisation.jsonl``, written apart from the dev
  file in other styles (e-mail threads, CSV, English, hurried typing, institutions).
- ``holdout``: ``data/pii_fr_holdout.jsonl``, by yet another hand (Outlook headers,
  forwarded English chains, quoted CSV, Markdown tables, minutes, monitoring notes,
  African and Asian names, suppliers named after people).
- ``field``: ``data/pii_fr_field.jsonl`` (180 records, issue 8), written by a session that
  never saw the rules (forwarded e-mails, spreadsheet pastes, dictation, OCR, Unicode from
  Word, context-named ids, JSON snippets). It measures generalisation and is never tuned
  on: it is scored and printed, with no acceptance bar.

The two corpora we wrote are rebuilt by their generators (offsets and check digits are
computed, never typed; the generators' docstrings state the annotation rules), and
these tests keep file and generator in sync.
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
EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
SCORER = EVAL_DIR / "score_pii.py"
CORPORA = {
    "dev": EVAL_DIR / "pii_fr_dev.jsonl",
    "generalisation": DATA_DIR / "pii_fr_generalisation.jsonl",
    "holdout": DATA_DIR / "pii_fr_holdout.jsonl",
    "field": DATA_DIR / "pii_fr_field.jsonl",
}
# the corpora the bars below apply to; ``field`` is measured only (no bar tuned to it)
BARRED = ("dev", "generalisation", "holdout")
GENERATORS = {
    "generalisation": DATA_DIR / "make_generalisation_corpus.py",
    "holdout": DATA_DIR / "make_holdout_corpus.py",
    "field": DATA_DIR / "make_field_corpus.py",
}
SIZES = {"generalisation": (80, 120), "holdout": (80, 120), "field": (150, 250)}
STRICT_LABELS = ("FR_NIR", "IBAN_CODE", "EMAIL_ADDRESS", "PHONE_NUMBER", "HEALTH_PRO_ID", "PATIENT_ID")


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_when_generator_runs_then_corpus_file_is_up_to_date(name: str) -> None:
    assert _load(GENERATORS[name], f"make_{name}_corpus").build() == _records(CORPORA[name])


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_when_corpus_is_read_then_spans_lie_inside_texts_and_do_not_overlap(name: str) -> None:
    records = _records(CORPORA[name])
    low, high = SIZES[name]
    assert low <= len(records) <= high
    for record in records:
        text = record["text"]
        assert isinstance(text, str)
        marked = sorted((s["start"], s["end"]) for s in record["spans"] + record["keep"])  # type: ignore[operator]
        for (start, end), (next_start, _) in itertools.pairwise(marked):
            assert 0 <= start < end <= next_start <= len(text)
        for start, end in marked:
            assert text[start:end] == text[start:end].strip()


def _score(name: str, engine: PiiEngine) -> dict[str, object]:
    corpus = CORPORA[name]
    if not (corpus.exists() and SCORER.exists()):
        pytest.skip(f"corpus or scorer not found: {corpus}, {SCORER}")
    lines = corpus.read_text(encoding="utf-8").splitlines()
    out = io.StringIO()
    assert scan_jsonl(engine, lines, out) == len([line for line in lines if line.strip()])
    gold = {r["id"]: r for r in map(json.loads, filter(str.strip, lines))}
    pred = {r["id"]: r for r in map(json.loads, filter(str.strip, out.getvalue().splitlines()))}
    scored: dict[str, object] = _load(SCORER, "score_pii").score(gold, pred)
    return scored


@pytest.fixture(scope="module", params=BARRED)
def result(request: pytest.FixtureRequest, engine: PiiEngine) -> dict[str, object]:
    return _score(request.param, engine)


def test_when_field_corpus_is_scanned_then_every_record_is_scored_and_printed(engine: PiiEngine) -> None:
    scored = _score("field", engine)
    assert scored["missing_predictions"] == 0
    figures = {key: scored[key] for key in ("recall", "precision", "keep_rate", "full_redact")}
    assert all(isinstance(value, float) and 0.0 <= value <= 1.0 for value in figures.values())
    print(f"field corpus (no bar): {figures}")


def test_when_corpus_is_scanned_then_overall_bars_are_met(result: dict[str, object]) -> None:
    assert result["missing_predictions"] == 0
    assert result["recall"] >= 0.98  # type: ignore[operator]
    assert result["precision"] >= 0.95  # type: ignore[operator]
    assert result["keep_rate"] >= 0.98  # type: ignore[operator]
    assert result["full_redact"] >= 0.95  # type: ignore[operator]


@pytest.mark.parametrize("label", STRICT_LABELS)
def test_when_corpus_is_scanned_then_identifier_recall_is_at_least_99(
    result: dict[str, object], label: str
) -> None:
    per_label = result["per_label_recall"]
    assert isinstance(per_label, dict)
    assert per_label[label] >= 0.99
