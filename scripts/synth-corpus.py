#!/usr/bin/env python3
"""Writes a synthetic seeds folder of N articles, deterministic for a given N.

Usage: scripts/synth-corpus.py N OUT

Each article is news-like text (a headline, 12-20 paragraphs, 3-6 KB) about an incident with a
named target, a relative, a perpetrator, a police force and a council, with ten direct quotations
by people and organisations whose names recur across the corpus. The annotations hold, per
article, ten statements, one incident with its participants and evidence, and one outcome; all
actors are in annotations/actors.yaml. The folder validates: every quote is unique in its text.
"""
import hashlib, os, random, sys

n = int(sys.argv[1]); out = sys.argv[2]
rng = random.Random(n)
FIRST = "Stella Alexander Philip Natalie Jayne Keir Ryan Grace Thomas Amira Owen Priya Daniel Fiona Samuel Leah Marcus Helen Omar Ruth".split()
LAST = "Creasy Stafford Stacey Senior Coleman Walsh Okafor Hughes Patel Morgan Byrne Ellis Khan Foster Lloyd Baines Rahman Doyle Price Sutton".split()
PLACES = "Walthamstow Rotherham Wigston Leicester Hackney Salford Kendal Truro Bangor Dundee Lewes Ripon Barnsley Epping Hexham".split()
WORDS = ("the council police safeguarding children family record allegation harassment complaint "
         "social services public life democracy misogyny abuse campaign petition referral evidence "
         "investigation review decision apology order sentence community resolution warning court "
         "judge office emails messages threat intimidation support victims women girls parents "
         "debate views right wrong law change duty process statement response concern risk").split()
VERBS = "said told added explained insisted argued warned claimed stated wrote".split()

people = [f"{f} {l}" for l in LAST for f in FIRST]          # 400 names
rng.shuffle(people)
forces = [f"{p} Police" for p in PLACES]
councils = [f"{p} Council" for p in PLACES]

def slug(s): return "-".join(s.lower().replace("'", "").split())

def sentence(k):
    return " ".join(rng.choice(WORDS) for _ in range(k)).capitalize()

os.makedirs(os.path.join(out, "sources"), exist_ok=True)
os.makedirs(os.path.join(out, "annotations", "articles"), exist_ok=True)
with open(os.path.join(out, "dataset.yaml"), "w") as f:
    f.write(f"name: synthetic-{n}\ntitle: Synthetic corpus of {n} articles\nversion: 1.0.0\nlicence: CC0-1.0\n")

index = ["id\tfile\tsha256\toutlet\theadline\tpublished\turl\tlanguage"]
actors = {}   # id -> (kind, name, description, first article, links)

def actor(name, kind, description, article, links=()):
    a = slug(name)
    if a not in actors:
        actors[a] = (kind, name, description, article, list(links))
    return a

for i in range(n):
    aid = f"a{i:06d}"
    target, perp, relative, commenter = rng.sample(people, 4)
    place = rng.choice(PLACES); force = rng.choice(forces); council = rng.choice(councils)
    y, m, d = 2020 + i % 5, 1 + i % 12, 1 + i % 28
    headline = f"{target} says family targeted by {perp} in {place} ({i})"
    speakers = [target, target, target, perp, commenter, force, council, target, commenter, force]
    paragraphs, quotes = [], []
    used = set()
    for k, who in enumerate(speakers):
        while True:
            q = sentence(rng.randint(8, 22)) + f", {rng.choice(WORDS)} {k}{i}."
            if q not in used: break
        used.add(q)
        quotes.append((who, q))
        lead = sentence(rng.randint(10, 30)) + "."
        if rng.random() < 0.5:
            paragraphs.append(f"{lead}\n\n“{q}” {who} {rng.choice(VERBS)}.")
        else:
            paragraphs.append(f"{lead} {who} {rng.choice(VERBS)}: “{q}”")
    body = "\n\n".join(paragraphs)
    text = (f"{headline}\n\n{target}, the MP for {place}, said her relative {relative} was targeted by "
            f"{perp}, who made a referral to {council}. {force} gave {perp} a community resolution "
            f"in case {i}.\n\n{body}\n")
    data = text.encode("utf-8")
    path = f"sources/{aid}.txt"
    with open(os.path.join(out, path), "wb") as f: f.write(data)
    index.append(f"{aid}\t{path}\t{hashlib.sha256(data).hexdigest()}\tSynthetic News\t{headline}\t{y}-{m:02d}-{d:02d}\t\ten")

    t = actor(target, "person", f"MP for {place}", aid)
    r = actor(relative, "person", "relative of a target", aid)
    p = actor(perp, "person", "a perpetrator", aid)
    c = actor(commenter, "person", "a commentator", aid)
    fo = actor(force, "organisation", "a police force", aid)
    co = actor(council, "organisation", "a local council", aid)
    inc = f"i{i:06d}"
    lines = [f"article: {aid}", "incidents:", f"  - id: {inc}",
             f"    title: Referral of {target}'s relative ({i})",
             f"    summary: {perp} targeted {target} through {relative}.",
             "    types: [malicious-referral]", f"    date: '{y}'",
             "    participants:",
             f"      - {{actor: {t}, role: target}}", f"      - {{actor: {r}, role: family-target}}",
             f"      - {{actor: {p}, role: perpetrator}}", f"      - {{actor: {co}, role: recipient-authority}}",
             "    standing:", "      kind: alleged", f"      by: {t}", f"      quote: said her relative {relative} was targeted",
             "    evidence:", f"      - quote: who made a referral to {council}. {force} gave {perp}",
             "outcomes:", f"  - id: o{i:06d}", f"    incident: {inc}", f"    authority: {fo}",
             "    type: community-resolution", f"    date: '{y}'", "    status: reported",
             "    standing:", "      kind: found", f"      by: {fo}", f"      quote: {force} gave {perp} a community resolution",
             "    evidence:", f"      - quote: gave {perp} a community resolution in case {i}.",
             "statements:"]
    for k, (who, q) in enumerate(quotes):
        lines += [f"  - id: s{i:06d}-{k}", f"    speaker: {slug(who)}", "    kind: direct",
                  f"    about: [{inc}]", f"    quote: \"{q}\""]
    with open(os.path.join(out, "annotations", "articles", f"{aid}.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")

with open(os.path.join(out, "INDEX.tsv"), "w") as f: f.write("\n".join(index) + "\n")
with open(os.path.join(out, "annotations", "actors.yaml"), "w") as f:
    f.write("actors:\n")
    for a, (kind, name, desc, art, links) in sorted(actors.items()):
        f.write(f"  - id: {a}\n    kind: {kind}\n    name: {name}\n    description: {desc}\n"
                f"    evidence:\n      - article: {art}\n        quote: {name}\n        occurrence: 1\n")
print(f"{out}: {n} articles, {len(actors)} actors, {n} incidents, {n} outcomes, {10 * n} statements")
