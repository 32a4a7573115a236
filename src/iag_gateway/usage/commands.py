"""``python -m iag_gateway.usage.commands train|eval|cv``: the make targets' entry points.

- ``train``: pseudonymise ``data/usage/train_*.jsonl`` as the gateway would, fit the model,
  write it (and its training card with the data digest) to the package's model directory.
- ``eval``: score the held-out test split with the shipped model and the shipped policy,
  BEFORE (the pattern rules alone) and AFTER (classifier + pattern rules).
- ``cv``: k-fold cross-validation on the training data only (for tuning).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from iag_gateway.policy.loader import load_policy
from iag_gateway.policy.models import IntentClassifier, PolicySet, normalize_for_matching
from iag_gateway.usage.categories import ALLOWED
from iag_gateway.usage.classifier import DEFAULT_MODEL_DIR, UsageClassifier, UsageScore
from iag_gateway.usage.corpus import LabelledConversation, data_digest, pseudonymised, read_corpus
from iag_gateway.usage.evaluation import Outcome, report, summarise
from iag_gateway.usage.features import message_text
from iag_gateway.usage.training import TrainSettings, train
from iag_gateway.usage.verdict import from_classifier

PROJECT_ROOT = Path(__file__).resolve().parents[3]
DATA_DIR = PROJECT_ROOT / "data" / "usage"
TEST_SPLIT = PROJECT_ROOT / "tests" / "usage" / "data" / "usage_test.jsonl"


def training_files(data_dir: Path = DATA_DIR) -> list[Path]:
    return sorted(data_dir.glob("train_*.jsonl"))


def redactor_factory() -> Callable[[], Callable[[str], str]]:
    """One PII engine; a fresh pseudonymiser per conversation (placeholders as per request)."""
    from iag_gateway.pii.engine import PiiEngine
    from iag_gateway.pii.pseudonymizer import Pseudonymizer
    from iag_gateway.settings import Settings

    settings = Settings()
    engine = PiiEngine.build(model=settings.pii_model, allow_list_files=settings.pii_allow_lists)
    return lambda: Pseudonymizer(engine).redact


def pattern_denied(policy: PolicySet, record: LabelledConversation) -> bool:
    """Whether the explicit pattern rules (``prohibited_uses``, deny) refuse this conversation."""
    text = normalize_for_matching("\n".join(message_text(m) for m in record.messages))
    return any(
        rule.action == "deny" and any(p.search(text) for p in policy.compiled[rule.id])
        for rule in policy.usage.prohibited_uses
    )


def outcomes(
    section: IntentClassifier,
    policy: PolicySet,
    records: Sequence[LabelledConversation],
    scores: Sequence[UsageScore],
) -> list[Outcome]:
    out = []
    for record, score in zip(records, scores, strict=True):
        verdict = from_classifier(section, score)
        denied_by_classifier = verdict.prohibited and section.rule_for(verdict.category).action == "deny"
        out.append(
            Outcome(record.label, verdict.category, denied_by_classifier or pattern_denied(policy, record))
        )
    return out


def _policy() -> PolicySet:
    return load_policy(PROJECT_ROOT / "policies", PROJECT_ROOT / "charter").policy


def cmd_train(args: argparse.Namespace) -> int:
    files = training_files(args.data)
    if not files:
        print(f"no training files in {args.data}", file=sys.stderr)
        return 2
    records = pseudonymised(read_corpus(files), redactor_factory())
    card = train(records, args.out, digest=data_digest(files), sources=[f.name for f in files])
    print(f"trained on {card['records']} records {card['labels']} -> {args.out}")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    policy = _policy()
    section = policy.usage.classifier
    assert section is not None, "usage.yaml has no classifier section"
    records = read_corpus([args.test])
    shown = pseudonymised(records, redactor_factory())
    classifier = UsageClassifier.load(args.model)
    before = [Outcome(r.label, "-", pattern_denied(policy, r)) for r in shown]
    print(report("BEFORE: pattern rules alone", before, with_categories=False))
    print()
    print(
        report(
            "AFTER: classifier + pattern rules",
            outcomes(section, policy, shown, classifier.read([r.messages for r in shown])),
        )
    )
    return 0


def folds(records: Sequence[LabelledConversation], k: int, seed: int) -> list[list[int]]:
    """Stratified fold assignment (indices), deterministic."""
    by_label: dict[str, list[int]] = {}
    for index, record in enumerate(records):
        by_label.setdefault(record.label, []).append(index)
    assignment: list[list[int]] = [[] for _ in range(k)]
    rng = random.Random(seed)
    for indices in by_label.values():
        rng.shuffle(indices)
        for position, index in enumerate(indices):
            assignment[position % k].append(index)
    return assignment


def cross_validated_scores(
    records: Sequence[LabelledConversation], settings: TrainSettings, k: int
) -> list[UsageScore]:
    """Scores of each record by a model trained on the other folds (``k`` folds, stratified)."""
    import tempfile

    from iag_gateway.usage.classifier import TRAINING_CARD

    scores: list[UsageScore | None] = [None] * len(records)
    with tempfile.TemporaryDirectory() as scratch:
        for number, held in enumerate(folds(records, k, settings.seed)):
            held_set = set(held)
            out = Path(scratch) / str(number)
            train(
                [r for i, r in enumerate(records) if i not in held_set],
                out,
                digest="cv",
                sources=[],
                settings=settings,
            )
            assert (out / TRAINING_CARD).is_file()
            classifier = UsageClassifier.load(out)
            for i, score in zip(held, classifier.read([records[i].messages for i in held]), strict=True):
                scores[i] = score
    return [s for s in scores if s is not None]


def cmd_cv(args: argparse.Namespace) -> int:
    policy = _policy()
    section = policy.usage.classifier
    assert section is not None
    records = pseudonymised(read_corpus(training_files(args.data)), redactor_factory())
    base = TrainSettings()
    variants = {"default": base}
    for spec in args.variant or []:
        name, _, assignments = spec.partition(":")
        values = {}
        for item in assignments.split(","):
            key, _, value = item.partition("=")
            values[key] = type(getattr(base, key))(float(value) if "." in value else int(value))
        variants[name] = replace(base, **values)
    for name, settings in variants.items():
        scores = cross_validated_scores(records, settings, args.folds)
        scored = outcomes(section, policy, records, scores)
        print(report(f"CV {args.folds}-fold, {name} {settings}", scored))
        for source in sorted({str(r.meta.get("source", "")) for r in records}):
            part = summarise(
                [o for o, r in zip(scored, records, strict=True) if r.meta.get("source") == source]
            )
            print(
                f"  records of {source}: deny recall {part.deny_recall:.3f} "
                f"allow rate {part.allow_rate:.3f} lowest {part.worst:.3f}"
            )
        for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
            flat = [
                Outcome(
                    r.label,
                    s.category if s.score >= threshold else ALLOWED,
                    s.score >= threshold or pattern_denied(policy, r),
                )
                for r, s in zip(records, scores, strict=True)
            ]
            summary = summarise(flat)
            print(
                f"  threshold {threshold:.1f}: deny recall {summary.deny_recall:.3f} "
                f"allow rate {summary.allow_rate:.3f} lowest {summary.worst:.3f}"
            )
        print()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m iag_gateway.usage.commands")
    sub = parser.add_subparsers(dest="command", required=True)
    p_train = sub.add_parser("train")
    p_train.add_argument("--data", type=Path, default=DATA_DIR)
    p_train.add_argument("--out", type=Path, default=DEFAULT_MODEL_DIR)
    p_eval = sub.add_parser("eval")
    p_eval.add_argument("--test", type=Path, default=TEST_SPLIT)
    p_eval.add_argument("--model", type=Path, default=DEFAULT_MODEL_DIR)
    p_cv = sub.add_parser("cv")
    p_cv.add_argument("--data", type=Path, default=DATA_DIR)
    p_cv.add_argument("--folds", type=int, default=5)
    p_cv.add_argument("--variant", action="append", help="name:key=value,key=value (TrainSettings)")
    args = parser.parse_args(argv)
    command = {"train": cmd_train, "eval": cmd_eval, "cv": cmd_cv}[args.command]
    return command(args)


if __name__ == "__main__":
    sys.exit(main())
