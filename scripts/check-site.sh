#!/usr/bin/env bash
# Opens the report site in headless Chromium as a reader would (scripts/site/check-site.mjs): the
# seeds' dataset and the golden case with hostile text. Needs Debian's chromium and, from npm,
# playwright-core and axe-core in target/site-node; without them it says it is skipped, and why.
# usage: scripts/check-site.sh [DATASET_DIR...]   (default: fresh builds of seeds/ and ok-site-hostile-text)
set -euo pipefail
cd "$(dirname "$0")/.."
modules=target/site-node/node_modules
chromium=${CHROMIUM:-/usr/bin/chromium}
if ! command -v node >/dev/null || [ ! -x "$chromium" ] || [ ! -d "$modules/playwright-core" ] || [ ! -d "$modules/axe-core" ]; then
  echo "== report site in Chromium: skipped (needs node, $chromium (apt-get install chromium) and" \
    "npm install --prefix target/site-node playwright-core@1 axe-core@4)"
  exit 0
fi
dirs=("$@")
if [ ${#dirs[@]} -eq 0 ]; then
  out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
  java -jar target/sourcebook.jar build --seeds seeds --out "$out/seeds" >/dev/null
  hostile="$out/hostile-seeds"
  cp -r src/test/resources/golden/ok-minimal/input "$hostile"
  cp -r src/test/resources/golden/ok-site-hostile-text/input/. "$hostile"/
  java -jar target/sourcebook.jar build --seeds "$hostile" --out "$out/hostile" >/dev/null
  dirs=("$(find "$out/seeds" -name manifest.json -printf '%h\n')" "$(find "$out/hostile" -name manifest.json -printf '%h\n')")
fi
failed=0
for d in "${dirs[@]}"; do
  name=$(basename "$(dirname "$d")")
  echo "== report site in Chromium ($("$chromium" --version 2>/dev/null | cut -d' ' -f1-2)): $name"
  CHROMIUM="$chromium" NODE_PATH="$modules" node scripts/site/check-site.mjs "$d" "target/site-screenshots/$name" "${SITE_PAGES:-}" || failed=1
done
exit $failed
