"""Broken sentences (SEN): copy cut or glued by a CMS, a scraper or a hurried edit."""

from __future__ import annotations

import re

from ..document import Document
from ..parse.sentences import BEFORE_NUMBERS, TITLES
from ..rule import Edit, Finding, Fix, Rule

# A sentence end with no space before the next sentence: "2020.Credit", "said.The".
# The left side is two lowercase letters or a digit, so abbreviations (U.S.Army, St.Louis,
# Mr.Smith), initials and decimals (1.5Bn) do not match; the right side is a capitalised
# word, so domain names (bbc.co.uk) and file names do not either.
ABBREVIATIONS = TITLES | BEFORE_NUMBERS
GLUED_RE = re.compile(r"(?:(?<=[^\W\d_]{2})(?<![A-Z]{2})|(?<=\d))([.!?])(?=[A-Z][a-z])")


class GluedSentences(Rule):
    """Sentences glued together: no space after the full stop ("2020.Credit", "said.The").

    ## What it does
    Finds a full stop, question mark or exclamation mark followed at once by a
    capitalised word, after a lowercase word or a number. The safe fix inserts the
    missing space.

    ## Why is this bad?
    A lost space is the mark of copy pasted from a web page or a caption run into its
    credit; readers stumble on it, and sentence-level checks cannot see two sentences.

    ## Example
    ```text
    A fighter fires toward Saraqeb, February 26, 2020.Credit: AFP
    ```

    ## Use instead
    ```text
    A fighter fires toward Saraqeb, February 26, 2020. Credit: AFP
    ```

    ## Known false positives
    Abbreviations and initials (U.S.Army, St.Louis), decimals and version numbers,
    URLs and domain names are not reported. A brand written with a capitalised domain
    ("Amazon.Com") would be.
    """

    code = "SEN003"
    name = "glued-sentences"
    family = "sentences"
    severity = "warning"
    fixable = True

    def check(self, document: Document):
        prose = document.prose
        for block in document.prose_blocks:
            for m in GLUED_RE.finditer(prose, block.start, block.end):
                at = m.end()
                word_end = at
                while word_end < block.end and prose[word_end].isalpha():
                    word_end += 1
                left = at - 1
                while left > block.start and not prose[left - 1].isspace():
                    left -= 1
                if prose[left : m.start()].lower().lstrip("(\"“") in ABBREVIATIONS:
                    continue  # "St.Louis", "Mr.Smith": an abbreviation, not a sentence end
                yield Finding(
                    left, word_end,
                    f'No space after "{m.group(1)}": "{prose[left:word_end]}" looks like two sentences glued together',
                    fix=Fix((Edit(at, at, " "),), "Insert a space"),
                )


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
