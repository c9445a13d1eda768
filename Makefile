# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Unit tests run in two processes (pytest-xdist): CI has two cores.
PYTEST_ARGS ?= -n 2

.PHONY: run setup test test-postgres test-services lint format browsers services bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements/base.lock | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/base.lock
	@touch $@

$(VENV)/.installed-dev: requirements/dev.lock | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/dev.lock
	@touch $@ $(VENV)/.installed

## Set up (virtualenv, locked dependencies, database, demo content, search index, admin login)
setup: $(VENV)/.installed
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	$(MANAGE) ensure_admin --url http://$(HOST):$(PORT)/admin/

## Set up, then serve the portal at http://127.0.0.1:8000/
run: setup
	$(MANAGE) runserver $(HOST):$(PORT)

## Chromium and its driver from Debian's packages, for the browser tests
browsers:
	@sh scripts/install-browsers.sh

## PostgreSQL and Redis from Debian's packages, for the scale-out tests
services:
	@sh scripts/install-services.sh

## The whole test suite: migrations check, lint, import layers, unit, HTTP and browser tests,
## then the scale-out tests with real servers
test: $(VENV)/.installed-dev browsers services
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/pytest $(PYTEST_ARGS)
	$(BIN)/pytest tests/browser
	$(BIN)/pytest tests/reliability

## Only the scale-out tests: two app servers, PostgreSQL, Redis, SMTP, S3, the
## task worker (tests/reliability/, real servers on 127.0.0.1)
test-services: $(VENV)/.installed-dev services
	$(BIN)/pytest tests/reliability

## The unit and HTTP tests again on PostgreSQL, searching with its full-text search
## (installed from Debian if missing, a throwaway cluster on 127.0.0.1)
test-postgres: $(VENV)/.installed-dev
	bash scripts/test-postgres.sh $(PYTEST_ARGS)

## Whoosh vs database search backend on synthetic corpora (BENCH_SIZES=1000,10000,50000),
## then the site under load with gunicorn (2 workers) at 10,000 directory entries
bench: $(VENV)/.installed
	$(BIN)/python bench/load_bench.py --entries 10000 --seconds 5 --concurrency 4
	$(BIN)/python bench/search_bench.py
	$(BIN)/python bench/directory_bench.py 10000 50000
	$(BIN)/python bench/awards_bench.py --submissions 200 --threads 20

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Regenerate the lock files after changing pyproject.toml
lock: | $(BIN)/python
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 -o requirements/base.lock
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 --extra dev -o requirements/dev.lock

clean:
	rm -rf $(VENV) var
