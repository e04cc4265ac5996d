"""Hostile input costs time and memory in proportion to its size (issue 19).

A scraped page of base64, a line of quotation marks or a megabyte of "A.A.A." must not take
a CI runner down. Each shape is linted at two sizes in the same run and the ratio of the two
times is compared with the ratio of the sizes: a quadratic stage makes it the square, far
above the generous cap, while a slow or busy machine slows both sizes alike.
"""

from __future__ import annotations

import gc
import random
import string
import time

import pytest

import newslint
from newslint.context import Memo
from newslint.errors import NewslintError

SMALL, LARGE = 5_000, 100_000  # linear: a time ratio of 20; quadratic: 400
RATIO_CAP = 80


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _random_word(size: int) -> str:
    rng = random.Random(19)
    return "".join(rng.choice(string.ascii_letters + string.digits + "+/") for _ in range(size))


# The shapes the audit reproduced, and long runs of every punctuation mark and letter class.
SHAPES = {
    "one long word": lambda n: _repeat("a", n),
    "base64": _random_word,
    "a'a'a'": lambda n: _repeat("a'", n),
    "A.A.A.": lambda n: _repeat("A.", n),
    "quotes then apostrophes": lambda n: '"' * (n // 2) + "'" * (n // 2),
    "prose": lambda n: _repeat("The army said on Tuesday that two soldiers were killed near a post. ", n),
    "hyphenated": lambda n: _repeat("a-", n),
    "capitalised": lambda n: _repeat("Word ", n),
    "dotted acronyms": lambda n: _repeat("U.S. ", n),
    **{f"run of {mark!r}": (lambda n, mark=mark: _repeat(mark, n))
       for mark in string.punctuation + "“”‘’„«»—–…•"},
    **{f"run of {name}": (lambda n, unit=unit: _repeat(unit, n)) for name, unit in {
        "capitals": "A", "digits": "7", "Greek": "α", "CJK": "中", "Arabic": "ب", "combining marks": "e\u0301",
        "emoji": "😀", "spaces": " ", "line breaks": "\n", "blank lines": "a\n\n", "tabs": "\t",
        "no-break spaces": "\u00a0", "markup": "# H\n\n- a\n> q\n`c` *e* [l](u) ",
    }.items()},
}


@pytest.fixture(scope="module")
def linter():
    lint = newslint.linter(config=None)
    lint.lint_text("Warm up: the lexicon and the tables load once.", "warm.txt")
    return lint


def _seconds(linter, text: str, path: str) -> float:
    """CPU seconds of this process: other processes on a busy machine do not count, nor do
    collections of the test process's whole heap, which the garbage collector may start in
    either run."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        result = linter.lint_text(text, path)
        elapsed = time.process_time() - start
    finally:
        gc.enable()
    assert result.error is None, result.error
    return elapsed


@pytest.mark.parametrize("shape", SHAPES)
def test_cost_grows_linearly_with_size(linter, shape):
    make = SHAPES[shape]
    small, large = make(SMALL), make(LARGE)
    for path in ("story.txt", "story.md") if len(shape) < 20 else ("story.txt",):
        # Once each: a second run of the same text would be answered from the memos.
        small_time = _seconds(linter, small, path)
        large_time = _seconds(linter, large, path)
        ratio = large_time / max(small_time, 1e-4)
        assert ratio < RATIO_CAP, f"{shape} as {path}: {LARGE // SMALL} times the text took {ratio:.0f} times as long"


def test_a_word_longer_than_any_word_is_reported_without_suggestions():
    word = "a" * 5_000
    (diagnostic,) = newslint.lint_text(f"The {word} fell.", select=["TYP001"])
    assert diagnostic.code == "TYP001" and diagnostic.suggestions == ()
    assert (diagnostic.start, diagnostic.end) == (4, 4 + len(word))
    assert "5,000 characters" in diagnostic.message and len(diagnostic.message) < 200


def test_memo_is_bounded_in_characters_as_well_as_entries():
    memo = Memo(len, limit=1_000, chars=10_000)
    for i in range(100):
        assert memo[f"{i:04d}" + "x" * 996] == 1_000
        assert sum(map(len, memo)) <= 10_000
    assert memo["y" * 20_000] == 20_000  # answered, but too large to keep
    assert "y" * 20_000 not in memo


# ------------------------------------------------------------------------------ the size limit


def test_a_file_above_the_size_limit_is_reported_and_the_others_linted(run, write):
    write("good.txt", "The army said the the town fell.\n")
    write("big.txt", "The army said. " * 400_000)  # 6 MB, above the default of 5 MB
    result = run("check", "good.txt", "big.txt")
    assert result.code == 2
    assert result.err_lines == [
        "error: big.txt: too large to lint (6,000,000 bytes; the limit is 5,000,000: max-file-size in the "
        "configuration, or --max-file-size)"
    ]
    assert any(line.startswith("good.txt:1:") and "TYP003" in line for line in result.lines), result.out


def test_the_size_limit_is_set_by_configuration_and_by_the_command_line(run, write):
    write("story.txt", "The army said the town fell. " * 100)  # 2,900 bytes
    write("newslint.toml", 'max-file-size = "2KB"\n')
    assert "too large" in run("check", "story.txt").err
    assert run("check", "--max-file-size", "1MB", "story.txt").code == 0
    assert run("check", "--max-file-size", "lots", "story.txt").code == 2
    write("newslint.toml", "max-file-size = 0\n")
    result = run("check", "story.txt")
    assert result.code == 2 and "'max-file-size': expected a size above 0" in result.err


def test_the_size_limit_applies_to_text_given_to_the_api(tmp_path):
    config = tmp_path / "newslint.toml"
    config.write_text('max-file-size = "1KB"\n')
    with pytest.raises(NewslintError, match="too large to lint"):
        newslint.lint_text("Zürich said. " * 100, config=str(config))  # 1,400 bytes in UTF-8
    assert newslint.lint_text("Zürich said.", config=str(config)) == []


# ------------------------------------------------------------------------------ user regexes

CATASTROPHIC = ["(a+)+$", r"(\w+\s?)*!", "([a-z]+)+x", "(?:x|[a-z]+)*1"]
SAFE = [r"[A-Z][a-z]+(-[A-Z][a-z]+)*", r"\w+(?: \w+)*", "(a++)+", "(?>a+)+", r"\d{1,3}(,\d{3})*", "colou?r"]


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_nested_repeats_are_refused_in_accept(run, write, pattern):
    write("newslint.toml", f"accept = ['/{pattern}/']\n")
    write("story.txt", "The aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa fell.\n")
    result = run("check", "story.txt", timeout=30)
    assert result.code == 2 and "Traceback" not in result.err
    assert "newslint.toml" in result.err and pattern in result.err and "refused" in result.err


def test_nested_repeats_are_refused_in_a_vocabulary_file_naming_the_line(run, write):
    write("newslint.toml", 'vocabulary = "words.txt"\n')
    write("words.txt", "Saraqeb\n# a comment\n/(a+)+$/\n")
    write("story.txt", "The town fell.\n")
    result = run("check", "story.txt", timeout=30)
    assert result.code == 2
    assert "words.txt, line 3:" in result.err and "(a+)+$" in result.err and "refused" in result.err


def test_nested_repeats_are_refused_in_data_rules(run, write):
    write("newslint.toml", '[[data-rules]]\ncode = "HSE001"\nkind = "existence"\nmessage = "no"\n'
                           'tokens = ["(a+)+b"]\n')
    write("story.txt", "The town fell.\n")
    result = run("check", "story.txt", timeout=30)
    assert result.code == 2 and "HSE001" in result.err and "(a+)+b" in result.err and "refused" in result.err


@pytest.mark.parametrize("pattern", SAFE)
def test_safe_repeats_are_accepted(pattern, tmp_path):
    config = tmp_path / "newslint.toml"
    config.write_text(f"accept = ['/{pattern}/']\n")
    newslint.lint_text("The town fell.", config=str(config))  # no error
