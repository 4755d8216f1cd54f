#!/usr/bin/env python3
"""Writes a golden case's input as what it changes in the shared base seeds folder.

Usage: scripts/golden-case.py SEEDS_DIR CASE

The golden cases (src/test/resources/golden/CASE/) share one valid seeds folder, the base:
golden/ok-minimal/input. A case's input/ holds only the files whose bytes (or link text) differ
from the base, at the same relative paths, and input.removed lists, one relative path a line, what
the base has and the case has not (a folder once, not each file under it). GoldenTest puts a case
together as base - removed + input/ under target/golden/CASE/input and runs it there.

This script takes a complete seeds folder SEEDS_DIR and writes golden/CASE/input (and
input.removed when something is removed), replacing what they held. Links are kept as links, with
their text as it is: a relative link resolves from golden/CASE/input as from target/golden/CASE/input.
Then write the expected files with
    mvn test -Dtest=GoldenTest -Dsourcebook.regenerate=true
and read them before committing.
"""
import os, shutil, sys

GOLDEN = "src/test/resources/golden"
BASE = os.path.join(GOLDEN, "ok-minimal", "input")


def entries(root):
    """Relative path -> ('dir',) | ('link', text) | ('file', bytes), without following links."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            rel = os.path.relpath(p, root)
            if os.path.islink(p):
                out[rel] = ("link", os.readlink(p))
            elif os.path.isdir(p):
                out[rel] = ("dir",)
            else:
                with open(p, "rb") as f:
                    out[rel] = ("file", f.read())
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    seeds, case = sys.argv[1], sys.argv[2]
    case_dir = os.path.join(GOLDEN, case)
    if os.path.abspath(os.path.join(case_dir, "input")) == os.path.abspath(BASE):
        sys.exit("that is the base itself")
    base, new = entries(BASE), entries(seeds)

    removed = []
    for rel in sorted(base):
        if any(rel.startswith(r + os.sep) for r in removed):
            continue  # under a folder already listed
        if rel not in new or (base[rel][0] == "dir") != (new[rel][0] == "dir"):
            removed.append(rel)
    gone = lambda rel: any(rel == r or rel.startswith(r + os.sep) for r in removed)
    changed = [rel for rel in sorted(new) if new[rel][0] != "dir" and (gone(rel) or base.get(rel) != new[rel])]
    # a folder the base lacks and that holds no file is not kept (git would not keep it either)

    overlay = os.path.join(case_dir, "input")
    if os.path.lexists(overlay):
        shutil.rmtree(overlay)
    for rel in changed:
        target = os.path.join(overlay, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        kind = new[rel]
        if kind[0] == "link":
            os.symlink(kind[1], target)
        else:
            shutil.copyfile(os.path.join(seeds, rel), target)
            shutil.copymode(os.path.join(seeds, rel), target)
    listing = os.path.join(case_dir, "input.removed")
    if removed:
        with open(listing, "w", encoding="utf-8", newline="\n") as f:
            f.writelines(r.replace(os.sep, "/") + "\n" for r in removed)
    elif os.path.exists(listing):
        os.remove(listing)
    print(f"{case}: {len(changed)} changed, {len(removed)} removed")


if __name__ == "__main__":
    main()
