"""RDB001 sentence-too-long (fixtures: tests/fixtures/RDB001/)."""

from __future__ import annotations

from pathlib import Path

import newslint

ROOT = Path(__file__).resolve().parent.parent.parent
LONG = (ROOT / "tests" / "fixtures" / "RDB001" / "long-sentences.txt").read_text(encoding="utf-8")


def with_limit(tmp_path, max_words: int, text: str):
    """RDB001's diagnostics of ``text`` under ``max-words = max_words``."""
    config = tmp_path / "newslint.toml"
    config.write_text(f"[rules.RDB001]\nmax-words = {max_words}\n", encoding="utf-8")
    return newslint.lint_text(text, str(tmp_path / "a.txt"), select=["RDB001"], config=str(config))


def test_rdb001_threshold_is_configurable(tmp_path):
    found = with_limit(tmp_path, 60, LONG)
    assert [d.message for d in found] == ["Sentence of 61 words (limit 60): consider splitting it"]
    assert newslint.lint_text(LONG, "a.txt", select=["RDB001"])[0].text.startswith("The ministry said on Tuesday")


def test_a_non_positive_option_is_one_clear_error(run, write):
    config = write("newslint.toml", "[rules.RDB001]\nmax-words = 0\n")
    write("a.txt", "Short.\n")
    result = run("check", "a.txt")
    assert result.code == 2
    assert result.err_lines == [f"error: {config}: RDB001 option 'max-words' is 0: expected a number above 0"]


def test_sentence_length_counts_words_not_tokens(tmp_path):
    """RDB001 passes over a sentence with no more tokens than the limit; one with more tokens
    but no more words (punctuation, "U.S.") must still not be reported."""
    text = "One, two, three, four.\n\nThe U.S. army left.\n\nOne two three four five.\n"
    found = [d.text for d in with_limit(tmp_path, 4, text)]
    assert found == ["One two three four five."]


def test_a_dateline_is_not_counted_as_words_of_the_sentence(tmp_path):
    text = ("NEW YORK, March 3 (Reuters) - Police closed the bridge.\n\n"
            "LONDON — The bank cut its rate.\n\n"
            "Police closed the bridge - and the tunnel.\n")
    found = with_limit(tmp_path, 5, text)
    assert [(d.text, d.message) for d in found] == [
        ("Police closed the bridge - and the tunnel.", "Sentence of 7 words (limit 5): consider splitting it"),
    ]


def test_an_editors_note_and_byline_before_the_dateline_are_not_counted(tmp_path):
    text = ("(Corrects paragraph 7 to show the bridge was closed, not opened) By Ann Lee and Bo Chan "
            "NEW YORK (Reuters) - Police closed the bridge.\n\n"
            "(The story was refiled to add the agency) (Reuters) - The bank cut its rate.\n")
    assert with_limit(tmp_path, 5, text) == []
