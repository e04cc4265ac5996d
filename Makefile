# newslint: the two commands a newcomer needs are `make examples` and `make test`.
# Each sets up .venv on first use (Python >= 3.10 and make are all it needs).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: help examples test update-examples bench eval clean

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

test: $(BIN)/newslint
	$(BIN)/python -m pytest

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
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
