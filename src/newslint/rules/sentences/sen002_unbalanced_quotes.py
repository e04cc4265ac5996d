"""SEN002 unbalanced-quotes: a quotation opened and never closed."""

from __future__ import annotations

import re

from ...document import Document
from ...rule import Finding, Rule

_OPENING_MARKS = "“„«\"‘'"
_REOPENED_RE = re.compile(r"[.!?…]\s+[“„«\"]")


class UnbalancedQuotes(Rule):
    """Quotation opened and never closed.

    ## What it does
    Reports an opening quotation mark (straight or curly) whose quotation is not
    closed by the end of its paragraph, unless the next paragraph opens with a
    quotation mark: the news convention for a quote running over several paragraphs
    leaves the closing mark off every paragraph but the last. Where paragraph breaks
    were lost, a new sentence opening with a quotation mark is taken the same way.

    ## Why is this bad?
    An unclosed quote leaves readers unsure where the speaker's words stop, and it is
    often the trace of a quote cut off mid-sentence.

    ## Example
    ```text
    “The city has been liberated,” he said, and added: “We will not stop.

    The offensive continued on Friday.
    ```

    ## Use instead
    ```text
    “The city has been liberated,” he said, and added: “We will not stop.”
    ```

    ## Known false positives
    Apostrophes are told from single quotation marks by their neighbours (Assad’s,
    ’90s, rock ’n’ roll); an unclosed single mark is never reported, as it is more
    often an apostrophe. A stray closing mark with no opening one is not reported yet.
    """

    code = "SEN002"
    name = "unbalanced-quotes"
    family = "sentences"
    severity = "warning"

    def check(self, document: Document):
        blocks = list(document.prose_blocks)
        for i, block in enumerate(blocks):
            for quote in block.quotes:
                if quote.closed:
                    continue
                following = blocks[i + 1].prose.lstrip() if i + 1 < len(blocks) else ""
                if following[:1] in _OPENING_MARKS and following[:1]:
                    continue  # the quote goes on in the next paragraph
                if _REOPENED_RE.search(document.prose, quote.start + 1, quote.end):
                    continue  # the same convention where paragraph breaks were lost: “... end. “Next
                yield Finding(quote.start, quote.start + 1, "This quotation is never closed")
