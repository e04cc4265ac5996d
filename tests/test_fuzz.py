"""Fuzzing ``lint_text`` and the CLI with hostile shapes and random text (issue 19).

Hypothesis runs derandomised (a fixed seed) with a bounded number of examples, so the suite
is repeatable. Whatever the text: no exception, no diagnostic outside the text, and a cost
that grows in proportion to the text (two sizes of one shape, timed in the same run).
"""

from __future__ import annotations

import gc
import json
import os
import re
import subprocess
import sys
import time
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newslint
from newslint.errors import NewslintError

# Characters the parser and the rules treat specially, besides ordinary letters.
HOSTILE = (
    "aeAE.,;:!?…'\"’‘“”«»„()[]{}<>-‐–—/\\|*_`~#@&%$£€0123456789 \t\n\r\u00a0"
    "αб中ب\u0301😀\ufeff"
)
HOSTILE_UNITS = ["a", "a'", "A.", '"', "'", "a-", "Word ", "U.S. ", "<!--", "[", "`", "---\n", "*", "&amp;", "\n\n"]

text_strategy = st.one_of(
    st.text(alphabet=HOSTILE, max_size=400),
    st.text(max_size=200),  # any Unicode
    st.builds(lambda unit, n: unit * n, st.sampled_from(HOSTILE_UNITS), st.integers(1, 400)),
    st.lists(st.sampled_from(HOSTILE_UNITS + ["The army said ", "Mr. Smith ", "“Quote,” he said. "]),
             max_size=60).map("".join),
)


def fuzz(examples: int) -> settings:
    """Repeatable: a fixed seed, a bounded number of examples, nothing written to disk."""
    return settings(derandomize=True, max_examples=examples, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def linter():
    return newslint.linter(config=None)


def _line_count(text: str) -> int:
    return len(re.findall(r"\r\n|\r|\n", text)) + 1


def assert_inside(text: str, diagnostic) -> None:
    """A diagnostic's offsets and its line and column lie inside ``text``."""
    assert 0 <= diagnostic.start <= diagnostic.end <= len(text), diagnostic
    assert 1 <= diagnostic.line <= diagnostic.end_line <= _line_count(text), diagnostic
    assert 1 <= diagnostic.column and 1 <= diagnostic.end_column <= len(text) + 1, diagnostic


@fuzz(300)
@given(text=text_strategy, path=st.sampled_from(["story.txt", "story.md"]))
def test_lint_text_never_raises_and_stays_inside_the_text(linter, text, path):
    result = linter.lint_text(text, path)
    if result.error is not None:  # bad front matter: one clear message, no traceback
        assert result.error.startswith(path) and "Traceback" not in result.error
        return
    for diagnostic in result.diagnostics:
        assert_inside(text, diagnostic)


@fuzz(200)
@given(text=text_strategy)
def test_the_api_raises_only_newslint_errors(text):
    try:
        diagnostics = newslint.lint_text(text, "story.md", config=None)
    except NewslintError:
        return
    for diagnostic in diagnostics:
        assert_inside(text, diagnostic)


@fuzz(25)
@given(unit=st.one_of(st.sampled_from(HOSTILE_UNITS), st.text(alphabet=HOSTILE, min_size=1, max_size=6)),
       path=st.sampled_from(["story.txt", "story.md"]))
def test_cost_is_proportional_to_size(linter, unit, path):
    small, large = (unit * (2_000 // len(unit) + 1)), (unit * (40_000 // len(unit) + 1))  # 20 times the text
    timings = []
    for text in (small, large):
        gc.collect()
        gc.disable()  # a collection of the test process's whole heap is no cost of the text
        try:
            start = time.process_time()  # CPU time: a busy machine does not count
            linter.lint_text(text, path)
            timings.append(time.process_time() - start)
        finally:
            gc.enable()
    ratio = timings[1] / max(timings[0], 1e-4)
    assert ratio < 100, f"{unit!r}: 20 times the text took {ratio:.0f} times as long"  # quadratic: 400


@fuzz(8)
@given(texts=st.lists(text_strategy, min_size=1, max_size=6))
def test_the_cli_reports_cleanly_whatever_the_files(texts, tmp_path_factory, run_in):
    folder = tmp_path_factory.mktemp("fuzz")
    for i, text in enumerate(texts):
        (folder / f"f{i}{'.md' if i % 2 else '.txt'}").write_bytes(text.encode("utf-8", "surrogatepass"))
    result = run_in(folder, "check", "--format", "json", ".")
    assert result.code in (0, 1, 2) and "Traceback" not in result.err, result.err
    assert all(line.startswith("error: ") for line in result.err_lines), result.err
    report = json.loads(result.out)
    for diagnostic in report["diagnostics"]:
        text = (folder / diagnostic["path"]).read_bytes().decode("utf-8", "surrogatepass").removeprefix("\ufeff")
        assert 1 <= diagnostic["line"] <= diagnostic["end_line"] <= _line_count(text), diagnostic
        assert 1 <= diagnostic["column"] and 1 <= diagnostic["end_column"] <= len(text) + 1, diagnostic


@pytest.fixture(scope="module")
def run_in():
    """``run_in(folder, *args)``: newslint's CLI in a subprocess, in a folder Hypothesis makes
    per example (the ``run`` fixture is per test), with the built-in rules only."""

    def _run(folder, *args):
        env = {**os.environ, "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
        proc = subprocess.run([sys.executable, "-m", "newslint", *args], cwd=folder, capture_output=True,
                              timeout=120, env=env)
        return SimpleNamespace(code=proc.returncode, out=proc.stdout.decode("utf-8"),
                               err_lines=proc.stderr.decode("utf-8").splitlines(), err=proc.stderr.decode("utf-8"))

    return _run
