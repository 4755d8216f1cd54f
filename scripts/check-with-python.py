#!/usr/bin/env python3
"""Checks a built dataset with tools nobody on this project wrote.

Usage: scripts/check-with-python.py DATASET_DIR

- every record of every JSON file against its JSON Schema (jsonschema, Draft 2020-12);
- every CSV table read by Python's csv module, its header as datapackage.json says, every
  required cell present and every foreign key resolving;
- for every statement, piece of evidence and standing, text[start:end] of the article is the quote.
Prints counts; exits 1 on the first kind of failure it finds.
"""
import csv, hashlib, json, os, sys
from jsonschema import Draft202012Validator

d = sys.argv[1]
fail = 0

schemas = {"articles": "article", "actors": "actor", "incidents": "incident",
           "statements": "statement", "outcomes": "outcome"}
data = {}
for f, s in schemas.items():
    schema_version = json.load(open(os.path.join(d, "manifest.json"), encoding="utf-8"))["schema_version"]
    schema = json.load(open(os.path.join(d, "schema", schema_version, s + ".schema.json")))
    Draft202012Validator.check_schema(schema)
    v = Draft202012Validator(schema)
    records = json.load(open(os.path.join(d, f + ".json"), encoding="utf-8"))
    data[f] = records
    errors = [e for r in records for e in v.iter_errors(r)]
    print(f"jsonschema {f}.json: {len(records)} records, {len(errors)} errors")
    fail |= bool(errors)

pkg = json.load(open(os.path.join(d, "datapackage.json")))
tables = {}
for res in pkg["resources"]:
    with open(os.path.join(d, res["path"]), newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    header, body = rows[0], rows[1:]
    names = [f["name"] for f in res["schema"]["fields"]]
    ok = header == names and all(len(r) == len(names) for r in body)
    for i, f in enumerate(res["schema"]["fields"]):
        if f.get("constraints", {}).get("required"):
            ok &= all(r[i] != "" for r in body)
    tables[res["name"]] = (names, body)
    raw = open(os.path.join(d, res["path"]), "rb").read()
    if "hash" in res:  # the descriptor's size and hash of the file
        ok &= res["bytes"] == len(raw) and res["hash"] == "sha256:" + hashlib.sha256(raw).hexdigest()
    print(f"csv {res['path']}: {len(body)} rows, header, required cells, bytes and hash {'ok' if ok else 'WRONG'}")
    fail |= not ok

fk_checked = fk_bad = 0
for res in pkg["resources"]:
    names, body = tables[res["name"]]
    for fk in res["schema"].get("foreignKeys", []):
        target = fk["reference"]["resource"] or res["name"]
        tnames, tbody = tables[target]
        keys = {r[tnames.index(fk["reference"]["fields"][0])] for r in tbody}
        col = names.index(fk["fields"][0])
        for r in body:
            if r[col] != "":
                fk_checked += 1
                fk_bad += r[col] not in keys
print(f"foreign keys: {fk_checked} checked, {fk_bad} broken")
fail |= bool(fk_bad)

texts = {a["id"]: a["text"] for a in data["articles"]}
spans = [(s["article"], s["quote"], s["start"], s["end"]) for s in data["statements"]]
for kind in ("actors", "incidents", "outcomes"):
    spans += [(e["article"], e["quote"], e["start"], e["end"]) for r in data[kind] for e in r["evidence"]]
    # whose account a record is, and the words that show it
    spans += [(e["article"], e["quote"], e["start"], e["end"]) for r in data[kind] if "standing" in r for e in [r["standing"]["evidence"]]]
bad = [s for s in spans if texts[s[0]][s[2]:s[3]] != s[1]]
print(f"text[start:end] == quote: {len(spans) - len(bad)} of {len(spans)} spans")
fail |= bool(bad)
sys.exit(1 if fail else 0)
