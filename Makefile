# Two commands for a newcomer: `make crawl` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= output/danvan.db

.PHONY: crawl test demo lint bench browse clean

$(BIN)/danvan: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-deps: $(BIN)/danvan
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

## crawl: set up, then crawl every site of the registry into output/danvan.db
crawl: $(BIN)/danvan
	$(BIN)/danvan crawl --db $(DB)

## demo: crawl the bundled sample sites served on 127.0.0.1 (works offline)
demo: $(BIN)/danvan
	$(BIN)/danvan demo

## test: set up with test extras, lint, run the whole suite
test: $(VENV)/.test-deps
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

## browse: open the database in Datasette (DB=output/demo.db for the demo), search box and facets wired
browse: $(BIN)/danvan
	$(BIN)/python -m pip install --quiet -e '.[browse]'
	$(BIN)/datasette $(DB) --metadata danvan_crawler/datasette/metadata.json

## bench: speed, memory, re-crawl and storage benchmarks into benchmarks/RESULTS.md (needs nginx;
## ~15 min, BENCH_ARGS=--quick for ~4 min)
bench: $(BIN)/danvan
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/run_all.py $(BENCH_ARGS)

lint: $(VENV)/.test-deps
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
