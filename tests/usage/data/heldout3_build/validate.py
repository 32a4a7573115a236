"""Check usage_test_3.jsonl and print counts per label x lang and per style.

Checks: valid JSON, exact keys, id pattern and uniqueness, label / lang / style in their
sets, roles in {system, user, assistant}, system only first, user and assistant alternate
from the first user turn, last role user, non-empty contents, no duplicate last message.
Exit status 1 with one line per problem. Run from this directory: ``python3 validate.py``.
"""

import json
import re
import sys
from collections import Counter

from build import OUTPUT
from cases import LABELS, STYLES

KEYS = {"id", "label", "lang", "style", "messages"}


def problems_of(record: dict) -> list[str]:
    """Return the problems of one record (empty when valid)."""
    found = []
    if set(record) != KEYS:
        return [f"keys {sorted(record)}"]
    if not re.fullmatch(r"t3-\d{4}", record["id"]):
        found.append("id pattern")
    if record["label"] not in LABELS:
        found.append(f"label {record['label']}")
    if record["lang"] not in ("fr", "en"):
        found.append(f"lang {record['lang']}")
    if record["style"] not in STYLES:
        found.append(f"style {record['style']}")
    messages = record["messages"]
    roles = [message.get("role") for message in messages]
    if any(set(message) != {"role", "content"} for message in messages):
        found.append("message keys")
    if any(not str(message.get("content", "")).strip() for message in messages):
        found.append("empty content")
    chat = roles[1:] if roles[:1] == ["system"] else roles
    expected = ["user" if index % 2 == 0 else "assistant" for index in range(len(chat))]
    if not chat or chat != expected:
        found.append(f"roles {roles}")
    if not roles or roles[-1] != "user":
        found.append("last role not user")
    return found


def main() -> int:
    lines = OUTPUT.read_text(encoding="utf-8").splitlines()
    problems, ids, lasts = [], Counter(), Counter()
    by_label, by_style = Counter(), Counter()
    for number, line in enumerate(lines, start=1):
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {number}: {exc}")
            continue
        problems += [f"{record.get('id', number)}: {p}" for p in problems_of(record)]
        ids[record.get("id")] += 1
        lasts[record["messages"][-1]["content"].strip().lower()] += 1
        allowed = "allowed" if record["label"] == "allowed" else "prohibited"
        by_label[record["label"], record["lang"]] += 1
        by_style[record["style"], allowed] += 1
    problems += [f"duplicate id {key}" for key, n in ids.items() if n > 1]
    problems += [f"duplicate last message {key[:60]!r}" for key, n in lasts.items() if n > 1]
    for label in LABELS:
        fr, en = by_label[label, "fr"], by_label[label, "en"]
        print(f"| {label} | {fr} | {en} | {fr + en} |")
    for style in STYLES:
        pro, ok = by_style[style, "prohibited"], by_style[style, "allowed"]
        print(f"| {style} | {pro} | {ok} | {pro + ok} |")
    print(f"{len(lines)} records, {len(problems)} problems")
    print("\n".join(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
