import json, random, collections, sys
sys.path.insert(0, ".")
import diag, presc, clin, staff, person, reid, allowed_hard1, allowed_hard2, allowed_misc
recs = []
for m in (diag, presc, clin, staff, person, reid, allowed_hard1, allowed_hard2, allowed_misc):
    recs += m.RECORDS
random.Random(20261129).shuffle(recs)
out = []
for i, r in enumerate(recs, 1):
    out.append({"id": f"t2-{i:04d}", "label": r["label"], "lang": r["lang"], "style": r["style"], "messages": r["messages"]})
with open("../usage_test_2.jsonl", "w", encoding="utf-8") as f:
    for r in out:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(out))
