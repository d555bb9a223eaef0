# Rapportverket: `make site` builds the example site, `make test` runs the whole test suite.
# Versions come from the lock files (requirements*.lock, made by `make lock`), so every machine installs the same.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
RENDERER ?= mkdocs
PORT ?= 8000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site serve test validate release bench clean env test-env zensical chromium lock docs

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.lock pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-test: requirements-test.lock $(VENV)/.installed
	$(PY) -m pip install --quiet --require-hashes -r requirements-test.lock
	touch $@

$(VENV)/.installed-zensical: requirements-zensical.lock $(VENV)/.installed
	$(PY) -m pip install --quiet --require-hashes -r requirements-zensical.lock
	touch $@

$(VENV)/.installed-bench: requirements-bench.lock $(VENV)/.installed
	$(PY) -m pip install --quiet --require-hashes -r requirements-bench.lock
	touch $@

env: $(VENV)/.installed

zensical: $(VENV)/.installed-zensical

test-env: $(VENV)/.installed-test $(VENV)/.installed-zensical chromium

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null; }

## Build site/ from content/ and data/ (publishing build: strict, atomic, data hashes checked).
## RENDERER=zensical builds the same site with Zensical.
site: env $(if $(filter zensical,$(RENDERER)),zensical)
	$(PY) -m macros.cli build --renderer $(RENDERER)

## Preview with live reload on http://127.0.0.1:$(PORT)
serve: env
	$(PY) -m macros.cli serve --port $(PORT)

## Run every test: unit, build (both renderers), browser (Chromium) and accessibility
test: test-env
	$(PY) -m pytest

validate: env
	$(PY) -m macros.cli validate

## Release a new data version: make release PKG=data/<org>/<report> WHY="varför"
release: env
	$(PY) -m macros.cli release $(PKG) --why "$(WHY)"

## Benchmark against the naive way and plain mkdocs-material: make bench BENCH="--sizes 20,100,500 --json bench.json"
BENCH ?= --sizes 20,100
bench: $(VENV)/.installed-test $(VENV)/.installed-bench chromium
	scripts/bench $(BENCH)

docs: env
	$(PY) -m macros.cli docs

## Write the lock files from pyproject.toml (needs the package index; uv is installed into the venv for it)
lock: $(VENV)/bin/python
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile --quiet --generate-hashes --python-version 3.11 pyproject.toml -o requirements.lock
	$(VENV)/bin/uv pip compile --quiet --generate-hashes --python-version 3.11 --extra test pyproject.toml \
	  --constraint requirements.lock -o requirements-test.lock
	$(VENV)/bin/uv pip compile --quiet --generate-hashes --python-version 3.11 --extra zensical pyproject.toml \
	  --constraint requirements.lock -o requirements-zensical.lock
	$(VENV)/bin/uv pip compile --quiet --generate-hashes --python-version 3.11 --extra test --extra bench \
	  pyproject.toml --constraint requirements-test.lock -o requirements-bench.lock

clean:
	rm -rf site .site-build-* .pytest_cache .cache
