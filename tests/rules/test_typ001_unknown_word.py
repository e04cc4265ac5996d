"""TYP001 unknown-word: suggestions, a newsroom's configuration (accept, vocabulary file, reject,
dialect), `newslint words`, and the verdicts it keeps from one article to the next."""

import subprocess
import sys
from pathlib import Path

import pytest

import newslint
from newslint.config import Overrides
from newslint.engine import Linter
from newslint.errors import NewslintError


def codes(text: str, path: str = "a.txt", **kwargs) -> list[tuple[str, str]]:
    return [(d.code, d.text) for d in newslint.lint_text(text, path, **kwargs)]


def write_config(tmp_path: Path, body: str) -> str:
    config = tmp_path / "newslint.toml"
    config.write_text(body, encoding="utf-8")
    return str(config)


def found(linter: Linter, text: str, path: str = "a.txt") -> list[tuple[str, str]]:
    return [(d.code, d.text) for d in linter.lint_text(text, path).diagnostics]


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
    seeds = Path(__file__).resolve().parents[2] / "examples"
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


def test_capitalised_verdicts_kept_across_articles_still_depend_on_the_article():
    """TYP001 keeps the verdict on a sentence-initial word from one article to the next; the
    article's own use of the word in mid-sentence must still decide whether it is a name."""
    linter = Linter(overrides=Overrides(select=("TYP001",)))
    named = "Teh army said so. Officials met Teh on Monday.\n"
    unnamed = "Teh army said so. Officials met on Monday.\n"
    for _ in range(2):
        assert found(linter, named) == []
        assert found(linter, unnamed) == [("TYP001", "Teh")]


def test_lowercase_verdicts_kept_across_articles_report_every_occurrence():
    linter = Linter(overrides=Overrides(select=("TYP001",)))
    for _ in range(2):
        assert found(linter, "An observauion post. Another observauion post's gate.\n") == [
            ("TYP001", "observauion"),
            ("TYP001", "observauion"),
        ]
        assert found(linter, "A quiet post.\n") == []


# ---- word frequency: current words accepted, frequent typos still reported, ranking


@pytest.mark.parametrize(
    "text",
    [
        "She is a cyber security expert.",  # SCOWL lacks it; every frequency list has it
        "The hardline faction took add-ons to the planemaker.",  # frequency; solid form; compound
        "Colleagues called it a no-brainer.",
        "The two leaders toasted their bromance. He has pled guilty.",  # a commoner word differs in the first letter
        "The bill allows full expensing and avoids escalatory steps.",  # a known verb's forms
        "An influencer and her fellow influencers signed up.",  # an agent noun is no slip of its verb
    ],
)
def test_current_words_the_list_lacks_are_accepted(text):
    assert newslint.lint_text(text, "a.txt", select=["TYP001"]) == []


@pytest.mark.parametrize("typo", ["recieve", "alot", "iof", "teh", "untill", "seperate", "dont", "paris",
                                  "pharoah", "reccomend"])
def test_common_typos_are_reported_though_frequency_lists_hold_them(typo):
    from newslint.rules.typos.lexicon import load_lexicon

    assert load_lexicon().zipf(typo) >= 2.0  # wordfreq has them
    [d] = newslint.lint_text(f"They will {typo} it.", "a.txt", select=["TYP001"])
    assert d.text == typo


@pytest.mark.parametrize("typo", ["calculater", "creater", "aggregaters"])
def test_an_agent_noun_shape_that_no_one_writes_is_still_reported(typo):
    [d] = newslint.lint_text(f"The {typo} was there.", "a.txt", select=["TYP001"])
    assert d.text == typo


@pytest.mark.parametrize("typo", ["begining", "transfering", "occuring", "stoped"])
def test_a_slip_of_a_verb_form_is_reported_though_its_stem_is_known(typo):
    [d] = newslint.lint_text(f"They were {typo} it.", "a.txt", select=["TYP001"])
    assert d.text == typo


def test_a_british_spelling_is_not_accepted_by_frequency_under_en_us(tmp_path):
    config = write_config(tmp_path, '[rules.TYP001]\ndialect = "en-US"\n')
    found = codes("The colour of the cyber world.", str(tmp_path / "a.txt"), select=["TYP001"], config=config)
    assert found == [("TYP001", "colour")]


@pytest.mark.parametrize(
    "typo, first",
    [("tbe", "the"), ("witk", "with"), ("ihs", "his"), ("iof", "of"), ("dont", "don't"), ("paris", "Paris")],
)
def test_suggestions_prefer_the_common_word(typo, first):
    [d] = newslint.lint_text(f"It was {typo} point.", "a.txt", select=["TYP001"])
    assert d.suggestions[0] == first


def test_frequencies_are_read_only_when_needed():
    # pre-commit runs newslint on every commit: copy of known words must not pay for them
    from newslint.context import RunContext
    from newslint.parse import parse
    from newslint.rules.typos.typ001_unknown_word import UnknownWord

    rule = UnknownWord(context=RunContext())
    assert list(rule.check(parse("The cat sat on the mat.", "a.txt"))) == []
    assert rule.lexicon._data._frequencies is None
    assert list(rule.check(parse("The cyber cat sat.", "a.txt"))) == []
    assert rule.lexicon._data._frequencies is not None


@pytest.mark.parametrize("text", [
    "The bona fide offer came from the de facto ruler.",
    "It was a quid pro quo, vis-à-vis the bank and vis-a-vis the fund.",
    "Bona fide buyers were sought; their bona fides were checked.",
])
def test_words_of_loan_phrases_are_accepted_in_the_phrase(text):
    assert codes(text, select=["TYP001"]) == []


def test_a_word_of_a_loan_phrase_on_its_own_is_still_reported():
    assert codes("A fide offer came.", select=["TYP001"]) == [("TYP001", "fide")]


@pytest.mark.parametrize("text", ["The detente held.", "The fetes were over.", "She fled the melee."])
def test_a_listed_word_printed_without_its_accents_is_accepted(text):
    assert codes(text, select=["TYP001"]) == []


def test_accents_do_not_excuse_a_slip_of_a_common_word():
    # "chambré" is a rare listed word; "chambre" here is "chamber" misspelled
    assert codes("The vote in the chambre failed.", select=["TYP001"]) == [("TYP001", "chambre")]
