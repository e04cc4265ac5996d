"""SEN001 truncated-paragraph: a paragraph or quote that ends mid-sentence."""

from __future__ import annotations

import re

from ...document import FIELD, PARAGRAPH, QUOTE, SHORT, Document
from ...rule import Finding, Rule

_CLOSERS = "\"”’'»)]*_ \t\r\n"
_TERMINAL = ".!?…"
# Words a sentence cannot end on: a paragraph ending "... and" or "... the" was cut.
_NOT_FINAL = frozenset(
    """the a an and or but nor whose its their his my our your of with to if from than
    because whether into onto""".split()  # not "her": "nothing about her."
)
# The head of a story (standfirst, byline, dateline) is one sentence of at most this many
# words with no full stop; a longer block, or one of several sentences, is a cut paragraph.
_MAX_HEAD_WORDS = 30
# Words no line without a full stop ends on: no headline, caption or label ends on a
# preposition, an auxiliary or a conjunction, though a sentence may ("what it is for.", "he
# said he would."). A short line of this many words or more that ends on one is a cut
# paragraph ("A vice chair post is", "she met with investigators for"). Not pronouns (a
# subhead may ask "Who is he") nor the particles of phrasal verbs ("Sign in", "Read on").
_NO_LINE_ENDS = _NOT_FINAL | frozenset(
    """for at by as after before between under against without within during toward
    towards among is are was were be been being has have had will would
    could should can may might must shall do does did that which who whom when where while
    not also""".split()
)
_MIN_CUT_WORDS = 3


def _ends_in_a_note(text: str) -> bool:
    """Whether ``text`` ends in an editor's note in brackets, opened where a sentence may
    start: "(This story corrects the date in paragraph 4)", "(Reporting by ...; Editing by ...)"."""
    if not text.endswith(")"):
        return False
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[i], 0)
        if depth == 0:
            before = text[:i].rstrip()
            return not before or before[-1] in _TERMINAL + "\"”’" or _WIRE_CREDIT_RE.match(text, i + 1) is not None
    return False


# The credit line that ends wire copy, wherever it stands: "(Reporting by A; Editing by B)".
_WIRE_CREDIT_RE = re.compile(r"(?:additional )?(?:reporting|writing|editing|compiled|compiling) by\b", re.IGNORECASE)
# A correction note printed as a paragraph of its own, without brackets: "The story was
# refiled to correct paragraph 4 ...", "Corrects paragraph 7 to show ...". (One in brackets
# may open a story's lede, so it is a note only where its bracket closes the paragraph.)
_CORRECTION_NOTE_RE = re.compile(
    r"(?:(?:this|the) (?:version of the )?(?:[\w.,’' ]{1,30} )?story (?:has been |was |is )?"
    r"(?:refiled|corrected|corrects|updated|updates)|corrects|updates)\b",
    re.IGNORECASE,
)
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
    story before its first full sentence (standfirst, byline, dateline: one sentence of
    at most 30 words that does not end on "the", "of" or the like), captions
    (they end in a credit) and other short lines, list items, front-matter fields, a
    paragraph ending in a colon before the next block, a paragraph continued by the
    next one (which then starts in lowercase), an editor's note in brackets ("(This story
    corrects ...)"), a wire credit line ("(Reporting by ...; Editing by ...)"), a
    correction note ("The story was refiled to correct ...") and a line that ends in a
    link. A short line is still checked when it has three words or more and ends on a word
    no headline or caption ends on (a preposition, an auxiliary, a conjunction: "A vice
    chair post is") or on a comma, or has eight or more and, after the head, quotes someone or holds a
    full sentence before a last one of four words or more: that is a cut paragraph.

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
    A standfirst of more than 30 words, or of two sentences, with no full stop at its end,
    and a caption of more than 15 words placed in the middle of the body read as
    paragraphs and are reported; so is poetry or a lyric quoted in lines. Missed: a cut
    lede of 30 words or fewer that stops on an ordinary word reads as a standfirst.
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
            if block.kind == SHORT and self._cut_short_line(block, in_body):
                pass  # a short line, but a cut sentence rather than a caption: checked below
            elif block.kind not in (PARAGRAPH, QUOTE):
                continue
            segment = prose[block.start : block.end]
            text = segment.rstrip(_CLOSERS)
            ends_sentence = bool(text) and text[-1] in _TERMINAL
            raw = segment.rstrip()
            last_word = raw.rsplit(None, 1)[-1] if raw else ""
            if not in_body:
                in_body = ends_sentence
                if not ends_sentence and self._looks_like_head(block, last_word):
                    continue
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
            if not ends_sentence and (len(block.text.rstrip()) > len(raw) or _ends_in_a_note(raw)
                                      or _CORRECTION_NOTE_RE.match(raw)):
                continue  # a line that ends in a link (masked in the prose), or an editor's note
            if ends_sentence:
                if len(block.sentences[-1].words) < 3:
                    continue
                message = f'Paragraph ends on "{bare}", a word no sentence ends on: it looks cut off'
            else:
                message = f'Paragraph ends mid-sentence, with no full stop after "{last_word}"'
            end = block.start + len(raw)
            yield Finding(end - len(last_word), end, message)

    @staticmethod
    def _looks_like_head(block, last_word: str) -> bool:
        """A standfirst, byline or dateline before the story's first full sentence: one
        short sentence, not ending on a word no sentence ends on. The exemption is earned by
        the block's shape, not by its place: a cut lede is reported like any paragraph."""
        words = sum(len(s.words) for s in block.sentences)
        bare = last_word.rstrip(_CLOSERS).lstrip("\"“‘'(").lower()
        return len(block.sentences) <= 1 and words <= _MAX_HEAD_WORDS and bare not in _NOT_FINAL

    @staticmethod
    def _cut_short_line(block, in_body: bool) -> bool:
        """A one-line block of three words or more that ends on a word no line ends on or
        on a comma, or of eight or more that, in the body, quotes someone or holds a full
        sentence before its last: a paragraph cut short, not a caption (its credit is told
        apart below) or, at the head, a headline."""
        words = [w.text for s in block.sentences for w in s.words]
        if len(words) >= _MIN_CUT_WORDS and (words[-1].lower() in _NO_LINE_ENDS
                                              or block.prose.rstrip(_CLOSERS).endswith((",", ";"))):
            return True  # "“Congressman Conyers should resign,”": its tag was cut
        if len(words) < 8:
            return False
        cut_after_a_sentence = len(block.sentences) > 1 and len(block.sentences[-1].words) >= 4  # not "Accept all"
        return in_body and (bool(block.quotes) or cut_after_a_sentence)
