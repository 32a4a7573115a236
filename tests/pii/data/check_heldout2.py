"""Independent checks on pii_fr_heldout2.jsonl (does not use the generator's code)."""
import json
import re
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "pii_fr_heldout2.jsonl"
rs = [json.loads(line) for line in open(path, encoding="utf-8")]


def luhn(s):
    t = 0
    for i, c in enumerate(reversed(s)):
        d = int(c)
        if i % 2:
            d *= 2
            d -= 9 if d > 9 else 0
        t += d
    return t % 10 == 0


bad, ids = 0, set()
LABELS = {"PERSON", "FR_NIR", "PHONE_NUMBER", "EMAIL_ADDRESS", "IBAN_CODE", "ADDRESS", "DATE_OF_BIRTH", "PATIENT_ID", "HEALTH_PRO_ID"}
for r in rs:
    assert r["id"] not in ids and re.fullmatch(r"h2-\d{4}", r["id"])
    ids.add(r["id"])
    assert r["domain"] in {"procurement", "accounting", "research", "hr", "other"}
    t = r["text"]
    assert 100 <= len(t) <= 1500
    iv = sorted([(s["start"], s["end"]) for s in r["spans"]] + [(k["start"], k["end"]) for k in r["keep"]])
    for (a, b), (c, d) in zip(iv, iv[1:]):
        if c < b:
            print("overlap", r["id"], t[a:b], t[c:d]); bad += 1
    mask = [False] * len(t)
    for a, b in iv:
        mask[a:b] = [True] * (b - a)
    for s in r["spans"]:
        v, lab = t[s["start"]:s["end"]], s["label"]
        assert lab in LABELS and v == v.strip() and v
        dg = re.sub(r"\D", "", v)
        if lab == "FR_NIR" and re.search(r"\d", v):
            c = re.sub(r"[\s.\u00a0]", "", v)
            body = c[:5] + {"2A": "19", "2B": "18"}.get(c[5:7], c[5:7]) + c[7:13]
            if not (len(c) == 15 and 97 - int(body) % 97 == int(c[13:])):
                print("NIR", v); bad += 1
        if lab == "IBAN_CODE":
            c = re.sub(r"[\s\-\u00a0]", "", v)
            n = "".join(str(int(x, 36)) for x in c[4:] + c[:4])
            if int(n) % 97 != 1 or len(c) != 27:
                print("IBAN", v); bad += 1
        if lab == "HEALTH_PRO_ID" and not (len(v) == 11 and luhn(v)):
            print("RPPS", v); bad += 1
        if lab == "PHONE_NUMBER" and re.search(r"\d", v):
            if not (len(dg) == 10 or (dg.startswith("33") and len(dg) in (11, 12)) or (dg.startswith("0033") and len(dg) == 13)):
                print("PHONE", v); bad += 1
    for m in re.finditer(r"(?:\+33|0033|\b0)\d(?:[\s.\-/\u00a0]?\d{2}){4}\b|\b\d{9,15}\b", t):
        if not all(mask[m.start():m.end()]):
            print("stray number", r["id"], repr(m.group())); bad += 1
    for m in re.finditer(r"[\w.\-]+@[\w.\-]+", t):
        if not all(mask[m.start():m.end()]):
            print("stray mail", r["id"], m.group()); bad += 1
print(f"records={len(rs)} problems={bad}")
sys.exit(1 if bad else 0)
