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


# What wire copy puts before its first sentence: an editor's note in brackets ("(Corrects
# paragraph 7 to show ...)"), a byline ("By Ian Simpson", "By A and B"), then the dateline:
# "WASHINGTON (Reuters) - ", "NEW YORK, March 3 (AP) — ", "LONDON — ", "(Reuters) - ". The
# place is in capitals; a date and the agency in brackets may follow it.
_NAME = r"[A-Z][a-z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
_DATELINE_RE = re.compile(
    r"(?:\([^()\n]{1,400}\) ?)?"
    rf"(?:By {_NAME}(?:(?:,| and) {_NAME})* )?"
    r"(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’/-]+)*(?:,[^\n()—–-]{1,40})? ?(?:\([^()\n]{1,30}\))?|\([^()\n]{1,30}\))"
    r" ?(?:--|[-—–]) "
)


def after_dateline(document: Document, words: list[Token]) -> list[Token]:
    """``words`` without the dateline (and editor's note and byline) they open with: the
    reader reads the sentence after it."""
    if not words:
        return words
    start = words[0].start
    if start and document.prose[start - 1] == "(":
        start -= 1  # an editor's note: its bracket is no word
    m = _DATELINE_RE.match(document.prose, start)
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
