# Two commands do all set-up on a fresh machine: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
EVAL ?= ../shared/eval
# Prefect's state (the SQLite database of `make run` and `make serve`) stays in this folder; its quiet
# defaults live in flows/citefacts_flows/settings.py.
export PREFECT_HOME ?= $(CURDIR)/.prefect

.PHONY: help install run test lint fuzz eval bench schema serve clean

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/'

install: $(VENV)/.installed ## create .venv with the pinned dependencies and the spaCy model

$(VENV)/.installed: pyproject.toml requirements.lock
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

run: install ## extract every source in raw/ into extracted/ (skips unchanged ones)
	$(BIN)/citefacts extract raw --out extracted

lint: install ## ruff (lint, format), import-linter (layers) and mypy (types)
	$(BIN)/ruff check src flows tests scripts
	$(BIN)/ruff format --check src flows tests scripts
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy

test: lint ## lint, then the test suite
	$(BIN)/pytest

fuzz: install ## property-based fuzzing of the readers, extraction, linker, checker and JSON round trip (over 10,000 examples)
	$(BIN)/pytest tests/fuzz --hypothesis-profile=fuzz --hypothesis-show-statistics

eval: install ## score on the gold sets in $(EVAL) (default ../shared/eval)
	$(PY) scripts/eval.py --eval-dir $(EVAL)

bench: install ## speed and memory against bare spaCy on the seed
	$(PY) scripts/bench.py

schema: install ## regenerate schema/document.schema.json
	$(BIN)/citefacts schema --out schema/document.schema.json

clean: ## remove .venv and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache .prefect

serve: install ## serve the daily re-extraction deployment (Prefect server on 127.0.0.1)
	$(PY) -m citefacts_flows.serve
