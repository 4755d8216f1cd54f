#!/usr/bin/env bash
# Reads a built dataset as its users would, with tools nobody here wrote: sqlite3, pandas (with the
# descriptor's types), R (readr and base read.csv), ajv (JSON Schema 2020-12, strict), node
# (code-point offsets) and datapackage-js (the descriptor, every table cast, foreign keys).
# DuckDB is read by DuckDbTest (its JDBC driver is a test dependency); the Data Package v1 and v2
# profiles by DataPackageProfileTest. A tool that is missing is skipped, saying so; one that disagrees fails.
# usage: scripts/check-consumers.sh [DATASET_DIR]   (default: a fresh build of seeds/)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-}
if [ -z "$dir" ]; then
  out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
  java -jar target/sourcebook.jar build --seeds seeds --out "$out" >/dev/null
  dir=$(find "$out" -name manifest.json -printf '%h\n')
fi
failed=0
run() { echo "== $1"; shift; "$@" || { echo "FAILED: $*"; failed=1; }; }

run "sha256sum -c" bash -c "cd '$dir' && sha256sum -c --quiet SHA256SUMS && echo \"\$(wc -l < SHA256SUMS) files ok\""

if command -v sqlite3 >/dev/null; then
  run "sqlite3 $(sqlite3 -version | cut -d' ' -f1)" sqlite3 -readonly "$dir/dataset.sqlite" \
    "PRAGMA foreign_keys = ON; PRAGMA integrity_check; SELECT 'foreign_key_check: ' || count(*) || ' broken' FROM pragma_foreign_key_check;"
else echo "== sqlite3: skipped (not installed: apt-get install sqlite3)"; fi

python=""
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null && "$p" -c "import pandas" 2>/dev/null; then python=$p; break; fi
done
if [ -n "$python" ]; then run "pandas" "$python" scripts/consumers/check.py "$dir"
else echo "== pandas: skipped (not installed: apt-get install python3-pandas)"; fi

if command -v Rscript >/dev/null && Rscript -e 'library(jsonlite); library(readr)' >/dev/null 2>&1; then
  run "R" Rscript scripts/consumers/check.R "$dir"
else echo "== R: skipped (needs Rscript with jsonlite and readr: apt-get install r-base-core r-cran-jsonlite r-cran-readr)"; fi

modules=target/consumers-node/node_modules
if command -v node >/dev/null && [ -d "$modules/ajv" ] && [ -d "$modules/ajv-formats" ]; then
  run "node" env NODE_PATH="$modules" node scripts/consumers/check.mjs "$dir"
else echo "== ajv and node: skipped (needs node and npm install --prefix target/consumers-node ajv@8 ajv-formats@3)"; fi

if command -v node >/dev/null && [ -d "$modules/datapackage" ]; then
  run "datapackage-js" env NODE_PATH="$modules" node scripts/consumers/check-datapackage.cjs "$dir"
else echo "== datapackage-js: skipped (needs node and npm install --prefix target/consumers-node datapackage@1)"; fi
exit $failed
