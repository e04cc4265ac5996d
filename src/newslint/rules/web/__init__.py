"""Scrape residue (WEB): what a CMS or a scraper left in the copy.

One module a rule; ``text`` holds what several of them read of a block's text.
"""


def newslint_rules():
    """This family's rules (the plugin hook; see newslint.rules)."""
    from .web001_page_furniture import PageFurniture
    from .web002_duplicate_block import DuplicateBlock
    from .web003_foreign_script_line import ForeignScriptLine
    from .web004_html_residue import HtmlResidue
    from .web005_mojibake import Mojibake

    return [PageFurniture, DuplicateBlock, ForeignScriptLine, HtmlResidue, Mojibake]
