#!/usr/bin/env bash
# Fuzzes each target of InputFuzzTest for FUZZ_SECONDS (default 60), one JVM per target (Jazzer
# fuzzes one target per JVM), prints executions and findings per target, and adds the corpus it
# grew to the saved inputs that `make test` replays.
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
  if [ -d "$corpus" ]; then mkdir -p "$inputs/$target" && cp -n "$corpus"/* "$inputs/$target"/ 2>/dev/null; fi
  [ $code -eq 0 ] && rm -f "$log"
done
echo "saved inputs now: $(find src/test/resources/dev/sourcebook -path '*FuzzTestInputs*' -type f | wc -l) files (replayed by make test)"
exit $status
