"""What the limits of both RDB rules share: each must be above zero, none applies to a
sentence or paragraph that is mostly quoted speech, a dateline is not part of the sentence it
opens, and a finding spans the words measured."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...document import Block, Document, Token
    from ...rule import Rule


def require_positive(rule: Rule, name: str) -> None:
    """A ConfigError unless the rule's option ``name`` is above zero."""
    from ...errors import ConfigError

    value = rule.settings[name]
    if value <= 0:
        raise ConfigError(f"{rule.code} option '{name}' is {value!r}: expected a number above 0")


# A wire dateline opening a paragraph: "WASHINGTON (Reuters) - ", "NEW YORK, March 3 (AP) — ",
# "LONDON — ". The place is in capitals; a date and the agency in brackets may follow.
_DATELINE_RE = re.compile(
    r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?:,[^\n()—–-]{1,40})? ?(?:\([^()\n]{1,30}\))? ?(?:--|[-—–]) "
)


def after_dateline(document: Document, words: list[Token]) -> list[Token]:
    """``words`` without a dateline they open with: the reader reads the sentence after it."""
    if not words:
        return words
    m = _DATELINE_RE.match(document.prose, words[0].start)
    if m is None:
        return words
    return [w for w in words if w.start >= m.end()]


def mostly_quoted(block: Block, words: list[Token]) -> bool:
    """More than half of ``words`` (in order, all in ``block``) lie inside quoted speech."""
    from bisect import bisect_left

    if not block.quotes:
        return False
    starts = [w.start for w in words]
    quoted = sum(bisect_left(starts, q.end) - bisect_left(starts, q.start) for q in block.quotes)
    return quoted * 2 > len(words)


def reported_span(document: Document, end: int, words: list[Token]) -> tuple[int, int]:
    """From the first word to ``end``, closing punctuation included, trailing space not."""
    prose = document.prose
    while end > words[-1].end and prose[end - 1].isspace():
        end -= 1
    return words[0].start, end
