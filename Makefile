# nonpaper: `make demo` sets everything up in .venv and analyses the bundled sample articles;
# `make test` runs the test suite (what CI runs). Only Python 3.11+ and the package registries needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PYTEST_ARGS ?=

.PHONY: setup demo test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[web,postgres,dask,test]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/nonpaper analyze examples/harbour-strike.txt examples/harbour-strike-wire.txt --published 2026-03-10

test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: setup
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/quotes.py
	$(BIN)/python bench/time.py
	$(BIN)/python bench/disputes.py
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache test-artifacts
