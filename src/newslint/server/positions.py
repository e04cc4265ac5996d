"""Offsets into a text as LSP positions: a line and a column in UTF-16 code units.

The engine counts code points; an editor counts UTF-16 units, so an emoji or any astral
character before a finding counts twice there. Lines end at ``\\r\\n``, ``\\n`` or ``\\r``,
as in LSP and in the Document.
"""

from __future__ import annotations

import bisect
import re

_LINE_END_RE = re.compile(r"\r\n|\r|\n")


class Utf16Positions:
    """LSP (line, character) of code-point offsets into one text, and back."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0] + [m.end() for m in _LINE_END_RE.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset) - 1
        prefix = self.text[self.line_starts[line] : offset]
        return line, len(prefix) + _astral_count(prefix)

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of an LSP position (clamped to the text, as LSP asks)."""
        if line >= len(self.line_starts):
            return len(self.text)
        start = self.line_starts[max(line, 0)]
        end = self.line_starts[line + 1] if line + 1 < len(self.line_starts) else len(self.text)
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1  # a column past the end of the line is the end of the line
        units = 0
        for index in range(start, end):
            if units >= character:
                return index
            units += 2 if ord(self.text[index]) > 0xFFFF else 1
        return end


def _astral_count(text: str) -> int:
    """How many characters of ``text`` take two UTF-16 units."""
    return 0 if text.isascii() else sum(1 for c in text if ord(c) > 0xFFFF)
