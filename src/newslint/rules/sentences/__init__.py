"""Broken sentences (SEN): copy cut or glued by a CMS, a scraper or a hurried edit.

One module a rule; they share no helpers.
"""


def newslint_rules():
    """This family's rules (the plugin hook; see newslint.rules)."""
    from .sen001_truncated_paragraph import TruncatedParagraph
    from .sen002_unbalanced_quotes import UnbalancedQuotes
    from .sen003_glued_sentences import GluedSentences

    return [TruncatedParagraph, UnbalancedQuotes, GluedSentences]
