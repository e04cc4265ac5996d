"""RDB001 sentence-too-long: a body sentence of more words than a news reader follows."""

from __future__ import annotations

from ...document import PARAGRAPH, Document
from ...rule import Finding, Rule
from .limits import after_dateline, mostly_quoted, reported_span, require_positive


class SentenceTooLong(Rule):
    """Sentence too long for a news reader (more than 55 words).

    ## What it does
    Reports a sentence of the body with more words than `max-words` (55 by default),
    with its word count. Words and figures count ("948,000" is one word, and so is
    "U.S."); punctuation does not, nor does a wire dateline opening the sentence
    ("WASHINGTON (Reuters) - "). Headings, captions, list items, block quotes and front
    matter are not checked, nor is a sentence more than half of which is quoted speech.

    The default flags the longest 0.7% of the sentences of edited Reuters copy: a sentence
    that long is one an editor splits. Wire copy runs long, so a lower line reports what
    desks publish every day (at 45 words, 3.3% of sentences; at 35, 17%). A desk that wants
    the AP's tighter line sets `max-words = 35` in `[tool.newslint.rules.RDB001]`.

    ## Why is this bad?
    Comprehension drops as sentences grow: the AP's work with Rudolf Flesch aimed at
    about 19 words a sentence, and readers lose the thread of a sentence past 30 or 40.
    A long sentence is usually two or three facts that read better apart.

    ## Example
    ```text
    The ministry said on Tuesday that the convoy of trucks, which had left the capital
    before dawn and had then been delayed for several hours at two checkpoints run by
    rival militias near the border, finally reached the camp late in the evening, after a
    journey of more than nine hundred kilometres, with food, blankets and medicine for
    about 4,000 people.
    ```

    ## Use instead
    ```text
    The convoy reached the camp late on Tuesday with food and medicine for 4,000 people,
    the ministry said. It had left the capital before dawn and was held up for hours at
    two checkpoints run by rival militias near the border.
    ```

    ## Known false positives
    A list written as one sentence (a run of names, a schedule of results) is reported
    although it reads easily; raise `max-words`, or suppress the line. (A list whose
    items kept their bullets, "... * Imposes ... * Repeals ...", is split at each bullet,
    and an editor's note and byline before the dateline are not counted.) A sentence
    whose full stop was lost (a missing space after it, a stray bracket) counts as one
    long sentence.
    """

    code = "RDB001"
    name = "sentence-too-long"
    family = "readability"
    severity = "warning"
    options = {"max-words": 55}

    def __init__(self, settings=None, context=None) -> None:
        super().__init__(settings, context)
        require_positive(self, "max-words")

    def check(self, document: Document):
        from ...metrics import sentence_words

        limit = self.settings["max-words"]
        for block in document.blocks:
            if block.kind != PARAGRAPH:
                continue
            for sentence in block.sentences:
                if len(sentence.tokens) <= limit:
                    continue  # fewer tokens than the limit: fewer words too, without counting them
                words = after_dateline(document, sentence_words(sentence))
                if len(words) <= limit or mostly_quoted(block, words):
                    continue
                start, end = reported_span(document, sentence.end, words)
                yield Finding(start, end, f"Sentence of {len(words)} words (limit {limit}): consider splitting it")
