"""TYP003 repeated-word: doubles within a sentence, and the fix that deletes the second copy."""

import newslint


def test_repeated_word_is_not_a_pair_across_sentences():
    text = "He said it was over and\n\nand then he left. He said the the town fell.\n"
    assert [(d.code, d.text) for d in newslint.lint_text(text, "a.txt", select=["TYP003"])] == [
        ("TYP003", "the the")
    ]


def test_typ003_fix_deletes_the_second_word():
    from newslint.engine import apply_fixes

    text = "Paris in the the spring and in in May."
    diagnostics = newslint.lint_text(text, "a.txt", select=["TYP003"])
    assert apply_fixes(text, diagnostics) == ("Paris in the spring and in May.", 2)
