"""The Document every rule reads: built once per file, never re-parsed by a rule.

Everything carries absolute offsets into ``Document.text`` (the decoded file, BOM removed).
``Document.prose`` is a copy of the same length in which everything that is not prose a
reader sees (Markdown syntax, code, URLs, tags, front-matter keys) is blanked with spaces,
so a rule can search prose and report offsets that are true offsets in the file.
Offsets become line and column only at the edge, through ``LineIndex``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, Callable, Iterator, NamedTuple, TypeVar

T = TypeVar("T")

# Block kinds.
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
QUOTE = "blockquote"
CODE = "code"
SHORT = "short_line"  # caption-like: one short line with no terminal punctuation
FIELD = "front_matter_field"  # a text field of the YAML front matter (title, excerpt, ...)

# Token kinds.
WORD = "word"
NUMBER = "number"
PUNCT = "punct"


class LineIndex:
    """Turns offsets into 1-based (line, column); columns count code points.

    ``\\r\\n``, ``\\n`` and a lone ``\\r`` all end a line, so CRLF files get the columns an
    editor shows.
    """

    __slots__ = ("starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        append = starts.append
        find = text.find
        n = len(text)
        i = find("\n")
        if "\r" not in text:
            while i != -1:
                append(i + 1)
                i = find("\n", i + 1)
        else:
            i = 0
            while i < n:
                c = text[i]
                if c == "\n":
                    append(i + 1)
                elif c == "\r":
                    if i + 1 < n and text[i + 1] == "\n":
                        i += 1
                    append(i + 1)
                i += 1
        self.starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self.starts[line - 1]

    def __len__(self) -> int:
        return len(self.starts)


def pieces(text: str, size: int = 1 << 16) -> Iterator[str]:
    """``text`` in pieces of about ``size`` characters, each cut just after a space, so that no
    word is split and the pieces lowered one by one join to ``text.lower()``. For a whole
    document: ``str.lower`` takes a scratch buffer of 12 bytes a character for text that is not
    ASCII (24 MB for 2 MB of news at once, under 1 MB a piece)."""
    start, n = 0, len(text)
    while start < n:
        cut = text.find(" ", start + size) + 1 or n
        yield text[start:cut]
        start = cut


class Token(NamedTuple):
    """A word, number or punctuation mark of the prose, with absolute offsets."""

    kind: str  # WORD, NUMBER or PUNCT
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Quote:
    """A span of quoted speech, from its opening mark to just after its closing mark.

    ``closed`` is False when the quotation mark is never closed in the block (the news
    convention for a quote running on into the next paragraph, or a cut-off quote).
    """

    start: int
    end: int
    mark: str
    closed: bool


@dataclass(eq=False, slots=True)
class Sentence:
    start: int
    end: int
    block: Block
    tokens: list[Token] = field(repr=False)
    words: list[Token] = field(repr=False)  # the WORD tokens

    @property
    def text(self) -> str:
        return self.block.document.text[self.start : self.end]

    @property
    def prose(self) -> str:
        return self.block.document.prose[self.start : self.end]


@dataclass(eq=False, slots=True)
class Block:
    """A heading, paragraph, list item, block quote, code block, short line or front-matter field.

    A code block has no sentences and no quotes."""

    kind: str
    start: int
    end: int
    document: Document = field(repr=False)
    field_name: str | None = None  # for front-matter fields
    sentences: list[Sentence] = field(default_factory=list, repr=False)
    quotes: list[Quote] = field(default_factory=list, repr=False)  # outermost quotes, in order

    @property
    def text(self) -> str:
        return self.document.text[self.start : self.end]

    @property
    def prose(self) -> str:
        return self.document.prose[self.start : self.end]

    @property
    def tokens(self) -> Iterator[Token]:
        return chain.from_iterable(sentence.tokens for sentence in self.sentences)


@dataclass(eq=False, slots=True)
class Comment:
    """An HTML comment (``<!-- ... -->``), where suppressions live; in .md and .txt alike."""

    start: int
    end: int
    body: str


@dataclass(eq=False)
class Document:
    """One article, as ``parse`` builds it: blocks, their sentences and tokens, quotes,
    comments and front matter, all with offsets into ``text``. Rules read it and never
    change it; what several rules compute from it is shared through ``derived``."""

    path: str
    text: str
    prose: str
    format: str  # "markdown" or "text"
    blocks: list[Block] = field(default_factory=list)
    front_matter: dict[str, Any] = field(default_factory=dict)
    # Where each front-matter key sits: key -> (start, end) of its value in ``text``.
    front_matter_spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)
    had_bom: bool = False
    sentences: list[Sentence] = field(default_factory=list)  # of the prose blocks, in order
    word_count: int = 0
    quote_starts: list[int] = field(default_factory=list, repr=False)  # of every block's quotes, in order
    quote_ends: list[int] = field(default_factory=list, repr=False)
    _derived: dict[tuple, Any] = field(default_factory=dict, repr=False)
    _lines: LineIndex | None = field(default=None, repr=False)

    def derived(self, build: Callable[..., T], *args: Any) -> T:
        """``build(self, *args)``, built on first use and kept with this document until the
        engine moves on to the next rule family: an analysis that a family's rules read (the
        names an article uses, say), keyed by the function itself and ``args`` (hashable, and
        all ``build`` reads besides the document)."""
        key = (build, *args)
        try:
            return self._derived[key]
        except KeyError:
            value = self._derived[key] = build(self, *args)
            return value

    def forget_derived(self) -> None:
        """Drop the derived analyses (built again if asked for): the engine calls it between
        rule families, which share none, so that a large document never holds them all."""
        self._derived.clear()

    def release(self) -> None:
        """The engine is done with this Document: drop its analyses, blocks and sentences. The
        blocks and sentences refer back to it, a cycle that would otherwise keep all of it (the
        tokens are most of a large document's memory) until the garbage collector's next full pass."""
        self._derived.clear()
        for block in self.blocks:
            block.sentences = []
        self.blocks = []
        self.sentences = []

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``; columns count code points."""
        return self.lines.position(offset)

    @property
    def prose_blocks(self) -> Iterator[Block]:
        """Every block a reader reads as prose (all but code)."""
        return (b for b in self.blocks if b.kind != CODE)

    @property
    def tokens(self) -> Iterator[Token]:
        return chain.from_iterable(sentence.tokens for sentence in self.sentences)

    def in_quote(self, start: int, end: int | None = None) -> bool:
        """True when ``[start, end)`` lies inside quoted speech."""
        i = bisect.bisect_right(self.quote_starts, start) - 1
        if i < 0:
            return False
        return (end if end is not None else start + 1) <= self.quote_ends[i]
