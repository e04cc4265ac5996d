# newslint: the two commands a newcomer needs are `make examples` and `make test`.
# Each sets up .venv on first use (Python >= 3.10 and make are all it needs).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: help examples test native update-examples bench eval clean

help:
	@echo "make examples         lint the example articles in examples/"
	@echo "make test             run the whole test suite"
	@echo "make update-examples  regenerate examples/expected-output.log after a deliberate change"
	@echo "make bench            benchmark on shared/corpus against proselint, codespell and typos (minutes; by hand, not in CI)"
	@echo "make eval             accuracy on copy the rules were not written for (shared/corpus; by hand, not in CI)"

$(BIN)/newslint: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m pip install --quiet $(addprefix -e ,$(PLUGINS))
	@touch $@

# The plugin packages in plugins/ (installed as an outside user would, tested by `make test`).
PLUGINS := $(patsubst %/pyproject.toml,%,$(wildcard plugins/*/pyproject.toml))
$(BIN)/newslint: $(addsuffix /pyproject.toml,$(PLUGINS))

# Exit status 1 means "problems found", which is what the examples are for; 2 is a real error.
examples: $(BIN)/newslint
	@$(BIN)/newslint check examples/; status=$$?; [ $$status -le 1 ]

# The native core (native/: Rust, PyO3, maturin) is optional. Where cargo is on PATH, `make test`
# builds it and installs it into .venv (pip fetches maturin, cargo the crates), then runs the suite
# on both parse paths: natively, and again in pure Python (NEWSLINT_NATIVE=0; tests/test_native.py
# compares the two itself, so it runs once). Without cargo the suite runs once, in pure Python.
NATIVE_SOURCES := $(wildcard native/src/*.rs) $(addprefix native/,Cargo.toml Cargo.lock build.rs gen_unicode_table.py pyproject.toml)
native: $(VENV)/.native-installed
$(VENV)/.native-installed: $(BIN)/newslint $(NATIVE_SOURCES)
	@if command -v cargo >/dev/null 2>&1; then \
		echo "building the native core (native/) with cargo"; \
		$(BIN)/python -m pip install --quiet ./native && touch $@; \
	else \
		echo "no cargo on PATH: the native core is not built; newslint runs in pure Python"; \
	fi

test: $(BIN)/newslint native
	$(BIN)/python -m pytest
	@if [ -f $(VENV)/.native-installed ]; then \
		echo "the suite again on the pure-Python parse path (NEWSLINT_NATIVE=0)"; \
		NEWSLINT_NATIVE=0 $(BIN)/python -m pytest -q --ignore=tests/test_native.py; \
	fi

update-examples: $(BIN)/newslint
	@$(BIN)/newslint check --color never examples/ > examples/expected-output.log; [ $$? -le 1 ]

# The benchmark writes ../shared/corpus (or $$NEWSLINT_CORPUS) under bench/.work/; see bench/README.md.
bench: $(BIN)/newslint
	$(BIN)/python bench/run.py

# The evaluation reads ../shared/corpus in place (or $$NEWSLINT_CORPUS); see eval/README.md.
eval: $(BIN)/newslint
	@$(BIN)/python -m pip install --quiet -e '.[eval]'
	$(BIN)/python eval/run.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache native/target
