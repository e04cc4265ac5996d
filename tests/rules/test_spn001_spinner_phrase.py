"""SPN001 (spinner-phrase): spun phrases reported with their likely originals, honest uses
of the same words left alone, quotations, and the unsafe fixes."""

from __future__ import annotations

import pytest

import newslint
from newslint.engine import apply_fixes


def spin(text: str, path: str = "a.txt", select=("SPN001",)) -> list[str]:
    return [d.text for d in newslint.lint_text(text, path, select=list(select))]


@pytest.mark.parametrize("spun, original", [
    ("Executive forces shelled the town.", "Government forces"),
    ("Officials said 1000’s of people fled.", "thousands"),
    ("The town is now below opposition management.", "under opposition control"),
    ("The Paris-essentially based group said so.", "Paris-based"),
    ("Troops maintain killed 18 soldiers.", "have killed"),
    ("It happened earlier this thirty day period.", "earlier this month"),
    ("Rebels fired surface area-to-air missiles.", "surface-to-air"),
])
def test_spun_phrases_are_reported_with_the_likely_original(spun, original):
    [d] = newslint.lint_text(spun, "a.txt", select=["SPN001"])
    assert d.suggestions == (original,)
    assert d.fix is not None and not d.fix.safe  # the original is a guess: an unsafe fix


@pytest.mark.parametrize("honest", [
    "The chief executive said the executive branch would decide.",
    "The TV set was on. The state media said little.",
    "Shares moved in step with the wider market.",
    "He acknowledged as much on Tuesday and was widely acknowledged as the leader.",
    "The company will maintain control over costs and maintain sealed borders.",
    "The museum said its site visitors can buy tickets online.",
    "Considering the fact that he was ill, he did well.",
])
def test_honest_uses_of_the_same_words_are_not_reported(honest):
    assert spin(honest) == []


@pytest.mark.parametrize("honest", [
    "The fire spread quickly through the old fireplace and chimney.",
    "It was done as properly as possible, for illustration only.",
    "The faculty and students met the board of governors.",
    "Officials said 10 percentage points of the rise came from fuel.",
])
def test_more_honest_sentences_near_the_table(honest):
    assert spin(honest) == []


def test_wordings_inside_quotations_are_left_alone_but_written_forms_are_not():
    text = 'A fighter said they "ran away fancy rats" and "killed 1000\'s" of them.'
    assert spin(text) == ["1000's"]


def test_check_quotes_reports_wordings_inside_quotations_too(tmp_path):
    config = tmp_path / "newslint.toml"
    config.write_text('[rules.SPN001]\ncheck-quotes = true\n', encoding="utf-8")
    text = 'A fighter said they "ran away fancy rats."'
    got = [d.text for d in newslint.lint_text(text, str(tmp_path / "a.txt"), select=["SPN001"], config=str(config))]
    assert got == ["ran away fancy"]


def test_a_phrase_split_across_lines_reads_as_one_in_the_message():
    [d] = newslint.lint_text("The toll rose sharply. In step\nwith officials, the toll rose.", "a.md", select=["SPN001"])
    assert d.message == 'spinner phrase "In step with": likely "According to"'


def test_unsafe_fixes_restore_the_originals_only_when_asked():
    text = "Executive forces retook the town, point out media said."
    diagnostics = newslint.lint_text(text, "a.txt", select=["SPN001"])
    assert apply_fixes(text, diagnostics) == (text, 0)
    assert apply_fixes(text, diagnostics, unsafe=True) == (
        "Government forces retook the town, state media said.", 2)


def test_fix_leaves_unsafe_fixes_alone_and_unsafe_fixes_applies_them(run, write):
    path = write("draft.txt", "Executive forces retook the town.\n")
    result = run("check", "--select", "SPN001", "draft.txt")
    assert result.lines[-1].endswith("1 more with --fix --unsafe-fixes.")
    run("check", "--select", "SPN001", "--fix", "draft.txt")
    assert path.read_text() == "Executive forces retook the town.\n"
    assert run("check", "--select", "SPN001", "--diff", "draft.txt").out == ""
    diff = run("check", "--select", "SPN001", "--diff", "--unsafe-fixes", "draft.txt").out
    assert "+Government forces retook the town." in diff
    assert path.read_text() == "Executive forces retook the town.\n"  # --diff writes nothing
    run("check", "--select", "SPN001", "--fix", "--unsafe-fixes", "draft.txt")
    assert path.read_text() == "Government forces retook the town.\n"
