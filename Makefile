# Koperasi — developer tasks. `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: venv run test lint fmt bench bench-pg dist translations forms screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

run: venv
	$(BIN)/koperasi-app --demo

# -n auto: one pytest-xdist worker per CPU (halves the wall time on 2 cores). --dist loadfile:
# a test file runs whole, in order, on one worker, as without xdist: its module fixtures are
# built once, tests that count what earlier ones did (trust/test_fuzz.py) see them all, and
# the frozen bundle of tests/installer is built by one worker only. --no-loadscope-reorder: files
# go out in collection order, where tests/conftest.py puts the slow (bundle) file first.
test: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider -n auto \
		--dist loadfile --no-loadscope-reorder

lint: venv
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/lint-imports
	$(BIN)/mypy

fmt: venv
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

forms: venv
	$(BIN)/python -m koperasi.ui.build_forms

translations: venv
	$(BIN)/python -m koperasi.ui.build_translations

# --consol-n 20: the consolidate scenario on 20 generated audit workbooks keeps make bench within
# its 15 minutes (same ratio and flat memory as at 200: bench/README.md, "Consolidation at
# programme scale"); `python -m bench.run --only consolidate` runs the 200 of the issue.
bench: venv
	$(BIN)/python -m bench.run --record --consol-n 20

# the same book in a throwaway PostgreSQL server (skipped without PostgreSQL binaries)
bench-pg: venv
	$(BIN)/python -m bench.pg --record

dist: venv
	$(BIN)/python -m pip install --quiet -e '.[dist]'
	$(BIN)/python installer/build.py

clean:
	rm -rf $(VENV) build dist .pytest_cache

screenshots: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py
