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
from operator import itemgetter
from typing import Any, Callable, Iterator

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


class Token(tuple):
    """A word, number or punctuation mark: ``(kind, start, end, text)``.

    A tuple subclass rather than a dataclass: a news corpus has ~170,000 tokens a
    megabyte, and building dataclass instances cost 0.7 s/MB against 0.4 s/MB for tuples.
    """

    __slots__ = ()
    kind: str = property(itemgetter(0))  # type: ignore[assignment]
    start: int = property(itemgetter(1))  # type: ignore[assignment]
    end: int = property(itemgetter(2))  # type: ignore[assignment]
    text: str = property(itemgetter(3))  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Token({self[0]}, {self[1]}, {self[2]}, {self[3]!r})"


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
    _tokens: list[Token] | None = field(default=None, repr=False)
    _words: list[Token] | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return self.block.document.text[self.start : self.end]

    @property
    def prose(self) -> str:
        return self.block.document.prose[self.start : self.end]

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            from .parse.tokens import tokenize

            document = self.block.document
            self._tokens = tokenize(document.prose, self.start, self.end, document.token_pattern)
        return self._tokens

    @property
    def words(self) -> list[Token]:
        if self._words is None:
            self._words = [t for t in self.tokens if t[0] == WORD]
        return self._words


@dataclass(eq=False, slots=True)
class Block:
    """A heading, paragraph, list item, block quote, code block, short line or front-matter field."""

    kind: str
    start: int
    end: int
    document: Document = field(repr=False)
    field_name: str | None = None  # for front-matter fields
    _sentences: list[Sentence] | None = field(default=None, repr=False)
    _quotes: list[Quote] | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return self.document.text[self.start : self.end]

    @property
    def prose(self) -> str:
        return self.document.prose[self.start : self.end]

    @property
    def sentences(self) -> list[Sentence]:
        if self._sentences is None:
            if self.kind == CODE:
                self._sentences = []
            else:
                from .parse.sentences import split_sentences

                self._sentences = [
                    Sentence(s, e, self)
                    for s, e in split_sentences(self.document.prose, self.start, self.end)
                ]
        return self._sentences

    @property
    def quotes(self) -> list[Quote]:
        if self._quotes is None:
            if self.kind == CODE:
                self._quotes = []
            else:
                from .parse.quotes import find_quotes

                self._quotes = find_quotes(self.document.prose, self.start, self.end)
        return self._quotes

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
    _derived: dict[str, Any] = field(default_factory=dict, repr=False)
    _lines: LineIndex | None = field(default=None, repr=False)
    _quote_starts: list[int] | None = field(default=None, repr=False)
    _quote_ends: list[int] | None = field(default=None, repr=False)
    _token_pattern: Any = field(default=None, repr=False)
    _sentences: list[Sentence] | None = field(default=None, repr=False)

    def derived(self, key: str, build: Callable[[Document], Any]) -> Any:
        """An analysis of this document that several rules share (the names it uses, say),
        built by ``build(document)`` on first use and kept: parse once, analyse once."""
        if key not in self._derived:
            self._derived[key] = build(self)
        return self._derived[key]

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``; columns count code points."""
        return self.lines.position(offset)

    @property
    def token_pattern(self) -> Any:
        """The compiled pattern that tokenises this document's prose (see ``parse.tokens``)."""
        if self._token_pattern is None:
            from .parse.tokens import token_pattern

            self._token_pattern = token_pattern(self.prose)
        return self._token_pattern

    @property
    def prose_blocks(self) -> Iterator[Block]:
        """Every block a reader reads as prose (all but code)."""
        return (b for b in self.blocks if b.kind != CODE)

    @property
    def sentences(self) -> list[Sentence]:
        """Every sentence of the prose blocks, in order (built once: rules ask for it often)."""
        if self._sentences is None:
            self._sentences = [s for block in self.prose_blocks for s in block.sentences]
        return self._sentences

    @property
    def tokens(self) -> Iterator[Token]:
        return chain.from_iterable(sentence.tokens for sentence in self.sentences)

    @property
    def word_count(self) -> int:
        return self.derived("word_count", lambda doc: sum(len(s.words) for s in doc.sentences))

    def in_quote(self, start: int, end: int | None = None) -> bool:
        """True when ``[start, end)`` lies inside quoted speech."""
        if self._quote_starts is None:
            spans = [q for b in self.prose_blocks for q in b.quotes]
            self._quote_starts = [q.start for q in spans]
            self._quote_ends = [q.end for q in spans]
        i = bisect.bisect_right(self._quote_starts, start) - 1
        if i < 0:
            return False
        return (end if end is not None else start + 1) <= self._quote_ends[i]
