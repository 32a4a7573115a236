# The commands people type. `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements/main.txt requirements/dev.txt pyproject.toml | sha256sum | cut -c1-16)

.PHONY: install run key test lint unit browser coverage eval-pii bench bench-pii bench-dashboard clean

$(STAMP):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/main.txt -r requirements/dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

## Start the gateway on 127.0.0.1:8000 (initialises the DB; prints a first admin key once).
run: $(STAMP)
	$(BIN)/iag-gateway bootstrap
	$(BIN)/iag-gateway serve

## Create a trained admin key and print it.
key: $(STAMP)
	$(BIN)/iag-gateway keys create --user admin --department direction-data-ia --role admin --trained

## Debian's chromium + driver for the browser test (never a vendor download).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "chromium missing: sudo apt-get install chromium chromium-driver" >&2; exit 1; fi; }

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q -m "not browser"

## The whole suite: lint, types, all tests (SQLite + PostgreSQL, browser).
test: $(STAMP) browser lint
	$(BIN)/pytest -q

## Line coverage of src/ by the in-process tests (gateways started as subprocesses are not traced).
coverage: $(STAMP) browser
	$(BIN)/pytest -q --cov=iag_gateway --cov-report=term:skip-covered

## Personal-data detection on the shared dev corpus, failing below the bar.
eval-pii: $(STAMP)
	$(BIN)/iag-gateway pii scan ../shared/eval/pii_fr_dev.jsonl > /tmp/iag-pii-pred.jsonl
	$(BIN)/python ../shared/eval/score_pii.py ../shared/eval/pii_fr_dev.jsonl /tmp/iag-pii-pred.jsonl
	$(BIN)/pytest -q tests/pii/test_corpora.py

bench: $(STAMP)
	$(BIN)/python bench/bench_gateway.py

bench-pii: $(STAMP)
	$(BIN)/python bench/bench_pii.py

## The directorate's dashboard over 100,000 audit records (SQLite, and PostgreSQL if reachable).
bench-dashboard: $(STAMP)
	$(BIN)/python bench/bench_dashboard.py 100000 5

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache test-artefacts
