"""Spun text (SPN): article-spinner output, where words were swapped for dictionary synonyms.

A spinner rewrites "government forces" as "executive forces" and "state media" as "point out
media" with a fixed synonym dictionary, so the same fingerprints recur in every article it
touches. SPN001 matches a table of them (spin_phrases.tsv, read by phrases.py) in one pass
over the tokens, SPN100 turns their density into an article-level verdict, and SPN002
compares a draft with the source it was rewritten from.
"""


def newslint_rules():
    """This family's rules (the plugin hook; see newslint.rules)."""
    from .spn001_spinner_phrase import SpinnerPhrase
    from .spn002_source_divergence import SourceDivergence
    from .spn100_spun_article import SpunArticle

    return [SpinnerPhrase, SpunArticle, SourceDivergence]
