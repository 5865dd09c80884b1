# Two commands do everything: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_TEST_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test

.PHONY: run test lint typecheck pytest pytest-sqlite pytest-postgres install clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/yuanjiao serve --demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest-sqlite: $(STAMP)
	$(BIN)/pytest -q

pytest-postgres: $(STAMP)
	YUANJIAO_TEST_DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest -q -m postgres_or_db

test: lint typecheck pytest-sqlite pytest-postgres

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache
