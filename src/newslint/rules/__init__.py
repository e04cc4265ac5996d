"""newslint's built-in rules, one module per family, registered through the public hook."""

from ..hookspecs import hookimpl


@hookimpl
def newslint_rules():
    from .attribution import UnattributedFigure
    from .meta import UnusedSuppression
    from .readability import ParagraphTooHard, SentenceTooLong
    from .sentences import GluedSentences, TruncatedParagraph, UnbalancedQuotes
    from .spin import SourceDivergence, SpinnerPhrase, SpunArticle
    from .typos import NameVariant, RepeatedWord, RunTogether, UnknownWord
    from .web import DuplicateBlock, ForeignScriptLine, HtmlResidue, Mojibake, PageFurniture

    return [
        UnknownWord, NameVariant, RepeatedWord, RunTogether,
        TruncatedParagraph, UnbalancedQuotes, GluedSentences,
        PageFurniture, DuplicateBlock, ForeignScriptLine, HtmlResidue, Mojibake,
        SpinnerPhrase, SpunArticle, SourceDivergence,
        UnattributedFigure,
        SentenceTooLong, ParagraphTooHard,
        UnusedSuppression,
    ]
