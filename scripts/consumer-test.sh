#!/usr/bin/env bash
# Proves that another Maven project can depend on dev.sourcebook:sourcebook and read a built
# dataset: installs the artifact (run after `mvn install`), builds the dataset, then compiles and
# runs examples/consumer against the installed artifact.
set -euo pipefail
cd "$(dirname "$0")/.."
MVN=${MVN:-mvn}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
java -jar target/sourcebook.jar build --seeds seeds --out "$out" >/dev/null
dataset=$(find "$out" -name manifest.json -printf '%h\n')
cd examples/consumer
$MVN -B -q package
$MVN -B -q dependency:build-classpath -Dmdep.outputFile="$out/classpath"
java -cp "target/classes:$(cat "$out/classpath")" example.Consumer "$dataset"
echo "consumer project: compiled and ran against dev.sourcebook:sourcebook from the local repository"
