#!/usr/bin/env python3
"""Quotation-mark spans per article against the statements of a built dataset.

Usage: scripts/quote-coverage.py DATASET_DIR

Finds every span the article text puts in quotation marks (double marks, straight or curly; single
marks that open after a space or bracket and close before one), and says which statements overlap
it. A span that no statement overlaps is listed: it must be a name, a headline or a scare quote,
never a statement left out.
"""
import json, re, sys, os

d = sys.argv[1]
arts = json.load(open(os.path.join(d, "articles.json")))
stmts = json.load(open(os.path.join(d, "statements.json")))

OPEN_D, CLOSE_D = "“\"", "”\""
def spans(text):
    out = []
    for para_start, para in paragraphs(text):
        i = 0
        while i < len(para):
            c = para[i]
            if c in OPEN_D:
                j = next((k for k in range(i + 1, len(para)) if para[k] in CLOSE_D), len(para))
                # a straight " right after an opening mark is debris, not a new quote
                out.append((para_start + i + 1, para_start + j))
                i = j + 1
                continue
            if c in "‘'" and (i == 0 or not para[i - 1].isalnum()):
                m = re.compile(r"[’'](?![A-Za-z])").search(para, i + 1)
                if m:
                    out.append((para_start + i + 1, para_start + m.start()))
                    i = m.end()
                    continue
            i += 1
    return [(a, b) for a, b in out if b > a]

def paragraphs(text):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1

print(f"{'article':40} {'spans':>5} {'covered':>7} {'statements':>10}")
uncovered = []
for a in arts:
    text = a["text"]
    ss = [s for s in stmts if s["article"] == a["id"]]
    for s in ss:
        assert text[s["start"]:s["end"]] == s["quote"], s["id"]
    sp = spans(text)
    cov = 0
    for (x, y) in sp:
        if any(s["start"] < y and x < s["end"] for s in ss):
            cov += 1
        else:
            uncovered.append((a["id"], text[x:y]))
    print(f"{a['id']:40} {len(sp):>5} {cov:>7} {len(ss):>10}")
print()
print("spans no statement overlaps:")
for aid, words in uncovered:
    print(f"  {aid}: {words[:70]!r}")
