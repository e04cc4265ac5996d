"""A folder search skips what git ignores: ``.gitignore`` and ``.ignore`` files and the
``exclude`` patterns, with git's semantics; ``--no-respect-gitignore`` turns the ignore files off.

A ``.git`` folder marks the repository root (newslint reads no git data, so an empty one will do).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from test_cli import findings

TEXT = "Paris in the the spring.\n"


@pytest.fixture
def site(write, tmp_path):
    """A Jekyll-style site in a git repository, with files git ignores."""
    (tmp_path / ".git").mkdir()
    write(".gitignore", "vendor/\n*.draft.md\n/keep/*\n!/keep/this.md\n")
    write("content/.ignore", "scratch/\n")
    for name in ("vendor/x.md", "content/a.md", "content/b.draft.md", "content/scratch/s.md",
                 "keep/this.md", "keep/other.md", "content/vendor.md"):
        write(name, TEXT)
    return tmp_path


def linted(result) -> list[str]:
    return sorted({path.removeprefix("./") for path, *_ in findings(result)})


def test_git_ignored_files_are_not_linted_unless_named(run, site):
    result = run("check", ".")
    assert linted(result) == ["content/a.md", "content/vendor.md", "keep/this.md"], result.out + result.err
    assert linted(run("check", "vendor/x.md")) == ["vendor/x.md"]  # a file given by name is always linted


def test_the_repository_gitignore_applies_when_a_subfolder_is_searched(run, site):
    assert linted(run("check", "content")) == ["content/a.md", "content/vendor.md"]


def test_no_respect_gitignore_lints_everything(run, site):
    assert len(linted(run("check", "--no-respect-gitignore", "."))) == 7


def test_respect_gitignore_false_in_the_config(run, site, write):
    write("newslint.toml", "respect-gitignore = false\n")
    assert len(linted(run("check", "."))) == 7


def test_exclude_has_gitignore_semantics(run, write):
    write("newslint.toml", 'exclude = ["drafts/", "**/old/*.md", "!keep.md"]\n')
    for name in ("a/drafts/x.md", "b/old/y.md", "b/old/deeper/z.md", "b/old/keep.md", "c.md"):
        write(name, TEXT)
    result = run("check", ".")
    # "drafts/" is a folder at any depth; "*" does not cross "/"; "!" re-includes.
    assert linted(result) == ["b/old/deeper/z.md", "b/old/keep.md", "c.md"], result.out + result.err


def test_a_bad_exclude_pattern_is_a_config_error_naming_it(run, write):
    write("newslint.toml", 'exclude = ["!"]\n')
    write("a.md", TEXT)
    result = run("check", ".")
    assert result.code == 2 and "Traceback" not in result.err
    assert "newslint.toml" in result.err and "'exclude'" in result.err


def test_pathspec_is_imported_only_when_a_folder_is_searched(write, site):
    probe = ("import sys, newslint.cli as c\n"
             "c.main(['check', *sys.argv[1:]])\n"
             "print('pathspec' in sys.modules, file=sys.stderr)\n")
    for args, imported in ((["content/a.md"], "False"), (["content"], "True")):
        proc = subprocess.run([sys.executable, "-c", probe, *args], cwd=site, capture_output=True, text=True,
                              timeout=60)
        assert proc.stderr.strip().splitlines()[-1] == imported, proc.stderr
