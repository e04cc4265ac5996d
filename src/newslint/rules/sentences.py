"""Broken sentences (SEN): copy cut or glued by a CMS, a scraper or a hurried edit."""

from __future__ import annotations

import re

from ..document import Document
from ..parse.sentences import BEFORE_NUMBERS, TITLES
from ..rule import Edit, Finding, Fix, Rule

# A sentence end with no space before the next sentence: "2020.Credit", "said.The".
# The left side is two lowercase letters or a digit, so abbreviations (U.S.Army, St.Louis,
# Mr.Smith), initials and decimals (1.5Bn) do not match; the right side is a capitalised
# word, so domain names (bbc.co.uk) and file names do not either.
ABBREVIATIONS = TITLES | BEFORE_NUMBERS
# The mark comes first and the look-behinds span it: a pattern that starts with a character
# set lets re skip to the next mark instead of trying the look-behinds at every character
# (15x faster; the same matches as "(?:(?<=[^\W\d_]{2})(?<![A-Z]{2})|(?<=\d))([.!?])(?=[A-Z][a-z])").
GLUED_RE = re.compile(r"([.!?])(?:(?<=[^\W\d_]{2}.)(?<![A-Z]{2}.)|(?<=\d.))(?=[A-Z][a-z])")


class GluedSentences(Rule):
    """Sentences glued together: no space after the full stop ("2020.Credit", "said.The").

    ## What it does
    Finds a full stop, question mark or exclamation mark followed at once by a
    capitalised word, after a lowercase word or a number. The safe fix inserts the
    missing space.

    ## Why is this bad?
    A lost space is the mark of copy pasted from a web page or a caption run into its
    credit; readers stumble on it, and sentence-level checks cannot see two sentences.

    ## Example
    ```text
    A fighter fires toward Saraqeb, February 26, 2020.Credit: AFP
    ```

    ## Use instead
    ```text
    A fighter fires toward Saraqeb, February 26, 2020. Credit: AFP
    ```

    ## Known false positives
    Abbreviations and initials (U.S.Army, St.Louis), decimals and version numbers,
    URLs and domain names are not reported. A brand written with a capitalised domain
    ("Amazon.Com") would be.
    """

    code = "SEN003"
    name = "glued-sentences"
    family = "sentences"
    severity = "warning"
    fixable = True

    def check(self, document: Document):
        prose = document.prose
        if not GLUED_RE.search(prose):
            return  # a match in a block is a match in the whole prose: one search decides
        for block in document.prose_blocks:
            for m in GLUED_RE.finditer(prose, block.start, block.end):
                at = m.end()
                word_end = at
                while word_end < block.end and prose[word_end].isalpha():
                    word_end += 1
                left = at - 1
                while left > block.start and not prose[left - 1].isspace():
                    left -= 1
                if prose[left : m.start()].lower().lstrip("(\"“") in ABBREVIATIONS:
                    continue  # "St.Louis", "Mr.Smith": an abbreviation, not a sentence end
                yield Finding(
                    left, word_end,
                    f'No space after "{m.group(1)}": "{prose[left:word_end]}" looks like two sentences glued together',
                    fix=Fix((Edit(at, at, " "),), "Insert a space"),
                )


_OPENING_MARKS = "“„«\"‘'"
_REOPENED_RE = re.compile(r"[.!?…]\s+[“„«\"]")


class UnbalancedQuotes(Rule):
    """Quotation opened and never closed.

    ## What it does
    Reports an opening quotation mark (straight or curly) whose quotation is not
    closed by the end of its paragraph, unless the next paragraph opens with a
    quotation mark: the news convention for a quote running over several paragraphs
    leaves the closing mark off every paragraph but the last. Where paragraph breaks
    were lost, a new sentence opening with a quotation mark is taken the same way.

    ## Why is this bad?
    An unclosed quote leaves readers unsure where the speaker's words stop, and it is
    often the trace of a quote cut off mid-sentence.

    ## Example
    ```text
    “The city has been liberated,” he said, and added: “We will not stop.

    The offensive continued on Friday.
    ```

    ## Use instead
    ```text
    “The city has been liberated,” he said, and added: “We will not stop.”
    ```

    ## Known false positives
    Apostrophes are told from single quotation marks by their neighbours (Assad’s,
    ’90s, rock ’n’ roll); an unclosed single mark is never reported, as it is more
    often an apostrophe. A stray closing mark with no opening one is not reported yet.
    """

    code = "SEN002"
    name = "unbalanced-quotes"
    family = "sentences"
    severity = "warning"

    def check(self, document: Document):
        blocks = list(document.prose_blocks)
        for i, block in enumerate(blocks):
            for quote in block.quotes:
                if quote.closed:
                    continue
                following = blocks[i + 1].prose.lstrip() if i + 1 < len(blocks) else ""
                if following[:1] in _OPENING_MARKS and following[:1]:
                    continue  # the quote goes on in the next paragraph
                if _REOPENED_RE.search(document.prose, quote.start + 1, quote.end):
                    continue  # the same convention where paragraph breaks were lost: “... end. “Next
                yield Finding(quote.start, quote.start + 1, "This quotation is never closed")


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
        from ..document import FIELD, PARAGRAPH, QUOTE, SHORT

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


def newslint_rules():
    """This family's rules (the plugin hook; see newslint.rules)."""
    return [TruncatedParagraph, UnbalancedQuotes, GluedSentences]
