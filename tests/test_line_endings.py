"""Any line ending gives the same diagnostics at the same line:column: an article written on
Windows (CRLF) or saved by an old Mac tool (a lone CR) is linted as its LF twin is, front
matter (YAML and TOML) included."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.engine import Linter

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted(
    p for p in [*ROOT.glob("examples/*.*"), *ROOT.glob("tests/fixtures/*/*.*")]
    if p.suffix in (".md", ".txt") and p.name != "README.md"
)
CRAFTED = {
    "toml.md": '+++\ntitle = "A story"\n+++\n\nThe the army said the town fell.\n',
    "block-scalar.md": "---\ntitle: A story\nexcerpt: |\n  The the army said.\n  It fell.\ntags: [a]\n...\n\nBody text here.\n",
    "quoted-fields.md": "---\ntitle: 'The the town''s fall'\nsummary: \"A \\\"quoted\\\" the the summary\"\n---\n# Heading\n\nText.\n",
    "comment-suppression.md": "<!-- newslint: disable TYP003 -->\nThe the army.\n\n<!-- newslint: enable TYP003 -->\nThe the town.\n",
}


def _lint(linter: Linter, text: str, path: str) -> list[tuple] | str:
    result = linter.lint_text(text, path, config_path=path)
    if result.error:
        return result.error
    return [(d.line, d.column, d.end_line, d.end_column, d.code, d.message.replace("\r\n", "\n").replace("\r", "\n"))
            for d in result.diagnostics]


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


@pytest.mark.parametrize("eol", ["\r\n", "\r"], ids=["CRLF", "CR"])
@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_articles_read_the_same_with_any_line_ending(linter, path, eol):
    text = path.read_text(encoding="utf-8")
    expected = _lint(linter, text, str(path))
    assert not isinstance(expected, str), expected
    assert _lint(linter, text.replace("\n", eol), str(path)) == expected


@pytest.mark.parametrize("eol", ["\r\n", "\r"], ids=["CRLF", "CR"])
@pytest.mark.parametrize("name", CRAFTED)
def test_front_matter_and_comments_read_the_same_with_any_line_ending(linter, tmp_path, name, eol):
    path = str(tmp_path / name)
    expected = _lint(linter, CRAFTED[name], path)
    assert not isinstance(expected, str) and expected, expected
    assert _lint(linter, CRAFTED[name].replace("\n", eol), path) == expected


def test_a_windows_article_with_front_matter_is_linted(run, write):
    write("story.md", "---\r\ntitle: A story\r\n---\r\nThe the army said.\r\n")
    result = run("check", "story.md")
    assert result.code == 1, result.err
    assert result.lines[0] == 'story.md:4:1: TYP003 Repeated word "the"'
