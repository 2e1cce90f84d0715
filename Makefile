# sinmun: the only commands you need to remember. `make help` lists them.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
MANAGE  = $(BIN)/python manage.py
UV_VERSION = 0.13.8
HOST   ?= 127.0.0.1:8000

.DEFAULT_GOAL := help
.PHONY: help install demo run screenshots lighthouse bench-extraction bench-search bench-archive stack stack-stop stack-manage stack-check bench-stack test test-postgres browser-deps a11y-deps edge-deps bench-deps services lint format bench messages clean backup restore audit

help: ## Show this list
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(VENV)/.installed: pyproject.toml uv.lock | $(BIN)/uv
	UV_PROJECT_ENVIRONMENT=$(VENV) $(BIN)/uv sync --locked --inexact --all-extras --quiet
	touch $@

install: $(VENV)/.installed ## Create .venv and install the locked dependencies

demo: install ## Install, migrate SQLite, load the demo paper, serve http://127.0.0.1:8000
	$(MANAGE) migrate --no-input
	$(MANAGE) compilemessages --ignore='.venv/*' -v0
	$(MANAGE) seed_demo --host $(HOST)
	$(MANAGE) fetch_weather
	@echo "Serving http://$(HOST)/  (admin: http://$(HOST)/admin/  admin / sinmun-demo)"
	bin/demo-serve $(HOST)

run: install ## Serve the site at http://127.0.0.1:8000 without loading anything
	$(MANAGE) runserver $(HOST)

browser-deps: ## Install Debian's Chromium and a Korean font for the browser tests (needs root)
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qiE 'nanum|noto (sans|serif) cjk'; then \
		echo "Installing chromium and fonts-nanum from Debian"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-nanum >/dev/null; \
	fi

# axe-core, the Nu HTML checker's jar and Lighthouse for the page checks, pinned in tests/node/package-lock.json.
# --ignore-scripts: vnu-jar's postinstall would fetch a Java runtime; Debian's java 17 runs the jar.
NODE_DIR = var/node
$(NODE_DIR)/.installed: tests/node/package.json tests/node/package-lock.json
	mkdir -p $(NODE_DIR)
	cp tests/node/package.json tests/node/package-lock.json $(NODE_DIR)/
	cd $(NODE_DIR) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

a11y-deps: $(NODE_DIR)/.installed ## Install axe-core, vnu.jar and Lighthouse (npm, pinned) into var/node/ for the page checks
	@command -v java >/dev/null || { echo "java is missing: apt-get install default-jre-headless"; exit 1; }

edge-deps: ## Install Debian's Varnish and varnish-modules (xkey) for the edge tests (needs root)
	@if [ ! -x /usr/sbin/varnishd ] || ! ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1; then \
		echo "Installing varnish and varnish-modules from Debian"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish varnish-modules >/dev/null; \
	fi

bench-deps: ## Install Debian's wrk and nginx-light for make bench-stack (needs root)
	@if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then \
		echo "Installing wrk and nginx-light from Debian"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null; \
	fi

services: ## Start PostgreSQL and Redis on 127.0.0.1 if they are not running
	bin/start-services

test: install browser-deps a11y-deps edge-deps ## Run the whole suite on SQLite
	$(MANAGE) compilemessages --ignore='.venv/*' -v0
	$(BIN)/pytest

test-postgres: install browser-deps a11y-deps edge-deps services ## Run the whole suite on PostgreSQL and Redis
	$(MANAGE) compilemessages --ignore='.venv/*' -v0
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/sinmun REDIS_URL=redis://127.0.0.1:6379/15 $(BIN)/pytest

lint: install ## Check code, templates, layers, migrations and translations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	git ls-files 'sinmun/templates/*.html' | xargs $(BIN)/djhtml --check
	$(BIN)/lint-imports
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) check

format: install ## Rewrite code and templates in house style
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	git ls-files 'sinmun/templates/*.html' | xargs $(BIN)/djhtml

bench: install ## Time every public page type against the demo paper (report in the terminal)
	$(BIN)/python -m bench.run

messages: install ## Refresh and compile the Korean catalogue (needs GNU gettext)
	$(MANAGE) makemessages -l ko --ignore='.venv/*' --ignore='bench/*' --ignore='sinmun/weather/data/*' --no-obsolete
	$(MANAGE) compilemessages --ignore='.venv/*'

audit: install ## Check the locked dependencies for known vulnerabilities (pip-audit; needs the internet)
	VENV=$(VENV) $(BIN)/python bin/audit

backup: ## Back up the database and media into var/backups/sinmun-<UTC time>/ (ENV_FILE= to read one)
	PYTHON=$(BIN)/python bin/backup

restore: ## Restore a backup: make restore BACKUP=var/backups/sinmun-… [CONFIRM=1]
	@test -n "$(BACKUP)" || { echo "Say which: make restore BACKUP=var/backups/sinmun-…"; exit 2; }
	PYTHON=$(BIN)/python bin/restore "$(BACKUP)" $(if $(filter 1,$(CONFIRM)),--yes,)

clean: ## Remove the SQLite database, media and compiled files (keeps .venv)
	rm -rf db.sqlite3 db.sqlite3-wal db.sqlite3-shm var/

screenshots: install browser-deps ## Screenshot the running demo into docs/screenshots/ (run make demo first)
	$(BIN)/python bin/screenshots.py

lighthouse: install browser-deps a11y-deps ## Lighthouse accessibility of every page type of the running demo, phone and desktop (run make demo first)
	$(BIN)/python bin/lighthouse.py http://$(HOST)

bench-extraction: install ## Measure what trafilatura extracts from every demo article page
	$(BIN)/python -m bench.extraction

bench-search: install services ## Korean search: build rate, query p50/p95, index size at 10k/100k (SQLite, PostgreSQL)
	$(BIN)/python -m bench.search --sizes 10000 100000
	$(BIN)/python -m bench.search --sizes 10000 100000 --database-url postgres://postgres@127.0.0.1:5432/sinmun_bench_search

stack: install ## The production stack here: PostgreSQL, Redis, app, worker, scheduler, Varnish on :8080
	bin/stack up

stack-stop: ## Stop what `make stack` started (not the shared PostgreSQL)
	bin/stack down

stack-manage: ## Run manage.py against the stack: make stack-manage ARGS='shell -c "..."'
	bin/stack manage $(ARGS)

stack-check: ## Smoke-test the stack: publish and unpublish, see both at the edge within 1 s
	bin/stack-check

bench-stack: install edge-deps bench-deps services ## The edge against nginx and the origin, publish-to-visible, Redis and PostgreSQL faults
	$(BIN)/python -m bench.stack

bench-archive: install services ## Reader pages at 1,000 and 300,000 stories on PostgreSQL (builds sinmun_archive_* once)
	$(BIN)/python -m bench.archive --small 1000 --large 300000
