"""Tokens: words, numbers and punctuation with Unicode-aware boundaries.

A word keeps its inner apostrophes and hyphens (``Assad’s``, ``al-Qaida``, ``Turkey-backed``,
``e-mailSend``); a number keeps its separators, currency sign and unit (``948,000``,
``1.5bn``, ``£3m``, ``5%``, ``1990s``).

The definition is the ``regex`` module's pattern ``FULL_PATTERN``, written with ``\\p{L}``
(letters), ``\\p{M}`` (combining marks) and ``\\p{N}`` (numbers). The standard ``re`` module
has no such classes, but its ``\\w`` is exactly letters, numbers and ``_``, so ``FAST_RE``
spells the same pattern with ``\\w`` and ``\\d``. The two agree on every text that holds no
combining mark, no non-decimal number (``½``, ``²``), no character unassigned in Python's
Unicode tables and none of the four separators U+001C-U+001F: nearly all news copy. On such
text ``FAST_RE`` is used, which is faster and keeps the ``regex`` module (slow to
import) off the start-up path; any other text gets the full pattern.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Pattern

from ..document import NUMBER, PUNCT, WORD, Token

FULL_PATTERN = (
    r"(?P<number>[$£€¥]?\p{Nd}++(?:[.,:]\p{Nd}++)*+(?:%|['’]s(?!\p{L})|\p{L}++)?+(?:-\p{L}++)*+)"
    r"|(?P<word>\p{L}[\p{L}\p{M}\p{N}]*+(?:['’\-‐][\p{L}\p{M}\p{N}]++)*+)"
    r"|(?P<punct>&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});|[^\s\p{L}\p{M}\p{N}])"
)
# Possessive quantifiers: a token never needs back-tracking, so none is attempted.
# [^\W\d_] is a letter (or a non-decimal number, absent from text this pattern is used on).
FAST_RE = re.compile(
    r"(?P<number>[$£€¥]?\d++(?:[.,:]\d++)*+(?:%|['’]s(?![^\W\d_])|[^\W\d_]++)?+(?:-[^\W\d_]++)*+)"
    r"|(?P<word>[^\W\d_][^\W_]*+(?:['’\-‐][^\W_]++)*+)"
    r"|(?P<punct>&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});|[^\s\w]|_)"
)
assert (NUMBER, WORD, PUNCT) == ("number", "word", "punct")  # the group names are the kinds

# Where re and regex classify a character differently (checked for every code point by a test).
_FULL_ONLY_CATEGORIES = frozenset(("Mn", "Mc", "Me", "Nl", "No", "Cn"))
_FULL_ONLY_ASCII = frozenset("\x1c\x1d\x1e\x1f")  # whitespace to re, not to regex


def token_pattern(prose: str) -> Pattern[str]:
    """The pattern that tokenises ``prose``: ``FAST_RE`` unless it would differ from the full one."""
    chars = set(prose)
    if chars.isdisjoint(_FULL_ONLY_ASCII) and not any(
        c >= "\x80" and unicodedata.category(c) in _FULL_ONLY_CATEGORIES for c in chars
    ):
        return FAST_RE
    import regex

    return regex.compile(FULL_PATTERN)  # compiled once: regex keeps its own cache of patterns


class Texts(dict):
    """One document's token texts, each kept once: ``texts[s]`` is the first str equal to ``s``.

    A document repeats its words (a large one has twenty tokens for each distinct text), so
    sharing them saves a str a token; a lookup runs in C, only a miss in Python."""

    __slots__ = ()

    def __missing__(self, text: str) -> str:
        self[text] = text
        return text


def tokenize(prose: str, start: int, end: int, pattern: Pattern[str] | None = None,
             texts: Texts | None = None) -> list[Token]:
    """Tokens of ``prose[start:end]`` with absolute offsets (``pattern``: ``token_pattern(prose)``;
    ``texts``: the document's ``Texts``, to share equal token texts)."""
    if pattern is None:
        pattern = token_pattern(prose)
    text_of = (texts if texts is not None else Texts()).__getitem__
    # tuple.__new__ builds the same Token as Token(...) without the NamedTuple's Python-level
    # __new__: a sixth less CPU for this stage, which builds one Token a word.
    new = tuple.__new__
    return [new(Token, (m.lastgroup, m.start(), m.end(), text_of(m.group())))
            for m in pattern.finditer(prose, start, end)]
