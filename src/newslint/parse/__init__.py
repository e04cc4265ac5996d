"""Source bytes to Document: decode, front matter, comments, blocks, masks, then the sentences,
tokens and quotes of every prose block. Called once per file; the Document it returns is
complete, and nothing in it calls back here."""

from __future__ import annotations

import bisect
import codecs
import os
import stat

import re

from ..document import CODE, FIELD, WORD, Block, Comment, Document, Sentence
from ..errors import InputError
from .blocks import scan_markdown, scan_text, split_lines
from .frontmatter import parse_front_matter
from .inline import mask_common, mask_markdown
from .native import native_core, native_sentences_and_tokens
from .quotes import find_quotes
from .sentences import split_sentences
from .tokens import Texts, token_pattern, tokenize

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")
TEXT_SUFFIXES = (".txt", ".text")
LINTABLE_SUFFIXES = MARKDOWN_SUFFIXES + TEXT_SUFFIXES

_NOT_NEWLINE_RE = re.compile(r"[^\r\n]")


def format_for(path: str) -> str:
    return "markdown" if path.lower().endswith(MARKDOWN_SUFFIXES) else "text"


def decode(data: bytes, path: str) -> tuple[str, bool]:
    """UTF-8 text and whether it had a BOM; InputError for anything else."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{path}: UTF-16 text; newslint reads UTF-8 (convert it with iconv)")
    if b"\0" in data[:8192]:
        raise InputError(f"{path}: binary file, not text")
    had_bom = data.startswith(codecs.BOM_UTF8)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: invalid UTF-8 at byte offset {exc.start} (byte 0x{data[exc.start]:02x}); "
            "newslint reads UTF-8 text"
        ) from None
    return (text[1:] if had_bom else text), had_bom


def read_file(path: str) -> bytes:
    """The bytes of the regular file at ``path``; InputError for anything else. It is opened
    without blocking, so a FIFO or a device is refused rather than waited on."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "rb") as f:
            mode = os.fstat(fd).st_mode
            if stat.S_ISDIR(mode):
                raise IsADirectoryError
            if not stat.S_ISREG(mode):
                raise InputError(f"{path}: not a regular file ({_KINDS.get(stat.S_IFMT(mode), 'special file')}); "
                                 "newslint reads files and folders")
            return f.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


_KINDS = {stat.S_IFIFO: "a FIFO", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
          stat.S_IFSOCK: "a socket"}


def parse(text: str, path: str = "<string>", fmt: str | None = None, had_bom: bool = False) -> Document:
    """Build the Document for ``text``; ``fmt`` is "markdown" or "text" (default: from the path)."""
    fmt = fmt or format_for(path)
    masks: list[tuple[int, int]] = []
    doc = Document(path=path, text=text, prose="", format=fmt, had_bom=had_bom)

    fm = parse_front_matter(text, path)
    body = 0
    field_blocks: list[Block] = []
    if fm is not None:
        body = fm.end
        doc.front_matter = fm.values
        doc.front_matter_spans = fm.spans
        cursor = 0
        for start, end in sorted(fm.unmask):
            masks.append((cursor, start))
            cursor = end
        masks.append((cursor, fm.end))
        masks.extend(fm.masks)
        field_blocks = [Block(FIELD, s, e, doc, field_name=k) for k, s, e in fm.fields]

    for start, end in _comments(text, body):
        doc.comments.append(Comment(start, end, text[start + 4 : end - 3]))
        masks.append((start, end))
    # Blocks are found on text with comments blanked, so a comment line acts as a blank line.
    scanned = _apply_masks(text, [(c.start, c.end) for c in doc.comments])
    lines = split_lines(scanned, body)
    scanner = scan_markdown if fmt == "markdown" else scan_text
    raw_blocks = scanner(scanned, lines, masks)

    code = [(s, e) for kind, s, e in raw_blocks if kind == CODE]
    for kind, start, end in raw_blocks:
        if kind != CODE:
            mask_common(text, start, end, masks)
            if fmt == "markdown":
                code.extend(mask_markdown(text, start, end, masks))
    if code and doc.comments:  # a comment shown as code is not a suppression
        code.sort()
        starts = [s for s, _ in code]
        doc.comments = [c for c in doc.comments if not _inside(c.start, code, starts)]
    for block in field_blocks:
        mask_common(text, block.start, block.end, masks)

    doc.blocks = field_blocks + [Block(kind, s, e, doc) for kind, s, e in raw_blocks]
    doc.prose = _apply_masks(text, masks)
    _read_prose(doc)
    return doc


def _read_prose(doc: Document) -> None:
    """Fill in the quotes, sentences and tokens of every prose block, from ``doc.prose``: with
    the native core when it is installed and takes the text, else in pure Python."""
    prose = doc.prose
    blocks = list(doc.prose_blocks)
    for block in blocks:
        block.quotes = find_quotes(prose, block.start, block.end)
    core = native_core()
    if core is None or not native_sentences_and_tokens(core, prose, blocks):
        _sentences_and_tokens(prose, blocks)
    for block in blocks:
        doc.sentences.extend(block.sentences)
        doc.quote_starts.extend(q.start for q in block.quotes)
        doc.quote_ends.extend(q.end for q in block.quotes)
    doc.word_count = sum(len(s.words) for s in doc.sentences)


def _sentences_and_tokens(prose: str, blocks: list[Block]) -> None:
    """The pure-Python path, and the definition the native core (``.native``) must match.

    Two passes, sentence bounds first and tokens after: interleaving the scans' short-lived
    objects with the tokens, which live as long as the Document, made the garbage
    collector's work on a large document much heavier (it is the same with it disabled)."""
    for block in blocks:
        block.sentences = [Sentence(start, end, block, [], []) for start, end in
                           split_sentences(prose, block.start, block.end)]
    pattern = token_pattern(prose)
    texts = Texts()
    for block in blocks:
        for sentence in block.sentences:
            sentence.tokens = tokens = tokenize(prose, sentence.start, sentence.end, pattern, texts)
            sentence.words = [t for t in tokens if t.kind == WORD]


def _inside(offset: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and offset < spans[i][1]


def _comments(text: str, start: int) -> list[tuple[int, int]]:
    """Spans of ``<!-- ... -->``; str.find keeps an unclosed ``<!--`` from making this quadratic."""
    spans = []
    while (open_ := text.find("<!--", start)) != -1:
        close = text.find("-->", open_ + 4)
        if close == -1:
            break
        spans.append((open_, close + 3))
        start = close + 3
    return spans


def _apply_masks(text: str, masks: list[tuple[int, int]]) -> str:
    """``text`` with every masked range blanked to spaces, line breaks kept, length unchanged."""
    if not masks:
        return text
    pieces = []
    cursor = 0
    for start, end in sorted(masks):
        if end <= cursor:
            continue
        start = max(start, cursor)
        pieces.append(text[cursor:start])
        pieces.append(_NOT_NEWLINE_RE.sub(" ", text[start:end]))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def parse_file(path: str, fmt: str | None = None) -> Document:
    text, had_bom = decode(read_file(path), path)
    return parse(text, os.fspath(path), fmt, had_bom)
