"""Spelling rules with a newsroom's configuration: accept, vocabulary file, reject, dialect; `newslint words`."""

import subprocess
import sys
from pathlib import Path

import pytest

import newslint
from newslint.errors import NewslintError


def codes(text: str, path: str = "a.txt", **kwargs) -> list[tuple[str, str]]:
    return [(d.code, d.text) for d in newslint.lint_text(text, path, **kwargs)]


def write_config(tmp_path: Path, body: str) -> str:
    config = tmp_path / "newslint.toml"
    config.write_text(body, encoding="utf-8")
    return str(config)


def test_unknown_word_with_ranked_suggestions():
    [d] = newslint.lint_text("Soldiers died near an observauion post.", "a.txt", select=["TYP001"])
    assert d.text == "observauion" and d.suggestions[0] == "observation"
    [d] = newslint.lint_text("The town iof Saraqeb fell.", "a.txt", select=["TYP001"])
    assert {"of", "if"} <= set(d.suggestions[:5])


def test_accept_list_and_vocabulary_file(tmp_path):
    (tmp_path / "vocab.txt").write_text("# house words\nweekslong\n/gr[ae]ylisted/\n", encoding="utf-8")
    config = write_config(tmp_path, 'accept = ["observauion"]\nvocabulary = "vocab.txt"\n')
    text = "The observauion post was weekslong and greylisted, then graylisted, then greylistedd."
    found = codes(text, str(tmp_path / "a.txt"), select=["TYP001"], config=config)
    assert found == [("TYP001", "greylistedd")]


def test_reject_list_is_always_reported(tmp_path):
    config = write_config(tmp_path, 'reject = ["irregardless", "alright"]\n')
    found = codes("Irregardless of that, it was alright.", str(tmp_path / "a.txt"), select=["TYP001"], config=config)
    assert found == [("TYP001", "Irregardless"), ("TYP001", "alright")]


@pytest.mark.parametrize(
    "dialect, flagged",
    [("any", []), ("en-US", ["colour", "organised"]), ("en-GB", ["color"])],  # Oxford -ize is British too
)
def test_dialect_option(tmp_path, dialect, flagged):
    config = write_config(tmp_path, f'[rules.TYP001]\ndialect = "{dialect}"\n')
    text = "The colour was organised. The color was organized."
    found = codes(text, str(tmp_path / "a.txt"), select=["TYP001"], config=config)
    assert [word for _, word in found] == flagged


def test_bad_dialect_is_a_configuration_error(tmp_path):
    config = write_config(tmp_path, '[rules.unknown-word]\ndialect = "en-AU"\n')
    with pytest.raises(NewslintError, match="dialect"):
        newslint.lint_text("Text.", str(tmp_path / "a.txt"), config=config)


def test_seed_names_are_not_reported():
    seeds = Path(__file__).resolve().parent.parent / "examples"
    for article in sorted(seeds.glob("*.txt")) + sorted(seeds.glob("spun*.md")):
        words = {d.text for d in newslint.lint_file(str(article), select=["TYP001"])}
        assert words <= {"iof", "observauion", "weekslong"}, (article.name, words)


def test_words_command_lists_unknown_words_with_counts(tmp_path):
    (tmp_path / "a.txt").write_text("An observauion post. Another observauion post. The town iof Idlib.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Saraqeb is a town in Idlib; a tipo here.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "newslint", "words", "--unknown", "."], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["2\tobservauion", "1\tiof", "1\ttipo"]


def test_run_together_fix_is_offered_but_not_applied_by_fix(tmp_path):
    """TYP004's space is a suggestion (an unsafe fix): --fix must leave the text alone."""
    from newslint.engine import apply_fixes

    text = "Clashes spread across theSyrian north."
    [d] = newslint.lint_text(text, "a.txt", select=["TYP004"])
    assert d.suggestions == ("the Syrian",) and d.fix is not None and not d.fix.safe
    assert apply_fixes(text, [d]) == (text, 0)
