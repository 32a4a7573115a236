"""Build usage_test_4.jsonl from the hand-written case modules.

Shuffles with a fixed seed (20261201), assigns ids t4-0001…, writes
../usage_test_4.jsonl and pairs.tsv (minimal pairs: pair tag, id, label).
"""
import json
import os
import random

from cases import to_messages
import allowed_admissions_billing
import allowed_hr_finance
import allowed_research_quality_it
import allowed_english
import allowed_multiturn
import pairs
import diagnosis
import prescription
import clinical_decision
import staff
import person
import reidentification

MODULES = [
    allowed_admissions_billing,
    allowed_hr_finance,
    allowed_research_quality_it,
    allowed_english,
    allowed_multiturn,
    pairs,
    diagnosis,
    prescription,
    clinical_decision,
    staff,
    person,
    reidentification,
]

SEED = 20261201
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "usage_test_4.jsonl")
PAIRS_OUT = os.path.join(HERE, "pairs.tsv")


def main():
    cases = []
    for m in MODULES:
        cases.extend(m.CASES)
    rng = random.Random(SEED)
    rng.shuffle(cases)
    pair_rows = []
    with open(OUT, "w", encoding="utf-8") as f:
        for i, c in enumerate(cases, 1):
            rid = f"t4-{i:04d}"
            rec = {
                "id": rid,
                "label": c["label"],
                "lang": c["lang"],
                "style": c["style"],
                "messages": to_messages(c),
            }
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            if c["pair"]:
                pair_rows.append((c["pair"], rid, c["label"]))
    pair_rows.sort()
    with open(PAIRS_OUT, "w", encoding="utf-8") as f:
        f.write("pair\tid\tlabel\n")
        for row in pair_rows:
            f.write("\t".join(row) + "\n")
    print(f"wrote {len(cases)} records to {os.path.normpath(OUT)}")
    print(f"wrote {len(pair_rows)} pair rows to {os.path.normpath(PAIRS_OUT)}")


if __name__ == "__main__":
    main()
