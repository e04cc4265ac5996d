"""``--diff-base REV``: only the diagnostics on lines changed since REV, in a real git
repository made in tmp_path for each test. The articles put one problem a line so the
expected lines can be read off the text: TYP003 "the the", WEB004 "&hellip;"."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from newslint.gitdiff import ChangedLines, parse_diff
from newslint.rule import Diagnostic

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ORIGINAL = (
    "The the army arrived.\n"       # 1: TYP003
    "The council met on Tuesday.\n"  # 2: clean
    "Wait&hellip; it ended.\n"       # 3: WEB004
    "The mayor spoke.\n"             # 4: clean
)


def git(cwd, *args):
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid",
                    "-c", "commit.gpgsign=false", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path, write):
    """A repository whose one commit holds story.md (ORIGINAL)."""
    git(tmp_path, "init", "-q")
    write("story.md", ORIGINAL)
    git(tmp_path, "add", "story.md")
    git(tmp_path, "commit", "-q", "-m", "first")
    return tmp_path


def lines_and_codes(result):
    out = []
    for line in result.lines:
        parts = line.split(":", 3)
        if len(parts) == 4 and parts[1].isdigit():
            out.append((parts[0], int(parts[1]), parts[3].split()[0]))
    return out


@needs_git
def test_only_changed_lines_are_reported(run, repo, write):
    write("story.md",
          "The the army arrived.\n"            # 1: unchanged, its TYP003 is not reported
          "The council met on on Tuesday.\n"   # 2: changed: TYP003
          "Wait&hellip; it ended.\n"           # 3: unchanged
          "The mayor spoke.\n"
          "New&hellip; line.\n")               # 5: added: WEB004
    everything = run("check", "story.md")
    assert len(lines_and_codes(everything)) == 4
    result = run("check", "--diff-base", "HEAD", "story.md")
    assert result.code == 1, result.err
    assert result.err == ""
    assert lines_and_codes(result) == [("story.md", 2, "TYP003"), ("story.md", 5, "WEB004")]
    assert result.lines[-1] == "Found 2 problems (2 warnings) in 1 of 1 file; 2 fixable with --fix."


@needs_git
def test_problems_only_on_unchanged_lines_exit_0(run, repo, write):
    write("story.md", ORIGINAL.replace("The mayor spoke.", "The mayor spoke at length."))
    result = run("check", "--diff-base", "HEAD", "story.md")
    assert (result.code, result.lines, result.err) == (0, ["No problems found in 1 file."], "")
    assert run("check", "story.md").code == 1  # the problems are still there


@needs_git
def test_untracked_and_newly_staged_files_count_as_changed(run, repo, write):
    write("drafts/new.md", "The the draft.\n")       # untracked
    write("drafts/staged.md", "In in the draft.\n")  # added to the index, never committed
    git(repo, "add", "drafts/staged.md")
    result = run("check", "--diff-base", "HEAD", ".")
    assert result.code == 1, result.err
    assert lines_and_codes(result) == [("./drafts/new.md", 1, "TYP003"), ("./drafts/staged.md", 1, "TYP003")]


@needs_git
def test_changes_committed_since_rev_count(run, repo, write):
    write("story.md", ORIGINAL + "Later the the end.\n")
    git(repo, "commit", "-q", "-am", "second")
    assert run("check", "--diff-base", "HEAD", "story.md").code == 0
    result = run("check", "--diff-base", "HEAD~1", "story.md")
    assert lines_and_codes(result) == [("story.md", 5, "TYP003")]


@needs_git
def test_changes_on_the_base_branch_since_the_branch_point_are_not_ours(run, repo, write):
    """As a pull request shows it: since the merge base of REV and HEAD, not REV itself."""
    git(repo, "branch", "-M", "main")
    git(repo, "checkout", "-q", "-b", "feature")
    write("story.md", ORIGINAL.replace("The council met on Tuesday.", "The council met on on Tuesday."))
    git(repo, "commit", "-q", "-am", "feature: line 2")
    git(repo, "checkout", "-q", "main")
    write("story.md", ORIGINAL.replace("The the army", "The army"))  # main fixes line 1 meanwhile
    git(repo, "commit", "-q", "-am", "main: line 1")
    git(repo, "checkout", "-q", "feature")
    result = run("check", "--diff-base", "main", "story.md")
    assert lines_and_codes(result) == [("story.md", 2, "TYP003")]  # not line 1, which differs from main


@needs_git
def test_from_a_subfolder_with_folder_paths(run, repo, write):
    write("desk/a.md", "Calm.\n")
    git(repo, "add", "desk/a.md")
    git(repo, "commit", "-q", "-m", "desk")
    write("desk/a.md", "Calm.\nThe the storm.\n")
    result = run("check", "--diff-base", "HEAD", ".", cwd=repo / "desk")
    assert lines_and_codes(result) == [("./a.md", 2, "TYP003")]


@needs_git
def test_json_sarif_and_statistics_are_filtered_too(run, repo, write):
    import json

    write("story.md", ORIGINAL + "Late the the end.\n")
    data = json.loads(run("check", "--diff-base", "HEAD", "--format", "json", "story.md").out)
    assert [(d["line"], d["code"]) for d in data["diagnostics"]] == [(5, "TYP003")]
    sarif = json.loads(run("check", "--diff-base", "HEAD", "--format", "sarif", "story.md").out)
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["TYP003"]
    stats = run("check", "--diff-base", "HEAD", "--statistics", "story.md")
    assert stats.lines[0] == "1  TYP003  [*] repeated-word"


@needs_git
def test_unknown_revision_is_one_error_line(run, repo):
    result = run("check", "--diff-base", "no-such-branch", "story.md")
    assert result.code == 2 and result.out == ""
    assert len(result.err_lines) == 1 and "Traceback" not in result.err
    assert "unknown revision 'no-such-branch'" in result.err


@needs_git
def test_an_option_is_not_taken_for_a_revision(run, repo):
    result = run("check", "--diff-base=--output=x", "story.md")
    assert result.code == 2 and len(result.err_lines) == 1
    assert not (repo / "x").exists()


@needs_git
def test_not_in_a_repository_is_one_error_line(run, tmp_path, write):
    write("story.md", ORIGINAL)
    env = dict(os.environ, GIT_CEILING_DIRECTORIES=str(tmp_path.parent))
    proc = subprocess.run([sys.executable, "-m", "newslint", "check", "--diff-base", "HEAD", "story.md"],
                          cwd=tmp_path, capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 2 and proc.stdout == ""
    (line,) = proc.stderr.splitlines()
    assert line == f"error: --diff-base: {tmp_path} is not in a git repository"


def test_git_missing_is_one_error_line(tmp_path, write):
    write("story.md", ORIGINAL)
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    env = dict(os.environ, PATH=str(empty))
    proc = subprocess.run([sys.executable, "-m", "newslint", "check", "--diff-base", "HEAD", "story.md"],
                          cwd=tmp_path, capture_output=True, text=True, env=env, timeout=60)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.splitlines() == ["error: --diff-base: git is not installed (or not on PATH)"]


def test_fix_and_diff_base_do_not_mix(run, write):
    write("story.md", ORIGINAL)
    for flag in ("--fix", "--diff"):
        result = run("check", flag, "--diff-base", "HEAD", "story.md")
        assert result.code == 2
        assert result.err_lines == ["error: --diff-base cannot be combined with --fix or --diff "
                                    "(fixes apply to whole files)"]
    assert (write("story.md", ORIGINAL).read_text()) == ORIGINAL


# ------------------------------------------------------------------------- diff parsing units


def test_parse_diff_hunks():
    diff = (
        "diff --git a/a.md b/a.md\n"
        "--- a/a.md\n"
        "+++ b/a.md\n"
        "@@ -2 +2 @@ heading\n"          # line 2 changed (counts omitted mean 1)
        "-old\n"
        "+new\n"
        "@@ -5,0 +6,3 @@\n"             # lines 6-8 added
        "+x\n+y\n+z\n"
        "@@ -9,2 +11,0 @@\n"            # a pure deletion adds nothing
        "-gone\n-gone\n"
        "diff --git a/new.md b/new.md\n"
        "new file mode 100644\n"
        "--- /dev/null\n"
        "+++ b/new.md\n"
        "@@ -0,0 +1,2 @@\n"
        "+one\n+two\n"
        "diff --git a/old.md b/old.md\n"
        "deleted file mode 100644\n"
        "--- a/old.md\n"
        "+++ /dev/null\n"
        "@@ -1 +0,0 @@\n"
        "-bye\n"
        'diff --git "a/caf\\303\\251 \\"x\\".md" "b/caf\\303\\251 \\"x\\".md"\n'
        '--- "a/caf\\303\\251 \\"x\\".md"\n'
        '+++ "b/caf\\303\\251 \\"x\\".md"\n'
        "@@ -1 +1 @@\n"
        "-a\n+b\n"
    )
    assert parse_diff(diff) == {"a.md": {2, 6, 7, 8}, "new.md": {1, 2}, 'café "x".md': {1}}


def _diagnostic(line, column, end_line, end_column, start=5, end=9):
    return Diagnostic(path="a.md", line=line, column=column, end_line=end_line, end_column=end_column,
                      code="TYP003", name="repeated-word", family="typos", severity="warning",
                      message="m", text="t", start=start, end=end)


def test_which_diagnostics_are_kept():
    keep = ChangedLines.keep
    assert keep(None, _diagnostic(3, 1, 3, 5), {3})
    assert not keep(None, _diagnostic(3, 1, 3, 5), {2, 4})
    assert keep(None, _diagnostic(2, 4, 4, 2), {3})        # a span over several lines touches line 3
    assert not keep(None, _diagnostic(2, 4, 3, 1), {3})    # ends just after line 2's line break
    assert keep(None, _diagnostic(9, 1, 9, 2), None)       # an untracked file: everything
    verdict = _diagnostic(1, 1, 1, 1, start=0, end=0)      # an article-level verdict at 1:1
    assert keep(None, verdict, {40})
    assert not keep(None, verdict, set())
