# Two commands do all set-up on a fresh machine: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
EVAL ?= ../shared/eval
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export PREFECT_LOGGING_SERVER_LEVEL ?= CRITICAL
export PREFECT_HOME ?= $(CURDIR)/.prefect

.PHONY: install run test lint eval bench schema serve clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements.lock
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

run: install
	$(BIN)/citefacts extract raw --out extracted

lint: install
	$(BIN)/ruff check src flows tests scripts
	$(BIN)/ruff format --check src flows tests scripts

test: lint
	$(BIN)/pytest

eval: install
	$(PY) scripts/eval.py --eval-dir $(EVAL)

bench: install
	$(PY) scripts/bench.py

schema: install
	$(BIN)/citefacts schema --out schema/document.schema.json

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .prefect

serve: install
	$(PY) -m flows.serve
