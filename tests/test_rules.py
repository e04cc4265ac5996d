"""Every rule against its fixtures, and the meta-rules every rule must follow."""

from pathlib import Path

import pytest

import newslint
from newslint.plugins import load_plugins
from newslint.rule import DOC_SECTIONS, missing_doc_sections

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = sorted(p for p in FIXTURES.glob("*/*") if p.suffix in (".md", ".txt"))
# The core's own rules: installed plugins (plugins/*) are tested in their own packages, and
# one of them (LT001) needs a server, so "ALL" here means every built-in rule.
BUILTIN = sorted(code for code, rule in load_plugins().rules.items() if rule.plugin == "newslint")


def expected_lines(article: Path) -> list[str]:
    expected = article.with_name(article.name + ".expected")
    assert expected.exists(), f"{expected} is missing"
    return [line for line in expected.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture(article: Path):
    code = article.parent.name
    diagnostics = newslint.lint_text(article.read_text(encoding="utf-8"), str(article), select=BUILTIN)
    got = [f"{d.line}:{d.column}: {d.code} {d.message}" for d in diagnostics if d.code == code]
    assert got == expected_lines(article)
    for d in diagnostics:  # the reported text is the source between the two positions
        lines = article.read_text(encoding="utf-8").split("\n")
        if d.line == d.end_line:
            assert lines[d.line - 1][d.column - 1 : d.end_column - 1] == d.text


@pytest.mark.parametrize("code", BUILTIN)
def test_every_rule_has_a_reporting_and_a_silent_fixture(code):
    articles = [p for p in ARTICLES if p.parent.name == code]
    assert any(expected_lines(p) for p in articles), f"{code} has no fixture that reports"
    assert any(not expected_lines(p) for p in articles), f"{code} has no fixture that stays silent"


@pytest.mark.parametrize("code", sorted(load_plugins().rules))
def test_every_rule_is_documented(code):
    rule = load_plugins().rules[code]
    assert rule.summary(), f"{code} has no one-line summary"
    assert missing_doc_sections(rule) == [], f"{code} docs lack sections; need {DOC_SECTIONS}"


def fixture_fixes(code: str, safe: bool) -> list:
    """The fixes (safe or unsafe ones) a rule offers on its own fixtures."""
    return [
        d.fix
        for p in ARTICLES
        if p.parent.name == code
        for d in newslint.lint_text(p.read_text(encoding="utf-8"), str(p), select=BUILTIN)
        if d.code == code and d.fix and d.fix.safe == safe
    ]


@pytest.mark.parametrize("code", BUILTIN)
def test_fix_flags_match_behaviour(code):
    """A rule that says it is fixable offers a safe fix (one --fix applies) in a fixture; one
    that says it offers unsafe fixes (applied only with --unsafe-fixes) offers one too."""
    rule = load_plugins().rules[code]
    assert bool(fixture_fixes(code, safe=True)) == rule.fixable
    assert bool(fixture_fixes(code, safe=False)) == rule.unsafe_fixable


@pytest.mark.parametrize("code", BUILTIN)
def test_one_rule_a_file_named_after_it_with_its_data_beside_it(code):
    """rules/<family>/<code>_<name>.py, listed by its family's newslint_rules(); data files
    beside it; fixtures under tests/fixtures/<CODE>/ (what `newslint rule CODE` prints)."""
    import importlib

    rule = load_plugins().rules[code]
    source = Path(rule.source_file())
    assert source.name == f"{code.lower()}_{rule.name.replace('-', '_')}.py"
    assert source.parent.parent.name == "rules"
    family = importlib.import_module(f"newslint.rules.{source.parent.name}")
    assert rule in family.newslint_rules()
    assert all(Path(p).is_file() and Path(p).parent == source.parent for p in rule.data_paths())
    assert (FIXTURES / code).is_dir()


def test_rule_command_says_where_code_data_and_fixtures_are(run):
    result = run("rule", "TYP001")
    where = dict(line.split(": ", 1) for line in result.lines[-3:])
    assert where["Code"].endswith("rules/typos/typ001_unknown_word.py") and Path(where["Code"]).is_file()
    assert [Path(p).name for p in where["Data"].split(", ")] == ["words.txt", "words.idx", "frequencies.txt", "phrases.txt"]
    assert where["Fixtures"].rstrip("/").endswith("tests/fixtures/TYP001") and Path(where["Fixtures"]).is_dir()
