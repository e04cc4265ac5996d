"""WEB003 foreign-script-line: a line in another script inside an English article."""

from __future__ import annotations

from ...document import Document
from ...rule import Finding, Rule
from .text import NON_LATIN_LETTER_RE, letter_counts


class ForeignScriptLine(Rule):
    """Line in another script inside an English article (navigation text, related links).

    ## What it does
    Reports a block whose letters are mostly in a script other than Latin (Hebrew,
    Arabic, Cyrillic, CJK, ...) in an article whose letters are otherwise Latin.
    Names and single words in another script inside an English sentence are fine.

    ## Why is this bad?
    A scraper that keeps a site's navigation or related-article list in another
    language leaves lines no English reader can use.

    ## Example
    ```text
    Already signed up? Log in.
    בנימין נתניהו השקת ספר
    ```

    ## Use instead
    Delete the line.

    ## Known false positives
    A quotation given in the original script on a line of its own is reported;
    articles written mostly in another script are not checked at all.
    """

    code = "WEB003"
    name = "foreign-script-line"
    family = "web"
    severity = "warning"

    def check(self, document: Document):
        prose = document.prose
        if prose.isascii() or not NON_LATIN_LETTER_RE.search(prose):
            return  # no letter of another script anywhere: the common case, decided by one scan
        counts = [(block, *letter_counts(block.prose)) for block in document.prose_blocks]
        latin = sum(c[1] for c in counts)
        other = sum(c[2] for c in counts)
        if latin == 0 or other > 0.2 * (latin + other):
            return  # not an English article with a stray line: nothing to say
        for block, block_latin, block_other in counts:
            if block_other >= 4 and block_other > 2 * block_latin:
                yield Finding(block.start, block.end, "A line in another script in an English article")
