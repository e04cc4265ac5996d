"""Attribution (ATR): figures stated with no source.

ATR001 finds figure claims (figures.py) and asks whether their sentence, or a neighbouring
sentence that continues it, carries attribution, using the cues and counted things of
attribution-cues.txt and counted-things.txt (tables.py), kept beside this package.
"""


def newslint_rules():
    """This family's rules (the plugin hook; see newslint.rules)."""
    from .atr001_unattributed_figure import UnattributedFigure

    return [UnattributedFigure]
