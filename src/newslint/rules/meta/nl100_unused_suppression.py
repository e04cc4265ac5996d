"""NL100 unused-suppression: a suppression that suppresses nothing."""

from __future__ import annotations

from ...rule import Rule


class UnusedSuppression(Rule):
    """A suppression comment or front-matter ignore that suppresses nothing.

    ## What it does
    Reports a `<!-- newslint: disable... -->` comment, or an entry of the front matter's
    `newslint: {ignore: [...]}` list, that did not suppress any diagnostic: the rule it
    names reported nothing there, or the code is unknown. An `enable` with no matching
    `disable` is reported too. Rules that are not enabled in this run are not counted.

    ## Why is this bad?
    A stale suppression hides the next real problem on that line, and an unknown code in
    a suppression is usually a typo that suppresses nothing at all.

    ## Example
    ```markdown
    <!-- newslint: disable-next-line TYP003 -->
    A sentence with no repeated word.
    ```

    ## Use instead
    Delete the comment, or name the rule that actually fires.

    ## Known false positives
    None known: the engine computes it from what the other rules reported.
    """

    code = "NL100"
    name = "unused-suppression"
    family = "newslint"
    severity = "warning"

    def check(self, document):
        return ()  # nothing to read in the text: see review()

    def review(self, document, unused_suppressions):
        return unused_suppressions
