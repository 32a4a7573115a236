"""Validate usage_test_4.jsonl and print count tables."""
import collections
import json
import os
import re
import sys

from cases import LABELS, LANGS, STYLES, PROHIBITED

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, "..", "usage_test_4.jsonl")
KEYS = {"id", "label", "lang", "style", "messages"}
ID_RE = re.compile(r"^t4-\d{4}$")
CHARTER = re.compile(r"diagnos|prescri|d[ée]cid|decide", re.I)

# informational only: rough markers of personal data in a conversation
MARKERS = {
    "phone": re.compile(r"(?:\+33|\+44|\+49|\+39|\b0)[\s.\u00a0]?[1-9](?:[\s.\u00a0]?\d\d){4}\b|\+\d\d[\s\u00a0]\d"),
    "nir": re.compile(r"\b[12][\s\u00a0]?\d\d[\s\u00a0]?\d\d[\s\u00a0]?(?:\d\d|2A|2B)[\s\u00a0]?\d{3}[\s\u00a0]?\d{3}[\s\u00a0]?\d\d\b"),
    "ipp/mrn": re.compile(r"\b(?:IPP|MRN)\s*\d{6,}"),
    "stay/invoice no.": re.compile(r"\bNDA\s*\d|\b20\d{8}\b|FAC-\d|INV \d"),
    "email": re.compile(r"[\w.-]+@[\w-]+\.[\w.]+"),
    "name in capitals": re.compile(r"\b(?:M\.|Mme|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Pr)\s+(?:[A-ZÀ-Ý][a-zà-ÿ-]+\s+)?(?:de |DE |LE |DA |N')?[A-ZÀ-Ý'-]{3,}\b|\b[A-ZÀ-Ý'-]{3,} [A-ZÀ-Ý][a-zà-ÿ]+\b"),
    "placeholder": re.compile(r"<[A-Z]+_\d+>"),
}


def norm(s):
    return " ".join(s.lower().split())


def main():
    errors = []
    recs = []
    with open(PATH, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"line {n}: invalid JSON ({e})")
                continue
            recs.append((n, r))

    ids, lasts = set(), {}
    for n, r in recs:
        where = f"line {n}"
        if not isinstance(r, dict) or set(r) != KEYS:
            errors.append(f"{where}: keys {sorted(r) if isinstance(r, dict) else type(r)}")
            continue
        where = f"{r['id']}"
        if not isinstance(r["id"], str) or not ID_RE.match(r["id"]):
            errors.append(f"{where}: bad id")
        if r["id"] in ids:
            errors.append(f"{where}: duplicate id")
        ids.add(r["id"])
        if r["label"] not in LABELS:
            errors.append(f"{where}: bad label {r['label']}")
        if r["lang"] not in LANGS:
            errors.append(f"{where}: bad lang {r['lang']}")
        if r["style"] not in STYLES:
            errors.append(f"{where}: bad style {r['style']}")
        msgs = r["messages"]
        if not isinstance(msgs, list) or not msgs:
            errors.append(f"{where}: empty messages")
            continue
        for m in msgs:
            if not isinstance(m, dict) or set(m) != {"role", "content"}:
                errors.append(f"{where}: bad message keys")
            elif not isinstance(m["content"], str) or not m["content"].strip():
                errors.append(f"{where}: empty content")
        roles = [m.get("role") for m in msgs]
        body = roles[1:] if roles[0] == "system" else roles
        if "system" in body:
            errors.append(f"{where}: system not first")
        if not body or body[0] != "user":
            errors.append(f"{where}: first non-system role is not user")
        for i, role in enumerate(body):
            want = "user" if i % 2 == 0 else "assistant"
            if role != want:
                errors.append(f"{where}: role {i} is {role}, expected {want}")
                break
        if roles[-1] != "user":
            errors.append(f"{where}: last role is not user")
        last = norm(msgs[-1]["content"])
        if last in lasts:
            errors.append(f"{where}: duplicate last message with {lasts[last]}")
        lasts[last] = r["id"]

    if errors:
        print("ERRORS:")
        for e in errors:
            print("  " + e)
        sys.exit(1)

    rs = [r for _, r in recs]
    print(f"OK: {len(rs)} records, no errors\n")

    by_label = collections.Counter((r["label"], r["lang"]) for r in rs)
    print(f"{'label':24s} {'fr':>4s} {'en':>4s} {'total':>6s}")
    for lab in ["diagnosis", "prescription", "clinical_decision", "decision_about_staff",
                "decision_about_person", "reidentification", "allowed"]:
        fr, en = by_label[(lab, "fr")], by_label[(lab, "en")]
        print(f"{lab:24s} {fr:4d} {en:4d} {fr + en:6d}")
    fr = sum(v for (l, g), v in by_label.items() if g == "fr")
    en = sum(v for (l, g), v in by_label.items() if g == "en")
    print(f"{'total':24s} {fr:4d} {en:4d} {fr + en:6d}\n")

    by_style = collections.Counter((r["style"], r["label"] == "allowed") for r in rs)
    print(f"{'style':16s} {'prohib':>6s} {'allowed':>7s} {'total':>6s}")
    for st in STYLES:
        p, a = by_style[(st, False)], by_style[(st, True)]
        print(f"{st:16s} {p:6d} {a:7d} {p + a:6d}")
    print()

    print("lang:", dict(collections.Counter(r["lang"] for r in rs)))
    multi = collections.Counter(r["label"] == "allowed" for r in rs if sum(m["role"] == "user" for m in r["messages"]) > 1)
    print(f"multi-turn: allowed {multi[True]}, prohibited {multi[False]}")
    sysn = sum(r["messages"][0]["role"] == "system" for r in rs)
    print(f"records with a system message: {sysn}")
    ch = collections.Counter(r["label"] in PROHIBITED for r in rs if CHARTER.search(r["messages"][-1]["content"]))
    print(f"last messages containing diagnos*/prescri*/décid*/decide: prohibited {ch[True]}, allowed {ch[False]}")
    print("\nconversations with a personal-data marker (rough regexes, informational):")
    for name, rx in MARKERS.items():
        c = collections.Counter(r["label"] == "allowed" for r in rs
                                if any(rx.search(m["content"]) for m in r["messages"]))
        print(f"  {name:18s} prohibited {c[False]:3d}  allowed {c[True]:3d}")
    anyc = collections.Counter(r["label"] == "allowed" for r in rs
                               if any(rx.search(m["content"]) for rx in MARKERS.values() for m in r["messages"]))
    print(f"  {'any':18s} prohibited {anyc[False]:3d}  allowed {anyc[True]:3d}")


if __name__ == "__main__":
    main()
