#!/usr/bin/env python3
"""pandas reads the CSV tables with the types datapackage.json declares; prints what it infers alone.

usage: check.py DATASET_DIR   (needs pandas)"""
import json, os, sys
import pandas as pd

d = sys.argv[1]
pkg = json.load(open(os.path.join(d, "datapackage.json"), encoding="utf-8"))
DTYPES = {"string": "string", "integer": "Int64", "boolean": "boolean"}
tables = {}
for res in pkg["resources"]:
    fields = res["schema"]["fields"]
    dtype = {f["name"]: DTYPES[f["type"]] for f in fields if f["type"] in DTYPES}
    dates = [f["name"] for f in fields if f["type"] == "date"]
    bools = [f for f in fields if f["type"] == "boolean"]
    t = pd.read_csv(os.path.join(d, res["path"]), dtype=dtype, parse_dates=dates, keep_default_na=False, na_values=[""],
                    true_values=[v for f in bools for v in f.get("trueValues", [])],
                    false_values=[v for f in bools for v in f.get("falseValues", [])])
    tables[res["name"]] = t
    guessed = pd.read_csv(os.path.join(d, res["path"]))
    wrong = [f"{c}:{guessed[c].dtype}" for c in guessed.columns
             if (c in dates and not str(guessed[c].dtype).startswith("datetime"))
             or (c in [b["name"] for b in bools] and guessed[c].dtype != bool)]
    print(f"pandas {pd.__version__} {res['path']}: {len(t)} rows; typed by the descriptor: "
          + ", ".join(f"{c}:{t[c].dtype}" for c in t.columns if c in dtype or c in dates)
          + (f"; guessed alone differently: {', '.join(wrong)}" if wrong else ""))
arts = dict(zip(tables["articles"]["id"], tables["articles"]["text"]))
st = tables["statements"]
bad = [r.id for r in st.itertuples() if "".join(list(arts[r.article])[r.start:r.end]) != r.quote]
print(f"pandas: text[start:end] == quote for {len(st) - len(bad)} of {len(st)} statements; minors: {int(tables['actors']['minor'].sum())}")
sys.exit(1 if bad else 0)
