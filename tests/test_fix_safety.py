"""``--fix`` never destroys or silently mis-writes a file, through the real CLI.

A plugin's fix is checked before it is applied; fixes that never settle are reported; a
file is written keeping its mode, owner and hard links, once however it was named, never
when it is read-only, and a write that fails is exit code 2.
"""

from __future__ import annotations

import os

import pytest

from test_plugins import make_plugin, run as run_with_plugins

STORY = "Some the the text here.\n"
FIXED = "Some the text here.\n"


# -- fixes a plugin offers ------------------------------------------------------------------

BAD_FIXES = {
    "edit-past-the-end": "(Edit(0, 10**6, 'X'),)",
    "negative-edit": "(Edit(-5, 2, 'X'),)",
    "overlapping-edits": "(Edit(0, 6, 'X'), Edit(3, 9, 'Y'))",
    "two-insertions-at-one-place": "(Edit(0, 0, 'X'), Edit(0, 0, 'Y'))",
    "content-not-a-string": "(Edit(0, 4, 42),)",
    "no-edits": "()",
    "edits-not-edits": "((0, 4, 'X'),)",
}


@pytest.mark.parametrize("edits", BAD_FIXES)
def test_a_malformed_fix_is_dropped_and_reported_never_applied(tmp_path, edits):
    site = tmp_path / "site"
    site.mkdir()
    make_plugin(site, "fixer", "fixer", body=f"""from newslint.rule import Edit, Fix
        yield Finding(0, 4, "first word", fix=Fix({BAD_FIXES[edits]}, "rewrite"))""")
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = run_with_plugins(site, "check", "--fix", "--select", "TYP003,HSE", "story.txt", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("error: story.txt: rule HSE001 (said-not-stated, plugin 'fixer')"), line
    assert "fix of its finding at 1:1 is malformed" in line and "never applied" in line, line
    assert story.read_text(encoding="utf-8") == FIXED  # TYP003's fix applied, the bad one not
    assert "story.txt:1:1: HSE001 first word" in result.stdout


def test_fixes_that_never_settle_are_reported_and_nothing_is_written(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    make_plugin(site, "fixer", "fixer", body="""from newslint.rule import Edit, Fix
        yield Finding(0, 4, "first word", fix=Fix((Edit(0, 0, "More "),), "prepend"))""")
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = run_with_plugins(site, "check", "--fix", "--select", "TYP003,HSE", "story.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "error: story.txt: the fixes did not settle after 8 passes (still changing the text: HSE001); "
        "nothing was fixed in this file"]
    assert story.read_text(encoding="utf-8") == STORY


# -- writing the fixed file -------------------------------------------------------------------


def test_a_read_only_file_is_refused_and_the_others_fixed(run, write):
    locked, other = write("locked.txt", STORY), write("other.txt", STORY)
    os.chmod(locked, 0o444)
    result = run("check", "--fix", "locked.txt", "other.txt")
    assert result.code == 2
    assert result.err_lines == ["error: locked.txt: the file is read-only; the fixes were not written "
                                "(make it writable to let --fix change it)"]
    assert locked.read_text(encoding="utf-8") == STORY and os.stat(locked).st_mode & 0o777 == 0o444
    assert other.read_text(encoding="utf-8") == FIXED
    assert result.lines[-1].endswith("; errors in 1 linted file (see the errors).")


def test_a_failed_write_is_exit_code_2_and_leaves_the_file(run_unprivileged, tmp_path):
    folder = tmp_path / "sealed"
    folder.mkdir()
    story = folder / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    os.chmod(folder, 0o555)  # the file is writable, but no temporary file can be made beside it
    try:
        result = run_unprivileged("check", "--fix", "sealed/story.txt")
    finally:
        os.chmod(folder, 0o755)
    assert result.code == 2, result.err
    assert result.err_lines == [
        "error: sealed/story.txt: cannot write the fixed file: Permission denied; the file is as it was"]
    assert story.read_text(encoding="utf-8") == STORY
    assert os.listdir(folder) == ["story.txt"]  # no temporary file left behind


def test_mode_and_hard_links_are_kept(run, write, tmp_path):
    story = write("story.txt", STORY)
    os.chmod(story, 0o640)
    os.link(story, tmp_path / "same-story.txt")
    result = run("check", "--fix", "story.txt")
    assert result.code == 0, result.err
    assert (tmp_path / "same-story.txt").read_text(encoding="utf-8") == FIXED
    info = os.stat(story)
    assert info.st_nlink == 2 and info.st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".newslint")] == []


def test_the_owner_is_kept_when_root_fixes_a_file(run, write):
    if os.geteuid() != 0:
        pytest.skip("only root can fix a file another user owns")
    story = write("story.txt", STORY)
    os.chown(story, 65534, 65534)
    result = run("check", "--fix", "story.txt")
    assert result.code == 0, result.err
    info = os.stat(story)
    assert (info.st_uid, info.st_gid) == (65534, 65534)
    assert story.read_text(encoding="utf-8") == FIXED


def test_a_file_named_two_ways_is_linted_and_fixed_once(run, write, tmp_path):
    write("a.md", "The the army said.\n")
    os.symlink("a.md", tmp_path / "link.md")
    listed = run("check", "a.md", "./a.md", "link.md")
    assert listed.code == 1
    assert listed.lines[:-1] == ['a.md:1:1: TYP003 Repeated word "the"']
    fixed = run("check", "--fix", "a.md", "./a.md")
    assert fixed.code == 0 and "Fixed 1 problem" in fixed.out, fixed.out
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "The army said.\n"
