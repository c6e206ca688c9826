# chainmap: `make run` and `make test` set everything up on a fresh machine (see README.md).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
SHARED_REFERENCE ?= ../shared/reference

.PHONY: setup run test lint typecheck unit bench reference clean

setup: $(INSTALLED)

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# Until the web app exists, `make run` analyses the bundled demo chains and prints the reports.
run: $(INSTALLED)
	@for chain in fixtures/demo/*.csv; do \
		echo "=== $$chain"; \
		$(BIN)/chainmap analyse "$$chain" --top 8 || exit $$?; \
		echo; \
	done

test: lint typecheck unit

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(INSTALLED)
	$(BIN)/mypy

unit: $(INSTALLED)
	$(BIN)/pytest

bench: $(INSTALLED)
	$(BIN)/python -m bench.pipeline

# Re-derive fixtures/reference/ from the public sources in ../shared/reference (not needed to run).
reference: $(INSTALLED)
	$(BIN)/chainmap reference build --from $(SHARED_REFERENCE) --to fixtures/reference

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis
