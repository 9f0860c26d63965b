# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: demo test bench lint format typecheck unit postgres clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	touch $@

$(DEVSTAMP): pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[dev]'
	touch $@ $(STAMP)

## demo: install and run the bundled sample story end to end (no tokens, no network)
demo: $(STAMP)
	$(BIN)/claimwatch demo

## bench: time the engine, the store and polling on this machine (writes bench-results.json)
bench: $(STAMP)
	$(BIN)/claimwatch bench

## test: install the dev tools, start PostgreSQL, and run format, lint, types and tests
test: $(DEVSTAMP) postgres lint typecheck unit

postgres:
	bash scripts/ensure-postgres.sh

lint: $(DEVSTAMP)
	$(BIN)/ruff format --check bot tests
	$(BIN)/ruff check bot tests

typecheck: $(DEVSTAMP)
	$(BIN)/mypy

unit: $(DEVSTAMP)
	$(BIN)/pytest

format: $(DEVSTAMP)
	$(BIN)/ruff format bot tests
	$(BIN)/ruff check --fix bot tests

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
