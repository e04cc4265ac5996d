"""WEB002 duplicate-block: a paragraph or caption that repeats an earlier one."""

from __future__ import annotations

import re

from ...document import FIELD, Document
from ...rule import Finding, Rule

MIN_DUPLICATE_CHARS = 30


class DuplicateBlock(Rule):
    """Duplicated paragraph or caption: a block that repeats an earlier one.

    ## What it does
    Reports a paragraph, caption or line that repeats an earlier block of the same
    article word for word (ignoring case, spacing and punctuation), or that is the
    earlier block with something appended, such as a photo credit ("...2020.Credit: AFP").
    Blocks shorter than 30 characters are not compared. Front-matter fields are
    metadata, not copy: a heading that repeats the `title`, or a first paragraph that
    repeats the `excerpt`, is how many sites store an article, and is not reported.

    ## Why is this bad?
    Scrapers pick up a photo caption twice (once from the image, once from its
    caption element) and CMS imports duplicate paragraphs; the copy reads as broken.

    ## Example
    ```text
    Rebels enter the town of Saraqeb in Idlib province, Syria, Feb. 27, 2020.
    Rebels enter the town of Saraqeb in Idlib province, Syria, Feb. 27, 2020.
    ```

    ## Use instead
    Keep one of them.

    ## Known false positives
    A deliberate repeat (a refrain quoted twice, a standfirst repeated as the first
    paragraph) is reported; suppress it with a comment if it is meant.
    """

    code = "WEB002"
    name = "duplicate-block"
    family = "web"
    severity = "warning"

    def check(self, document: Document):
        # Earlier blocks by the first MIN_DUPLICATE_CHARS characters of their key, which a
        # repeat shares: a block is normalised in full only when an earlier one starts the same.
        seen: dict[str, list[list]] = {}  # head -> [[key or None, lowered text, start], ...]
        for block in document.prose_blocks:
            if block.kind == FIELD:
                continue
            lowered = block.prose.lower()
            head = _collapse(lowered[:_HEAD_CHARS])
            if len(head) < MIN_DUPLICATE_CHARS:
                head = _collapse(lowered)  # a start that is mostly punctuation
                if len(head) < MIN_DUPLICATE_CHARS:
                    continue
            head = head[:MIN_DUPLICATE_CHARS]
            earlier_blocks = seen.get(head)
            if earlier_blocks is None:
                seen[head] = [[None, lowered, block.start]]
                continue
            key = _collapse(lowered)
            for entry in earlier_blocks:
                if entry[0] is None:
                    entry[0] = _collapse(entry[1])
                earlier = entry[0]
                if key == earlier or (key.startswith(earlier) and len(earlier) >= 0.6 * len(key)):
                    what = "repeats" if key == earlier else "repeats, with more after it,"
                    line = document.position(entry[2])[0]
                    yield Finding(block.start, block.end, f"This block {what} the one on line {line}")
                    break
            else:
                earlier_blocks.append([key, lowered, block.start])


_HEAD_CHARS = 64  # enough text to give MIN_DUPLICATE_CHARS of key but for heavy punctuation
_NOT_WORD_OR_SPACE_RE = re.compile(r"[^\w\s]")


def _collapse(lowered: str) -> str:
    """The words of ``lowered``, one space apart, punctuation dropped. The key of a prefix
    of a text is a prefix of the text's key."""
    return " ".join(_NOT_WORD_OR_SPACE_RE.sub(" ", lowered).split())
