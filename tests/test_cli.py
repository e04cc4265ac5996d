"""The command line as a user runs it: ``python -m newslint ...`` in a subprocess.

Every run happens in a fresh tmp_path (see conftest.py), where no configuration file
applies unless the test writes one. Expected positions are worked out by hand in the
comments: columns count characters from 1, end columns are exclusive.
"""

from __future__ import annotations

import json
import os
import re

import pytest

import newslint

REPEATED = "The army said the the town fell.\n"  # "the the" starts at column 15
REPEATED_LINE = 'a.txt:1:15: TYP003 Repeated word "the"'
# Both built-in text rules fire: WEB004 at column 5 ("&hellip;"), TYP003 at column 14.
BOTH = "Wait&hellip; the the end.\n"


def findings(result) -> list[tuple[str, int, int, str]]:
    """(path, line, column, code) of every diagnostic line of a text-format run."""
    out = []
    for line in result.lines:
        m = re.match(r"^(.*):(\d+):(\d+): ([A-Z]+[0-9]+) ", line)
        if m:
            out.append((m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)))
    return out


def codes(result) -> set[str]:
    return {code for *_, code in findings(result)}


def offset(source: str, line: int, column: int) -> int:
    """The offset of a 1-based (line, column) in ``source``; \\r\\n, \\n and \\r end a line."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", source)]
    return starts[line - 1] + column - 1


def source_between(source: str, d: dict) -> str:
    return source[offset(source, d["line"], d["column"]) : offset(source, d["end_line"], d["end_column"])]


def assert_one_error_line(result, *fragments: str) -> None:
    """Exit 2 with exactly one line on stderr that contains every fragment, and no traceback."""
    assert result.code == 2, (result.out, result.err)
    assert "Traceback" not in result.err + result.out
    assert len(result.err_lines) == 1, result.err
    for fragment in fragments:
        assert fragment in result.err_lines[0], (fragment, result.err)


# ------------------------------------------------------------------------------ text output


def test_text_output_is_path_line_column_code_message(run, write):
    """The documented example: 'the the' at column 15, a summary line, exit 1."""
    write("a.txt", REPEATED)
    result = run("check", "a.txt")
    assert result.code == 1
    assert result.err == ""
    assert result.lines == [
        REPEATED_LINE,
        "Found 1 problem (1 warning) in 1 of 1 file; 1 fixable with --fix.",
    ]


def test_columns_count_characters_not_bytes_and_a_tab_is_one_column(run, write):
    write(
        "story.txt",
        "Line one is fine.\n"
        "Wait&hellip; and in in Paris.\n"  # &hellip; at 5, "in in" at 18
        "Café — the the end.\n"  # é and — are one column each: "the the" at 8
        "\tTab then the the end.\n",  # the tab is column 1: "the the" at 11
    )
    result = run("check", "story.txt")
    assert result.code == 1
    assert result.lines == [
        "story.txt:2:5: WEB004 HTML entity &hellip; left in the text",
        'story.txt:2:18: TYP003 Repeated word "in"',
        'story.txt:3:8: TYP003 Repeated word "the"',
        'story.txt:4:11: TYP003 Repeated word "the"',
        "Found 4 problems (4 warnings) in 1 of 1 file; 4 fixable with --fix.",
    ]


def test_crlf_and_bom_are_not_counted_in_columns(run, write):
    write("crlf.txt", b"First line.\r\nSo the the end.\r\n")  # line 2, column 4
    write("bom.txt", b"\xef\xbb\xbfthe the start.\n")  # line 1, column 1: the BOM is not a column
    result = run("check", "crlf.txt", "bom.txt")
    assert findings(result) == [("bom.txt", 1, 1, "TYP003"), ("crlf.txt", 2, 4, "TYP003")]


def test_clean_file_exits_0_with_no_problems_found(run, write):
    write("clean.md", "# A headline\n\nThe army said the town had fallen.\n")
    result = run("check", "clean.md")
    assert result.code == 0
    assert result.lines == ["No problems found in 1 file."]
    assert result.err == ""


def test_exit_zero_reports_but_exits_0(run, write):
    write("a.txt", REPEATED)
    result = run("check", "--exit-zero", "a.txt")
    assert result.code == 0
    assert REPEATED_LINE in result.lines


def test_info_is_shown_but_does_not_fail_the_run(run, write):
    """An info hint (here TYP003 lowered to info) never blocks a commit or fails CI by default."""
    write("newslint.toml", '[severity]\nTYP003 = "info"\n')
    write("a.txt", REPEATED)
    result = run("check", "a.txt")
    assert result.code == 0, result.out + result.err
    assert REPEATED_LINE in result.lines
    assert result.lines[-1].startswith("Found 1 problem (1 info)")


@pytest.mark.parametrize("how", ["flag", "config"])
def test_fail_level_info_makes_info_fail(run, write, how):
    write("newslint.toml", ('fail-level = "info"\n' if how == "config" else "") + '[severity]\nTYP003 = "info"\n')
    write("a.txt", REPEATED)
    result = run("check", *(["--fail-level", "info"] if how == "flag" else []), "a.txt")
    assert result.code == 1, result.out + result.err


def test_fail_level_error_lets_warnings_pass_and_errors_fail(run, write):
    write("a.txt", REPEATED)  # TYP003 is a warning
    assert run("check", "--fail-level", "error", "a.txt").code == 0
    write("newslint.toml", '[severity]\nTYP003 = "error"\n')
    assert run("check", "--fail-level", "error", "a.txt").code == 1


def test_fail_level_flag_overrides_the_config(run, write):
    write("newslint.toml", 'fail-level = "error"\n')
    write("a.txt", REPEATED)
    assert run("check", "a.txt").code == 0
    assert run("check", "--fail-level", "warning", "a.txt").code == 1


def test_bad_fail_level_in_config_is_an_error_naming_it(run, write):
    write("newslint.toml", 'fail-level = "warn"\n')
    write("a.txt", REPEATED)
    assert_one_error_line(run("check", "a.txt"), "newslint.toml", "'fail-level'", "'warn'")


def test_quiet_prints_diagnostics_only(run, write):
    write("a.txt", REPEATED)
    result = run("check", "-q", "a.txt")
    assert result.code == 1
    assert result.lines == [REPEATED_LINE]


# ------------------------------------------------------------------------------ JSON output

DIAGNOSTIC_KEYS = {
    "path", "line", "column", "end_line", "end_column", "code", "name", "family",
    "severity", "message", "text", "suggestions", "fix",
}


def test_json_contract_keys(run, write):
    write("a.txt", BOTH)
    write("clean.md", "Nothing wrong here.\n")
    result = run("check", "--format", "json", "a.txt", "clean.md")
    assert result.code == 1
    data = json.loads(result.out)
    assert set(data) == {"version", "newslint", "files", "diagnostics"}
    assert data["version"] == 1
    assert data["newslint"] == newslint.__version__
    assert [entry["path"] for entry in data["files"]] == ["a.txt", "clean.md"]
    for entry in data["files"]:
        assert set(entry) == {"path", "words", "metrics"}  # metrics: README "JSON output"
        assert type(entry["words"]) is int and entry["words"] > 0
    assert data["files"][1]["words"] == 3  # "Nothing wrong here."
    assert [(d["code"], d["line"], d["column"]) for d in data["diagnostics"]] == [("WEB004", 1, 5), ("TYP003", 1, 14)]
    for d in data["diagnostics"]:
        assert set(d) == DIAGNOSTIC_KEYS
        assert d["path"] == "a.txt"
        assert d["severity"] == "warning"
        assert isinstance(d["suggestions"], list)
    web, typ = data["diagnostics"]
    assert (web["name"], web["family"], web["text"], web["suggestions"]) == ("html-residue", "web", "&hellip;", ["…"])
    assert (typ["name"], typ["family"], typ["text"], typ["suggestions"]) == ("repeated-word", "typos", "the the", ["the"])
    assert web["fix"]["applicability"] == "safe"
    assert web["fix"]["edits"] == [{"line": 1, "column": 5, "end_line": 1, "end_column": 13, "content": "…"}]


def test_json_fix_is_null_when_there_is_none(run, write):
    write("a.txt", "A non&nbsp;breaking space.\n")  # &nbsp; is invisible: reported, no fix
    data = json.loads(run("check", "--format", "json", "a.txt").out)
    [d] = data["diagnostics"]
    assert d["code"] == "WEB004"
    assert d["fix"] is None


def test_json_text_is_the_source_between_the_positions(run, write):
    """``text`` equals the file's characters from (line, column) to (end_line, end_column)."""
    source = (
        "---\n"
        "title: Caf\u00e9 &amp; bar\n"
        "---\n"
        "The army said the\n"
        "the town fell. Caf\u00e9 \u2014 in in Paris\t&hellip; ok.\n"
        "\n"
        "- \u00e9t\u00e9 &#8217; and so so on, to to the end.\n"
    )
    write("story.md", source)
    data = json.loads(run("check", "--format", "json", "story.md").out)
    diagnostics = data["diagnostics"]
    assert len(diagnostics) >= 5
    assert any(d["end_line"] > d["line"] for d in diagnostics)  # "the\nthe" spans two lines
    for d in diagnostics:
        assert source_between(source, d) == d["text"], d
        for edit in (d["fix"] or {}).get("edits", []):
            start, end = offset(source, edit["line"], edit["column"]), offset(source, edit["end_line"], edit["end_column"])
            assert offset(source, d["line"], d["column"]) <= start <= end <= offset(source, d["end_line"], d["end_column"])


def test_json_positions_with_crlf_and_bom(run, write):
    raw = b"\xef\xbb\xbfIntro &hellip; line.\r\nAnd the the end.\r\n"
    write("a.txt", raw)
    source = raw.decode("utf-8-sig")
    data = json.loads(run("check", "--format", "json", "a.txt").out)
    assert [(d["line"], d["column"], d["end_line"], d["end_column"]) for d in data["diagnostics"]] == [
        (1, 7, 1, 15),  # &hellip;
        (2, 5, 2, 12),  # the the
    ]
    for d in data["diagnostics"]:
        assert source_between(source, d) == d["text"]


def test_json_fix_edits_give_what_fix_writes(run, write, tmp_path):
    source = "Wait&hellip; and the the end.\nCaf\u00e9 &mdash; in in May.\n"
    write("a.txt", source)
    data = json.loads(run("check", "--format", "json", "a.txt").out)
    edits = [e for d in data["diagnostics"] if d["fix"] for e in d["fix"]["edits"]]
    assert len(edits) == 4
    fixed = source
    for e in sorted(edits, key=lambda e: (e["line"], e["column"]), reverse=True):
        start, end = offset(source, e["line"], e["column"]), offset(source, e["end_line"], e["end_column"])
        fixed = fixed[:start] + e["content"] + fixed[end:]
    assert run("check", "--fix", "a.txt").code == 0
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == fixed == "Wait… and the end.\nCafé — in May.\n"


# ------------------------------------------------------------------------------ paths


def test_folders_are_searched_recursively_for_md_markdown_and_txt(run, write):
    write("docs/a.md", "Paris in the the spring.\n")  # column 10
    write("docs/sub/b.txt", "Wait&hellip; here.\n")  # column 5
    write("docs/sub/deeper/c.markdown", "It was in in May.\n")  # column 8
    write("docs/notes.py", "# the the\n")  # not a lintable suffix
    write("docs/README", "the the\n")
    write("docs/.hidden/d.md", "the the.\n")  # hidden folder
    write("docs/node_modules/pkg/e.md", "the the.\n")
    write("docs/_site/f.md", "the the.\n")
    result = run("check", "docs")
    assert result.code == 1
    assert result.lines == [
        'docs/a.md:1:10: TYP003 Repeated word "the"',
        "docs/sub/b.txt:1:5: WEB004 HTML entity &hellip; left in the text",
        'docs/sub/deeper/c.markdown:1:8: TYP003 Repeated word "in"',
        "Found 3 problems (3 warnings) in 3 of 3 files; 3 fixable with --fix.",
    ]


def test_a_file_named_explicitly_is_linted_whatever_its_suffix(run, write):
    write("notes.py", "# the the end\n")
    result = run("check", "notes.py")
    assert findings(result) == [("notes.py", 1, 3, "TYP003")]


def test_default_path_is_the_current_folder(run, write):
    write("a.txt", REPEATED)
    result = run("check")
    assert findings(result) == [("./a.txt", 1, 15, "TYP003")]


def test_output_is_sorted_by_path_then_line_then_column(run, write):
    lines = ["Fine line."] * 12
    lines[1] = "So the the end."  # line 2, column 4
    lines[9] = "Wait&hellip; and the the end."  # line 10: columns 5 and 18
    write("a.txt", "\n".join(lines) + "\n")
    write("m.md", "Paris in the the spring.\n")
    write("z.txt", "It was in in May.\n")
    result = run("check", "z.txt", "m.md", "a.txt")
    assert findings(result) == [
        ("a.txt", 2, 4, "TYP003"),
        ("a.txt", 10, 5, "WEB004"),
        ("a.txt", 10, 18, "TYP003"),
        ("m.md", 1, 10, "TYP003"),
        ("z.txt", 1, 8, "TYP003"),
    ]


def test_stdin_is_reported_as_dash(run):
    result = run("check", "-", input=BOTH)
    assert result.code == 1
    assert result.lines[:2] == [
        "-:1:5: WEB004 HTML entity &hellip; left in the text",
        '-:1:14: TYP003 Repeated word "the"',
    ]


def test_stdin_filename_names_stdin_and_picks_the_format(run):
    """A <br> tag is residue in plain text but legitimate HTML in a Markdown body."""
    text = "Line one<br>two and the the end.\n"  # <br> at 9, "the the" at 21
    as_text = run("check", "-", input=text)
    assert findings(as_text) == [("-", 1, 9, "WEB004"), ("-", 1, 21, "TYP003")]
    as_markdown = run("check", "--stdin-filename", "story.md", "-", input=text)
    assert findings(as_markdown) == [("story.md", 1, 21, "TYP003")]


def test_stdin_filename_picks_the_configuration(run, write):
    write("sub/newslint.toml", 'ignore = ["TYP003"]\n')
    result = run("check", "--stdin-filename", "sub/story.md", "-", input=BOTH)
    assert findings(result) == [("sub/story.md", 1, 5, "WEB004")]


def test_stdin_and_files_together(run, write):
    write("b.txt", REPEATED)
    result = run("check", "b.txt", "-", input="It was in in May.\n")
    assert result.code == 1
    assert findings(result) == [("-", 1, 8, "TYP003"), ("b.txt", 1, 15, "TYP003")]
    assert result.lines[-1] == "Found 2 problems (2 warnings) in 2 of 2 files; 2 fixable with --fix."


# ------------------------------------------------------------------------------ selection


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--select", "TYP003"], {"TYP003"}),
        (["--select", "TYP"], {"TYP003"}),
        (["--select", "WEB"], {"WEB004"}),
        (["--select", "repeated-word"], {"TYP003"}),
        (["--select", "html-residue"], {"WEB004"}),
        (["--select", "TYP003,WEB004"], {"TYP003", "WEB004"}),
        (["--select", "TYP003", "--select", "html-residue"], {"TYP003", "WEB004"}),
        (["--ignore", "TYP003"], {"WEB004"}),
        (["--ignore", "WEB"], {"TYP003"}),
        (["--ignore", "html-residue"], {"TYP003"}),
        (["--ignore", "repeated-word,WEB004"], set()),
        (["--select", "TYP", "--extend-select", "WEB"], {"TYP003", "WEB004"}),
        (["--select", "WEB", "--extend-select", "repeated-word"], {"TYP003", "WEB004"}),
        (["--select", "TYP", "--ignore", "TYP003"], set()),
        (["--select", "TYP003", "--ignore", "TYP"], {"TYP003"}),  # the most specific selector wins
        (["--select", "ALL", "--ignore", "WEB004"], {"TYP003"}),
    ],
)
def test_select_ignore_extend_select(run, write, args, expected):
    write("a.txt", BOTH)
    result = run("check", *args, "a.txt")
    assert codes(result) == expected
    assert result.code == (1 if expected else 0)


def test_cli_select_replaces_configured_select_and_extend_select_adds(run, write):
    write("newslint.toml", 'select = ["WEB"]\n')
    write("a.txt", BOTH)
    assert codes(run("check", "a.txt")) == {"WEB004"}
    assert codes(run("check", "--select", "TYP", "a.txt")) == {"TYP003"}
    assert codes(run("check", "--extend-select", "TYP003", "a.txt")) == {"TYP003", "WEB004"}


@pytest.mark.parametrize("flag", ["--select", "--ignore", "--extend-select"])
@pytest.mark.parametrize("selector", ["NOPE999", "XYZ", "no-such-rule"])
def test_unknown_selector_is_a_usage_error_naming_it(run, write, flag, selector):
    write("a.txt", REPEATED)
    result = run("check", flag, selector, "a.txt")
    assert_one_error_line(result, selector, flag)
    assert result.out == ""


# ------------------------------------------------------------------------------ parallelism


def test_jobs_1_and_jobs_2_give_identical_output(run, write):
    samples = [REPEATED, BOTH, "Clean copy.\n", "It was in in May.\nAnd &rsquo;quoted&rsquo; too.\n"]
    for i in range(20):
        folder = "wire" if i % 3 else "wire/deep"
        suffix = ".md" if i % 2 else ".txt"
        write(f"{folder}/story{i:02d}{suffix}", samples[i % len(samples)] * (1 + i % 3))
    for fmt in ("text", "json"):
        one = run("check", "--format", fmt, "-j", "1", "wire")
        two = run("check", "--format", fmt, "-j", "2", "wire")
        assert one.code == two.code == 1
        assert one.out == two.out
        assert one.err == two.err == ""
    found = findings(run("check", "-j", "2", "wire"))
    assert len({path for path, *_ in found}) == 15  # every file but the five clean ones
    assert found == sorted(found, key=lambda f: (f[0], f[1], f[2]))


def test_jobs_must_be_positive(run, write):
    write("a.txt", REPEATED)
    assert_one_error_line(run("check", "-j", "0", "a.txt"), "--jobs")


# ------------------------------------------------------------------------------ fixes


def test_fix_applies_safe_fixes_and_reports_what_remains(run, write, tmp_path):
    path = write("a.txt", "Wait&hellip; and the the end.\nA non&nbsp;breaking space.\n")
    os.chmod(path, 0o640)
    result = run("check", "--fix", "a.txt")
    assert path.read_bytes() == "Wait… and the end.\nA non&nbsp;breaking space.\n".encode("utf-8")
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert sorted(os.listdir(tmp_path)) == ["a.txt"]  # no temporary file left behind
    assert result.code == 1  # &nbsp; has no safe fix
    # What is left is reported at its position in the fixed file.
    assert findings(result) == [("a.txt", 2, 6, "WEB004")]
    assert result.lines[0] == "a.txt:2:6: WEB004 HTML entity &nbsp; left in the text"
    assert result.lines[-1] == "Found 1 problem (1 warning) in 1 of 1 file."


def test_fix_that_fixes_everything_exits_0(run, write):
    path = write("a.txt", "Wait&hellip; and the the end.\n")
    result = run("check", "--fix", "a.txt")
    assert path.read_text(encoding="utf-8") == "Wait… and the end.\n"
    assert result.code == 0
    assert findings(result) == []
    assert result.lines[-1] == "No problems found in 1 file."


def test_without_fix_nothing_is_written(run, write):
    path = write("a.txt", "Wait&hellip; and the the end.\n")
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = path.read_bytes(), os.stat(path).st_mtime_ns
    for args in (["check"], ["check", "--format", "json"], ["check", "--diff"], ["check", "--exit-zero"]):
        run(*args, "a.txt")
        assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before, args


def test_diff_prints_a_unified_diff_and_writes_nothing(run, write):
    original = "Wait&hellip; and the the end.\nA second line.\n"
    path = write("a.txt", original)
    result = run("check", "--diff", "a.txt")
    assert result.code == 1
    assert result.out == (
        "--- a/a.txt\n"
        "+++ b/a.txt\n"
        "@@ -1,2 +1,2 @@\n"
        "-Wait&hellip; and the the end.\n"
        "+Wait… and the end.\n"
        " A second line.\n"
    )
    assert path.read_text(encoding="utf-8") == original


def test_diff_on_a_file_with_nothing_to_fix_exits_0(run, write):
    write("a.txt", "A non&nbsp;breaking space.\n")  # a finding, but no safe fix
    result = run("check", "--diff", "a.txt")
    assert result.code == 0
    assert result.out == ""


def test_fix_keeps_bom_and_crlf(run, write):
    path = write("a.txt", b"\xef\xbb\xbfThe the end.\r\nSecond &hellip; line.\r\n")
    result = run("check", "--fix", "a.txt")
    assert result.code == 0
    assert path.read_bytes() == b"\xef\xbb\xbfThe end.\r\nSecond \xe2\x80\xa6 line.\r\n"


def test_suppressed_and_ignored_diagnostics_are_not_fixed(run, write):
    source = "<!-- newslint: disable-next-line TYP003 -->\nParis in the the spring&hellip;\n\nSo the the end.\n"
    path = write("story.md", source)
    run("check", "--fix", "story.md")
    assert path.read_text(encoding="utf-8") == source.replace("&hellip;", "…").replace("So the the", "So the")
    path.write_text(source, encoding="utf-8")
    run("check", "--fix", "--ignore", "TYP003", "story.md")
    assert path.read_text(encoding="utf-8") == source.replace("&hellip;", "…")


def test_diff_of_a_file_without_a_final_newline_keeps_lines_apart(run, write):
    """Each removed and added line is a line of its own, so the diff is a valid patch."""
    write("a.txt", "So the the end")
    result = run("check", "--diff", "a.txt")
    assert result.code == 1
    assert "-So the the end" in result.lines, result.out
    assert "+So the end" in result.lines, result.out


@pytest.mark.parametrize(
    "title, column, meaning",
    [
        ("Fish &amp; chips", 13, "Fish & chips"),  # & is harmless here, but newslint may leave it
        ("Tags &#35;1 and more", 13, "Tags #1 and more"),  # " #" starts a YAML comment
        ("Rates&#58; up", 13, "Rates: up"),  # ": " starts a YAML mapping value
    ],
)
def test_fix_in_front_matter_keeps_the_yaml_meaning(run, write, title, column, meaning):
    """A 'safe' fix in a front-matter field must not break the YAML or change what it says."""
    import yaml

    path = write("story.md", f"---\ntitle: {title}\n---\nBody.\n")
    assert findings(run("check", "story.md")) == [("story.md", 2, column, "WEB004")]
    result = run("check", "--fix", "story.md")
    assert result.err == ""
    assert result.code in (0, 1)
    front = path.read_text(encoding="utf-8").split("---\n")[1]
    assert yaml.safe_load(front)["title"] in (meaning, title)  # fixed with the same meaning, or left alone


def test_fix_through_a_symlink_fixes_the_target_and_keeps_the_link(run, write, tmp_path):
    real = write("real.txt", "So the the end.\n")
    link = tmp_path / "link.txt"
    link.symlink_to("real.txt")
    run("check", "--fix", "link.txt")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "So the end.\n"


def test_fix_on_stdin_writes_the_fixed_text_to_stdout(run):
    result = run("check", "--fix", "-", input="Wait&hellip; and the the end.\n")
    assert result.code == 0
    assert result.out == "Wait… and the end.\n"
    assert "No problems found" in result.err


def test_fix_on_stdin_keeps_bom_and_crlf(run):
    result = run("check", "--fix", "-", input=b"\xef\xbb\xbfSo the the end.\r\nNext line.\r\n")
    assert result.code == 0
    assert result.out == "\ufeffSo the end.\r\nNext line.\r\n"


def test_fix_on_stdin_reports_remaining_problems_on_stderr(run):
    result = run("check", "--fix", "--stdin-filename", "story.txt", "-",
                 input="So the the end.\nA non&nbsp;space.\n")
    assert result.code == 1
    assert result.out == "So the end.\nA non&nbsp;space.\n"
    assert "story.txt:2:6: WEB004 HTML entity &nbsp; left in the text" in result.err_lines


# ------------------------------------------------------------------------------ rules, help, version


def test_rules_lists_code_name_family_severity_plugin(run):
    result = run("rules")
    assert result.code == 0
    rows = {line.split()[0]: line.split()[:5] for line in result.lines[1:]}
    assert result.lines[0].split()[:5] == ["CODE", "NAME", "FAMILY", "SEVERITY", "PLUGIN"]
    assert rows["TYP003"] == ["TYP003", "repeated-word", "typos", "warning", "newslint"]
    assert rows["WEB004"] == ["WEB004", "html-residue", "web", "warning", "newslint"]
    assert rows["NL100"] == ["NL100", "unused-suppression", "newslint", "warning", "newslint"]


def test_rules_json(run):
    result = run("rules", "--format", "json")
    assert result.code == 0
    rows = {row["code"]: row for row in json.loads(result.out)}
    assert {"TYP003", "WEB004", "NL100"} <= set(rows)
    for code, name, family in [("TYP003", "repeated-word", "typos"), ("WEB004", "html-residue", "web"),
                               ("NL100", "unused-suppression", "newslint")]:
        assert rows[code]["name"] == name
        assert rows[code]["family"] == family
        assert rows[code]["severity"] == "warning"
        assert rows[code]["plugin"] == "newslint"
    assert rows["TYP003"]["fixable"] is True


@pytest.mark.parametrize("selector", ["TYP003", "repeated-word"])
def test_rule_prints_the_documentation(run, selector):
    result = run("rule", selector)
    assert result.code == 0
    assert result.lines[0].startswith("# TYP003 repeated-word: ")
    for section in ("## What it does", "## Why is this bad?", "## Example", "## Use instead",
                    "## Known false positives"):
        assert section in result.lines, section
    assert "Family: typos. Default severity: warning." in result.out


def test_rule_by_code_and_by_name_agree(run):
    assert run("rule", "WEB004").out == run("rule", "html-residue").out


@pytest.mark.parametrize("selector", ["NOPE999", "TYP"])
def test_rule_unknown_exits_2(run, selector):
    result = run("rule", selector)
    assert_one_error_line(result, f"'{selector}'")
    assert result.out == ""


def test_check_help_mentions_exit_codes(run):
    result = run("check", "--help")
    assert result.code == 0
    assert "exit codes: 0 no problems, 1 problems found, 2 usage, input or configuration error" in result.out
    for option in ("--select", "--ignore", "--extend-select", "--fix", "--diff", "--format", "--stdin-filename",
                   "--fail-level"):
        assert option in result.out


def test_version(run):
    result = run("--version")
    assert result.code == 0
    assert result.out.strip() == f"newslint {newslint.__version__}"


def test_unknown_option_is_a_usage_error(run):
    result = run("check", "--no-such-option")
    assert result.code == 2
    assert "--no-such-option" in result.err
    assert "Traceback" not in result.err


# ------------------------------------------------------------------------------ configuration


@pytest.mark.parametrize("name", ["newslint.toml", ".newslint.toml"])
def test_newslint_toml_ignore(run, write, name):
    write(name, 'ignore = ["TYP003"]\n')
    write("a.txt", BOTH)
    result = run("check", "a.txt")
    assert findings(result) == [("a.txt", 1, 5, "WEB004")]


def test_pyproject_tool_newslint(run, write):
    write("pyproject.toml", '[project]\nname = "site"\n\n[tool.newslint]\nignore = ["repeated-word"]\n')
    write("a.txt", BOTH)
    assert findings(run("check", "a.txt")) == [("a.txt", 1, 5, "WEB004")]


def test_pyproject_without_tool_newslint_is_passed_over(run, write):
    write("newslint.toml", 'ignore = ["TYP003"]\n')
    write("sub/pyproject.toml", '[project]\nname = "x"\n')
    write("sub/a.txt", BOTH)
    assert findings(run("check", "sub/a.txt")) == [("sub/a.txt", 1, 5, "WEB004")]


def test_closest_configuration_wins(run, write):
    write("newslint.toml", 'ignore = ["TYP003"]\n')
    write("sub/newslint.toml", 'ignore = ["WEB004"]\n')
    write("top.txt", BOTH)
    write("sub/deep/inner.txt", BOTH)
    result = run("check", "top.txt", "sub")
    assert findings(result) == [("sub/deep/inner.txt", 1, 14, "TYP003"), ("top.txt", 1, 5, "WEB004")]


def test_config_option_replaces_discovery(run, write):
    write("conf/custom.toml", 'ignore = ["TYP003"]\n')
    write("work/newslint.toml", 'ignore = ["WEB004"]\n')
    write("work/a.txt", BOTH)
    assert codes(run("check", "work/a.txt")) == {"TYP003"}
    assert codes(run("check", "--config", "conf/custom.toml", "work/a.txt")) == {"WEB004"}


def test_per_file_ignores(run, write):
    write("newslint.toml", '[per-file-ignores]\n"wire/*.txt" = ["WEB"]\n"draft-*.md" = ["repeated-word"]\n')
    write("wire/a.txt", BOTH)
    write("other/a.txt", BOTH)
    write("other/draft-1.md", BOTH)
    result = run("check", ".")
    assert sorted((os.path.normpath(p), code) for p, _, _, code in findings(result)) == [
        ("other/a.txt", "TYP003"),
        ("other/a.txt", "WEB004"),
        ("other/draft-1.md", "WEB004"),
        ("wire/a.txt", "TYP003"),
    ]


def test_severity_override_shows_in_json_and_summary(run, write):
    write("newslint.toml", '[severity]\nTYP = "error"\n')
    write("a.txt", BOTH)
    data = json.loads(run("check", "--format", "json", "a.txt").out)
    assert {d["code"]: d["severity"] for d in data["diagnostics"]} == {"TYP003": "error", "WEB004": "warning"}
    text = run("check", "a.txt")
    assert text.lines[-1].startswith("Found 2 problems (1 error, 1 warning) in 1 of 1 file")


def test_most_specific_severity_wins(run, write):
    write("newslint.toml", '[severity]\nTYP = "error"\nTYP003 = "info"\n')
    write("a.txt", BOTH)
    data = json.loads(run("check", "--format", "json", "a.txt").out)
    assert {d["code"]: d["severity"] for d in data["diagnostics"]} == {"TYP003": "info", "WEB004": "warning"}


def test_unknown_config_key_is_an_error_naming_it(run, write):
    write("newslint.toml", 'colour = "auto"\n')
    write("a.txt", REPEATED)
    result = run("check", "a.txt")
    assert_one_error_line(result, "newslint.toml", "'colour'")
    assert findings(result) == []


def test_unknown_selector_in_config_is_an_error_naming_it(run, write):
    write("newslint.toml", 'ignore = ["TYP999"]\n')
    write("a.txt", REPEATED)
    assert_one_error_line(run("check", "a.txt"), "newslint.toml", "TYP999")


def test_bad_toml_is_an_error_naming_the_file(run, write, tmp_path):
    write("newslint.toml", "ignore = [\n")
    write("a.txt", REPEATED)
    result = run("check", "a.txt")
    assert_one_error_line(result, str(tmp_path / "newslint.toml"), "TOML")


def test_missing_config_option_file(run, write):
    write("a.txt", REPEATED)
    assert_one_error_line(run("check", "--config", "missing.toml", "a.txt"), "missing.toml")


@pytest.mark.parametrize("paths", [["good", "bad"], ["."]])
def test_bad_config_in_one_folder_does_not_stop_the_others(run, write, paths):
    write("good/a.txt", REPEATED)
    write("bad/newslint.toml", "colour = 1\n")
    write("bad/b.txt", REPEATED)
    write("bad/c.txt", REPEATED)
    result = run("check", *paths)
    assert_one_error_line(result, os.path.join("bad", "newslint.toml"), "'colour'")
    assert [(os.path.normpath(p), line, col, code) for p, line, col, code in findings(result)] == [
        ("good/a.txt", 1, 15, "TYP003")
    ]


# ------------------------------------------------------------------------------ suppressions


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_disable_next_line(run, write, suffix):
    write(f"story{suffix}", "<!-- newslint: disable-next-line TYP003 -->\nParis in the the spring.\n\n"
                            "Rome in the the summer.\n")  # line 4, column 9
    result = run("check", f"story{suffix}")
    assert findings(result) == [(f"story{suffix}", 4, 9, "TYP003")]


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_disable_enable_block(run, write, suffix):
    write(
        f"story{suffix}",
        "<!-- newslint: disable WEB004 -->\n"
        "Wait&hellip; and the the end.\n"  # WEB004 suppressed; TYP003 at column 18 is not
        "<!-- newslint: enable WEB004 -->\n"
        "Then&hellip; there.\n",  # line 4, column 5
    )
    result = run("check", f"story{suffix}")
    assert findings(result) == [(f"story{suffix}", 2, 18, "TYP003"), (f"story{suffix}", 4, 5, "WEB004")]


@pytest.mark.parametrize("ignore, expected", [("TYP003", ("WEB004", 5, 24)), ("html-residue", ("TYP003", 5, 10))])
def test_front_matter_ignore(run, write, ignore, expected):
    write("story.md", f"---\ntitle: A story\nnewslint: {{ignore: [{ignore}]}}\n---\nParis in the the spring&hellip;\n")
    code, line, column = expected
    assert findings(run("check", "story.md")) == [("story.md", line, column, code)]


def test_unused_suppression_is_reported_at_the_comment(run, write):
    comment = "<!-- newslint: disable-next-line TYP003 -->"
    write("story.md", f"First paragraph.\n\n{comment}\nA clean sentence.\n")
    result = run("check", "story.md")
    assert result.code == 1
    assert findings(result) == [("story.md", 3, 1, "NL100")]
    [d] = json.loads(run("check", "--format", "json", "story.md").out)["diagnostics"]
    assert (d["line"], d["column"], d["end_line"], d["end_column"]) == (3, 1, 3, 1 + len(comment))
    assert d["text"] == comment
    assert "TYP003" in d["message"]


def test_unused_suppression_after_text_on_a_line(run, write):
    write("story.txt", "Intro. <!-- newslint: disable WEB004 -->\nNothing to see.\n")  # the comment is at column 8
    assert findings(run("check", "story.txt")) == [("story.txt", 1, 8, "NL100")]


def test_unknown_code_in_suppression_is_reported(run, write):
    write("story.md", "<!-- newslint: disable-next-line TYP999 -->\nParis in the the spring.\n")
    result = run("check", "story.md")
    assert findings(result) == [("story.md", 1, 1, "NL100"), ("story.md", 2, 10, "TYP003")]
    assert "TYP999" in result.lines[0]


def test_unknown_code_in_front_matter_ignore_is_reported(run, write):
    write("story.md", "---\nnewslint: {ignore: [NOPE42]}\n---\nClean text.\n")
    result = run("check", "story.md")
    assert codes(result) == {"NL100"}
    assert "NOPE42" in result.out


@pytest.mark.parametrize(
    "comment, kind",
    [
        ("<!-- newslint: enable TYP003 -->", "'enable' with no 'disable'"),
        ("<!-- newslint: disbale TYP003 -->", "unknown suppression 'disbale'"),
    ],
)
def test_malformed_suppression_is_reported(run, write, comment, kind):
    write("story.md", f"Intro.\n\n{comment}\nParis in the the spring.\n")
    result = run("check", "story.md")
    assert findings(result) == [("story.md", 3, 1, "NL100"), ("story.md", 4, 10, "TYP003")]
    assert kind in result.lines[0]


@pytest.mark.parametrize(
    "example",
    [
        "```html\n<!-- newslint: disable -->\n```\n",  # in a fenced code block
        "Use `<!-- newslint: disable -->` to turn it off.\n",  # in an inline code span
    ],
)
def test_a_suppression_shown_as_code_is_not_a_suppression(run, write, example):
    """In Markdown, a comment inside code is literal text (an article about newslint quotes one)."""
    write("story.md", f"{example}\nParis in the the spring.\n")
    line = example.count("\n") + 2
    assert findings(run("check", "story.md")) == [("story.md", line, 10, "TYP003")]
