"""Readability (RDB): sentences too long and paragraphs too hard for a news reader.

Both rules read the body's paragraphs only: headings, captions and other short lines, list
items, block quotes and front matter are left alone, and so is a sentence or paragraph that
is mostly quoted speech (a reporter does not rewrite what someone said). One module a rule;
``limits`` holds what their limits share. The counts come from ``newslint.metrics``.
"""


def newslint_rules():
    """This family's rules (the plugin hook; see newslint.rules)."""
    from .rdb001_sentence_too_long import SentenceTooLong
    from .rdb002_paragraph_too_hard import ParagraphTooHard

    return [SentenceTooLong, ParagraphTooHard]
