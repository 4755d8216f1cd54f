#!/usr/bin/env bash
# Whole-process timings and peak memory of `validate` and `build` on the seeds and on synthetic
# corpora, against the I/O floor of the same corpus measured in the same run; `diff` of two
# versions of the 10k corpus against one `validate`; `validate --watch` saves on the 10k corpus
# against a full validate; start-up against a hello-world class; then JMH on the hot paths. Writes the tables to BENCHMARKS.md (between the markers) and prints them.
#
# BENCH_SIZES (default "1000 5000 10000 50000"), BENCH_RUNS (default 3): the median of that
# many runs is reported. Needs target/sourcebook.jar (make jar) and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${BENCH_SIZES:-"1000 5000 10000 50000"}
runs=${BENCH_RUNS:-3}
jar=target/sourcebook.jar
work=target/bench
mkdir -p "$work"
results=$work/results.md

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# One run of a command: "seconds peak-kilobytes".
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
    echo "failed: $*" >&2; cat "$work/stderr.txt" >&2; exit 1; }
  cat "$work/time.txt"
}

# Each build writes a folder of its own; a row's folders are removed after the row, 35 s before
# the next row starts. Removed just before the next build, as they were until session 9, they cost
# it 3-5 s: for about 30 s after files are deleted, ext4 passes over their inodes when it makes new
# files (recently_deleted), and making 20,000 files of 5 KB took 3.5 s of system time right after
# 20,000 were deleted, 0.4-0.5 s otherwise. (The 50k row's three builds take about 4 GB meanwhile.)
builds=0
rm -rf "$work/out"
trap 'rm -rf "$work/out" "$work/daemons-build"' EXIT  # the daemon's folder: it stops

# The I/O floor: reading and hashing every input byte once.
floor() { find "$1" -type f -print0 | sort -z | xargs -0 cat | sha256sum >/dev/null; }

# The command that runs sourcebook: the launcher, or java -jar with the given JVM options.
runner() { if [ "$1" = launcher ]; then echo bin/sourcebook; else echo "java $1 -jar $jar"; fi; }

# The launcher's daemons run in folders of the bench's own: stop_daemons.
. scripts/daemons.sh
kb_of() { awk -v k="$1:" '$1 == k {print $2}' "/proc/$2/status" 2>/dev/null || echo 0; }

row() { # name dir [JVM options, or "launcher" for bin/sourcebook]
  local name=$1 dir=$2 jvm=${3:-} bytes files t
  bytes=$(du -sb "$dir" | cut -f1)
  files=$(find "$dir" -type f | wc -l)
  local fl=() vt=() vm=() bt=() bm=() daemons=""
  floor "$dir"  # the files in the page cache, as every run after the first finds them
  # Through the launcher a build is run by a daemon, which the first build starts (a validate of a
  # large folder runs in its own JVM): its own folder, its peak added to the client's below.
  if [ "$jvm" = launcher ]; then daemons=$work/daemons-build; stop_daemons "$daemons"; export SOURCEBOOK_DAEMON=on SOURCEBOOK_DAEMON_DIR=$daemons; fi
  for _ in $(seq "$runs"); do
    t=$( { /usr/bin/time -f "%e" bash -c "$(declare -f floor); floor '$dir'" ; } 2>&1 | tail -1); fl+=("$t")
    # shellcheck disable=SC2086 # $run is a command and its options
    read -r t m < <(measure $(runner "$jvm") validate "$dir"); vt+=("$t"); vm+=("$m")
    builds=$((builds + 1))
    # shellcheck disable=SC2086
    read -r t m < <(measure $(runner "$jvm") build --seeds "$dir" --out "$work/out/$builds"); bt+=("$t"); bm+=("$m")
  done
  local f v b vmax bmax
  f=$(printf '%s\n' "${fl[@]}" | median); v=$(printf '%s\n' "${vt[@]}" | median); b=$(printf '%s\n' "${bt[@]}" | median)
  vmax=$(printf '%s\n' "${vm[@]}" | sort -n | tail -1); bmax=$(printf '%s\n' "${bm[@]}" | sort -n | tail -1)
  if [ -n "$daemons" ]; then
    local pid hwm idle
    pid=$(pgrep -f "Daemon $daemons" | head -1)
    hwm=$(kb_of VmHWM "$pid")
    sleep 70  # unused for a minute (and a watchdog round), it gives back its heap
    idle=$(kb_of VmRSS "$pid")
    echo "$name: each build run by the launcher's daemon, the first of them starting it: ${bt[*]} s;" \
      "peak $((bmax / 1024)) MB (the client) + $((hwm / 1024)) MB (the daemon), in the column as their sum;" \
      "the daemon resident after a minute unused: $((idle / 1024)) MB." >> "$work/daemon-builds.txt"
    bmax=$((bmax + hwm))
    stop_daemons "$daemons"; unset SOURCEBOOK_DAEMON SOURCEBOOK_DAEMON_DIR
  fi
  local counts
  counts=$(java -jar $jar validate "$dir" | sed 's/.*valid, //')
  printf '| %s | %s | %d MB, %d files | %.2f | %.2f | %d | %.2f | %d | %.1f |\n' \
    "$name" "$counts" $((bytes / 1000000)) "$files" "$f" "$v" $((vmax / 1024)) "$b" $((bmax / 1024)) \
    "$(awk -v b="$b" -v f="$f" 'BEGIN { print (f >= 0.01 ? b / f : -1) }')" | sed 's/| -1.0 |$/| (floor below 0.01 s) |/' | tee -a "$results"
  [ -z "$jvm" ] && echo "$name $b" >> "$work/build-times.txt"
  rm -rf "$work/out"; sleep 35
  return 0
}

: > "$results"; : > "$work/build-times.txt"; : > "$work/daemon-builds.txt"
{
  echo "| corpus | records | input | I/O floor s | validate s | validate peak MB | build s | build peak MB | build / floor |"
  echo "|---|---|---|---|---|---|---|---|---|"
} | tee -a "$results"
row seeds seeds
for n in $sizes; do
  dir=$work/synth-$n
  [ -f "$dir/INDEX.tsv" ] || python3 scripts/synth-corpus.py "$n" "$dir" >/dev/null
  row "synthetic $n" "$dir"
  # The same corpus with the heap capped, as the README advises for large corpora.
  if [ "$n" = 10000 ]; then row "synthetic $n, java -Xmx1g" "$dir" "-Xmx1g"; row "synthetic $n, bin/sourcebook" "$dir" launcher; fi
done
if [ -s "$work/daemon-builds.txt" ]; then { echo; cat "$work/daemon-builds.txt"; } | tee -a "$results"; fi

# diff of two versions of the 10k corpus, 1% of their records corrected, against its floor: one
# validate of one version (diff reads and checks both in full, then compares).
if [[ " $sizes " == *" 10000 "* ]]; then
  rm -rf "$work/versions"
  python3 scripts/synth-change.py "$work/synth-10000" "$work/synth-10000-changed" 1 > "$work/changed.txt"
  java -jar $jar build --seeds "$work/synth-10000" --out "$work/versions" >/dev/null
  java -jar $jar build --seeds "$work/synth-10000-changed" --out "$work/versions" >/dev/null
  old=$work/versions/synthetic-10000/1.0.0 new=$work/versions/synthetic-10000/1.0.1
  dt=() dm=() vt=()
  for _ in $(seq "$runs"); do
    read -r t m < <(measure java -jar $jar validate "$old"); vt+=("$t")
    read -r t m < <(measure java -jar $jar diff "$old" "$new"); dt+=("$t"); dm+=("$m")
  done
  d=$(printf '%s\n' "${dt[@]}" | median); v=$(printf '%s\n' "${vt[@]}" | median); dmax=$(printf '%s\n' "${dm[@]}" | sort -n | tail -1)
  { echo; echo "diff of two versions of synthetic 10000 ($(sed 's/.*: //' "$work/changed.txt")): $d s, peak $((dmax / 1024)) MB;" \
      "one validate of a version $v s; diff / validate = $(awk -v a="$d" -v b="$v" 'BEGIN { printf "%.2f", a / b }') (reading both is 2)."; } | tee -a "$results"
fi

# validate --watch on the 10k corpus: the first run, then saves of one annotation file each,
# against a full validate of the same corpus through the launcher (what every save cost before).
if [[ " $sizes " == *" 10000 "* ]]; then
  saves=${BENCH_WATCH_SAVES:-15}
  mapfile -t w < <(bash scripts/bench-watch.sh "$work/synth-10000" "$saves")
  first=${w[0]}
  s=$(printf '%s\n' "${w[@]:1}" | median)
  lo=$(printf '%s\n' "${w[@]:1}" | sort -n | head -1); hi=$(printf '%s\n' "${w[@]:1}" | sort -n | tail -1)
  read -r full _ < <(measure bin/sourcebook validate "$work/synth-10000")
  { echo; echo "validate --watch of synthetic 10000 (bin/sourcebook): first run $first s; then $saves saves of one annotation file each," \
      "median $s s (from $lo to $hi s); a full validate $full s; save / full = $(awk -v a="$s" -v b="$full" 'BEGIN { printf "%.3f", a / b }')."; } | tee -a "$results"
fi

# Start-up: whole processes on the seeds against the JVM's own floor (a hello-world class), medians.
startup_runs=${BENCH_STARTUP_RUNS:-9}
mkdir -p "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/hello/Hello.java"
javac -d "$work/hello" "$work/hello/Hello.java"
startup() { # label command...
  local ts=() t
  for _ in $(seq "$startup_runs"); do read -r t _ < <(measure "$@"); ts+=("$t"); done
  printf '%s\n' "${ts[@]}" | median
}
hello=$(startup java -cp "$work/hello" Hello)
{
  echo
  echo "Start-up, medians of $startup_runs whole processes; the floor is a hello-world class on the same JVM:"
  echo
  echo "| command | s | / floor |"
  echo "|---|---|---|"
  echo "| java -cp . Hello (the floor) | $hello | 1.0 |"
  ratio() { awk -v a="$1" -v b="$hello" 'BEGIN { printf "%.1f", a / b }'; }
  for c in "java -jar $jar validate seeds" "bin/sourcebook --version"; do
    # shellcheck disable=SC2086
    t=$(startup $c)
    echo "| \`$c\` | $t | $(ratio "$t") |"
  done
  t=$(SOURCEBOOK_DAEMON=off startup bin/sourcebook validate seeds)
  echo "| \`bin/sourcebook validate seeds\`, each in its own JVM (\`SOURCEBOOK_DAEMON=off\`) | $t | $(ratio "$t") |"
  # The daemon: in a folder of the bench's own, removed at the end, which stops it.
  export SOURCEBOOK_DAEMON=on SOURCEBOOK_DAEMON_DIR=$work/daemons
  trap 'rm -rf "$SOURCEBOOK_DAEMON_DIR"' EXIT
  firsts=()
  for _ in 1 2 3; do
    stop_daemons "$SOURCEBOOK_DAEMON_DIR"
    read -r t _ < <(measure bin/sourcebook validate seeds); firsts+=("$t")
  done
  t=$(printf '%s\n' "${firsts[@]}" | median)
  echo "| \`bin/sourcebook validate seeds\`, the first (answers in its own JVM, then starts a daemon), median of 3 | $t | $(ratio "$t") |"
  for _ in $(seq 60); do grep -qs "validate daemon ready" "$SOURCEBOOK_DAEMON_DIR"/*.log && break; sleep 0.5; done
  t=$(startup bin/sourcebook validate seeds)
  echo "| \`bin/sourcebook validate seeds\`, answered by the daemon | $t | $(ratio "$t") |"
  pid=$(pgrep -f "Daemon $SOURCEBOOK_DAEMON_DIR" | head -1)
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status" 2>/dev/null || echo "?")
  echo
  echo "The daemon's resident memory after these runs: $rss MB."
  stop_daemons "$SOURCEBOOK_DAEMON_DIR"; trap - EXIT; unset SOURCEBOOK_DAEMON SOURCEBOOK_DAEMON_DIR
} | tee -a "$results"

t5=$(awk '$2 == "5000" {print $3}' "$work/build-times.txt"); t50=$(awk '$2 == "50000" {print $3}' "$work/build-times.txt")
if [ -n "$t5" ] && [ -n "$t50" ]; then
  echo | tee -a "$results"
  echo "Scaling: build time(50k) / time(5k) = $(awk -v a="$t50" -v b="$t5" 'BEGIN { printf "%.1f", a / b }') (linear is 10)." | tee -a "$results"
fi

echo | tee -a "$results"
echo "JMH (one fork, 3 x 1 s warm-up, 5 x 1 s measurement), on the project's seeds:" | tee -a "$results"
echo | tee -a "$results"
mvn -B -q test-compile >/dev/null
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main \
  -f 1 -wi 3 -w 1 -i 5 -r 1 -rf text -rff "$work/jmh.txt" HotPathBenchmark >/dev/null
{ echo '```'; cat "$work/jmh.txt"; echo '```'; } | tee -a "$results"

python3 - "$results" <<'PY'
import sys, re
results = open(sys.argv[1]).read()
doc = open("BENCHMARKS.md").read()
start, end = "<!-- bench:start -->", "<!-- bench:end -->"
doc = re.sub(re.escape(start) + ".*?" + re.escape(end), start + "\n" + results + "\n" + end, doc, flags=re.S)
open("BENCHMARKS.md", "w").write(doc)
PY
echo "written to BENCHMARKS.md"
