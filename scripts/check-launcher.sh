#!/usr/bin/env bash
# bin/sourcebook as a user meets it: runs with no class-data archive, with a fresh one (which the
# JVM then really loads classes from), and with a stale one (left out, no warning); then a short
# validate answered by the JVM the one before it started (DaemonClient), as the command prints it.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
daemons="$tmp/daemons"
# Removing its socket stops a daemon within seconds (once it has warmed up): none outlives this
# script by more.
trap 'rm -rf "$tmp"' EXIT
jar="$tmp/sourcebook.jar"; cp target/sourcebook.jar "$jar"
archive="$tmp/sourcebook.jsa"
run() { SOURCEBOOK_DAEMON=off SOURCEBOOK_JAR="$jar" SOURCEBOOK_CDS="$archive" bin/sourcebook "$@"; }
expect_quiet() {  # the command succeeds and says nothing on stderr
  local err; err=$("$@" 2>&1 >/dev/null) || { echo "FAILED: $*: $err"; exit 1; }
  [ -z "$err" ] || { echo "FAILED: $* printed: $err"; exit 1; }
}
expect_quiet run validate seeds
java -XX:ArchiveClassesAtExit="$archive" -jar "$jar" validate seeds >/dev/null 2>&1
readlink -f "$(if [ -n "${JAVA_HOME:-}" ]; then echo "$JAVA_HOME/bin/java"; else command -v java; fi)" > "$archive.java"
expect_quiet run validate seeds
shared=$(SOURCEBOOK_JAVA_OPTS=-Xlog:class+load=info run validate seeds 2>/dev/null | grep -c "shared objects file (top)" || true)
[ "$shared" -gt 1000 ] || { echo "FAILED: a fresh archive was not used ($shared classes from it)"; exit 1; }
# In a folder named with a space, as a user's may be, it runs with the archive too (JDK 17 then
# takes only the JDK's own classes from it, not the jar's).
spaced="$tmp/a folder"; mkdir "$spaced"; cp "$jar" "$archive.java" "$spaced/"
java -XX:ArchiveClassesAtExit="$spaced/sourcebook.jsa" -jar "$spaced/sourcebook.jar" validate seeds >/dev/null 2>&1
in_spaced() { SOURCEBOOK_DAEMON=off SOURCEBOOK_JAR="$spaced/sourcebook.jar" SOURCEBOOK_CDS="$spaced/sourcebook.jsa" bin/sourcebook "$@"; }
expect_quiet in_spaced validate seeds
top=$(SOURCEBOOK_JAVA_OPTS=-Xlog:class+load=info in_spaced validate seeds 2>/dev/null | grep -c "shared objects file (top)" || true)
[ "$top" -gt 0 ] || { echo "FAILED: in a folder named with a space, the archive was left out"; exit 1; }
touch "$jar"  # now newer than the archive
expect_quiet run validate seeds
stale=$(SOURCEBOOK_JAVA_OPTS=-Xlog:class+load=info run validate seeds 2>/dev/null | grep -c "shared objects file (top)" || true)
[ "$stale" -eq 0 ] || { echo "FAILED: a stale archive was used"; exit 1; }
echo "launcher: runs without an archive; a fresh one gives $shared classes ($top in a folder named with a space); a stale one is left out without a word"

# The heap bound follows the folder's size (its INDEX's rows), whatever the folder is called and
# wherever --seeds stands: 1 GB up to about 20,000 articles, 1,856 MB at 50,000.
mkdir -p "$tmp/big"; seq 50000 > "$tmp/big/INDEX.tsv"
flags_of() {  # options of your own, then a command line: the flags the JVM ran it with
  local opts=$1; shift
  SOURCEBOOK_JAVA_OPTS="-XX:+PrintCommandLineFlags $opts" run "$@" --help 2>/dev/null | head -1
}
heap_of() { flags_of "" "$@" | grep -o "MaxHeapSize=[0-9]*" | cut -d= -f2; }
for args in "validate $tmp/big" "build --out $tmp/out --seeds $tmp/big" "build --seeds=$tmp/big"; do
  # shellcheck disable=SC2086 # the arguments are words
  got=$(heap_of $args)
  [ "$got" = $((1856 * 1024 * 1024)) ] || { echo "FAILED: $args: heap bound $got, not 1856 MB"; exit 1; }
done
got=$(heap_of build --seeds seeds)
[ "$got" = $((1024 * 1024 * 1024)) ] || { echo "FAILED: build of the seeds: heap bound $got, not 1 GB"; exit 1; }
echo "launcher: the heap bound follows the folder (1,856 MB for 50,000 rows, 1 GB for the seeds)"

# A long run's collector fits the cores (serial on two or fewer), a collector of your own replaces
# it (the JVM refuses two), and none of the long run's flags makes the JVM say a word.
build_has() {  # options of your own, and a flag a build must then run with
  local flags; flags=$(flags_of "$1" build)
  case "$flags" in *"$2 "*) ;; *) echo "FAILED: a build with SOURCEBOOK_JAVA_OPTS='$1' runs without $2: $flags"; exit 1 ;; esac
}
if [ "$(OMP_NUM_THREADS='' OMP_THREAD_LIMIT='' nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)" -le 2 ]; then gc=UseSerialGC; else gc=UseParallelGC; fi
build_has "" "-XX:+$gc"
build_has -XX:+UseG1GC -XX:+UseG1GC
build_has -XX:+UseGCOverheadLimit "-XX:+$gc"  # an option that only tunes a collector keeps ours
if grep -q '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then build_has "" -XX:+UseTransparentHugePages; fi
expect_quiet run build --seeds seeds --out "$tmp/built"
echo "launcher: a build runs with $gc and says nothing on stderr; a collector of your own replaces it"

# SOURCEBOOK_DAEMON=on: CI, where this runs, turns the daemon off by default.
. scripts/daemons.sh
served() { SOURCEBOOK_DAEMON=on SOURCEBOOK_DAEMON_DIR="$daemons" SOURCEBOOK_DAEMON_IDLE=300 SOURCEBOOK_JAR="$jar" SOURCEBOOK_CDS="$archive" bin/sourcebook "$@"; }
same_as_its_own_jvm() {  # what the daemon answers is what java -jar prints, exit code too
  local code=0 own=0
  served "$@" >"$tmp/served.out" 2>"$tmp/served.err" || code=$?
  java -jar "$jar" "$@" >"$tmp/own.out" 2>"$tmp/own.err" || own=$?
  [ "$code" = "$own" ] || { echo "FAILED: $*: exit $code from the daemon, $own from its own JVM"; exit 1; }
  cmp -s "$tmp/served.out" "$tmp/own.out" && cmp -s "$tmp/served.err" "$tmp/own.err" \
    || { echo "FAILED: $*: the daemon printed otherwise:"; diff "$tmp/own.out" "$tmp/served.out"; diff "$tmp/own.err" "$tmp/served.err"; exit 1; }
}
served validate seeds >/dev/null  # runs in its own JVM, then starts the daemon
for _ in $(seq 60); do grep -qs "validate daemon ready" "$daemons"/*.log && break; sleep 0.5; done
grep -qs "validate daemon ready in .* after 3 warm-up runs" "$daemons"/*.log || { echo "FAILED: no daemon warmed up: $(cat "$daemons"/*.log 2>/dev/null)"; exit 1; }
same_as_its_own_jvm validate seeds --by-article
same_as_its_own_jvm validate target/golden/many-errors-at-once/input
errors=$(grep -c "error\[" "$tmp/served.err")
same_as_its_own_jvm validate no-such-folder
answered=$(grep -c "served validate" "$daemons"/*.log)
[ "$answered" -eq 3 ] || { echo "FAILED: the daemon answered $answered of 3"; cat "$daemons"/*.log; exit 1; }
pid=$(pgrep -f "Daemon $daemons" || true)
[ -n "$pid" ] || { echo "FAILED: no daemon process found"; exit 1; }
stop_daemons "$daemons" || { echo "FAILED: the daemon outlived its socket"; exit 1; }
echo "launcher: the daemon answered 3 validates as their own JVM does (valid; $errors errors; a usage error), and stopped when its socket was removed"
# A collector of your own in JDK_JAVA_OPTIONS, which every java reads, replaces the daemon's too:
# with two, its JVM would not start.
JDK_JAVA_OPTIONS=-XX:+UseG1GC served validate seeds >/dev/null 2>&1
for _ in $(seq 60); do grep -qs "validate daemon ready" "$daemons"/*.log && break; sleep 0.5; done
grep -qs "validate daemon ready" "$daemons"/*.log || { echo "FAILED: with JDK_JAVA_OPTIONS=-XX:+UseG1GC no daemon started: $(cat "$daemons"/*.log)"; exit 1; }
stop_daemons "$daemons" || { echo "FAILED: the daemon outlived its socket"; exit 1; }

# A build goes to a daemon of its own, which it starts and which runs it (a daemon's warm-up would
# write); the next build finds it warm. What it writes is what a build in its own JVM writes, file
# modes too (the umask is part of the daemon's name: another umask, another daemon), and it prints
# the same.
built_alike() {  # OWN SERVED: the same files, bytes and modes
  diff -r "$1" "$2" >/dev/null || { echo "FAILED: a build by the daemon wrote otherwise than in its own JVM:"; diff -r "$1" "$2" | head; exit 1; }
  [ "$(cd "$1" && find . -printf '%m %p\n' | sort)" = "$(cd "$2" && find . -printf '%m %p\n' | sort)" ] \
    || { echo "FAILED: a build by the daemon made its files with other modes than in its own JVM"; exit 1; }
}
java -jar "$jar" build --seeds seeds --out "$tmp/own" >"$tmp/own.out" 2>"$tmp/own.err"
(umask 077; java -jar "$jar" build --seeds seeds --out "$tmp/own-077" >/dev/null)
for n in 1 2; do
  served build --seeds seeds --out "$tmp/served-$n" >"$tmp/served.out" 2>"$tmp/served.err"
  built_alike "$tmp/own" "$tmp/served-$n"
  [ "$(sed "s|$tmp/served-$n|$tmp/own|g" "$tmp/served.out")" = "$(cat "$tmp/own.out")" ] && cmp -s "$tmp/served.err" "$tmp/own.err" \
    || { echo "FAILED: a build by the daemon printed otherwise:"; cat "$tmp/served.out" "$tmp/served.err"; exit 1; }
done
(umask 077; served build --seeds seeds --out "$tmp/served-077" >/dev/null)
built_alike "$tmp/own-077" "$tmp/served-077"
started=$(cat "$daemons"/*.log | grep -c "build daemon ready in .* after 0 warm-up runs" || true)  # a warm-up would write
answered=$(cat "$daemons"/*.log | grep -c "served build" || true)
[ "$started" -eq 2 ] && [ "$answered" -eq 3 ] || { echo "FAILED: $started build daemons answered $answered of 3 builds"; cat "$daemons"/*.log; exit 1; }
pids=$(pgrep -f "Daemon $daemons" || true)
[ "$(echo "$pids" | wc -w)" -eq 2 ] || { echo "FAILED: not 2 build daemons: $pids"; exit 1; }
for p in $pids; do  # each with a build's flags, and a heap that can shrink back
  cmdline=$(tr '\0' ' ' < "/proc/$p/cmdline")
  for f in -Xmx1024m -Xms64m "-XX:+$gc" -XX:MaxInlineLevel=5; do
    case "$cmdline" in *" $f "*) ;; *) echo "FAILED: a build's daemon runs without $f: $cmdline"; exit 1 ;; esac
  done
done
stop_daemons "$daemons" || { echo "FAILED: a build's daemon outlived its socket"; exit 1; }
echo "launcher: 3 builds ran in 2 build daemons (one for each umask), which wrote and printed what a build in its own JVM does, and stopped when their sockets were removed"
