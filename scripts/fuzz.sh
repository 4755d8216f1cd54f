#!/usr/bin/env bash
# Fuzzes each target of InputFuzzTest for FUZZ_SECONDS (default 60), one JVM per target (Jazzer
# fuzzes one target per JVM), and prints executions and findings per target. A finding is saved by
# Jazzer beside the saved inputs that `make test` replays (commit it with its fix). The corpus it
# grew stays in .cifuzz-corpus/ (ignored by git) for the next run; FUZZ_SAVE_CORPUS=1 adds it to
# the saved inputs as well.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
MVN=${MVN:-mvn}
status=0
printf '%-16s %12s %8s %10s %s\n' target executions seconds exec/s result
for spec in source.InputFuzzTest#indexReader source.InputFuzzTest#annotations source.InputFuzzTest#quoteFinder \
    source.InputFuzzTest#textDecoder extract.ExtractFuzzTest#draftOfAnyText; do
  class=${spec%%#*}; target=${spec##*#}
  inputs=src/test/resources/dev/sourcebook/${class%%.*}/${class##*.}Inputs
  log=$(mktemp)
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" $MVN -B test -Dtest="${class##*.}#$target" >"$log" 2>&1
  code=$?
  done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)
  runs=$(echo "$done_line" | awk '{print $2}')
  secs=$(echo "$done_line" | awk '{print $5}')
  rate=$([ -n "$runs" ] && [ "${secs:-0}" -gt 0 ] && echo $((runs / secs)) || echo -)
  if [ $code -eq 0 ]; then result="no finding"; else result="FINDING (see $log)"; status=1; fi
  printf '%-16s %12s %8s %10s %s\n' "$target" "${runs:--}" "${secs:--}" "$rate" "$result"
  corpus=.cifuzz-corpus/dev.sourcebook.$class/$target
  if [ "${FUZZ_SAVE_CORPUS:-0}" = 1 ] && [ -d "$corpus" ]; then mkdir -p "$inputs/$target" && cp -n "$corpus"/* "$inputs/$target"/ 2>/dev/null; fi
  [ $code -eq 0 ] && rm -f "$log"
done
echo "saved inputs: $(find src/test/resources/dev/sourcebook -path '*FuzzTestInputs*' -type f | wc -l) files (replayed by make test);" \
  "grown corpus: $(find .cifuzz-corpus -type f 2>/dev/null | wc -l) files in .cifuzz-corpus/ (not committed)"
new=$(git status --porcelain --untracked-files=all -- src/test/resources/dev/sourcebook | grep -c '^??')
[ "$new" -gt 0 ] && echo "new saved inputs (findings, or FUZZ_SAVE_CORPUS=1): $new files; git status shows them"
exit $status
