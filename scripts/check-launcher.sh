#!/usr/bin/env bash
# bin/sourcebook as a user meets it: runs with no class-data archive, with a fresh one (which the
# JVM then really loads classes from), and with a stale one (left out, no warning).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
jar="$tmp/sourcebook.jar"; cp target/sourcebook.jar "$jar"
archive="$tmp/sourcebook.jsa"
run() { SOURCEBOOK_JAR="$jar" SOURCEBOOK_CDS="$archive" bin/sourcebook "$@"; }
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
touch "$jar"  # now newer than the archive
expect_quiet run validate seeds
stale=$(SOURCEBOOK_JAVA_OPTS=-Xlog:class+load=info run validate seeds 2>/dev/null | grep -c "shared objects file (top)" || true)
[ "$stale" -eq 0 ] || { echo "FAILED: a stale archive was used"; exit 1; }
echo "launcher: runs without an archive; a fresh one gives $shared classes; a stale one is left out without a word"
