"""TYP004 run-together-words: found among many tokens; its space is an unsafe fix."""

import newslint


def test_run_together_words_found_among_many_tokens():
    text = "Clashes spread across theSyrian north. " * 30 + "Send in e-mailSend now.\n"
    words = [d.text for d in newslint.lint_text(text, "a.txt", select=["TYP004"])]
    assert words == ["theSyrian"] * 30 + ["e-mailSend"]


def test_run_together_fix_is_offered_but_not_applied_by_fix(tmp_path):
    """TYP004's space is a suggestion (an unsafe fix): --fix must leave the text alone."""
    from newslint.engine import apply_fixes

    text = "Clashes spread across theSyrian north."
    [d] = newslint.lint_text(text, "a.txt", select=["TYP004"])
    assert d.suggestions == ("the Syrian",) and d.fix is not None and not d.fix.safe
    assert apply_fixes(text, [d]) == (text, 0)
