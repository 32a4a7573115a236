# The commands people type. `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements/main.txt requirements/dev.txt pyproject.toml | sha256sum | cut -c1-16)

.PHONY: install bytecode run key test lint unit browser wrk ops-tools image k8s k8s-config coverage eval-pii bench bench-stream bench-pii train-usage eval-usage cv-usage bench-usage soak soak-instances fuzz-api bench-heads bench-dashboard clean

HOST       ?= 127.0.0.1
PORT       ?= 8000
# The first administrator's own (nominative) user id; bootstrap refuses a shared "admin".
ADMIN_USER ?= $(shell id -un)

$(STAMP):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/main.txt -r requirements/dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-*
	$(MAKE) --no-print-directory bytecode
	touch $@

install: $(STAMP)

## Byte-compile src/ (the editable install is not, and PYTHONDONTWRITEBYTECODE=1 would make
## every start compile our modules again); cheap when nothing changed.
bytecode:
	@$(BIN)/python -m compileall -q src >/dev/null

## Start the gateway on $(HOST):$(PORT) (migrates the DB; prints the first admin key once).
run: $(STAMP) bytecode
	$(BIN)/iag-gateway db upgrade
	$(BIN)/iag-gateway bootstrap --admin-user "$(ADMIN_USER)"
	$(BIN)/iag-gateway serve --host "$(HOST)" --port "$(PORT)"

## Create a trained admin key and print it.
key: $(STAMP)
	$(BIN)/iag-gateway keys create --user "$(ADMIN_USER)" --department direction-data-ia --role admin --trained

## Debian's chromium + driver for the browser test (never a vendor download).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "chromium missing: sudo apt-get install chromium chromium-driver" >&2; exit 1; fi; }

## Debian's prometheus and kubectl for the metrics and manifest tests (never a vendor download).
ops-tools:
	@missing=""; command -v prometheus >/dev/null 2>&1 || missing="$$missing prometheus"; \
	command -v kubectl >/dev/null 2>&1 || missing="$$missing kubernetes-client"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "missing:$$missing (sudo apt-get install$$missing)" >&2; exit 1; fi; fi

## Container image with podman, from a Debian base made here (no registry): localhost/iag-gateway:dev.
image: $(STAMP)
	deploy/container/make-image.sh

## Kubernetes: generate the ConfigMaps' sources (deploy/k8s/base/config/), then render ENV=dev|prod.
ENV ?= prod
k8s-config:
	$(PYTHON) deploy/k8s/make_config.py

k8s: k8s-config ops-tools
	kubectl kustomize deploy/k8s/overlays/$(ENV)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

unit: $(STAMP) ops-tools
	$(BIN)/pytest -q -m "not browser"

## The whole suite: lint, types, all tests (SQLite + PostgreSQL, browser), one pytest-xdist
## process per core up to 4 (each file's tests stay in one process: module fixtures start once).
TEST_JOBS ?= $(shell n=$$(nproc); [ $$n -gt 4 ] && n=4; echo $$n)
test: $(STAMP) bytecode browser ops-tools lint
	$(BIN)/pytest -q --durations=30 -n $(TEST_JOBS) --dist loadfile

## Line coverage of src/ by the in-process tests (gateways started as subprocesses are not traced).
coverage: $(STAMP) browser
	$(BIN)/pytest -q --cov=iag_gateway --cov-report=term:skip-covered

PII_CORPORA := ../shared/eval/pii_fr_dev.jsonl tests/pii/data/pii_fr_generalisation.jsonl \
	tests/pii/data/pii_fr_holdout.jsonl tests/pii/data/pii_fr_field.jsonl \
	tests/pii/data/pii_fr_heldout2.jsonl tests/pii/data/pii_fr_heldout3.jsonl tests/pii/data/pii_fr_heldout4.jsonl

## Personal-data detection: every corpus's figures per class, then the bars (dev, generalisation, holdout).
eval-pii: $(STAMP)
	@for corpus in $(PII_CORPORA); do \
	  echo "== $$corpus"; \
	  $(BIN)/iag-gateway pii scan $$corpus > $${TMPDIR:-/tmp}/iag-pii-pred-$$$$.jsonl || exit 1; \
	  $(BIN)/python ../shared/eval/score_pii.py $$corpus $${TMPDIR:-/tmp}/iag-pii-pred-$$$$.jsonl || exit 1; \
	done
	@echo "== tests/pii/data/pii_fr_name_parts_heldout.jsonl (name parts across one request's texts)"
	$(BIN)/python tests/pii/data/score_name_parts.py tests/pii/data/pii_fr_name_parts_heldout.jsonl
	@echo "== tests/pii/data/pii_fr_name_parts_heldout_2.jsonl"
	$(BIN)/python tests/pii/data/score_name_parts.py tests/pii/data/pii_fr_name_parts_heldout_2.jsonl
	$(BIN)/pytest -q tests/pii/test_corpora.py

## Rebuild the usage-intent model (src/iag_gateway/usage/model) from data/usage/train_*.jsonl.
train-usage: $(STAMP)
	$(BIN)/python -m iag_gateway.usage.commands train

## Usage-intent classifier on the held-out test split: BEFORE (pattern rules) and AFTER, per category.
eval-usage: $(STAMP)
	$(BIN)/python -m iag_gateway.usage.commands eval
	$(BIN)/python -m iag_gateway.usage.commands eval --test tests/usage/data/usage_test_2.jsonl
	$(BIN)/python -m iag_gateway.usage.commands eval --test tests/usage/data/usage_test_3.jsonl
	$(BIN)/python -m iag_gateway.usage.commands eval --test tests/usage/data/usage_test_4.jsonl

## Cross-validation on the training data only (the place to tune).
cv-usage: $(STAMP)
	$(BIN)/python -m iag_gateway.usage.commands cv

## Classification time per 1 KB prompt, next to the pattern rules alone.
bench-usage: $(STAMP)
	$(BIN)/python bench/bench_usage.py

## Debian's wrk, the load generator of the benchmarks.
wrk:
	@command -v wrk >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	  else echo "wrk missing: sudo apt-get install wrk" >&2; exit 1; fi; }

## Direct vs LiteLLM proxy (1 worker, the cores) vs gateway (1 worker, the cores, the cores + 1), c=1/10/50, 1 KB and 10 KB French prompts.
bench: $(STAMP) bytecode wrk
	$(BIN)/python bench/bench_gateway.py

## Streamed answers: first visible text and number of text chunks, direct vs gateway.
bench-stream: $(STAMP)
	$(BIN)/python bench/bench_stream.py

## Three instances on one PostgreSQL and one Redis: quotas exact, chain intact, reload, metrics totals.
soak-instances: $(STAMP)
	$(BIN)/python bench/soak_instances.py

## Redact stage: CPU ms per KB of 1, 10 and 50 KB French texts, ours beside out-of-the-box Presidio.
bench-pii: $(STAMP)
	$(BIN)/python bench/bench_pii.py

## Fault soak: two gateways on one database, 10,000 mixed requests, faults, a kill -9 (about 15 min).
soak: $(STAMP)
	$(BIN)/python -m tests.soak.soak --requests $${SOAK_REQUESTS:-10000} --cut-shm $${SOAK_CUT_SHM:-0}

## Fuzz the OpenAPI description of /v1 (schemathesis, every phase) against a test gateway.
fuzz-api: $(STAMP)
	IAG_FUZZ_PHASES=examples,coverage,fuzzing,stateful IAG_FUZZ_EXAMPLES=100 \
	  $(BIN)/pytest -q -p no:cacheprovider tests/web/test_openapi_fuzz.py

## What signed audit heads add per append under load (same run with and without signing).
bench-heads: $(STAMP)
	$(BIN)/python bench/bench_audit_heads.py 200 8 1000

## The directorate's dashboard over 100,000 audit records (SQLite, and PostgreSQL if reachable).
bench-dashboard: $(STAMP)
	$(BIN)/python bench/bench_dashboard.py 100000 5

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache test-artefacts
