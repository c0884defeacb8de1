# Two commands do everything on a fresh Debian machine with Python 3.11:
#   make serve   build the site and serve it at http://127.0.0.1:8000, reloading on every save
#   make test    run the whole test suite (installs what it needs first)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

SEEDS ?=

.PHONY: check-seeds serve build check review test test-editor-change engines system-packages bench clean help vendor no-tracked-bytecode

help:
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

# Compiled Python (.pyc, __pycache__/) or an installed .venv/ or node_modules/ tracked in git
# would run as soon as make or Python starts, before the build's own check
# (hooks/esafety_portal/checkout.py) could refuse it: every target that runs the hooks refuses
# it first. Outside a git checkout nothing is tracked.
no-tracked-bytecode:
	@tracked=$$(git ls-files -- '*.pyc' '*.pyo' '*__pycache__/*' .venv node_modules 2>/dev/null); \
	if [ -n "$$tracked" ]; then \
		echo "$$tracked" | sed 's/$$/:1: is compiled or installed code tracked in git — remove it with git rm --cached: it would run in place of the reviewed code/' >&2; \
		exit 1; \
	fi

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -m venv --help >/dev/null 2>&1 || bash .ci/system-packages
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

PORT ?= 8000

serve: no-tracked-bytecode $(VENV)/.installed ## Build and serve the site on http://127.0.0.1:8000 (make serve PORT=8001 for another port)
	$(BIN)/mkdocs serve --strict --livereload --dev-addr 127.0.0.1:$(PORT)

build: no-tracked-bytecode $(VENV)/.installed ## Build the static site into site/
	$(BIN)/mkdocs build --strict

check: no-tracked-bytecode $(VENV)/.installed ## Check every data file without building the site (fast)
	$(BIN)/python -m esafety_portal.check

review: no-tracked-bytecode $(VENV)/.installed ## Print the content review report (what is due or overdue)
	$(BIN)/python -m esafety_portal.review

system-packages: ## Install the Debian packages the tests need (Chromium, Java, LibreOffice)
	@test -x /usr/bin/chromium -a -x /usr/bin/java -a -x /usr/bin/npm -a -x /usr/bin/soffice -a -x /usr/bin/pdftotext || bash .ci/system-packages

# The quality gates' Node tools (axe-core, vnu-jar, lighthouse), pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

node_modules: node_modules/.installed ## Install the Node tools the quality gates run

# -n auto: one pytest-xdist worker per core. --dist loadfile keeps each test file on one worker, so a
# file's module fixtures (a search box, a served site) are made once, not once per worker.
# Lighthouse runs beside the other tests: its performance floor (tests/gates/lighthouse.py) was set
# from the spread measured on this busy 2-core machine, and the median of its runs decides, so the
# other tests' load does not fail it; a page that is really slow still does. --durations lists the
# slowest tests at the end of each run: where the suite's time goes (make bench gives the total).
test: no-tracked-bytecode $(VENV)/.installed system-packages node_modules ## Run the whole test suite
	$(BIN)/pytest -n auto --dist loadfile --durations=30

# CONTRIBUTING's steps (reword an item and date it today, add a framework, copy a template) taken
# on a copy of this checkout and committed, then `make test` there: an editor's correct change must
# keep the whole suite green. CI runs it after `make test` (tests/editor_change.py).
test-editor-change: no-tracked-bytecode $(VENV)/.installed system-packages node_modules ## Run the whole suite again on a copy with CONTRIBUTING's steps taken
	$(BIN)/python tests/editor_change.py

engines: no-tracked-bytecode $(VENV)/.installed ## Build with MkDocs and with ProperDocs (the second engine) and compare the sites
	$(BIN)/pytest tests/test_second_engine.py

check-seeds: $(VENV)/.installed ## Check tests/fixtures/seeds.json against the seed articles: make check-seeds SEEDS=folder
	@test -n "$(SEEDS)" || { echo "Say where the seed articles are: make check-seeds SEEDS=folder"; exit 2; }
	$(BIN)/python tests/support/seeds.py --check $(SEEDS)

bench: no-tracked-bytecode $(VENV)/.installed system-packages ## Print the performance figures and targets (about 15 minutes, 10 of them the test suite)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf site site.partial .pytest_cache

# fflate, the zip library that fills in the templates in the browser: its browser build and
# licence, copied from the npm package that package-lock.json pins (checked by
# tests/js/test_vendored.py). To upgrade: `npm install --save-exact --save-dev fflate@X`, then this.
VENDOR := docs/assets/javascripts/vendor
vendor: node_modules/.installed ## Copy fflate's browser build (pinned in package-lock.json) into the site
	cp node_modules/fflate/umd/index.js $(VENDOR)/fflate.js
	cp node_modules/fflate/LICENSE $(VENDOR)/fflate.LICENSE.txt
