"""WEB001 page-furniture: web-page widgets, navigation and teasers left in the copy."""

from __future__ import annotations

import re

from ...context import data_path
from ...document import FIELD, HEADING, PARAGRAPH, SHORT, Document
from ...parse.blocks import is_title_case, words_of
from ...rule import Finding, Rule
from .text import excerpt, letter_counts

_FURNITURE_MAX_WORDS = 15
_FURNITURE_STRIP = " \t.:;!?*-–—|•·>«»\"“”'’()[]"


def _load_furniture() -> re.Pattern:
    with open(data_path(__file__, "furniture.txt"), encoding="utf-8") as f:
        patterns = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


class PageFurniture(Rule):
    """Page furniture: share buttons, comment and subscription widgets, paywall prompts, teasers.

    ## What it does
    Reports short lines (15 words or fewer) that are the labels of web-page widgets
    rather than copy: share, e-mail and print buttons, comment forms and counters,
    log-in, subscription and paywall prompts, "Click here", "Read more", "Story
    continues below advertisement", media players' labels ("Image caption, ...",
    "Listen to this article"), time stamps ("Published 2 hours ago"), cookie banners. The phrases live in a data file beside the rule (`furniture.txt`). After the last
    full paragraph of the story, short unpunctuated lines in title case (navigation
    labels, related-article teasers) are reported too.

    ## Why is this bad?
    A scraped page keeps its chrome: "Send in e-mail", "Total Comments (0)" and
    "Already signed up? LOG IN" are not part of the story and must not be published.

    ## Example
    ```text
    ... the regime to square one," said Ahmad Rahhal.

    Already signed up? LOG IN
    Total Comments (0)
    ```

    ## Use instead
    Delete the lines.

    A list the story carries after its last paragraph is not chrome: three or more
    parallel data lines of one shape (fixtures "Arsenal v Chelsea", a ranked list "1. Jane
    Doe (Kenya) 2:18:33", a results table) are left alone.

    ## Known false positives
    A one-line paragraph that happens to read like a widget ("Subscribe now") in the
    body of a story is reported, and so is a trailing title-case line such as a credit
    line after the last paragraph ("Reporting by Jane Doe" is not: it is not in title
    case), or a list of fewer than three lines or of lines without figures or separators
    (a list of names). Lines in other scripts are left to WEB003.
    """

    code = "WEB001"
    name = "page-furniture"
    family = "web"
    severity = "warning"
    data_files = ("furniture.txt",)

    def check(self, document: Document):
        furniture = self.context.load(_load_furniture)

        blocks = [b for b in document.prose_blocks if b.kind != FIELD]
        last_body = next(  # the last full paragraph, searched from the end
            (i for i in reversed(range(len(blocks)))
             if blocks[i].kind == PARAGRAPH and _is_full_paragraph(blocks[i].prose)),
            len(blocks),
        )
        in_list = _list_lines(blocks, last_body)
        for i, block in enumerate(blocks):
            # Split off at most one word past the limit: most blocks are long paragraphs.
            words = block.prose.split(None, _FURNITURE_MAX_WORDS)
            if len(words) > _FURNITURE_MAX_WORDS:
                continue
            text = " ".join(words)
            if not text.isascii():
                latin, other = letter_counts(text)
                if other > latin:
                    continue
            label = text.strip(_FURNITURE_STRIP)
            if furniture.fullmatch(label) or furniture.fullmatch(text):
                yield Finding(block.start, block.end, f'Page furniture left in the text: "{excerpt(text)}"')
            elif (
                i > last_body
                and i not in in_list
                and block.kind in (SHORT, HEADING)
                and is_title_case(words_of(label))
                and not _CREDIT_LINE_RE.search(text)
            ):
                yield Finding(block.start, block.end, f'Navigation or teaser line after the story: "{excerpt(text)}"')


# What makes a line data rather than a label: a number, "v" or "vs" between names, a
# separator between fields.
_DATA_RE = re.compile(r"\d|\bvs?\.?\s|\s[-–—|:]\s|\t|,")
_LIST_RUN = 3  # parallel data lines in a row that make a list


def _shape(text: str) -> tuple | None:
    """A data line's shape (which kinds of field it has, and how many); None for a label."""
    if not _DATA_RE.search(text):
        return None
    return (text[:1].isdigit(), bool(re.search(r"\bvs?\.?\s", text)), text.count(","),
            len(re.findall(r"\s[-–—|:]\s|\t", text)), bool(re.search(r"\d", text)))


def _list_lines(blocks, after: int) -> set[int]:
    """The indexes of blocks after ``after`` that belong to a run of parallel data lines of
    the same shape: fixtures ("Arsenal v Chelsea"), a ranked list ("1. Jane Doe (Kenya)
    2:18:33"), a results table. The story carries such a list; it is not page chrome."""
    out: set[int] = set()
    run: list[int] = []
    shape = None
    for i in range(after + 1, len(blocks) + 1):
        current = _shape(blocks[i].prose.strip()) if i < len(blocks) and blocks[i].kind != PARAGRAPH else None
        if current is not None and current == shape:
            run.append(i)
            continue
        if len(run) >= _LIST_RUN:
            out.update(run)
        run, shape = ([i], current) if current is not None else ([], None)
    return out


_CREDIT_LINE_RE = re.compile(r"\b(?:with agencies|reporting by|editing by|writing by|contributed|staff|photo|credit|source|picture)\b", re.IGNORECASE)


def _is_full_paragraph(text: str) -> bool:
    """Twelve words or more and a terminal mark; the words are counted only up to twelve."""
    return text.rstrip(" \t\r\n\"”’')").endswith((".", "!", "?", "…")) and len(text.split(None, 11)) >= 12
