"""Build usage_test_3.jsonl from the hand-written cases: fixed-seed shuffle, ids t3-0001…

Run from this directory: ``python3 build.py``.
"""

import json
import random
from pathlib import Path

import allowed_everyday
import allowed_hard_admin
import allowed_hard_clinical
import allowed_terse
import clinical_decision
import diagnosis
import person
import prescription
import reidentification
import staff
from cases import LABELS, STYLES, to_messages

SEED = 20261129
OUTPUT = Path(__file__).resolve().parent.parent / "usage_test_3.jsonl"
SOURCES = (
    diagnosis,
    prescription,
    clinical_decision,
    staff,
    person,
    reidentification,
    allowed_hard_admin,
    allowed_hard_clinical,
    allowed_terse,
    allowed_everyday,
)


def records() -> list[dict]:
    """Return the shuffled records with ids; raises ValueError on an unknown label or style."""
    cases = [case for source in SOURCES for case in source.CASES]
    random.Random(SEED).shuffle(cases)
    built = []
    for number, (label, lang, style, turns) in enumerate(cases, start=1):
        if label not in LABELS or style not in STYLES or lang not in ("fr", "en"):
            raise ValueError(f"case {number}: {label!r} {lang!r} {style!r}")
        built.append(
            {
                "id": f"t3-{number:04d}",
                "label": label,
                "lang": lang,
                "style": style,
                "messages": to_messages(turns),
            }
        )
    return built


def main() -> None:
    lines = [json.dumps(record, ensure_ascii=False) for record in records()]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} records -> {OUTPUT.name}")


if __name__ == "__main__":
    main()
