"""SEN001 truncated-paragraph: a paragraph or quote that ends mid-sentence."""

from __future__ import annotations

import re

from ...document import FIELD, PARAGRAPH, QUOTE, SHORT, Document
from ...rule import Finding, Rule

_CLOSERS = "\"”’'»)]*_ \t\r\n"
_TERMINAL = ".!?…"
# Words a sentence cannot end on: a paragraph ending "... and" or "... the" was cut.
_NOT_FINAL = frozenset("the a an and or but nor whose its their his her my our your".split())
# A photo caption ends in its credit, not a full stop: "... 2020. Credit: AFP", "REUTERS/Name".
_CREDIT_RE = re.compile(
    r"(?:\b(?:credit|photo|photograph|picture|image|courtesy|source)s?\s*[:/]|\b(?:REUTERS|AFP|AP|EPA|Getty Images)\b)[^.!?]*$",
    re.IGNORECASE,
)


class TruncatedParagraph(Rule):
    """Paragraph or quote that ends mid-sentence ("... the government had sustained “huge”").

    ## What it does
    Reports a body paragraph whose last sentence has no terminal punctuation, or ends
    on a word no sentence ends on ("the", "and"), usually because a quotation or the
    paragraph was cut off by an edit or a scraper.

    It knows what legitimately has no full stop: headings, titles and the head of a
    story before its first full sentence (standfirst, byline, dateline), captions
    (they end in a credit) and other short lines, list items, front-matter fields, a
    paragraph ending in a colon before the next block, and a paragraph continued by the
    next one (which then starts in lowercase). A short line is still checked when it
    has eight words or more and quotes someone or ends on "the": that is a cut sentence.

    ## Why is this bad?
    A paragraph that stops mid-sentence loses the end of what someone said, and readers
    notice that something is missing.

    ## Example
    ```text
    Speaking in Ankara, he said the Syrian government had sustained “huge”

    Turkey's Defence Ministry said two soldiers were killed.
    ```

    ## Use instead
    Restore the rest of the sentence from the source: `... had sustained “huge”
    losses.`

    ## Known false positives
    A long standfirst or a caption of more than 15 words placed in the middle of the
    body reads as a paragraph and is reported; so is poetry or a lyric quoted in lines.
    """

    code = "SEN001"
    name = "truncated-paragraph"
    family = "sentences"
    severity = "warning"

    def check(self, document: Document):
        blocks = [b for b in document.prose_blocks if b.kind != FIELD]
        prose = document.prose
        in_body = False  # the head of a story (title, standfirst, byline) comes before its first full sentence
        for i, block in enumerate(blocks):
            if block.kind == SHORT and in_body and self._cut_short_line(block):
                pass  # a short line, but a sentence cut in a quotation or after "the": checked below
            elif block.kind not in (PARAGRAPH, QUOTE):
                continue
            segment = prose[block.start : block.end]
            text = segment.rstrip(_CLOSERS)
            ends_sentence = bool(text) and text[-1] in _TERMINAL
            if not in_body:
                in_body = ends_sentence
                continue
            raw = segment.rstrip()
            last_word = raw.rsplit(None, 1)[-1] if raw else ""
            if ends_sentence:
                bare = last_word.rstrip(_TERMINAL + _CLOSERS).lstrip("\"“‘'(").lower()
                if bare not in _NOT_FINAL:
                    continue  # the common case, decided before looking at the next block
            following = blocks[i + 1].prose.lstrip() if i + 1 < len(blocks) else ""
            if following[:1].islower():
                continue  # continued in the next paragraph
            if text.endswith(":") and following:
                continue  # introduces the next block
            if not ends_sentence and _CREDIT_RE.search(text[-120:]):
                continue  # a caption ending in its credit
            if ends_sentence:
                if len(block.sentences[-1].words) < 3:
                    continue
                message = f'Paragraph ends on "{bare}", a word no sentence ends on: it looks cut off'
            else:
                message = f'Paragraph ends mid-sentence, with no full stop after "{last_word}"'
            end = block.start + len(raw)
            yield Finding(end - len(last_word), end, message)

    @staticmethod
    def _cut_short_line(block) -> bool:
        """A one-line block of eight words or more that quotes someone or ends on "the":
        a paragraph cut short, not a caption or a headline."""
        words = [w.text for s in block.sentences for w in s.words]
        return len(words) >= 8 and (bool(block.quotes) or words[-1].lower() in _NOT_FINAL)
