"""SPN100 (spun-article): an article-level verdict from the density of spinner phrases."""

from __future__ import annotations

from ...document import Document
from ...rule import Finding, Rule
from .phrases import TABLE, document_matches


class SpunArticle(Rule):
    """Spun article: so many spinner phrases that the whole article reads as spinner output.

    ## What it does
    Counts the spinner phrases SPN001 knows (quoted or not) and reports the article once,
    at its first line, when there are at least `min-phrases` of them (default 3) and more
    than `per-1000-words` (default 4) per 1,000 words. The message gives both figures, so
    a desk triaging a feed in JSON can sort by them.

    ## Why is this bad?
    One odd phrase is a slip; a dozen in one story means the story came out of an article
    spinner and should be replaced by its source, not corrected phrase by phrase.

    ## Example
    ```text
    Executive forces retook the town this thirty day period, point out media said.
    1000's of folks fled the insurrection stronghold.
    ```

    ## Use instead
    The original story: find it (SPN002 compares a draft with it) and use that.

    ## Known false positives
    None measured: no story of the 956 in the development corpus reaches the threshold.
    A very short text needs 3 phrases, so a single false SPN001 report never makes a
    verdict.
    """

    code = "SPN100"
    name = "spun-article"
    family = "spin"
    severity = "warning"
    options = {"min-phrases": 3, "per-1000-words": 4.0}
    data_files = (TABLE,)

    def check(self, document: Document):
        matches = document_matches(document, self.context)
        words = document.word_count
        if not matches or not words:
            return
        density = 1000 * len(matches) / words
        if len(matches) >= self.settings["min-phrases"] and density > self.settings["per-1000-words"]:
            yield Finding(
                0, 0,  # about the whole article: anchored at its start
                f"article reads as spinner output: {len(matches)} spinner phrases "
                f"in {words} words ({density:.1f} per 1,000 words)",
            )
