"""The pre-commit hook, for real: pre-commit itself installs and runs this repository's hook.

A temporary git repository (a newsroom's site) gets the configuration the README gives
users (repo, rev, hook id newslint) and staged articles, and ``pre-commit run`` lints them
as a commit would: pre-commit clones the hook repository, builds a virtualenv and
pip-installs newslint and its dependencies from PyPI, exactly as users get it.

What is tested is what is on disk: the hook repository is a snapshot, committed in a
temporary repository, of this checkout's files (tracked or new, modified or not; not the
ignored ones), as ``pre-commit try-repo`` does for uncommitted changes. try-repo itself is
run once: it always installs into a fresh temporary store (it ignores PRE_COMMIT_HOME), so
each call rebuilds the environment (about 20 s, network needed). The other runs share the
snapshot and one PRE_COMMIT_HOME: the environment is built once and reused.
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
    reason="the pre-commit test needs git and this project as a git checkout",
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


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("PRE_COMMIT", "GIT_")) and k != "SKIP"}


def git(cwd: Path, *args: str) -> str:
    proc = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid",
                           "-c", "commit.gpgsign=false", *args],
                          cwd=cwd, check=True, capture_output=True, env=_env())
    return proc.stdout.decode("utf-8", "surrogateescape")


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="session")
def hook_repository(tmp_path_factory) -> tuple[Path, str]:
    """(path, commit) of a snapshot of this checkout as it is on disk."""
    dest = tmp_path_factory.mktemp("newslint-snapshot")
    names = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for name in dict.fromkeys(n for n in names if n):
        source = ROOT / name
        if source.is_symlink() or source.is_file():  # a file deleted but not yet committed is gone
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name, follow_symlinks=False)
    git(dest, "init", "-q")
    git(dest, "add", "-A")
    git(dest, "commit", "-q", "-m", "snapshot of the newslint checkout under test")
    return dest, git(dest, "rev-parse", "HEAD").strip()


@pytest.fixture
def site(tmp_path, hook_repository):
    """A newsroom's repository with newslint in its staged .pre-commit-config.yaml."""
    repo, rev = hook_repository
    git(tmp_path, "init", "-q")
    (tmp_path / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n      - id: newslint\n", encoding="utf-8")
    git(tmp_path, "add", ".pre-commit-config.yaml")
    return tmp_path


def pre_commit_run(cwd: Path, home: Path) -> subprocess.CompletedProcess:
    """``pre-commit run``: the hooks on the staged files, as at a commit."""
    env = dict(_env(), PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never", NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--color", "never"],
                          cwd=cwd, capture_output=True, text=True, env=env, timeout=900)


@needs_git_checkout
def test_hook_fails_on_a_bad_staged_article(site, pre_commit_home):
    (site / "story.md").write_text("# Storm\n\nThe the storm hit the coast.\n", encoding="utf-8")
    (site / "notes.py").write_text("# the the\n", encoding="utf-8")  # not an article: not linted
    git(site, "add", "story.md", "notes.py")
    proc = pre_commit_run(site, pre_commit_home)
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
    proc = pre_commit_run(site, pre_commit_home)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    assert re.search(r"^newslint\.+Passed$", output, re.M), output


@needs_git_checkout
def test_try_repo_runs_the_hook_from_the_checkout(tmp_path, hook_repository):
    """``pre-commit try-repo``, the command a hook author runs, on a bad staged article. It
    builds its own environment (it ignores PRE_COMMIT_HOME), so it is run once."""
    repo, _ = hook_repository
    git(tmp_path, "init", "-q")
    (tmp_path / "story.md").write_text("# Storm\n\nThe storm hit the the coast.\n", encoding="utf-8")
    git(tmp_path, "add", "story.md")
    env = dict(_env(), PRE_COMMIT_COLOR="never", NO_COLOR="1")
    proc = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(repo), "newslint",
                           "--files", "story.md", "--color", "never"],
                          cwd=tmp_path, capture_output=True, text=True, env=env, timeout=900)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert 'story.md:3:15: TYP003 Repeated word "the"' in output
