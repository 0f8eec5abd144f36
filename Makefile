# LabelStack: two commands from a fresh clone.
#   make run   install everything, load the demo data, serve on http://127.0.0.1:8000
#   make test  install what the tests need (system packages included), lint, type-check, test on SQLite and PostgreSQL

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
export LABELSTACK_DATA_DIR ?= $(CURDIR)/data

.PHONY: install run test lint typecheck pytest pytest-sqlite pytest-postgresql system-packages test-system-packages \
        webapp webapp-test bench clean bytecode

install: system-packages $(VENV)/.installed bytecode webapp

$(VENV)/.installed: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

# The package is installed editable: compile its bytecode here so that every command's start-up
# reads it instead of compiling each module again where writing it at run time is turned off
# (PYTHONDONTWRITEBYTECODE); up-to-date files are skipped, a stale one is simply recompiled in memory.
bytecode: $(VENV)/.installed
	$(BIN)/python -m compileall -q src/labelstack

system-packages:
	@command -v npm >/dev/null || scripts/apt-ensure.sh nodejs npm

test-system-packages:
	@scripts/apt-ensure.sh dcmtk orthanc orthanc-dicomweb dicom3tools chromium chromium-driver fonts-dejavu-core
	@scripts/ensure-postgres.sh

webapp: $(VENV)/.installed
	@if [ -f webapp/package.json ]; then PATH="$(CURDIR)/$(BIN):$$PATH" scripts/build-webapp.sh; fi

webapp-test: webapp
	cd webapp && npm test

run: install
	mkdir -p "$(LABELSTACK_DATA_DIR)"
	$(BIN)/labelstack db upgrade
	$(BIN)/labelstack demo
	@echo ""
	@echo "  LabelStack: http://$(HOST):$(PORT)   log in as admin / labelstack-demo"
	@echo ""
	$(BIN)/labelstack serve --host $(HOST) --port $(PORT)

test: install test-system-packages lint typecheck webapp-test pytest

lint:
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck:
	$(BIN)/mypy

pytest: pytest-sqlite pytest-postgresql

pytest-sqlite:
	LABELSTACK_TEST_DATABASE=sqlite $(BIN)/pytest

# The browser tests drive the web app, whose server code the other tests cover on both databases:
# they run once, on SQLite (the embedded default).
pytest-postgresql:
	LABELSTACK_TEST_DATABASE=postgresql $(BIN)/pytest -m "not browser"

bench: install test-system-packages
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) webapp/node_modules webapp/dist src/labelstack/static/app
