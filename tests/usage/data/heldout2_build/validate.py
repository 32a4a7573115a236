import json, collections, re, sys
LABELS = {"diagnosis","prescription","clinical_decision","decision_about_staff","decision_about_person","reidentification","allowed"}
path = sys.argv[1] if len(sys.argv) > 1 else "../usage_test_2.jsonl"
rows = []; ids = set(); texts = set()
for n, line in enumerate(open(path, encoding="utf-8"), 1):
    r = json.loads(line)
    assert set(r) == {"id","label","lang","style","messages"}, n
    assert r["label"] in LABELS, (n, r["label"])
    assert r["lang"] in ("fr","en"), n
    assert r["id"] not in ids, r["id"]; ids.add(r["id"])
    m = r["messages"]
    assert m and m[-1]["role"] == "user", n
    for k, x in enumerate(m):
        assert x["role"] in ("system","user","assistant") and isinstance(x["content"], str) and x["content"].strip(), n
        if x["role"] == "system": assert k == 0, n
    roles = [x["role"] for x in m if x["role"] != "system"]
    for a, b in zip(roles, roles[1:]): assert a != b, (n, roles)
    key = m[-1]["content"]; assert key not in texts, ("dup", n); texts.add(key)
    rows.append(r)
c = collections.Counter
print("total", len(rows))
print("label", c(r["label"] for r in rows))
print("lang", c(r["lang"] for r in rows))
print("style", c(r["style"] for r in rows))
trig = re.compile(r"diagnos|prescri|d[ée]cid|decide", re.I)
for L in sorted(LABELS - {"allowed"}):
    sub = [r for r in rows if r["label"] == L]
    k = sum(1 for r in sub if trig.search(r["messages"][-1]["content"]))
    print(f"{L}: {k}/{len(sub)} last messages contain diagnos/prescri/decide")
lens = [len(r["messages"][-1]["content"]) for r in rows]
print("long (>=1000 chars) last msgs:", sum(l >= 1000 for l in lens))
