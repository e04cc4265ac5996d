"""Block scanners for Markdown and plain text: line based, one pass, exact offsets.

Written here rather than taken from markdown-it-py because markdown-it-py gives line
ranges only (no columns, no inline positions) and its import costs a large share
of the whole cold-start budget. Articles use a small part of Markdown: ATX and setext
headings, paragraphs, lists, block quotes, fenced and indented code, HTML blocks, tables
and link definitions. What is not prose is added to ``masks``.
"""

from __future__ import annotations

import re

from ..document import CODE, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, SHORT

Span = tuple[int, int]
# A block as found by a scanner: (kind, start, end).
RawBlock = tuple[str, int, int]

_EOL_RE = re.compile(r"\r\n|\r|\n")
_FENCE_RE = re.compile(r" {0,3}(`{3,}|~{3,})")
_ATX_RE = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_SETEXT_RE = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")
_HR_RE = re.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_HTML_BLOCK_RE = re.compile(r" {0,3}<(?:!--|/?[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|\?|![A-Z])")
_LINK_DEF_RE = re.compile(r" {0,3}\[[^\]]+\]:\s*\S")
_BULLET_RE = re.compile(r"( {0,3})([-*+•]|\d{1,9}[.)])([ \t]+|$)")
_TEXT_BULLET_RE = re.compile(r"([ \t]*)([-*+•·–]|\d{1,3}[.)])([ \t]+)(?=\S)")
_QUOTE_MARK_RE = re.compile(r" {0,3}> ?")
_TABLE_DELIM_RE = re.compile(r" {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$")
_TERMINAL = ".!?…:;"
_CLOSERS = "\"”’'»)]*_ \t"
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")

SHORT_LINE_WORDS = 15


def split_lines(text: str, start: int) -> list[Span]:
    """(start, end) of each line from ``start``, line ends excluded."""
    lines = []
    pos = start
    for m in _EOL_RE.finditer(text, start):
        lines.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        lines.append((pos, len(text)))
    return lines


def _is_blank(text: str, span: Span) -> bool:
    return text[span[0] : span[1]].isspace() or span[0] == span[1]


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    return start, end


def classify_line_block(text: str, start: int, end: int, *, plain: bool) -> str:
    """A one-line block with no terminal punctuation is a short line (a caption, a
    headline, page furniture) or, in plain text, a heading when it is in title case."""
    line = text[start:end]
    if _ends_with_terminal(line) or len(line) > 300:
        return PARAGRAPH
    words = _WORD_RE.findall(line)
    if len(words) > SHORT_LINE_WORDS:
        return PARAGRAPH
    if plain and len(words) >= 3 and is_title_case(words):
        return HEADING
    return SHORT


def is_title_case(words: list[str]) -> bool:
    """Most words longer than three letters start with a capital: a headline or a label."""
    significant = [w for w in words if len(w) > 3]
    return bool(significant) and sum(w[0].isupper() for w in significant) >= 0.75 * len(significant)


def words_of(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def _paragraph(text: str, lines: list[Span], plain: bool) -> RawBlock:
    start, _ = _trimmed(text, *lines[0])
    _, end = _trimmed(text, *lines[-1])
    if len(lines) == 1:
        return classify_line_block(text, start, end, plain=plain), start, end
    return PARAGRAPH, start, end


# --------------------------------------------------------------------------- plain text


def _looks_wrapped(text: str, lines: list[Span]) -> bool:
    """Hard-wrapped prose (one paragraph over several lines) rather than one block a line,
    as scraped pages give: every line but the last is 30-100 characters and at least one
    of them stops without terminal punctuation."""
    if len(lines) < 2:
        return False
    body = lines[:-1]
    if not all(30 <= e - s <= 100 for s, e in body):
        return False
    return any(not _ends_with_terminal(text[s:e]) for s, e in body)


def _ends_with_terminal(line: str) -> bool:
    """Ends in . ! ? … : or ; before any closing quotes, brackets or emphasis."""
    line = line.rstrip(_CLOSERS)
    return bool(line) and line[-1] in _TERMINAL


def scan_text(text: str, lines: list[Span], masks: list[Span]) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    group: list[Span] = []
    for span in lines + [(len(text), len(text))]:
        if not _is_blank(text, span):
            group.append(span)
            continue
        if group:
            if _looks_wrapped(text, group):
                blocks.append(_paragraph(text, group, True))
            else:
                for line in group:
                    blocks.append(_text_line(text, line, masks))
            group = []
    return blocks


def _text_line(text: str, line: Span, masks: list[Span]) -> RawBlock:
    s, e = line
    bullet = _TEXT_BULLET_RE.match(text, s, e)
    if bullet:
        masks.append((s, bullet.end()))
        return (LIST_ITEM, *_trimmed(text, bullet.end(), e))
    quote = _QUOTE_MARK_RE.match(text, s, e)
    if quote:
        masks.append((s, quote.end()))
        return (QUOTE, *_trimmed(text, quote.end(), e))
    return _paragraph(text, [line], True)


# --------------------------------------------------------------------------- Markdown


def scan_markdown(text: str, lines: list[Span], masks: list[Span]) -> list[RawBlock]:
    """The blocks of a Markdown body, line by line: a line that opens a construct (code,
    heading, rule, HTML, link definition, table, block quote, list) is handed to that
    construct's step, which returns the index of the first line after it; any other line
    adds to the paragraph under way, which a blank line or the next construct ends."""
    blocks: list[RawBlock] = []
    para: list[Span] = []  # the lines of the paragraph under way
    n = len(lines)
    i = 0
    while i < n:
        s, e = lines[i]
        if _is_blank(text, (s, e)):
            _end_paragraph(text, para, blocks)
            i += 1
            continue
        indent = _indent(text, s, e)
        if indent >= 4 and not para:
            i = _indented_code(text, lines, i, blocks, masks)
            continue
        fence = _FENCE_RE.match(text, s, e)
        if fence:
            _end_paragraph(text, para, blocks)
            i = _fenced_code(text, lines, i, fence.group(1), blocks, masks)
            continue
        atx = _ATX_RE.match(text, s, e)
        if atx:
            _end_paragraph(text, para, blocks)
            _atx_heading(text, s, e, atx.end(), blocks, masks)
            i += 1
            continue
        if para and _SETEXT_RE.match(text, s, e):
            _setext_heading(text, para, blocks)
            masks.append((s, e))  # the underline
            i += 1
            continue
        if _HR_RE.match(text, s, e):
            _end_paragraph(text, para, blocks)
            masks.append((s, e))
            i += 1
            continue
        if not para and _HTML_BLOCK_RE.match(text, s, e):
            i = _html_block(text, lines, i, indent, masks)
            continue
        if not para and _LINK_DEF_RE.match(text, s, e):
            masks.append((s, e))
            i += 1
            continue
        if "|" in text[s:e] and i + 1 < n and _TABLE_DELIM_RE.match(text, *lines[i + 1]):
            _end_paragraph(text, para, blocks)
            i = _table(text, lines, i, masks)
            continue
        if _QUOTE_MARK_RE.match(text, s, e):
            _end_paragraph(text, para, blocks)
            i = _blockquote(text, lines, i, blocks, masks)
            continue
        bullet = _BULLET_RE.match(text, s, e)
        if bullet and (not para or bullet.group(2) in "-*+•1." or bullet.group(2) == "1)"):
            _end_paragraph(text, para, blocks)
            i = _list_item(text, lines, i, bullet, blocks, masks)
            continue
        para.append((s, e))
        i += 1
    _end_paragraph(text, para, blocks)
    return blocks


def _end_paragraph(text: str, para: list[Span], blocks: list[RawBlock]) -> None:
    """Add the paragraph under way, if any (its lines ``para``), and start a new one."""
    if para:
        blocks.append(_paragraph(text, para, False))
        para.clear()


def _indented_code(text: str, lines: list[Span], i: int, blocks: list[RawBlock], masks: list[Span]) -> int:
    """An indented code block from line ``i``: lines indented by four or more, with blank
    lines between them (not after the last)."""
    n = len(lines)
    j = i
    while j < n and (_is_blank(text, lines[j]) or _indent(text, *lines[j]) >= 4):
        j += 1
    while _is_blank(text, lines[j - 1]):
        j -= 1
    start, end = lines[i][0], lines[j - 1][1]
    blocks.append((CODE, start, end))
    masks.append((start, end))
    return j


def _fenced_code(text: str, lines: list[Span], i: int, marker: str, blocks: list[RawBlock], masks: list[Span]) -> int:
    """A fenced code block opened on line ``i`` by ``marker``, to its closing fence (a run of
    the same character, at least as long, and nothing else) or the end of the text."""
    n = len(lines)
    j = i + 1
    while j < n:
        close = _FENCE_RE.match(text, *lines[j])
        if close and close.group(1)[0] == marker[0] and len(close.group(1)) >= len(marker):
            if not text[close.end() : lines[j][1]].strip():
                break
        j += 1
    last = min(j, n - 1)
    start, end = lines[i][0], lines[last][1]
    blocks.append((CODE, start, end))
    masks.append((start, end))
    return last + 1


def _atx_heading(text: str, s: int, e: int, content_start: int, blocks: list[RawBlock], masks: list[Span]) -> None:
    """An ATX heading on line ``[s, e)``: its #s and any closing #s are masked."""
    content_end = _atx_content_end(text, content_start, e)
    masks.append((s, content_start))
    masks.append((content_end, e))
    blocks.append((HEADING, *_trimmed(text, content_start, content_end)))


def _setext_heading(text: str, para: list[Span], blocks: list[RawBlock]) -> None:
    """The paragraph under way, underlined with = or -, is a heading instead."""
    start, _ = _trimmed(text, *para[0])
    _, end = _trimmed(text, *para[-1])
    blocks.append((HEADING, start, end))
    para.clear()


def _html_block(text: str, lines: list[Span], i: int, indent: int, masks: list[Span]) -> int:
    """An HTML block from line ``i`` to a blank line (a comment: to the line that closes it),
    masked whole."""
    n = len(lines)
    s = lines[i][0]
    j = i
    comment = text.startswith("<!--", s + indent)
    while j < n and not _is_blank(text, lines[j]):
        if comment and "-->" in text[lines[j][0] : lines[j][1]]:
            break
        j += 1
    last = min(j, n - 1)
    masks.append((s, lines[last][1]))
    return last + 1


def _table(text: str, lines: list[Span], i: int, masks: list[Span]) -> int:
    """A table from its header line ``i``: every following line with a |, masked whole."""
    n = len(lines)
    j = i
    while j < n and "|" in text[lines[j][0] : lines[j][1]]:
        j += 1
    masks.append((lines[i][0], lines[j - 1][1]))
    return j


def _atx_content_end(text: str, start: int, end: int) -> int:
    """End of an ATX heading's text, before an optional closing run of #s ("# Title ##")."""
    line = text[start:end].rstrip(" \t")
    stripped = line.rstrip("#")
    if stripped != line and (not stripped or stripped[-1] in " \t"):
        line = stripped.rstrip(" \t")
    return start + len(line)


def _indent(text: str, s: int, e: int) -> int:
    width = 0
    for c in text[s:e]:
        if c == " ":
            width += 1
        elif c == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _blockquote(text: str, lines: list[Span], i: int, blocks: list[RawBlock], masks: list[Span]) -> int:
    """Consecutive ``>`` lines; each inner paragraph becomes a block-quote block."""
    inner: list[Span] = []
    n = len(lines)
    while i < n:
        s, e = lines[i]
        mark = _QUOTE_MARK_RE.match(text, s, e)
        if mark is None:
            break
        masks.append((s, mark.end()))
        if text[mark.end() : e].strip():
            inner.append((mark.end(), e))
        elif inner:
            blocks.append((QUOTE, *_span_of(text, inner)))
            inner = []
        i += 1
    if inner:
        blocks.append((QUOTE, *_span_of(text, inner)))
    return i


def _list_item(text: str, lines: list[Span], i: int, bullet: re.Match, blocks: list[RawBlock], masks: list[Span]) -> int:
    """One list item: its first line, lazy continuation lines and indented paragraphs."""
    s, e = lines[i]
    masks.append((s, bullet.end()))
    content_indent = bullet.end() - s
    item: list[Span] = [(bullet.end(), e)] if bullet.end() < e else []
    n = len(lines)
    i += 1
    while i < n:
        ls, le = lines[i]
        if _is_blank(text, (ls, le)):
            nxt = i + 1
            if nxt < n and not _is_blank(text, lines[nxt]) and _indent(text, *lines[nxt]) >= content_indent:
                if item:
                    blocks.append((LIST_ITEM, *_span_of(text, item)))
                item = []
                i = nxt
                continue
            break
        if _BULLET_RE.match(text, ls, le) or _ATX_RE.match(text, ls, le) or _FENCE_RE.match(text, ls, le) \
                or _QUOTE_MARK_RE.match(text, ls, le) or _HR_RE.match(text, ls, le):
            break
        item.append((ls, le))
        i += 1
    if item:
        blocks.append((LIST_ITEM, *_span_of(text, item)))
    return i


def _span_of(text: str, lines: list[Span]) -> Span:
    start, _ = _trimmed(text, *lines[0])
    _, end = _trimmed(text, *lines[-1])
    return start, end
