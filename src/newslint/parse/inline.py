"""Inline masks: the parts of a line that are not prose a reader reads.

Each function appends ``(start, end)`` ranges to blank out. All patterns are linear:
no nested quantifiers, no unbounded back-tracking, so a 10 MB line cannot stall them.
"""

from __future__ import annotations

import re

# Both formats.
URL_RE = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"“”]+")
# A link written without a scheme: a domain and a path ("tmsnrt.rs/2zoIC1A", "bit.ly/abc").
# The slash is required, so "U.S." and "e.g." stay words.
BARE_LINK_RE = re.compile(r"(?<![\w.@/-])[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/[^\s<>\"“”]*")
# A site named by its domain, with no path ("told the gazeta.ru portal", "HealthCare.gov"):
# the top-level domains news copy cites, in lowercase as it prints them.
# (Not "in" or "it": they are words, and "ended.in the rain" is a glued sentence.)
_TLDS = "com org net gov edu info io tv ru uk de fr es nl ch se cn jp eu ca au br mx ly".split()
_DOTTED_TLDS = tuple("." + tld for tld in _TLDS)  # what a block must hold to be searched
BARE_DOMAIN_RE = re.compile(r"(?<![\w.@/-])[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:" + "|".join(_TLDS) + r")(?![\w-])")
EMAIL_RE = re.compile(r"\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b")  # bounded: linear
TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>\n]{0,500}?)?/?>")
_TRAILING_PUNCT = ".,;:!?)]'’\"”"

# Markdown only.
CODE_SPAN_RE = re.compile(r"`+")
IMAGE_RE = re.compile(r"!\[[^\[\]\n]{0,1000}\]\([^()\n]{0,2000}\)")
LINK_RE = re.compile(r"(\[)[^\[\]\n]{0,1000}(\]\([^()\n]{0,2000}\)|\]\[[^\]\n]{0,200}\])")
FOOTNOTE_RE = re.compile(r"\[\^[^\]\s]{1,100}\]")
AUTOLINK_RE = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
EMPHASIS_RE = re.compile(r"(?<![^\W_\\])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![^\W_])|~~")
ESCAPE_RE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")


def mask_common(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """URLs, e-mail addresses and HTML tags: never words, in any format."""
    chunk = text[start:end]
    if "/" in chunk or "www." in chunk:
        for pattern in (URL_RE, BARE_LINK_RE):
            for m in pattern.finditer(text, start, end):
                s, e = m.span()
                while e > s and text[e - 1] in _TRAILING_PUNCT:
                    e -= 1
                out.append((s, e))
    if any(tld in chunk for tld in _DOTTED_TLDS):
        out.extend(m.span() for m in BARE_DOMAIN_RE.finditer(text, start, end))
    if "@" in chunk:
        out.extend(m.span() for m in EMAIL_RE.finditer(text, start, end))
    if "<" in chunk:
        out.extend(m.span() for m in TAG_RE.finditer(text, start, end))


def mask_markdown(text: str, start: int, end: int, out: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Code spans, images, link targets, autolinks, footnote marks, emphasis and escapes.
    Returns the code spans."""
    code = _code_spans(text, start, end)
    out.extend(code)
    for m in IMAGE_RE.finditer(text, start, end):
        out.append(m.span())
    for m in LINK_RE.finditer(text, start, end):
        out.append(m.span(1))
        out.append(m.span(2))
    for pattern in (FOOTNOTE_RE, AUTOLINK_RE, EMPHASIS_RE, ESCAPE_RE):
        for m in pattern.finditer(text, start, end):
            out.append(m.span())
    return code


def _code_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Backtick code spans: a run of N backticks up to the next run of exactly N."""
    spans = []
    runs = [(m.start(), m.end()) for m in CODE_SPAN_RE.finditer(text, start, end)]
    by_length: dict[int, list[int]] = {}
    for i, (s, e) in enumerate(runs):
        by_length.setdefault(e - s, []).append(i)
    used_until = -1
    pointers = {n: 0 for n in by_length}
    for i, (s, e) in enumerate(runs):
        if s < used_until:
            continue
        n = e - s
        candidates = by_length[n]
        p = pointers[n]
        while p < len(candidates) and candidates[p] <= i:
            p += 1
        pointers[n] = p
        if p < len(candidates):
            close_end = runs[candidates[p]][1]
            spans.append((s, close_end))
            used_until = close_end
    return spans
