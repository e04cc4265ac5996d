"""ATR001 (unattributed-figure): a figure claim with no source in its sentence or in a
neighbouring sentence of its paragraph that continues it.

The rule works on the Document's cached sentences and tokens. For each sentence it looks
for figure claims (a number attached to a counted thing, a percentage or a sum of money);
only when it finds one does it ask whether the sentence carries attribution, and that
answer is computed once per sentence and kept for the neighbouring sentences' figures.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ...document import LIST_ITEM, PARAGRAPH, QUOTE, Document
from ...parse.sentences import WEEKDAYS
from ...rule import Finding, Rule
from .figures import MONTHS, NUMBER_WORDS, STOP, WORD_SCALES, Figure, find_figures, opens_figure
from .tables import COUNTED_FILE, CUES_FILE, TABLE_OPTIONS, Cues, Tables, load_tables

if TYPE_CHECKING:
    from ...document import Sentence

CHECKED_BLOCKS = (PARAGRAPH, LIST_ITEM, QUOTE)

# Words whose presence in a neighbouring sentence refers to a figure: "the toll could rise".
REFERRING = frozenset(
    "toll tolls figure figures number numbers tally total count estimate estimates data statistics".split()
)
# A sentence that ends in its attribution, with at most this many words after the cue ("The
# ministry said on Tuesday."), introduces the figures of the next sentence.
TRAILING_WORDS = 3
_QUOTE_MARKS = "\"“”«»"
# A sentence opening with one of these continues the one before it.
ANAPHORA = frozenset(
    "it they he she this that these those its their his her of among another most some many both all also".split()
)
CONTENT_STOP = STOP | MONTHS | WEEKDAYS | frozenset(NUMBER_WORDS) | WORD_SCALES | frozenset(
    """also more most other than then there they them what when where while just only even still
    very much many such like said says told reported according added percent people""".split()
)

# A percentage or sum in a sentence with one of these is a plan, a proposal or a projection
# ("the bill would cut the rate to 21 percent"), not a measured statistic.
HYPOTHETICAL = frozenset(
    """would could might should if unless plan plans planned proposal proposed proposes bill
    legislation law draft expected projected""".split()
)

_STEM_RE = re.compile(r"(?:'s|’s|ments|ment|ings|ing|ed|es|s)$")


class UnattributedFigure(Rule):
    """Figure stated with no source: "Clashes have killed 18 Turkish soldiers."

    ## What it does
    Finds figure claims, a number in digits or words attached to a counted thing
    ("18 Turkish soldiers", "nearly a million Syrians", "300 have been killed"), a
    percentage ("5%", "3.2 percent") or a sum of money ("$3m", "1.5bn euros"), and
    reports those that claim something happened (their sentence has an event word such
    as "killed", "fled", "rose"; a percentage or sum must also measure a listed thing such
    as sales or prices) and have no attribution: none in their own sentence ("said", "told",
    "according to", "citing", "estimated", "figures from", "a survey by ... found",
    "in a statement", "officials say", and the spun forms the spin rule reports, such as
    "in step with" and "stated"), and none in a neighbouring sentence of the same
    paragraph that continues the same subject (shares a content word, opens with "It" or
    "They", or speaks of "the toll" or "the figures"). A figure inside quoted speech is
    attributed to its speaker when the paragraph, or the one before or after it, names
    one. Attribution cues live in `attribution-cues.txt` and counted things in
    `counted-things.txt`, beside the rule; the options add to both.

    Not figures, because they need no source: dates, years, times and weekdays ("Feb. 27,
    2020", "at 10:30", "since 2012"), ages ("Smith, 33,", "aged 33"), durations and
    ordinals used as context ("the nine-year conflict", "three weeks ago", "for the first
    time"), names with numbers ("M5", "G8", "Formula 1", "BBC Two", "Boeing 737"), sports
    scores and results ("won 3-1"), addresses ("10 Downing Street"), page, section and
    article numbers ("page 5", "Article 50"), a number that refers back ("the 18
    soldiers"), and vague plurals ("hundreds", "dozens", "thousands of troops").
    Headings, captions and front-matter fields are not checked: a headline is sourced by
    its story.

    Options: `min-value` (default 3: "two soldiers" is not reported; percentages and
    money are always figures), `vague-plurals` (default false; true reports "thousands
    of troops" too), `same-sentence-only` (default false; true requires the source in
    the figure's own sentence; a quotation still takes its speaker from the paragraph), `cues` (more attribution cues, one per entry, in the
    format of the data file, `/regex/` allowed), `counted` (more counted-thing words),
    `measured` (more things a percentage or sum measures) and `events` (more words that
    make a figure a claim).

    ## Why is this bad?
    "You must source every statement in every story unless it is an established fact"
    (Reuters Handbook of Journalism, "Sourcing"); the AP Stylebook and the BBC Editorial
    Guidelines ("Accuracy": "we should be clear about the source of statistics") say the
    same of casualty, displacement and economic figures. An unsourced figure cannot be
    checked by the reader, and spun or rewritten copy often drops the source while
    keeping the number.

    ## Example
    ```text
    Clashes between Syrian and Turkish troops have killed 18 Turkish soldiers.
    ```

    ## Use instead
    ```text
    Clashes between Syrian and Turkish troops have killed 18 Turkish soldiers, Turkey's
    Defence Ministry said.
    ```

    ## Known false positives
    An established fact stated with a count ("the 27 member states", "Turkey set up 12
    observation posts under the 2018 agreement") is reported when the count is followed
    by a counted thing; a source given more than one sentence away, or in a sentence
    that shares no word with the figure's, is not seen ("The ministry gave its update on
    Tuesday. Twenty people have died."). Figures whose counted thing is not in the list
    ("5 million copies") are missed rather than guessed; add the noun with `counted`. A
    sentence whose subject is the source's own action ("Police arrested 23 people") is
    reported, as are market moves ("shares fell 1.2 percent") next to a measured word.
    """

    code = "ATR001"
    name = "unattributed-figure"
    family = "attribution"
    severity = "warning"
    options = {
        "min-value": 3,
        "vague-plurals": False,
        "same-sentence-only": False,
        "cues": [],
        "counted": [],
        "measured": [],
        "events": [],
    }
    data_files = (CUES_FILE, COUNTED_FILE)

    def check(self, document: Document) -> Iterator[Finding]:
        tables = self.context.load(load_tables, *(tuple(self.settings[k]) for k in TABLE_OPTIONS))
        opens = self.context.memo(opens_figure).__getitem__
        cues, counted = tables.cues, tables.counted
        min_value = self.settings["min-value"]
        vague = self.settings["vague-plurals"]
        same_only = self.settings["same-sentence-only"]
        where = "its sentence" if same_only else "its sentence or paragraph"
        prose = document.prose
        lowered: str | None = prose.lower()
        if len(lowered) != len(prose):
            lowered = None  # a character whose lowercase is longer ("İ"): offsets would shift
        blocks = list(document.prose_blocks)
        block_cited: dict[int, bool] = {}

        def cited_block(i: int) -> bool:
            if not 0 <= i < len(blocks):
                return False
            if i not in block_cited:
                b = blocks[i]
                block_cited[i] = cues.holds(prose, lowered, b.start, b.end)
            return block_cited[i]

        for bi, block in enumerate(blocks):
            if block.kind not in CHECKED_BLOCKS:
                continue
            sentences = block.sentences
            cited: list[bool | None] = [None] * len(sentences)

            def has_cue(i: int) -> bool:
                if cited[i] is None:
                    s = sentences[i]
                    cited[i] = cues.holds(prose, lowered, s.start, s.end)
                return cited[i]  # type: ignore[return-value]

            for si, sentence in enumerate(sentences):
                figures = find_figures(sentence.tokens, counted, min_value, vague, opens)
                if not figures:
                    continue
                figures = _claims(figures, sentence, tables)
                if not figures:
                    continue
                if has_cue(si):
                    continue
                for fig in figures:
                    if document.in_quote(fig.start, fig.end) and (
                        cited_block(bi) or cited_block(bi - 1) or cited_block(bi + 1)
                    ):
                        continue  # a quotation with its speaker
                    if not same_only and any(
                        0 <= j < len(sentences) and has_cue(j) and _continues(sentences[si], sentences[j], j < si, cues)
                        for j in (si - 1, si + 1)
                    ):
                        continue
                    text = " ".join(document.text[fig.start : fig.end].split())
                    yield Finding(fig.start, fig.end, f'figure "{text}" has no source in {where}')


def _claims(figures: list[Figure], sentence: Sentence, tables: Tables) -> list[Figure]:
    """The figures that claim something happened: a count with an event word in its sentence
    ("killed", "fled", "rose"), a percentage or sum with an event word and a measured thing
    ("sales rose 5%"). "A city of 36,000 people" and "a 35 percent tax rate" state
    established facts and need no source."""
    words = {t.text.lower() for t in sentence.words}
    if words.isdisjoint(tables.events):
        return []
    if (words.isdisjoint(tables.measured) and not _has_measured_phrase(sentence, tables.measured)) \
            or not words.isdisjoint(HYPOTHETICAL):
        return [f for f in figures if f.kind == "count"]
    return figures


def _has_measured_phrase(sentence: Sentence, measured: frozenset[str]) -> bool:
    multi = [m for m in measured if " " in m]
    if not multi:
        return False
    low = sentence.prose.lower()
    return any(m in low for m in multi)


def _keys(sentence: Sentence) -> set[str]:
    keys = set()
    for t in sentence.words:
        w = t.text.lower()
        if len(w) < 4 or w in CONTENT_STOP:
            continue
        stem = _STEM_RE.sub("", w)
        if len(stem) >= 4:
            keys.add(stem)
    return keys


def _ends_in_attribution(sentence: Sentence, cues: Cues) -> bool:
    """A sentence that ends in its attribution, with at most a time or place after it:
    "The ministry said on Tuesday.", "..., the health ministry reported late on Monday."."""
    prose = sentence.block.document.prose
    if any(mark in prose[sentence.start : sentence.end] for mark in _QUOTE_MARKS):
        return False  # '"...," she said.' attributes its quotation, not what follows
    last = None
    for last in cues.pattern.finditer(prose, sentence.start, sentence.end):
        pass
    if last is None:
        return False
    return sum(1 for t in sentence.words if t.start >= last.end()) <= TRAILING_WORDS


def _continues(figure_sentence: Sentence, other: Sentence, other_first: bool, cues: Cues) -> bool:
    """Whether the attributed ``other`` sentence is about the same subject as the figure's."""
    words = other.words
    if any(t.text.lower() in REFERRING for t in words):
        return True  # "The ministry gave the toll on Tuesday."
    later = figure_sentence if other_first else other
    if later.words and later.words[0].text.lower() in ANAPHORA:
        return True  # "... said on Tuesday. It put the number at 300."
    if other_first:
        if _ends_in_attribution(other, cues):
            return True  # "The ministry said on Tuesday." then the figures
        if any(t.text.lower() == "had" for t in figure_sentence.words):
            return True  # reported speech goes on: "... said. Twenty people had died."
    return bool(_keys(figure_sentence) & _keys(other))
