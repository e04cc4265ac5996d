"""The fast paths of the TYP rules give what the plain definitions give (those of the WEB,
SEN and RDB rules are tested with each rule, in tests/rules/).

Several rules keep verdicts across articles, skip work that a cheaper test settles, or
use a pattern rewritten for speed; each test here pins one of those shortcuts to the
behaviour it must keep.
"""

import newslint
from newslint.config import Overrides
from newslint.engine import Linter
from newslint.parse import parse


def found(linter: Linter, text: str, path: str = "a.txt") -> list[tuple[str, str]]:
    return [(d.code, d.text) for d in linter.lint_text(text, path).diagnostics]


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


def test_repeated_word_is_not_a_pair_across_sentences():
    text = "He said it was over and\n\nand then he left. He said the the town fell.\n"
    assert [(d.code, d.text) for d in newslint.lint_text(text, "a.txt", select=["TYP003"])] == [
        ("TYP003", "the the")
    ]


def test_run_together_words_found_among_many_tokens():
    text = "Clashes spread across theSyrian north. " * 30 + "Send in e-mailSend now.\n"
    words = [d.text for d in newslint.lint_text(text, "a.txt", select=["TYP004"])]
    assert words == ["theSyrian"] * 30 + ["e-mailSend"]


def test_name_variant_ignores_dictionary_words_unless_they_fold_alike():
    text = (
        "Rebels entered Saraqeb. Saraqeb fell. The retaking of Sarqeb was a setback. "
        "Erdoğan spoke. Erdogan spoke. Erdogan left. The Syrian army and the Syrians.\n"
    )
    reported = {d.text for d in newslint.lint_text(text, "a.txt", select=["TYP002"])}
    assert reported == {"Sarqeb", "Erdoğan"}


def test_document_words_mark_where_sentences_start():
    from newslint.rules.typos import document_words

    doc = parse("One two. Three four five.\n\nSix.\n", "a.txt")
    words = document_words(doc)
    assert words.texts == ["One", "two", "Three", "four", "five", "Six"]
    assert {0, 2, 5} <= words.sentence_starts and not {1, 3, 4} & words.sentence_starts
