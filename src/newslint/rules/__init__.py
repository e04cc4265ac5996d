"""newslint's built-in rules, one module per family, registered through the public hook."""

from ..hookspecs import hookimpl


@hookimpl
def newslint_rules():
    from .meta import UnusedSuppression
    from .typos import NameVariant, RepeatedWord, RunTogether, UnknownWord
    from .web import HtmlResidue

    return [UnknownWord, NameVariant, RepeatedWord, RunTogether, HtmlResidue, UnusedSuppression]
