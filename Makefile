# Rapportverket: `make site` builds the example site, `make test` runs the whole test suite.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site serve test validate release bench clean env test-env chromium

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test,bench]'
	touch $@

env: $(VENV)/.installed

test-env: $(VENV)/.installed-test chromium

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null; }

## Build site/ from content/ and data/ (publishing build: strict, atomic, data hashes checked)
site: env
	$(PY) scripts/build.py

## Preview with live reload on http://127.0.0.1:8000
serve: env
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

## Run every test: unit, build, browser (Chromium) and accessibility
test: test-env
	$(PY) -m pytest

validate: env
	$(PY) scripts/validate.py

## Release a new data version: make release PKG=data/<org>/<report> WHY="varför"
release: env
	$(PY) scripts/release.py $(PKG) --why "$(WHY)"

## Benchmark against the naive way and plain mkdocs-material: make bench BENCH="--sizes 20,100,500 --json bench.json"
BENCH ?= --sizes 20,100
bench: $(VENV)/.installed-bench chromium
	scripts/bench $(BENCH)

clean:
	rm -rf site .site-build-* .pytest_cache
