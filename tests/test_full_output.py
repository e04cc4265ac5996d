"""The ``full`` text output: each problem with its source line, the span marked and the fix.

It is the default on a terminal (checked in a pseudo-terminal); pipes, CI logs and ``-o``
keep the ``concise`` one-line output.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest

# "the the" at columns 32-38 (offsets 31-38 of the line): a 300+ character paragraph line,
# as news copy has them.
HEAD = "The Syrian army said on Tuesday the the town had fallen after weeks of fighting"
LONG = HEAD + ", and officials told reporters" * 10 + ".\n"


@pytest.fixture(autouse=True)
def columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")


def test_full_shows_the_line_the_span_marked_and_the_fix(run, write):
    write("a.txt", "Paris in the the spring.\n")
    result = run("check", "--output-format", "full", "a.txt")
    assert result.code == 1
    assert result.lines[:6] == [
        'a.txt:1:10: TYP003 Repeated word "the"',
        "  |",
        "1 | Paris in the the spring.",
        "  |          ^^^^^^^",
        "  |",
        '  = fix: Delete the second "the"',
    ]
    assert result.lines[-1].startswith("Found 1 problem")


def test_full_cuts_a_long_paragraph_line_to_the_terminal_around_the_span(run, write):
    write("a.txt", LONG)
    result = run("check", "--format", "full", "--select", "TYP003", "a.txt")
    source, marks = result.lines[2], result.lines[3]
    assert len(LONG) > 300
    assert all(len(line) <= 80 for line in result.lines[:6]), result.out
    assert source.startswith("1 | ") and source.endswith("\u2026")  # cut after the span, at a space
    start = marks.index("^")
    assert source[start : start + 7] == "the the" and marks[start:] == "^" * 7


def test_full_window_follows_a_span_far_along_the_line(run, write):
    write("a.txt", "x " + "Officials told reporters on Monday. " * 10 + "Paris in the the spring.\n")
    result = run("check", "--format", "full", "--select", "TYP003", "a.txt")
    source, marks = result.lines[2], result.lines[3]
    assert source.startswith("1 | \u2026") and len(source) <= 80
    start = marks.index("^")
    assert source[start : start + 7] == "the the"


def test_full_marks_align_after_wide_characters(run, write):
    write("a.txt", "北京 said the the town fell.\n")  # two wide characters: four columns
    result = run("check", "--format", "full", "--select", "TYP003", "a.txt")
    assert result.lines[3] == "  |" + " " * 11 + "^" * 7


def test_concise_and_text_keep_one_line_a_problem(run, write):
    write("a.txt", "Paris in the the spring.\n")
    for fmt in ("concise", "text"):
        result = run("check", "--output-format", fmt, "a.txt")
        assert result.lines[0] == 'a.txt:1:10: TYP003 Repeated word "the"'
        assert result.lines[1].startswith("Found 1 problem")


def _on_a_terminal(args: list[str], cwd) -> str:
    """What newslint prints when its stdout is a terminal (a pseudo-terminal here)."""
    leader, follower = pty.openpty()
    env = {name: value for name, value in os.environ.items() if name not in ("FORCE_COLOR", "NO_COLOR")}
    env.update(COLUMNS="80", NEWSLINT_DISABLE_PLUGIN_AUTOLOAD="1")
    proc = subprocess.Popen([sys.executable, "-m", "newslint", *args], cwd=cwd, stdout=follower,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_full_is_the_default_on_a_terminal_and_concise_in_a_pipe(run, write, tmp_path):
    write("a.txt", "Paris in the the spring.\n")
    on_terminal = _on_a_terminal(["check", "--color", "never", "a.txt"], tmp_path)
    assert "1 | Paris in the the spring.\n" in on_terminal
    assert "^^^^^^^" in on_terminal
    piped = run("check", "a.txt")
    assert piped.lines[0] == 'a.txt:1:10: TYP003 Repeated word "the"' and "^" not in piped.out
