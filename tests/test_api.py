"""The Python API: a pure function from text to diagnostics."""

import pytest

import newslint
from newslint.errors import NewslintError


def test_lint_text_returns_positioned_diagnostics():
    [d] = newslint.lint_text("Paris in the the spring.", path="story.md")
    assert (d.path, d.line, d.column, d.end_column, d.code, d.name) == ("story.md", 1, 10, 17, "TYP003", "repeated-word")
    assert d.text == "the the" and d.severity == "warning" and d.fix is not None and d.fix.safe


def test_select_and_ignore():
    text = "It ended.&hellip; in the the end"
    assert {d.code for d in newslint.lint_text(text, "a.txt")} == {"TYP003", "WEB004"}
    assert {d.code for d in newslint.lint_text(text, "a.txt", select=["WEB"])} == {"WEB004"}
    assert {d.code for d in newslint.lint_text(text, "a.txt", ignore=["repeated-word"])} == {"WEB004"}


def test_lint_text_does_not_touch_the_disk(tmp_path):
    path = tmp_path / "story.txt"
    newslint.lint_text("the the", path=str(path))
    assert not path.exists()


def test_lint_file(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(b"\xef\xbb\xbfthe the\r\n")
    [d] = newslint.lint_file(str(path))
    assert (d.line, d.column) == (1, 1)


def test_bad_front_matter_raises_a_newslint_error():
    with pytest.raises(NewslintError, match="front matter"):
        newslint.lint_text("---\ntitle: [x\n---\n", "a.md")


def test_one_linter_for_many_texts_gives_what_lint_text_gives(tmp_path):
    texts = ["Paris in the the spring.", "It ended.&hellip; here", "Two soldiers saw an observauion post."]
    linter = newslint.linter(select=["TYP", "WEB"])
    for i, text in enumerate(texts * 2):
        result = linter.lint_text(text, str(tmp_path / f"{i}.txt"))
        assert result.error is None
        assert result.diagnostics == newslint.lint_text(text, str(tmp_path / f"{i}.txt"), select=["TYP", "WEB"])
    assert newslint.linter(ignore=["TYP"]).lint_text("the the", "a.txt").diagnostics == []


def test_public_names():
    assert newslint.Rule.__name__ == "Rule" and newslint.Finding.__name__ == "Finding"
    assert callable(newslint.hookimpl)
    with pytest.raises(AttributeError):
        newslint.no_such_name


@pytest.mark.parametrize("options", [{"select": ["NOPE"]}, {"ignore": ["TYP", "NOPE"]}, {"select": "TYP,NOPE"}])
def test_an_unknown_selector_is_refused_as_the_command_line_refuses_it(options):
    with pytest.raises(NewslintError, match="unknown rule, prefix or name 'NOPE'"):
        newslint.lint_text("The the army said.\n", **options)
    with pytest.raises(NewslintError, match="unknown rule, prefix or name 'NOPE'"):
        newslint.linter(**options)


def test_selectors_may_be_one_comma_separated_string():
    text = 'The the army said its observauion post was "ready.\n'
    assert codes(newslint.lint_text(text)) == ["TYP003", "TYP001", "SEN002"]
    assert codes(newslint.lint_text(text, ignore="TYP003,SEN")) == ["TYP001"]
    assert codes(newslint.lint_text(text, select="TYP003, SEN002")) == ["TYP003", "SEN002"]


@pytest.mark.parametrize("options", [{"select": [3]}, {"ignore": 7}])
def test_selectors_that_are_not_strings_are_a_clear_error(options):
    with pytest.raises(NewslintError, match="expected rule selectors"):
        newslint.lint_text("Text.\n", **options)


def codes(diagnostics) -> list[str]:
    return [d.code for d in diagnostics]
