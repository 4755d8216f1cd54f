#!/usr/bin/env bash
# How long `bin/sourcebook validate DIR --watch` takes to check a save: starts it on a copy of the
# seeds folder DIR, saves SAVES annotation files one after another (a line added at the end of
# each, as an editor writes it: a new file renamed over the old one), waits for each run, and
# prints the seconds the watch reported for the first run and then for each save.
# Usage: scripts/bench-watch.sh DIR [SAVES]
set -euo pipefail
cd "$(dirname "$0")/.."
src=$1 saves=${2:-12}
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r "$src" "$work/seeds"
bin/sourcebook validate "$work/seeds" --watch >/dev/null 2>"$work/log" &
pid=$!
runs() { grep -c 'watching' "$work/log" || true; }
wait_for() { # the number of runs to wait for
  for _ in $(seq 1200); do [ "$(runs)" -ge "$1" ] && return 0; kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  echo "the watch did not report run $1:" >&2; cat "$work/log" >&2; exit 1
}
wait_for 1
mapfile -t files < <(find "$work/seeds/annotations" -name '*.yaml' | sort | awk -v n="$saves" 'NR % 97 == 1' | head -n "$saves")
i=1
for f in "${files[@]}"; do
  sed -i "\$a # saved $i" "$f"
  i=$((i + 1))
  wait_for "$i"
  sleep 0.3 # apart, as a person saves
done
grep -o '([0-9.]* s) watching' "$work/log" | tr -d '(' | awk '{print $1}'
