"""The pre-commit hook, for real: pre-commit itself runs this repository's hook.

``pre-commit try-repo <this repository> newslint`` in a temporary git repository with
articles staged, as a newsroom's commit would. try-repo installs newslint the way users
get it: it clones the repository (with uncommitted changes to tracked files: it commits a
snapshot of the working tree, so what is tested is what is on disk; files not yet added to
git are not in it), builds a virtualenv and pip-installs newslint and its dependencies
from PyPI. That is slow (about 20 s, network needed), so there are two runs and they share
one PRE_COMMIT_HOME for the session: with a clean working tree (as in CI) the second run
reuses the first one's environment.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from newslint.parse import LINTABLE_SUFFIXES

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / ".pre-commit-hooks.yaml"

needs_git_checkout = pytest.mark.skipif(
    shutil.which("git") is None or not (ROOT / ".git").exists(),
    reason="pre-commit try-repo needs git and this project as a git checkout",
)


def test_hook_definition():
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert hook["id"] == "newslint"
    assert hook["entry"] == "newslint check"
    assert hook["language"] == "python"
    assert hook["types_or"] == ["markdown", "text"]
    assert hook["require_serial"] is False
    files = re.compile(hook["files"])
    for suffix in LINTABLE_SUFFIXES:  # the same files as a folder search, in any case
        assert files.search(f"news/story{suffix}") and files.search(f"news/STORY{suffix.upper()}")
    for name in ("story.py", "story.mdx", "README.rst", "md", "notes.txt.bak"):
        assert not files.search(name), name


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def try_repo(cwd: Path, home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRE_COMMIT", "GIT_"))}
    env.update(PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never", NO_COLOR="1")
    env.pop("SKIP", None)
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "newslint"],
                          cwd=cwd, capture_output=True, text=True, env=env, timeout=900)


@pytest.fixture
def site(tmp_path):
    """A newsroom's repository: an empty git repository."""
    git(tmp_path, "init", "-q")
    return tmp_path


@needs_git_checkout
def test_hook_fails_on_a_bad_staged_article(site, pre_commit_home):
    (site / "story.md").write_text("# Storm\n\nThe the storm hit the coast.\n", encoding="utf-8")
    (site / "notes.py").write_text("# the the\n", encoding="utf-8")  # not an article: not linted
    git(site, "add", "story.md", "notes.py")
    proc = try_repo(site, pre_commit_home)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert re.search(r"^newslint\.+Failed$", output, re.M), output
    assert 'story.md:3:1: TYP003 Repeated word "the"' in output
    assert "notes.py" not in output
    assert "Found 1 problem (1 warning) in 1 of 1 file; 1 fixable with --fix." in output


@needs_git_checkout
def test_hook_passes_on_a_clean_staged_article(site, pre_commit_home):
    (site / "story.md").write_text("# Storm\n\nThe storm hit the coast on Tuesday.\n", encoding="utf-8")
    git(site, "add", "story.md")
    proc = try_repo(site, pre_commit_home)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    assert re.search(r"^newslint\.+Passed$", output, re.M), output
