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
from .figures import MONEY_VERBS, MONTHS, NUMBER_WORDS, STOP, WORD_SCALES, Figure, find_figures, opens_figure
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
    legislation law draft expected projected authorizes authorized authorize allowed allows cap caps capped
    limit limits requested request requests required requires""".split()
)
# A count in a sentence with one of these is a term of a law or a rule ("the credit phases
# out once a maker has sold 200,000 vehicles", "a motion needs 60 votes"), not a claim.
TERMS = frozenset("law laws allows allowed requires require required bill legislation proposal".split())
# A percentage in a sentence with one of these is published market data ("GM shares fell 1.2
# percent", "the index rose 0.2%"): public record, not a claim.
MARKET_DATA = frozenset("shares stock stocks index indexes yield yields bonds".split())
# A scored effect under one of these is a limit set by a rule, not a claim: "the plan is
# required to add no more than $1.5 trillion to the deficit".
LIMITS = frozenset("required requires allowed allows limit limits cap capped authorizes authorized".split())
# A correction note ("This version of the story corrects the amount to $25 million") states
# no claim.
CORRECTION = frozenset(("corrects", "corrected", "correction"))

# A sum in a sentence with a word of each set is a plan's scored effect, a claim even when
# the sentence speaks of a plan: "the bill would add $1.4 trillion to the national debt".
SCORED = frozenset("deficit deficits debt revenue revenues".split())
SCORING = frozenset("add adds adding addition increase increases lost lose loses losing widen reduce reduces".split())

_STEM_RE = re.compile(r"(?:'s|’s|ments|ment|ings|ing|ed|es|s)$")


class UnattributedFigure(Rule):
    """Figure stated with no source: "Clashes have killed 18 Turkish soldiers."

    ## What it does
    Finds figure claims, a number in digits or words attached to a counted thing
    ("18 Turkish soldiers", "nearly a million Syrians", "300 have been killed", "a dozen
    women", "15 billion gallons", "totaling 22,745"), a percentage ("5%", "3.2 percent"),
    a share of something counted ("9 percent of refugees", "a third of residents",
    "two-thirds of voters") or a sum of money ("$3m", "1.5bn euros"), and reports those
    that claim something: a count whose sentence has an event word ("killed", "fled",
    "accused", "hired", "emitted", "sold"); any share; a percentage or sum with an event
    word and a measured thing ("sales rose 5%"); a sum that changed hands ("invested $3m",
    "cost taxpayers $700 billion", "winning $2 billion in settlements"); and a plan's scored
    effect on a deficit, a debt or revenue ("the bill would add $1.5 trillion to the
    deficit"), which is a claim even though a plan's terms are not. It reports them when
    they have no attribution: none in their own sentence ("said", "told", "according to",
    "citing", "estimated", "figures from", "a survey by ... found", "in a statement",
    "officials say", "first reported in a newspaper story", and the spun forms the spin
    rule reports, such as "in step with" and "stated"); none in the sentence before, when
    that sentence attributes something of its own (not only a quotation: '"We are
    ready," she said.' sources its quotation, not the figures after it) and the figure's
    sentence continues it ("Officials said on Monday. Forty people were hurt."); and none
    in the sentence after, when that sentence clearly continues the figure (speaks of "the
    toll" or "the figures", opens with "It" or "They", or shares two content words with it).
    A figure inside quoted speech is attributed to its speaker when the paragraph, or the
    one before or after it, names one. Attribution cues live in `attribution-cues.txt` and
    counted things in `counted-things.txt`, beside the rule; the options add to both.

    Not figures, because they need no source: dates, years, times and weekdays ("Feb. 27,
    2020", "at 10:30", "since 2012"), ages ("Smith, 33,", "aged 33"), durations and
    ordinals used as context ("the nine-year conflict", "three weeks ago", "for the first
    time"), names with numbers ("M5", "G8", "Formula 1", "BBC Two", "Boeing 737"), sports
    scores and results ("won 3-1"), addresses ("10 Downing Street"), page, section and
    article numbers ("page 5", "Article 50"), a number that refers back ("the 18
    soldiers"), vague plurals ("hundreds", "dozens", "thousands of troops"), the terms of a
    law, bill or plan ("would cut the rate to 21 percent", "a motion requires 60 votes",
    "allows $1 billion"), a limit set by a rule on a scored effect, published market data
    ("GM shares fell 1.2 percent") and correction notes.
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
    An established fact stated with a count and an event word ("the 27 member states
    signed", "Turkey set up 12 observation posts under the 2018 agreement") or a public act
    of named actors ("the letter was signed by 19 Republicans") is reported, as are figures
    an earlier paragraph credits to its source, and, in a long sentence glued from a list,
    every figure of the list. A sentence whose subject is the source's own action ("Police
    arrested 23 people") is reported.

    Still missed: a figure in the same sentence as an attribution cue that does not govern it
    ("Trump said in September he would protect around 700,000 Dreamers"); a standing size
    stated as a fact with no event word ("a country with hundreds of thousands of
    immigrants", "his 42.3 million followers", "Puerto Rico's $72 billion debt"); counts of
    two ("shot and killed two people", below `min-value`); vague plurals unless
    `vague-plurals` is set; a share with no counted thing ("26 percent were Muslim"); the
    value of a private contract; and figures in an untagged quotation whose speaker is named
    only near it. A source more than one sentence away is not seen.
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
                    if not same_only and (
                        (si >= 1 and has_cue(si - 1) and _introduces(sentences[si - 1], sentences[si], cues))
                        or (si + 1 < len(sentences) and has_cue(si + 1)
                            and _continues(sentences[si], sentences[si + 1], False, cues))
                    ):
                        continue
                    text = " ".join(document.text[fig.start : fig.end].split())
                    yield Finding(fig.start, fig.end, f'figure "{text}" has no source in {where}')


def _claims(figures: list[Figure], sentence: Sentence, tables: Tables) -> list[Figure]:
    """The figures that claim something: a count with an event word in its sentence
    ("killed", "fled", "hired"); a share of something counted ("9 percent of refugees", "a
    third of residents"); a percentage or sum with an event word and a measured thing ("sales
    rose 5%") or a sum that changed hands ("invested $3m", "cost taxpayers $7bn"); and a
    sum scored as the effect of a plan on a deficit, a debt or revenue ("would add $1.5
    trillion to the deficit"). "A city of 36,000 people" and "a 35 percent tax rate" state
    established facts, and the terms of a plan ("would cut the rate to 21 percent") are no
    claim: they need no source."""
    words = {t.text.lower() for t in sentence.words}
    if not words.isdisjoint(CORRECTION):
        return []
    event = not words.isdisjoint(tables.events)
    hypothetical = not words.isdisjoint(HYPOTHETICAL)
    measured = None
    claims = []
    for f in figures:
        kind = f.kind
        if kind == "count":
            if event and words.isdisjoint(TERMS):
                claims.append(f)
        elif kind == "share":
            if not hypothetical:
                claims.append(f)
        else:
            if kind == "money" and not words.isdisjoint(SCORED) and not words.isdisjoint(SCORING) \
                    and words.isdisjoint(LIMITS):
                claims.append(f)  # a scored effect: "would add $1.5 trillion to the deficit"
                continue
            if hypothetical or (kind == "percent" and not words.isdisjoint(MARKET_DATA)):
                continue  # a plan's terms; a published share price or index move
            if kind == "money" and _after_money_verb(sentence, f):
                claims.append(f)  # "invested billions", "cost taxpayers $700 billion"
                continue
            if measured is None:
                measured = not words.isdisjoint(tables.measured) or _has_measured_phrase(sentence, tables.measured)
            if event and measured:
                claims.append(f)
    return claims


def _after_money_verb(sentence: Sentence, fig: Figure) -> bool:
    """Whether a money verb stands just before the sum, with at most two words between
    ("spent more than $3m", "cost taxpayers $700 billion")."""
    words = sentence.words
    for k, t in enumerate(words):
        if t.start >= fig.start:
            return any(w.text.lower() in MONEY_VERBS for w in words[max(0, k - 3) : k])
    return False


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


def _introduces(first: Sentence, figure_sentence: Sentence, cues: Cues) -> bool:
    """Whether the attributed first sentence of a paragraph is the source of the paragraph's
    next sentence: it attributes something of its own, not only a quotation ('"We are
    ready," she said.' sources the quotation, not the figures after it), and the next
    sentence continues it."""
    prose = first.block.document.prose
    if any(mark in prose[first.start : first.end] for mark in _QUOTE_MARKS):
        return False
    return _continues(figure_sentence, first, True, cues)


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
    # A following sentence that names a source continues the figure only when it says more
    # of the same thing: two content words in common, not one name ("The tax bill would add
    # $1.4 trillion to the debt. The senator said he liked the bill.").
    return len(_keys(figure_sentence) & _keys(other)) >= 2
