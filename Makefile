# rasd — developer entry points.  `make demo` and `make check` work on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install demo test check lint typecheck bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Ingest the team-written sample corpus into demo.db and show what was read.
demo: $(STAMP)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/rasd ingest examples/corpus --db demo.db
	$(BIN)/rasd list --db demo.db
	$(BIN)/rasd list --db demo.db --rejects
	$(BIN)/rasd stats --db demo.db

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy

## Everything CI runs: lint, strict types, tests (with doctests and the accuracy gates).
check: lint typecheck test

bench: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[bench]'
	@echo "see benchmarks/README.md for each benchmark's command"

clean:
	rm -rf $(VENV) build dist *.egg-info demo.db demo.db-wal demo.db-shm
