"""Benchmark the usage check per 1 KB prompt, on one core: classifier vs pattern rules alone.

Run: .venv/bin/python bench/bench_usage.py [--repeats 5]

Prompts are cut to exactly 1 KB (UTF-8) from the training conversations (never the
held-out test split). Prints the median and p95 ms per prompt of the classifier
(``UsageClassifier.classify``: features + spaCy textcat), of the pattern rules alone
(``prohibited_uses`` on the normalised text, the path before the classifier) and of
both together, measured in the same run.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[1]
KB = 1024


def one_kb_prompts() -> list[str]:
    """Training texts glued end to end and cut into 1 KB prompts (whole characters)."""
    from iag_gateway.usage.commands import training_files
    from iag_gateway.usage.corpus import read_corpus
    from iag_gateway.usage.features import message_text

    records = read_corpus(training_files())
    stream = "\n".join(message_text(m) for r in records for m in r.messages if m.get("role") == "user")
    data = stream.encode("utf-8")
    prompts = []
    for start in range(0, len(data) - KB, KB):
        prompts.append(data[start : start + KB].decode("utf-8", errors="ignore"))
    return prompts[:400]


def measure(run: Callable[[str], Any], texts: list[str], repeats: int) -> dict[str, float]:
    for text in texts[:20]:
        run(text)
    samples: list[float] = []
    for _ in range(repeats):
        for text in texts:
            start = time.perf_counter()
            run(text)
            samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {"median_ms": statistics.median(samples), "p95_ms": samples[int(0.95 * (len(samples) - 1))]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    from iag_gateway.policy.loader import load_policy
    from iag_gateway.policy.models import normalize_for_matching
    from iag_gateway.usage.classifier import UsageClassifier

    policy = load_policy(REPO_ROOT / "policies", REPO_ROOT / "charter").policy
    patterns = [p for rule in policy.usage.prohibited_uses for p in policy.compiled[rule.id]]
    classifier = UsageClassifier.load()

    def pattern_only(text: str) -> bool:
        normalized = normalize_for_matching(text)
        return any(p.search(normalized) for p in patterns)

    def classifier_only(text: str) -> object:
        return classifier.classify([{"role": "user", "content": text}])

    def both(text: str) -> object:
        return pattern_only(text), classifier_only(text)

    prompts = one_kb_prompts()
    print(f"{len(prompts)} prompts of 1 KB, {args.repeats} repeats, one thread")
    for name, run in (
        ("pattern rules only", pattern_only),
        ("classifier only", classifier_only),
        ("patterns + classifier", both),
    ):
        figures = measure(run, prompts, args.repeats)
        print(f"{name:24} median {figures['median_ms']:.3f} ms   p95 {figures['p95_ms']:.3f} ms")


if __name__ == "__main__":
    main()
