# sourcebook: `make` builds the jar and the dataset; `make test` runs every test.
MVN ?= mvn
JAR := target/sourcebook.jar
# The class-data archive bin/sourcebook starts with: made by a build of the seeds, with the java on PATH.
CDS := target/sourcebook.jsa
SOURCEBOOK := bin/sourcebook
SEEDS ?= seeds
OUT ?= dist

.PHONY: all jar dataset release diff test validate fuzz synth-corpus bench eval-extract clean

all: dataset

jar: $(JAR) $(CDS)

$(JAR): pom.xml $(shell find src/main -type f 2>/dev/null)
	$(MVN) -B -q -DskipTests package

# Classes archived at the exit of a training run (JDK 13+; bin/sourcebook leaves it out when it is
# stale or another java's). A java that cannot make one leaves no archive, and nothing fails.
$(CDS): $(JAR)
	@rm -rf target/cds-training $(CDS) $(CDS).java
	@if java -XX:ArchiveClassesAtExit=$(CDS) -Xlog:cds=off,cds+dynamic=off -jar $(JAR) build --seeds $(SEEDS) --out target/cds-training >/dev/null 2>&1; \
	  then readlink -f "$$(command -v java)" > $(CDS).java; \
	  else rm -f $(CDS); echo "no class-data archive (this java cannot make one): bin/sourcebook runs without it"; fi
	@rm -rf target/cds-training

dataset: $(JAR) $(CDS)
	$(SOURCEBOOK) build --seeds $(SEEDS) --out $(OUT)

# Publishes the version in dataset.yaml and pins it in $(SEEDS)/releases/ (commit that file).
release: $(JAR) $(CDS)
	$(SOURCEBOOK) release --seeds $(SEEDS) --out $(OUT)

# What changed since a version: make diff FROM=dist/<name>/1.0.0 (against the seeds by default).
diff: $(JAR) $(CDS)
	$(SOURCEBOOK) diff $(FROM) $(or $(TO),$(SEEDS))

validate: $(JAR) $(CDS)
	$(SOURCEBOOK) validate $(SEEDS) --by-article

# Unit, golden and schema tests; then install the library and run a separate consumer project
# against it (examples/consumer), as another team would use it; then read the dataset with the
# tools its users have (sqlite3, pandas, R, ajv, node), and open the report site in headless
# Chromium (axe-core too); each skipped, saying so, when missing.
test:
	$(MVN) -B install
	MVN="$(MVN)" bash scripts/consumer-test.sh
	bash scripts/check-consumers.sh
	bash scripts/check-site.sh
	bash scripts/check-launcher.sh

# Fuzzes the readers and the quote finder, FUZZ_SECONDS each (default 60); findings fail it.
fuzz:
	MVN="$(MVN)" FUZZ_SECONDS=$(or $(FUZZ_SECONDS),60) bash scripts/fuzz.sh

# A synthetic seeds folder of N articles (deterministic for N), for measuring: make synth-corpus N=10000 OUT=/tmp/synth
# OUT only when given on the command line: the OUT above (dist) holds published versions.
synth-corpus:
	python3 scripts/synth-corpus.py $(or $(N),1000) $(if $(filter command line,$(origin OUT)),$(OUT),target/synth-$(or $(N),1000))

# Timings and peak memory on the seeds and synthetic corpora, and JMH; writes BENCHMARKS.md.
bench: $(JAR)
	bash scripts/bench.sh

# Scores `extract` against the curated statements of the seeds and the development sets: quote
# precision and recall (exact and overlapping) and speaker accuracy, by pattern, with the passages
# not drafted right; then the held-out sets (no rule made from them yet), totals only.
EXTRACT_SETS := src/test/resources/extract/dev-set.yaml src/test/resources/extract/blind-set.yaml \
  $(foreach n,2 3 4 5 6 7 8 9 10 11 12 13 14,src/test/resources/extract/blind-set-$(n).yaml)
HELD_OUT_SETS := $(sort $(wildcard src/test/resources/extract/held-out/*.yaml))
eval-extract: $(JAR)
	java -cp $(JAR) dev.sourcebook.extract.Evaluation $(SEEDS) $(EXTRACT_SETS) $(if $(HELD_OUT_SETS),--held-out $(HELD_OUT_SETS))

# Leaves $(OUT) alone: it holds the published versions, which the seeds' release records pin.
clean:
	$(MVN) -B -q clean
