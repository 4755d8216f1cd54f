#!/usr/bin/env bash
# Kills `build` with SIGKILL at many moments and checks, each time, that the dataset folder holds
# either the earlier output or the new one, byte for byte, never a mixture or a half-written file.
# With `daemon`, the builds are run by bin/sourcebook's build daemon and the kill is the client's
# (a terminal closed, Ctrl-C): the daemon then stops in the middle of the build, as a JVM killed does.
#
# Usage: scripts/kill-during-build.sh [TRIES] [daemon]   (from the project root, after `make`)
set -euo pipefail
tries=${1:-40}
jar=target/sourcebook.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stopped=0
. scripts/daemons.sh
if [ "${2:-}" = daemon ]; then
  export SOURCEBOOK_DAEMON=on SOURCEBOOK_DAEMON_DIR=$work/daemons
  build=(bin/sourcebook build)  # the launcher execs its client: $! below is the client's JVM
else
  build=(java -jar $jar build)
fi
# By a daemon: stops it (one whose client went midway has halted already; one that finished or
# never began stops when its socket goes) and waits until it has, so that nothing changes the
# folder after it is looked at; counts the builds halted midway.
settle() {
  [ -n "${SOURCEBOOK_DAEMON_DIR:-}" ] || return 0
  stopped=$((stopped + $(cat "$SOURCEBOOK_DAEMON_DIR"/*.log 2>/dev/null | grep -c "went away while its command line ran" || true)))
  stop_daemons "$SOURCEBOOK_DAEMON_DIR" || { echo "a daemon did not stop"; exit 1; }
}

# Two different datasets with the same name and version: "old" (a changed title) and "new".
cp -r seeds "$work/old-seeds"
rm -rf "$work/old-seeds/releases"  # else the changed title of a released version is refused (E-RELEASED-CHANGED)
sed -i 's/^title: .*/title: an earlier build/' "$work/old-seeds/dataset.yaml"
java -jar $jar build --seeds "$work/old-seeds" --out "$work/old" >/dev/null
java -jar $jar build --seeds seeds --out "$work/new" >/dev/null
name=$(ls "$work/new")
version=$(cd "$work/new/$name" && ls -d -- */ | tr -d /)  # beside it: versions.json, .lock
digest() { (cd "$1" && find . -type f | sort | xargs sha256sum | sha256sum | cut -c1-16); }
old=$(digest "$work/old/$name/$version")
new=$(digest "$work/new/$name/$version")

# How long a whole build takes here, to spread the kills over it (by a daemon: one the build
# starts, as every try below does).
start=$(date +%s%N); "${build[@]}" --seeds seeds --out "$work/timing" >/dev/null; end=$(date +%s%N); settle
span_ms=$(( (end - start) / 1000000 ))

kept=0; replaced=0; broken=0; midway=0
for i in $(seq 1 "$tries"); do
  rm -rf "$work/out"; cp -r "$work/old" "$work/out"
  # Most of a build is start-up and checking; the writing comes last, so the kills crowd there.
  delay_ms=$(( span_ms * 6 / 10 + span_ms * 5 * i / (10 * tries) ))
  "${build[@]}" --seeds seeds --out "$work/out" >/dev/null 2>&1 & pid=$!
  sleep "$(awk -v ms="$delay_ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  settle
  # A killed build may leave hidden staging folders; the next build clears them. What matters is
  # the dataset folder itself.
  if [ -n "$(find "$work/out/$name" -maxdepth 1 -type d -name '.*' 2>/dev/null)" ]; then midway=$((midway + 1)); fi
  got=$(digest "$work/out/$name/$version" 2>/dev/null || echo missing)
  if [ "$got" = "$old" ]; then kept=$((kept + 1))
  elif [ "$got" = "$new" ]; then replaced=$((replaced + 1))
  else broken=$((broken + 1)); echo "kill at ${delay_ms} ms: dataset folder is neither the old nor the new output ($got)"; fi
done
# Then kills aimed at the writing itself: as soon as the staging folder appears.
aimed=0; aimed_ok=0
for i in $(seq 1 10); do
  rm -rf "$work/out"; cp -r "$work/old" "$work/out"
  "${build[@]}" --seeds seeds --out "$work/out" >/dev/null 2>&1 & pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    if compgen -G "$work/out/$name/.$version.tmp-*" >/dev/null; then kill -9 "$pid"; aimed=$((aimed + 1)); break; fi
  done
  wait "$pid" 2>/dev/null || true
  settle
  got=$(digest "$work/out/$name/$version" 2>/dev/null || echo missing)
  if [ "$got" = "$old" ] || [ "$got" = "$new" ]; then aimed_ok=$((aimed_ok + 1)); else broken=$((broken + 1)); echo "aimed kill $i: dataset folder is neither old nor new ($got)"; fi
done
echo "kills aimed at the staging folder: $aimed of 10 landed while it existed; the dataset folder was the old or the new output whole in $aimed_ok of 10"

after=$("${build[@]}" --seeds seeds --out "$work/out" >/dev/null; find "$work/out/$name" -maxdepth 1 -type d -name '.*' | wc -l)
echo "build takes ~${span_ms} ms; $tries kills from 60% to 110% of it: $kept left the earlier output, $replaced found the new one complete, $broken broken"
echo "kills that landed while the build was writing (a hidden staging folder was left): $midway"
echo "hidden leftovers after one more build: $after"
if [ -n "${SOURCEBOOK_DAEMON_DIR:-}" ]; then echo "builds by a daemon that it stopped midway, its client killed: $stopped"; fi
[ "$broken" -eq 0 ]
