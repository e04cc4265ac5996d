"""newslint's built-in rules, one module per family, registered through the public hook."""

from ..hookspecs import hookimpl


@hookimpl
def newslint_rules():
    from .meta import UnusedSuppression
    from .sentences import GluedSentences, UnbalancedQuotes
    from .typos import NameVariant, RepeatedWord, RunTogether, UnknownWord
    from .web import DuplicateBlock, ForeignScriptLine, HtmlResidue, Mojibake

    return [
        UnknownWord, NameVariant, RepeatedWord, RunTogether,
        UnbalancedQuotes, GluedSentences,
        DuplicateBlock, ForeignScriptLine, HtmlResidue, Mojibake,
        UnusedSuppression,
    ]
