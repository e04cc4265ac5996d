"""Input that cannot be linted, through the real CLI.

Each bad input gives one ``error:`` line on stderr naming the file and the problem, no
traceback, exit code 2, and every good file of the same run is still linted and reported.
Huge and pathological files must finish (a subprocess timeout guards against a hang).
"""

from __future__ import annotations

import os
import random
import re

import pytest

GOOD = "The army said the the town fell.\n"
GOOD_LINE = 'good.txt:1:15: TYP003 Repeated word "the"'


def assert_bad_input(result, *fragments: str) -> str:
    """Exit 2, one stderr line containing every fragment, the good file still reported."""
    assert result.code == 2, (result.out, result.err)
    assert "Traceback" not in result.out + result.err
    assert len(result.err_lines) == 1, result.err
    line = result.err_lines[0]
    assert line.startswith("error: "), line
    for fragment in fragments:
        assert fragment.lower() in line.lower(), (fragment, line)
    assert GOOD_LINE in result.lines, result.out
    return line


@pytest.fixture
def good(write):
    return write("good.txt", GOOD)


def test_binary_file(run, write, good):
    write("x.txt", b"GIF89a\x00\x01\x02\x00binary\x00data")
    assert_bad_input(run("check", "good.txt", "x.txt"), "x.txt", "binary")


@pytest.mark.parametrize(
    "data, offset",
    [
        (b"Caf\xe9 the end.\n", 3),  # Latin-1 é
        (b"Line one.\nLine \xff two.\n", 15),
        (b"Cut \xe2\x80", 4),  # a UTF-8 sequence cut short at the end
    ],
)
def test_invalid_utf8_names_the_byte_offset(run, write, good, data, offset):
    write("bad.txt", data)
    line = assert_bad_input(run("check", "good.txt", "bad.txt"), "bad.txt", "UTF-8")
    assert re.search(rf"\boffset {offset}\b", line), line


def test_missing_path(run, good):
    assert_bad_input(run("check", "good.txt", "nope.txt"), "nope.txt", "no such file")


def test_missing_folder(run, good):
    assert_bad_input(run("check", "good.txt", "no/such/folder"), "no/such/folder", "no such file")


# ------------------------------------------------------------------------------ the summary says what happened


def test_a_missing_file_alone_is_not_summarised_as_clean(run):
    result = run("check", "nope.txt")
    assert result.code == 2
    assert result.lines == ["Nothing linted: 1 file could not be linted (see the errors)."]


def test_a_config_typo_is_not_summarised_as_clean(run, write):
    write("newslint.toml", 'slect = ["TYP"]\n')
    write("a.txt", GOOD)
    result = run("check", "a.txt")
    assert result.code == 2
    assert "No problems found" not in result.out
    assert result.lines == ["Nothing linted: 1 file could not be linted (see the errors)."]


@pytest.mark.parametrize("text, summary", [
    ("Clean copy.\n", "No problems found in 1 file; 1 file could not be linted (see the errors)."),
    (GOOD, "Found 1 problem (1 warning) in 1 of 1 file; 1 fixable with --fix; 1 file could not be linted (see the errors)."),
])
def test_the_summary_counts_the_files_that_could_not_be_linted(run, write, text, summary):
    write("good.txt", text)
    result = run("check", "good.txt", "nope.txt")
    assert result.code == 2
    assert result.lines[-1] == summary


def test_statistics_summary_says_nothing_was_linted(run):
    result = run("check", "--statistics", "nope.txt")
    assert result.code == 2
    assert result.lines == ["Nothing linted: 1 file could not be linted (see the errors)."]


def test_unreadable_file(run_unprivileged, write, good):
    path = write("secret.txt", GOOD)
    os.chmod(path, 0)
    try:
        assert_bad_input(run_unprivileged("check", "good.txt", "secret.txt"), "secret.txt", "permission denied")
    finally:
        os.chmod(path, 0o644)


def test_a_fifo_is_refused_not_waited_on(run, tmp_path, good):
    os.mkfifo(tmp_path / "pipe.txt")
    assert_bad_input(run("check", "pipe.txt", "good.txt", timeout=30), "pipe.txt", "not a regular file (a FIFO)")


def test_a_device_is_refused(run, good):
    assert_bad_input(run("check", "/dev/zero", "good.txt", timeout=30), "/dev/zero",
                     "not a regular file (a character device)")


def test_a_file_in_a_folder_that_cannot_be_searched_is_unreadable_not_missing(run_unprivileged, write, tmp_path, good):
    write("locked/story.txt", GOOD)
    os.chmod(tmp_path / "locked", 0o600)  # readable, not searchable
    try:
        result = run_unprivileged("check", "good.txt", "locked/story.txt")
    finally:
        os.chmod(tmp_path / "locked", 0o755)
    line = assert_bad_input(result, "locked/story.txt", "permission denied")
    assert "no such file" not in line


@pytest.mark.parametrize("contents", [[], ["notes.py", "image.png", ".hidden/a.md"]])
def test_folder_with_nothing_to_lint(run, write, tmp_path, good, contents):
    (tmp_path / "empty").mkdir()
    for name in contents:
        write(f"empty/{name}", GOOD)
    assert_bad_input(run("check", "good.txt", "empty"), "empty", "no ", "files to lint")


def test_symlink_loop_in_a_folder(run, write, tmp_path, good):
    """A link back up the tree must not send the walk round in circles or end in a traceback."""
    write("site/a.md", GOOD)
    (tmp_path / "site" / "loop").symlink_to("..")
    result = run("check", "good.txt", "site")
    assert "Traceback" not in result.out + result.err
    assert result.code in (1, 2)
    assert GOOD_LINE in result.lines
    assert 'site/a.md:1:15: TYP003 Repeated word "the"' in result.lines
    assert "loop/site/loop" not in result.out + result.err


def test_malformed_yaml_front_matter_names_file_and_line(run, write, good):
    write("bad.md", "---\ntitle: A story\n\tauthor: x\n---\nBody.\n")  # the tab is on line 3
    line = assert_bad_input(run("check", "good.txt", "bad.md"), "front matter")
    assert re.search(r"\bbad\.md:3:\d+: ", line), line


def test_malformed_yaml_flow_sequence(run, write, good):
    write("bad.md", "---\ntitle: [unclosed\nauthor: x\n---\nBody.\n")
    line = assert_bad_input(run("check", "good.txt", "bad.md"), "front matter")
    m = re.search(r"\bbad\.md:(\d+):\d+: ", line)
    assert m and 2 <= int(m.group(1)) <= 4, line  # a line inside the front matter


def test_front_matter_never_closed(run, write, good):
    write("bad.md", "---\ntitle: A story\n\nBody with the the slip.\n")
    assert_bad_input(run("check", "good.txt", "bad.md"), "bad.md:1:", "never closed")


def test_front_matter_that_is_not_a_mapping(run, write, good):
    write("bad.md", "---\n- just\n- a list\n---\nBody.\n")
    assert_bad_input(run("check", "good.txt", "bad.md"), "bad.md:", "front matter")


def test_malformed_newslint_entry_in_front_matter(run, write, good):
    write("bad.md", "---\ntitle: A story\nnewslint: [TYP003]\n---\nBody.\n")
    assert_bad_input(run("check", "good.txt", "bad.md"), "bad.md:3:", "newslint")


def test_malformed_config(run, write, good):
    write("bad/newslint.toml", "ignore = [\n")
    write("bad/story.txt", GOOD)
    assert_bad_input(run("check", "good.txt", "bad"), os.path.join("bad", "newslint.toml"), "TOML")


def test_empty_files_are_fine(run, write):
    write("empty.txt", b"")
    write("empty.md", b"")
    result = run("check", "empty.txt", "empty.md")
    assert result.code == 0
    assert result.err == ""
    assert result.lines == ["No problems found in 2 files."]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_file(run, write, good, encoding):
    data = "Paris in the the spring.\n".encode(encoding)
    if encoding != "utf-16":  # Notepad's "Unicode": a BOM, then little- or big-endian
        data = ("\ufeff" + "Paris in the the spring.\n").encode(encoding)
    write("wide.txt", data)
    assert_bad_input(run("check", "good.txt", "wide.txt"), "wide.txt", "UTF-16")


def test_utf16_without_bom(run, write, good):
    write("wide.txt", "Paris in the the spring.\n".encode("utf-16-le"))
    line = assert_bad_input(run("check", "good.txt", "wide.txt"), "wide.txt")
    assert "utf-16" in line.lower() or "binary" in line.lower(), line


def test_bad_stdin(run, good):
    result = run("check", "--stdin-filename", "story.md", "good.txt", "-", input=b"\xff\xfe\x00\x00")
    assert_bad_input(result, "story.md")


def test_json_output_still_valid_with_a_bad_file(run, write, good):
    import json

    write("x.txt", b"\x00\x00")
    result = run("check", "--format", "json", "good.txt", "x.txt")
    assert result.code == 2
    data = json.loads(result.out)
    assert [f["path"] for f in data["files"]] == ["good.txt"]
    assert [(d["path"], d["code"]) for d in data["diagnostics"]] == [("good.txt", "TYP003")]
    assert len(result.err_lines) == 1 and "x.txt" in result.err


# ------------------------------------------------------------------------------ huge input

TEN_MB = 10_000_000
ONE_MB = 1_000_000


def _huge_line(pieces: list[str], size: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    out, total = [], 0
    while total < size:
        piece = rng.choice(pieces)
        out.append(piece)
        total += len(piece)
    return "".join(out)


MARKUP = ["`", "``", "```", "[", "]", "(", ")", "<", ">", "<a ", "</", "<!--", "-->", "&", "&amp", "&#", "*", "_",
          "\\", '"', "'", "[caption ", "http://", "word", " ", "|", "#", "---", "!["]

# The realistic shapes at the full 10 MB; single-character floods at 1 MB, which is plenty to
# turn quadratic scanning into a hang (10^12 steps) while keeping the suite quick.
HUGE = {
    "random-words": lambda: _huge_line(["the ", "army ", "said ", "town ", "Idlib ", "in ", "fell, ", "—", "“quoted” "], TEN_MB, 1),
    "markup-soup": lambda: _huge_line(MARKUP, TEN_MB, 2),
    "repeated-words": lambda: "word the the " * (ONE_MB // 13),
    "unclosed-comments": lambda: "<!--" * (ONE_MB // 4),
    "brackets": lambda: "[" * ONE_MB,
    "backticks": lambda: "`" * ONE_MB,
    "open-tags": lambda: "<a " * (ONE_MB // 3),
    "dots": lambda: "." * ONE_MB,
}


@pytest.mark.parametrize(
    "kind, suffix",
    [
        ("random-words", ".md"),
        ("markup-soup", ".md"),
        ("markup-soup", ".txt"),
        ("repeated-words", ".txt"),
        ("unclosed-comments", ".txt"),
        ("unclosed-comments", ".md"),
        ("brackets", ".md"),
        ("backticks", ".txt"),
        ("open-tags", ".txt"),
        ("dots", ".md"),
    ],
)
def test_huge_single_line_file_finishes(run, write, kind, suffix):
    """One line with no newline: a guard against quadratic scanning, not a benchmark."""
    write(f"huge{suffix}", HUGE[kind]())
    result = run("check", "-q", "--max-file-size", "20MB", f"huge{suffix}", timeout=120)  # above the default
    assert result.code in (0, 1), result.err[-2000:]
    assert result.err == ""
    if kind == "repeated-words":  # every "the the" is found, none lost on the way
        assert result.code == 1
        assert sum(" TYP003 " in line for line in result.lines) == ONE_MB // 13


# ------------------------------------------------------------------------------ never written


def test_plain_check_never_modifies_input(run, write, tmp_path):
    files = {
        "a.txt": b"Wait&hellip; and the the end.\n",
        "b.md": b"\xef\xbb\xbf---\ntitle: A &amp; B\n---\r\nParis in the the spring.\r\n",
        "sub/c.txt": b"So the the end",
        "sub/bad.txt": b"Caf\xe9",
    }
    for name, data in files.items():
        write(name, data)
    def inputs():  # every file but the cache of results, which is newslint's own
        return {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and ".newslint_cache" not in p.parts}

    before = inputs()
    for args in (["check", "."], ["check", "--format", "json", "."], ["check", "--diff", "."], ["check", "-j", "2", "."]):
        result = run(*args)
        assert result.code == 2, args  # findings, and the bad file
        after = inputs()
        assert after == before, args
