"""Spans of quoted speech in a block, with straight and curly quotation marks.

Apostrophes are told from single quotation marks by their neighbours: between letters
(``Assad’s``), before a decade (``’90s``), after a plural (``Burns’ film``) they are
apostrophes; a single mark closes a quote only when one was opened.
A quote left open runs to the end of the block (``closed=False``): the news convention for
a quotation continued in the next paragraph, or a quote cut off mid-sentence.
Only outermost quotes are returned, so the spans are sorted and do not overlap.
"""

from __future__ import annotations

import re

from ..document import Quote

_MARK_RE = re.compile(r"[\"“”„«»‘’']")
_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_BEFORE_OPEN = set(" \t\r\n([{—–-/\"“‘'«")


def _is_letter_or_digit(c: str) -> bool:
    return c.isalnum()


def find_quotes(prose: str, start: int, end: int) -> list[Quote]:
    quotes: list[Quote] = []
    stack: list[tuple[str, int]] = []  # (kind, offset) where kind is "double" or "single"
    # How many of each kind the stack holds: asking the stack itself would cost its depth
    # at every mark, and a line of 10,000 opening marks would cost 10,000 squared.
    open_count = {"double": 0, "single": 0}

    def push(kind: str, at: int) -> None:
        stack.append((kind, at))
        open_count[kind] += 1

    def close(kind: str, at: int, mark: str) -> None:
        while stack:
            k, s = stack.pop()
            open_count[k] -= 1
            if k == kind:
                if not stack:
                    quotes.append(Quote(s, at + 1, mark, True))
                return

    for m in _MARK_RE.finditer(prose, start, end):
        i = m.start()
        c = m.group()
        prev = prose[i - 1] if i > start else " "
        nxt = prose[i + 1] if i + 1 < end else " "
        if c in _OPEN_DOUBLE:
            push("double", i)
        elif c in _CLOSE_DOUBLE:
            close("double", i, c)
        elif c == '"':
            if open_count["double"] and not (prev in _BEFORE_OPEN and not nxt.isspace()):
                close("double", i, c)
            elif prev in _BEFORE_OPEN or i == start:
                push("double", i)
            else:
                close("double", i, c)
        else:  # single marks: ‘ ’ '
            if _is_letter_or_digit(prev) and _is_letter_or_digit(nxt):
                continue  # Assad’s, don't
            if c == "’" or c == "'":
                if open_count["single"] and not nxt.isalnum():
                    close("single", i, c)
                    continue
                if c == "’":
                    continue  # ’90s, Burns’ film, ’n’
            if (prev in _BEFORE_OPEN or i == start) and nxt.isalpha() and not _is_contraction(prose, i, end):
                push("single", i)
    if stack and stack[0][0] == "double":
        # An unclosed single mark is more often a stray apostrophe than a quote: dropped.
        s = stack[0][1]
        quotes.append(Quote(s, end, prose[s], False))
    return quotes


def _is_contraction(prose: str, i: int, end: int) -> bool:
    """'n' (rock 'n' roll), 'em, 'til: a leading apostrophe, not an opening quote."""
    tail = prose[i + 1 : min(end, i + 5)].lower()
    return tail.startswith(("n'", "n’", "em ", "til ", "cause ", "tis "))
