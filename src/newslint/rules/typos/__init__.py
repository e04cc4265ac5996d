"""Typos (TYP): slips of the keyboard that a copy editor catches.

An unknown word (TYP001), a name spelled two ways (TYP002), a repeated word (TYP003) and
words run together (TYP004), one rule a module; ``words`` and ``names`` hold what they share
of an article, ``lexicon`` the English word list the spelling rules check words against
(``words.txt`` and its index ``words.idx``, described in ``README.md``).
"""


def newslint_rules():
    """This family's rules (the plugin hook; see newslint.rules)."""
    from .typ001_unknown_word import UnknownWord
    from .typ002_name_variant import NameVariant
    from .typ003_repeated_word import RepeatedWord
    from .typ004_run_together_words import RunTogether

    return [UnknownWord, NameVariant, RepeatedWord, RunTogether]
