"""newslint's built-in rules, one module per family, registered through the public hook."""

from ..hookspecs import hookimpl


@hookimpl
def newslint_rules():
    from .meta import UnusedSuppression
    from .sentences import GluedSentences
    from .typos import NameVariant, RepeatedWord, RunTogether, UnknownWord
    from .web import DuplicateBlock, ForeignScriptLine, HtmlResidue

    return [
        UnknownWord, NameVariant, RepeatedWord, RunTogether,
        GluedSentences,
        DuplicateBlock, ForeignScriptLine, HtmlResidue,
        UnusedSuppression,
    ]
