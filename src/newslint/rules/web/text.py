"""What several WEB rules read of a block's text: its letters by script (WEB001, WEB003)
and a short excerpt of it to quote in a message (WEB001, WEB004)."""

from __future__ import annotations

import re

LETTER_RE = re.compile(r"[^\W\d_]")
NON_LATIN_LETTER_RE = re.compile(r"[^\W\d_\u0000-\u024f\u1e00-\u1eff]")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]+")
_NOT_ASCII_LETTER = bytes(c for c in range(128) if not chr(c).isalpha())


def letter_counts(text: str) -> tuple[int, int]:
    """Latin letters and letters of other scripts (Latin = below U+0250, or U+1E00-U+1EFF).
    ASCII letters are counted by bytes.translate and only the non-ASCII characters by
    regex: a regex test of every character, let alone a Python loop, costs far more on
    text that is nearly all ASCII."""
    ascii_letters = len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTER))
    if text.isascii():
        return ascii_letters, 0
    rest = "".join(_NON_ASCII_RE.findall(text))
    other = len(NON_LATIN_LETTER_RE.findall(rest))
    return ascii_letters + len(LETTER_RE.findall(rest)) - other, other


def excerpt(text: str) -> str:
    """``text`` as a message quotes it: cut to 40 characters."""
    return text if len(text) <= 40 else text[:37] + "..."
