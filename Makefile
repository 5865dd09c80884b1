# Two commands do everything: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_TEST_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
export PIP_NO_INPUT := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint typecheck pytest-sqlite pytest-postgres install clean browser

# Reinstalls only when pyproject.toml changes; a fresh clone gets its .venv here.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	touch $(STAMP)

install: $(STAMP)

# Migrates var/yuanjiao.sqlite3, loads the demo county if empty, writes
# var/demo-coordinator.token and serves on http://127.0.0.1:8000 (docs at /docs).
run: $(STAMP)
	$(BIN)/yuanjiao serve --demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

# The desk's browser tests (tests/desk) drive Debian's Chromium; CI runs as root with apt.
browser:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)

# pytest exits non-zero when it collects nothing, so an empty run cannot pass silently.
pytest-sqlite: $(STAMP) browser
	$(BIN)/pytest -q

# The database-touching suite again on PostgreSQL; the solver's tests need no database.
pytest-postgres: $(STAMP) browser
	YUANJIAO_TEST_DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest -q tests --ignore=tests/solver

test: lint typecheck pytest-sqlite pytest-postgres

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache .hypothesis
