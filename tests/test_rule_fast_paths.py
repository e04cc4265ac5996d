"""The fast paths of the WEB, SEN and RDB rules give what the plain definitions give.

Several rules keep verdicts across articles, skip work that a cheaper test settles, or
use a pattern rewritten for speed; each test here pins one of those shortcuts to the
behaviour it must keep.
"""

import random
import re

import pytest

import newslint


def test_letter_counts_agree_with_the_regex_definition():
    from newslint.rules.web import LETTER_RE, NON_LATIN_LETTER_RE, _letter_counts

    def plain(text):
        letters = len(LETTER_RE.findall(text))
        other = len(NON_LATIN_LETTER_RE.findall(text))
        return letters - other, other

    chars = [chr(c) for c in range(0x3100) if not 0xD800 <= c < 0xE000] + ["\U0001d400", "\U00020000", "\U0001f600"]
    for char in chars:
        assert _letter_counts(char) == plain(char), hex(ord(char))
    rng = random.Random(1)
    for _ in range(2000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 40)))
        assert _letter_counts(text) == plain(text)


@pytest.mark.parametrize(
    "fast, plain, alphabet",
    [
        ("newslint.rules.web:MOJIBAKE_RE", None, "aÂÃâ€™\u0080\u00a9\u00ef\u2019\u2122 "),
        (
            "newslint.rules.sentences:GLUED_RE",
            r"(?:(?<=[^\W\d_]{2})(?<![A-Z]{2})|(?<=\d))([.!?])(?=[A-Z][a-z])",
            "aZ.!?1 \néÉ_AbB",
        ),
    ],
)
def test_patterns_rewritten_for_speed_match_like_their_plain_spelling(fast, plain, alphabet):
    import importlib

    module, name = fast.split(":")
    fast_re = getattr(importlib.import_module(module), name)
    if plain is None:
        from newslint.rules.web import _CONTINUATION

        plain = f"(?:[\u00c2-\u00ef][{_CONTINUATION}]{{1,3}})+"
    plain_re = re.compile(plain)
    rng = random.Random(2)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert [m.span() for m in fast_re.finditer(text, start, end)] == [
            m.span() for m in plain_re.finditer(text, start, end)
        ], (text, start, end)


def test_duplicate_blocks_found_by_the_start_of_their_key():
    first = "Rebels enter the town of Saraqeb in Idlib province, Syria, Feb. 27, 2020."
    text = "\n\n".join([
        first,
        "Rebels enter the town of Saraqeb in Idlib province, Syria, on a quiet day in March.",  # same start only
        "REBELS ENTER -- the town of Saraqeb in Idlib province; Syria, Feb 27 2020",  # same key
        first + "Credit: AFP",  # more after it
        "Short line",
    ]) + "\n"
    messages = [d.message for d in newslint.lint_text(text, "a.txt", select=["WEB002"])]
    assert messages == [
        "This block repeats the one on line 1",
        "This block repeats, with more after it, the one on line 1",
    ]


def test_html_residue_and_mojibake_skip_clean_articles_but_not_dirty_ones():
    clean = "The government reopened the road.\n"
    assert newslint.lint_text(clean, "a.txt", select=["WEB004", "WEB005", "SEN003"]) == []
    dirty = "It reopened.&hellip; The ministerâ€™s office said.The road [caption]x[/caption] <br>\n"
    assert [(d.code, d.text) for d in newslint.lint_text(dirty, "a.txt", select=["WEB004", "WEB005", "SEN003"])] == [
        ("WEB004", "&hellip;"), ("WEB005", "â€™"), ("SEN003", "said.The"),
        ("WEB004", "[caption]"), ("WEB004", "[/caption]"), ("WEB004", "<br>"),
    ]


def test_sentence_length_counts_words_not_tokens(tmp_path):
    """RDB001 passes over a sentence with no more tokens than the limit; one with more tokens
    but no more words (punctuation, "U.S.") must still not be reported."""
    config = tmp_path / "newslint.toml"
    config.write_text("[rules.RDB001]\nmax-words = 4\n", encoding="utf-8")
    text = "One, two, three, four.\n\nThe U.S. army left.\n\nOne two three four five.\n"
    found = [d.text for d in newslint.lint_text(text, str(tmp_path / "a.txt"), select=["RDB001"], config=str(config))]
    assert found == ["One two three four five."]


def test_paragraph_grade_skips_only_paragraphs_too_short_to_grade(tmp_path):
    config = tmp_path / "newslint.toml"
    config.write_text("[rules.RDB002]\nmax-grade = 1\nmin-sentences = 2\nmin-words = 5\n", encoding="utf-8")
    text = (
        "Notwithstanding considerable international apprehension.\n\n"  # four words, one sentence: too short
        "Governmental representatives characterised military operations.\n\n"  # five words
        "Intermittent negotiations. Unavoidable consequences.\n"  # two sentences
    )
    lines = [d.line for d in newslint.lint_text(text, str(tmp_path / "a.txt"), select=["RDB002"], config=str(config))]
    assert lines == [3, 5]
