#!/usr/bin/env python3
"""Copies a synthetic seeds folder (scripts/synth-corpus.py) as its next patch version with about
PERCENT of its records corrected: the kinds of the statements of every k-th article swapped
(direct <-> partial), as a curator's corrections would be. Deterministic.

usage: synth-change.py SRC DST [PERCENT]   (default 1)
"""
import os, re, shutil, sys

src, dst = sys.argv[1], sys.argv[2]
percent = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
if os.path.exists(dst):
    shutil.rmtree(dst)
shutil.copytree(src, dst)

yaml = os.path.join(dst, "dataset.yaml")
text = open(yaml, encoding="utf-8").read()
text = re.sub(r"^version: (\d+)\.(\d+)\.(\d+)$", lambda m: f"version: {m[1]}.{m[2]}.{int(m[3]) + 1}", text, flags=re.M)
open(yaml, "w", encoding="utf-8").write(text)

articles = os.path.join(dst, "annotations", "articles")
files = sorted(os.listdir(articles))
# Each article file holds 12 records (an incident, an outcome, ten statements); the statements of
# one in k are changed, so that the changed records are PERCENT of all.
records = 12 * len(files)
statements_per_file = 10
k = max(1, round(statements_per_file * len(files) / (records * percent / 100)))
changed = 0
for name in files[k - 1::k]:
    path = os.path.join(articles, name)
    t = open(path, encoding="utf-8").read()
    n = len(re.findall(r"^    kind: (direct|partial)$", t, flags=re.M))
    t = re.sub(r"^    kind: (direct|partial)$", lambda m: "    kind: " + ("partial" if m[1] == "direct" else "direct"), t, flags=re.M)
    open(path, "w", encoding="utf-8").write(t)
    changed += n
print(f"{dst}: {changed} statements changed in {len(files[k - 1::k])} of {len(files)} articles")
