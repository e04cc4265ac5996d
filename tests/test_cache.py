"""The result cache: a rerun over unchanged files lints nothing, and nothing that decides a
file's results (its bytes, the configuration, a plugin's version or code, rule data, a file
an option names, newslint's version) can change without the file being linted again.

Whether a file was linted is counted, not timed: the plugin below writes a line to the file
$COUNT_LOG each time its rule checks a document.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PLUGIN = '''
import os

from newslint import Finding, Rule, hookimpl


class Listed(Rule):
    """Words listed in words.txt.

    ## What it does
    Reports them.
    """

    code = "CNT001"
    name = "listed-word"
    family = "counted"
    options = {"shout": False, "extra": ""}
    path_options = ("extra",)
    data_files = ("words.txt",)

    def check(self, document):
        with open(os.environ["COUNT_LOG"], "a", encoding="utf-8") as log:
            log.write(document.path + "\\n")
        with open(self.data_paths()[0], encoding="utf-8") as f:
            listed = set(f.read().split())
        if self.settings.get("extra"):
            with open(self.settings["extra"], encoding="utf-8") as f:
                listed |= set(f.read().split())
        for token in document.tokens:
            if token.text in listed:
                message = f"listed: {token.text}"
                yield Finding(token.start, token.end, message.upper() if self.settings["shout"] else message)


@hookimpl
def newslint_rules():
    return [Listed]
'''


@pytest.fixture
def project(tmp_path: Path):
    """A site folder with a plugin (package ``counted``, version 1.0) and three articles."""
    site = tmp_path / "site"
    package = site / "counted"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(textwrap.dedent(PLUGIN), encoding="utf-8")
    (package / "words.txt").write_text("apple\n", encoding="utf-8")
    info = site / "counted-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: counted\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[newslint]\ncounted = counted\n", encoding="utf-8")
    work = tmp_path / "work"
    (work / "news").mkdir(parents=True)
    for n, text in enumerate(["An apple a day.\n", "A pear and an apple.\n", "Plums and pears.\n"]):
        (work / "news" / f"{n}.txt").write_text(text, encoding="utf-8")
    return tmp_path


def newslint(project: Path, *args: str, before: str = "") -> tuple[subprocess.CompletedProcess, list[str]]:
    """Run ``newslint ARGS`` in the work folder with the plugin installed; the run and the
    files its rule checked. ``before`` is Python run first, in the same process."""
    log = project / "count.log"
    log.write_text("", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("NEWSLINT_DISABLE_PLUGIN_AUTOLOAD", "CI")}
    env.update(PYTHONPATH=str(project / "site"), COUNT_LOG=str(log))
    code = f"{before}\nimport sys\nfrom newslint.cli import main\nsys.exit(main(sys.argv[1:]))"
    proc = subprocess.run([sys.executable, "-c", code, *args], cwd=project / "work", env=env,
                          capture_output=True, text=True, timeout=120)
    return proc, sorted(log.read_text(encoding="utf-8").split())


def check(project: Path, *args: str, before: str = ""):
    return newslint(project, "check", "--select", "CNT", "--format", "json", *args, "news", before=before)


def warm(project: Path, *args: str) -> subprocess.CompletedProcess:
    """Lint, then check that a rerun is served from the cache (so that what a test changes next
    is what makes the files be linted again)."""
    first, _ = check(project, *args)
    _, linted = check(project, *args)
    assert linted == []
    return first


def test_a_rerun_lints_nothing_and_reports_the_same(project):
    first, linted = check(project)
    assert first.returncode == 1, first.stderr
    assert len(linted) == 3
    again, linted = check(project)
    assert linted == []
    assert (again.returncode, again.stdout, again.stderr) == (first.returncode, first.stdout, first.stderr)
    text, linted = newslint(project, "check", "--select", "CNT", "news")  # another format: other keys
    assert text.returncode == 1 and "listed: apple" in text.stdout


def test_a_changed_file_is_linted_again_and_only_it(project):
    check(project)
    (project / "work" / "news" / "2.txt").write_text("Plums and apples and apple.\n", encoding="utf-8")
    result, linted = check(project)
    assert linted == ["news/2.txt"]
    assert result.stdout.count("listed: apple") == 3


def test_a_changed_configuration_is_never_served_stale(project):
    first = warm(project)
    config = project / "work" / "newslint.toml"
    config.write_text('[severity]\nCNT001 = "error"\n', encoding="utf-8")
    result, linted = check(project)
    assert len(linted) == 3 and '"severity": "error"' in result.stdout and '"severity": "error"' not in first.stdout
    config.write_text('[rules.CNT001]\nshout = true\n', encoding="utf-8")
    result, linted = check(project)
    assert len(linted) == 3 and "LISTED: APPLE" in result.stdout
    # A file an option names is read for the key: the same size, other words.
    extra = project / "work" / "extra.txt"
    extra.write_text("plums\n", encoding="utf-8")
    config.write_text('[rules.CNT001]\nextra = "extra.txt"\n', encoding="utf-8")
    result, _ = check(project)
    assert "listed: Plums" not in result.stdout
    extra.write_text("Plums\n", encoding="utf-8")
    result, linted = check(project)
    assert len(linted) == 3 and "listed: Plums" in result.stdout
    # Data rules: their definition is part of the key.
    config.write_text('[[data-rules]]\ncode = "HSE001"\nname = "no-pears"\nkind = "existence"\n'
                      'tokens = ["pear"]\nmessage = "no {match}"\n', encoding="utf-8")
    first, _ = newslint(project, "check", "--select", "HSE", "news")
    config.write_text(config.read_text(encoding="utf-8").replace('"no {match}"', '"not {match}"'), encoding="utf-8")
    result, _ = newslint(project, "check", "--select", "HSE", "news")
    assert "no pear" in first.stdout and "not pear" in result.stdout and "no pear" not in result.stdout


def test_a_changed_plugin_version_code_or_data_is_never_served_stale(project):
    warm(project)
    metadata = project / "site" / "counted-1.0.dist-info" / "METADATA"
    metadata.write_text(metadata.read_text(encoding="utf-8").replace("Version: 1.0", "Version: 1.1"), encoding="utf-8")
    _, linted = check(project)
    assert len(linted) == 3
    words = project / "site" / "counted" / "words.txt"
    words.write_text("pears\n", encoding="utf-8")  # rule data: as large as before, other words
    result, linted = check(project)
    assert len(linted) == 3 and "listed: apple" not in result.stdout and "listed: pears" in result.stdout
    module = project / "site" / "counted" / "__init__.py"
    module.write_text(module.read_text(encoding="utf-8").replace('f"listed: ', 'f"on the list: '), encoding="utf-8")
    result, linted = check(project)
    assert len(linted) == 3 and "on the list:" in result.stdout


def test_a_new_newslint_version_is_never_served_stale(project):
    warm(project)
    _, linted = check(project, before="import newslint.cache\nnewslint.cache.__version__ = '99.0'")
    assert len(linted) == 3


def test_damaged_entries_are_misses_never_errors(project):
    first, _ = check(project)
    entries = [p for p in (project / "work" / ".newslint_cache").rglob("*") if p.is_file() and p.parent.name == "results"]
    assert len(entries) == 3
    entries[0].write_bytes(entries[0].read_bytes()[:-5])  # cut short
    entries[1].write_bytes(b"")
    data = bytearray(entries[2].read_bytes())
    data[-10] ^= 1  # one bit flipped
    entries[2].write_bytes(bytes(data))
    result, linted = check(project)
    assert len(linted) == 3
    assert (result.returncode, result.stdout, result.stderr) == (first.returncode, first.stdout, first.stderr)
    _, linted = check(project)
    assert linted == []  # written anew


def test_no_cache_neither_reads_nor_writes(project):
    _, linted = check(project, "--no-cache")
    assert len(linted) == 3 and not (project / "work" / ".newslint_cache").exists()
    check(project)
    _, linted = check(project, "--no-cache")
    assert len(linted) == 3


def test_the_cache_folder_is_ignored_by_git_and_clean_removes_only_it(project):
    work = project / "work"
    check(project, "--cache-dir", "kept")
    assert (work / "kept" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q"], cwd=work, check=True)
        status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=work,
                                capture_output=True, text=True, check=True).stdout
        assert "kept" not in status and "news/0.txt" in status
    result, _ = newslint(project, "clean", "--cache-dir", "kept")
    assert result.returncode == 0 and not (work / "kept").exists()
    refused, _ = newslint(project, "clean", "--cache-dir", "news")  # not a cache: never removed
    assert refused.returncode == 2 and refused.stderr.startswith("error: news: not a newslint cache")
    assert len(list((work / "news").iterdir())) == 3


def test_fix_and_stdin_lint_the_text_they_are_given(project):
    work = project / "work"
    story = work / "news" / "3.txt"
    story.write_text("The the apple.\n", encoding="utf-8")
    first, _ = newslint(project, "check", "--select", "TYP003", "news")
    assert first.returncode == 1 and (work / ".newslint_cache").is_dir()  # the file's results are kept
    result, _ = newslint(project, "check", "--select", "TYP003", "--fix", "news")
    assert result.returncode == 0, result.stderr
    assert story.read_text(encoding="utf-8") == "The apple.\n"
    # Standard input named as a file the cache holds results for is linted as given.
    piped = subprocess.run([sys.executable, "-m", "newslint", "check", "--select", "TYP003", "--stdin-filename",
                            "news/0.txt", "-"], cwd=work, input="And and so on.\n", capture_output=True, text=True,
                           timeout=60)
    assert piped.returncode == 1 and "news/0.txt:1:1" in piped.stdout


def test_parallel_runs_write_whole_entries(project):
    news = project / "work" / "news"
    for n in range(40):
        (news / f"more-{n}.txt").write_text(f"An apple, number {n}.\n", encoding="utf-8")
    first, linted = check(project, "-j", "2")
    assert len(linted) == 43
    cache = project / "work" / ".newslint_cache"
    assert not [p for p in cache.rglob("*.tmp")]
    again, linted = check(project, "-j", "1")
    assert linted == [] and again.stdout == first.stdout
