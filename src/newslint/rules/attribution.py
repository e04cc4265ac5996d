"""Attribution (ATR): figures stated with no source.

The rule works on the Document's cached sentences and tokens. For each sentence it looks
for figure claims (a number attached to a counted thing, a percentage or a sum of money);
only when it finds one does it ask whether the sentence carries attribution, and that
answer is computed once per sentence and kept for the neighbouring sentences' figures.
"""

from __future__ import annotations

import os
import re
from itertools import compress, count
from operator import itemgetter
from typing import Callable, Iterator, NamedTuple

from ..document import LIST_ITEM, NUMBER, PARAGRAPH, PUNCT, QUOTE, WORD, Document, Token
from ..parse.sentences import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAYS
from ..rule import Finding, Rule

CHECKED_BLOCKS = (PARAGRAPH, LIST_ITEM, QUOTE)

_UNITS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
NUMBER_WORDS = {w: i + 1 for i, w in enumerate(_UNITS)}
NUMBER_WORDS.update(
    {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
)
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12,
          "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "b": 1e9, "k": 1e3, "tn": 1e12, "trn": 1e12}
WORD_SCALES = frozenset(("hundred", "thousand", "million", "billion", "trillion", "dozen"))
# "Hundreds of", "dozens", "tens of thousands": not a figure unless vague-plurals is set.
VAGUE = frozenset("dozens hundreds thousands millions billions scores tens".split())

MONTHS = MONTH_NAMES | MONTH_ABBREVIATIONS
TIME_UNITS = frozenset(
    """second seconds minute minutes hour hours day days night nights week weeks weekend weekends
    month months year years decade decades century centuries term terms season seasons
    round rounds time times""".split()
)
TIME_AFTER = frozenset("am pm a.m p.m gmt utc et est edt bst cet o'clock o’clock hrs h".split())
# A number after one of these is a reference, not a count: "page 5", "Article 50", "No. 10".
REFERENCE_WORDS = frozenset(
    """page pages p pp section sections article articles chapter chapters paragraph clause item
    figure table line verse part volume vol no nos number episode season stage level grade phase
    category class flight room gate platform route exit district ward precinct lot unit building
    floor apartment suite resolution channel highway interstate rule amendment size model
    version game match hole lap mile kilometre kilometer km day week game act scene track
    bus train road street avenue box code tier rank ranked ranking seed""".split()
)
# A number after one of these refers back to a figure already given: "the 18 soldiers".
DETERMINERS = frozenset(
    "the these those its their his her our my your all both each every whose first last next top".split()
)
# Capitalised words that open a sentence before a number without naming anything:
# "Nearly 950,000", "Some 300"; any other capitalised word before a number is taken for a
# name with a number ("Boeing 737", "Formula 1").
OPENERS = frozenset(
    """nearly about some over around roughly almost only just another exactly approximately
    more fewer less up at least all perhaps yesterday today overall altogether then now still
    and but so yet while when after before since as by in on of for with from between under
    among across during through against within without to the a an this these those its their
    his her our all both each every first last next top""".split()
)
AGE_WORDS = frozenset("aged age ages".split())
STREET_WORDS = frozenset(
    """street st avenue ave road rd boulevard blvd lane drive place square way court terrace
    row close crescent parkway plaza""".split()
)
PERCENT_WORDS = frozenset(("percent", "pct", "percentage"))
CURRENCY_WORDS = frozenset("dollars euros pounds yen yuan rupees francs cents pence".split())
# "300 have been killed": the thing counted is implied by what happened to it.
CASUALTY = frozenset(
    """killed died dead wounded injured hurt displaced missing arrested detained evacuated
    rescued executed abducted kidnapped drowned""".split()
)
_BE = frozenset("are were was is have has had been being reportedly also still now".split())
AUXILIARIES = frozenset("have has had were was are is been being reportedly also now more".split())
# Words a modifier between a number and its noun cannot be: "18 [Turkish] soldiers" skips
# "Turkish", but "three [weeks] ago residents" stops at "weeks".
STOP = frozenset(
    """of and or but nor to in on at by for from with as than that which who whom whose the a an
    this these those their its his her our my your were was are is be been being have has had
    will would could should may might can must not no said says say told after before since
    until during over under into about against between among per each every some any where when
    while if because""".split()
) | TIME_UNITS
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

_NUMBER_RE = re.compile(r"([$£€¥]?)(\d[\d.,:]*)(.*)", re.DOTALL)
_STEM_RE = re.compile(r"(?:'s|’s|ments|ment|ings|ing|ed|es|s)$")


class Figure(NamedTuple):
    start: int  # offset of the figure's first character
    end: int  # offset after the counted thing (or the number, when the thing is implied)
    value: float
    kind: str  # "count", "percent", "money"


def _data_path(name: str) -> str:
    # newslint/data, without importing the lexicon module (ATR001 needs no word list)
    return os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", name)


def _read_lines(path: str) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.lstrip().startswith("#")]


def compile_cues(lines: list[str]) -> Cues:
    """The patterns for cue lines: phrases as whole words, ``/regex/`` lines as they are."""
    phrases, patterns, parts = [], [], []
    for line in lines:
        if len(line) > 2 and line.startswith("/") and line.endswith("/"):
            patterns.append(f"(?:{line[1:-1]})")
            parts.append(patterns[-1])
        else:
            words = line.split()
            phrases.append(r"\b" + r"\s+".join(re.escape(w.lower()) for w in words) + r"\b")
            parts.append(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b")
    return Cues(
        re.compile("|".join(parts) or r"(?!)", re.IGNORECASE),
        re.compile("|".join(phrases)) if phrases else None,
        re.compile("|".join(patterns), re.IGNORECASE) if patterns else None,
    )


class Cues(NamedTuple):
    """Attribution cues. ``pattern`` finds them, in the order of the lines. Whether a span
    holds one is asked far more often, and answered faster (see ``holds``) by ``phrases``,
    the phrase lines lowercased, on the lowercased text, then ``patterns``, the /regex/
    lines: a case-insensitive alternation of a hundred phrases was four times slower."""

    pattern: re.Pattern
    phrases: re.Pattern | None
    patterns: re.Pattern | None

    def holds(self, prose: str, lowered: str | None, start: int, end: int) -> bool:
        """Whether ``prose[start:end]`` holds a cue; ``lowered`` is ``prose.lower()`` when
        that has the same length (so the same offsets), else None."""
        if lowered is None:
            return self.pattern.search(prose, start, end) is not None
        return bool((self.phrases is not None and self.phrases.search(lowered, start, end))
                    or (self.patterns is not None and self.patterns.search(prose, start, end)))


class Tables(NamedTuple):
    cues: Cues
    counted: frozenset[str]
    measured: frozenset[str]
    events: frozenset[str]



def _sections(lines: list[str]) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {"counted": [], "measured": [], "events": []}
    current = sections["counted"]
    for line in lines:
        if line.startswith("@"):
            current = sections[line[1:].strip()]
        else:
            current.append(line.lower())
    return sections


TABLE_OPTIONS = ("cues", "counted", "measured", "events")


def load_tables(cues: tuple[str, ...] = (), counted: tuple[str, ...] = (), measured: tuple[str, ...] = (),
                events: tuple[str, ...] = ()) -> Tables:
    """The cue pattern and word sets, from the data files plus what the rule's options add."""
    cue_lines = _read_lines(_data_path("attribution-cues.txt")) + [c.strip() for c in cues if c.strip()]
    sections = _sections(_read_lines(_data_path("counted-things.txt")))
    extra = {"counted": counted, "measured": measured, "events": events}
    words = {
        key: frozenset(sections[key] + [w.strip().lower() for w in extra[key] if w.strip()])
        for key in sections
    }
    # A casualty verb that counts ("300 have been killed") is always an event.
    return Tables(compile_cues(cue_lines), words["counted"], words["measured"], words["events"] | CASUALTY)


def _number_value(text: str) -> tuple[float, str, str] | None:
    """(value, currency sign, suffix) of a number token, or None when it is not a quantity
    (a time such as 10:30, a version such as 1.2.3)."""
    m = _NUMBER_RE.match(text)
    if m is None:
        return None
    sign, digits, suffix = m.groups()
    if ":" in digits or digits.count(".") > 1:
        return None
    try:
        value = float(digits.replace(",", ""))
    except ValueError:
        return None
    return value, sign, suffix


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
    one. Attribution cues live in `data/attribution-cues.txt` and counted things in
    `data/counted-things.txt`; the options add to both.

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


def find_figures(tokens: list[Token], counted: frozenset[str], min_value: float, vague: bool,
                 opens: Callable[[str], bool] | None = None) -> list[Figure]:
    """The figure claims of one sentence's tokens; ``opens`` is ``opens_figure``, or the
    run's memo of it (read in C)."""
    # The few tokens that can open a figure.
    starts = list(compress(count(), map(opens or opens_figure, map(_TEXT, tokens))))
    if not starts:
        return []
    figures: list[Figure] = []
    first_word = next((i for i, t in enumerate(tokens) if t[0] != PUNCT), 0)
    i = 0  # the token to go on from: a figure's tokens are not looked at again
    for k in starts:
        if k < i:
            continue
        fig, i = _figure_at(tokens, k, first_word, counted, min_value, vague)
        if fig is not None:
            figures.append(fig)
    return figures


def _may_start(low: str) -> bool:
    """Whether a word can open a figure in words ("eighteen", "a million", "twenty-five")."""
    return low in _STARTS or ("-" in low and low.split("-", 1)[0] in NUMBER_WORDS)


def opens_figure(text: str) -> bool:
    """Whether a token with this text can open a figure: a number ("948,000", "$5", "40%";
    a lone "$" is punctuation) or a word _may_start accepts."""
    first = text[0]
    if first.isalpha():
        return _may_start(text.lower())
    return first.isdecimal() or (first in "$£€¥" and len(text) > 1)


_VAGUE_VALUE = -1.0
_SCALE_WORDS = WORD_SCALES | frozenset(("bn", "mn", "mln", "bln", "tn", "trn"))
# Words that can start a figure in words: "eighteen", "a million", "half a million", "dozens".
_TRIGGERS = frozenset(NUMBER_WORDS) | WORD_SCALES | VAGUE
_STARTS = _TRIGGERS | {"a", "an", "half"}
_TEXT = itemgetter(3)


def _word_number(low: str) -> float | None:
    value = NUMBER_WORDS.get(low)
    if value is not None:
        return value
    if low in VAGUE:
        return _VAGUE_VALUE
    if "-" in low:  # "twenty-five"
        parts = low.split("-")
        if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
            return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def _figure_at(tokens, i, first_word, counted, min_value, vague) -> tuple[Figure | None, int]:
    """The figure starting at token ``i`` (or None) and the index to go on from."""
    tok = tokens[i]
    kind_, start, end, text = tok
    low = text.lower()
    n = len(tokens)
    kind = "count"
    year_shaped = False
    is_vague = False
    j = i + 1  # first token after the number
    if kind_ == NUMBER:
        parsed = _number_value(text)
        if parsed is None:
            return None, i + 1
        value, sign, suffix = parsed
        slow = suffix.lower()
        if sign:
            kind = "money"
        if slow == "%":
            kind = "percent"
        elif slow in ("'s", "’s", "s"):
            if value < 1800:  # "1000's of troops": a vague plural; "1990s" is a decade
                is_vague = True
            else:
                return None, i + 1
        elif slow.startswith("-"):
            if not slow.endswith("percent"):
                return None, i + 1  # "nine-year", "33-year-old", "10-km": a modifier, not a count
            kind = "percent"
        elif slow in SCALES:
            value *= SCALES[slow]
        elif slow:
            return None, i + 1  # "21st", "10am", "5G", "5km"
        digits = text[len(sign):len(text) - len(suffix)]
        year_shaped = not sign and not suffix and len(digits) == 4 and digits.isdigit() and 1800 <= value <= 2100
    elif kind_ == WORD:
        if low in ("a", "an", "half") and i + 1 < n:
            # "a million", "a dozen", "half a million"
            k = i + 1
            factor = 1.0
            if low == "half":
                if tokens[k][3].lower() not in ("a", "an") or k + 1 >= n:
                    return None, i + 1
                k += 1
                factor = 0.5
            scale = tokens[k][3].lower()
            if tokens[k][0] != WORD or scale not in WORD_SCALES:
                return None, i + 1
            value = SCALES[scale] * factor
            j = k + 1
        else:
            value = _word_number(low)
            if value is None:
                return None, i + 1
            if value == _VAGUE_VALUE:
                is_vague = True
                value = 0.0
    else:
        return None, i + 1

    # Scale words and "and a half": "1.5 million", "two hundred thousand", "tens of thousands".
    while j < n and tokens[j][0] == WORD and tokens[j][3].lower() in _SCALE_WORDS:
        value = (value or 1) * SCALES[tokens[j][3].lower()]
        j += 1
    if is_vague and j + 1 < n and tokens[j][3].lower() == "of" and tokens[j + 1][3].lower() in VAGUE:
        j += 2  # "tens of thousands", "hundreds of thousands"
    if is_vague and not vague:
        return None, j

    prev = tokens[i - 1] if i > 0 else None
    prev_word = _previous_word(tokens, i)
    prev_low = prev_word[3].lower() if prev_word else ""
    next_tok = tokens[j] if j < n else None
    next_low = next_tok[3].lower() if next_tok else ""

    # Context that makes the number something other than a statistic.
    if (prev_low in MONTHS or next_low in MONTHS) and (value <= 31 or year_shaped):
        return None, j  # a date: "Feb. 27", "27 February", "March 2020"
    if next_low.rstrip(".") in TIME_AFTER or next_low in ("a", "p") and j + 1 < n and tokens[j + 1][3] == ".":
        return None, j  # a time: "3 p.m.", "10 GMT"
    if prev_low.rstrip(".") in REFERENCE_WORDS or prev_low in AGE_WORDS or prev_low in DETERMINERS:
        return None, j  # "page 5", "aged 33", "the 18 soldiers"
    if prev is not None and prev[0] == WORD and _capitalised(prev[3]) and prev[2] == start - 1 \
            and prev[3].lower() not in WEEKDAYS and prev_low not in MONTHS and (i - 1 != first_word or prev[3].lower() not in OPENERS):
        return None, j  # a name with a number: "Formula 1", "BBC Two", "Boeing 737"
    if (prev is not None and prev[0] == PUNCT and prev[3] in "/\\") or (next_tok is not None and next_tok[3] in "/\\"):
        return None, j  # a date or a fraction: "27/02/2020", "9/11", "24/7"
    if prev is not None and prev[0] == PUNCT and prev[3] in "-–" and i >= 2 and tokens[i - 2][0] == NUMBER:
        return None, j  # the second half of a score or range, already seen
    if next_tok is not None and next_tok[0] == PUNCT and next_tok[3] in "-–" and j + 1 < n \
            and tokens[j + 1][0] == NUMBER:
        # "won 3-1" is a score; "10-15 people" is a range of people
        after = j + 2
        head = _head(tokens, after, counted, kind)
        if head is None:
            return None, after
        j = after
        next_low = tokens[j][3].lower() if j < n else ""
    elif next_low in ("to", "of") and kind == "count" and j + 1 < n and tokens[j + 1][0] == NUMBER \
            and prev_low in ("won", "lost", "beat", "defeated", "drew", "victory", "win", "defeat"):
        return None, j + 2  # "won 3 to 1"
    if _is_address(tokens, j):
        return None, j

    head = _head(tokens, j, counted, kind)
    if year_shaped and (head is None or head[0] != j or prev_low in _YEAR_PREVIOUS):
        return None, j  # "in 2012", "a 2017 agreement"
    if head is None and not year_shaped and kind == "count" and _counted_before(tokens, i, counted):
        head = (j - 1, kind)  # "the death toll rose to 45", "killed at least 12"
    if head is None:
        return None, j
    end, head_kind = head
    if head_kind in ("percent", "money"):
        kind = head_kind
    if kind == "count" and value < min_value and not is_vague:
        return None, j
    return Figure(start, tokens[end][2], value, kind), max(j, end + 1)


_YEAR_PREVIOUS = frozenset("in since by until till from before after of during through to and or a an the".split())


# Words between a casualty verb or a toll and its number: "killed at least 12", "rose to 45".
_BRIDGE = frozenset("at least more than nearly almost about some over around up to to of by reached hit".split())
_TOLLS = frozenset(("toll", "tally"))


def _counted_before(tokens, i, counted) -> bool:
    """Whether the number at ``i`` is counted by what comes before it: a casualty verb
    ("the attack killed at least 12") or a toll ("the death toll rose to 45")."""
    k = i - 1
    bridged = 0
    while k >= 0 and tokens[k][0] == WORD and tokens[k][3].lower() in _BRIDGE and bridged < 3:
        k -= 1
        bridged += 1
    if k >= 0 and tokens[k][0] == WORD and tokens[k][3].lower() in CASUALTY and tokens[k][3].lower() != "dead":
        # "killed at least 12", but not "12" after "were killed" in "were killed 12 miles away"
        return i + 1 >= len(tokens) or tokens[i + 1][0] == PUNCT or tokens[i + 1][3].lower() in _AFTER_COUNT
    # "the death toll rose to 45": a toll within the five words before
    start = max(0, i - 6)
    return any(t[0] == WORD and t[3].lower() in _TOLLS for t in tokens[start:i])


_AFTER_COUNT = frozenset("and in on at during since after when including".split())


def _previous_word(tokens, i):
    """The word before token ``i`` skipping one full stop ("Feb. 27")."""
    k = i - 1
    if k >= 0 and tokens[k][0] == PUNCT and tokens[k][3] == ".":
        k -= 1
    if k >= 0 and tokens[k][0] == WORD:
        return tokens[k]
    return None


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _is_address(tokens, j) -> bool:
    """``10 Downing Street``: capitalised words ending in a street word."""
    k = j
    while k < len(tokens) and k < j + 4 and tokens[k][0] == WORD and _capitalised(tokens[k][3]):
        if tokens[k][3].lower().rstrip(".") in STREET_WORDS and k > j:
            return True
        k += 1
    return False


def _head(tokens, j, counted, kind) -> tuple[int, str] | None:
    """(index of the last token of the figure, kind) when a counted thing, a percent sign,
    a currency or a casualty verb follows the number at ``j``; None otherwise."""
    n = len(tokens)
    if j >= n:
        return (j - 1, kind) if kind in ("percent", "money") else None
    tok = tokens[j]
    low = tok[3].lower()
    if tok[0] == PUNCT:
        if tok[3] == "%":
            return j, "percent"
        return (j - 1, kind) if kind in ("percent", "money") else None
    if low in PERCENT_WORDS:
        return j, "percent"
    if low == "per" and j + 1 < n and tokens[j + 1][3].lower() == "cent":
        return j + 1, "percent"
    if low in CURRENCY_WORDS:
        return j, "money"
    # A casualty verb: "300 have been killed", "21 died".
    k = j
    while k < n and k < j + 3 and tokens[k][0] == WORD and tokens[k][3].lower() in AUXILIARIES:
        k += 1
    if k < n and tokens[k][0] == WORD and tokens[k][3].lower() in CASUALTY:
        return j - 1, kind
    # "300 of the fighters"
    if low == "of":
        k = j + 1
        if k < n and tokens[k][3].lower() in ("the", "its", "their", "those", "these", "them"):
            k += 1
        if k < n and tokens[k][0] == WORD and tokens[k][3].lower() in counted:
            return k, kind
        return (j - 1, kind) if kind in ("percent", "money") else None
    # Up to three modifiers, then the counted noun: "18 Turkish soldiers", "5,000 new jobs".
    k = j
    while k < n and k < j + 4:
        t = tokens[k]
        if t[0] != WORD:
            break
        w = t[3].lower()
        if w in counted:
            return k, kind
        if w in STOP or w in CASUALTY:
            break
        if not _capitalised(t[3]) and (w.endswith("s") and not w.endswith("ss") or w.endswith("men")):
            # Another plural noun is the head: "12 observation posts" is not a count of
            # anything listed, but "18 fishermen are missing" counts casualties.
            c = k + 1
            while c < n and c < k + 4 and tokens[c][0] == WORD and tokens[c][3].lower() in _BE:
                c += 1
            if c > k + 1 and c < n and tokens[c][3].lower() in CASUALTY:
                return k, kind
            break
        if _capitalised(t[3]) and len(w) >= 4 and w.endswith("s") and not w.endswith(("'s", "’s", "ss")) \
                and (k + 1 >= n or tokens[k + 1][0] != WORD or not _capitalised(tokens[k + 1][3])):
            return k, kind  # a people by name: "a million Syrians", "300 Democrats"
        k += 1
    return (j - 1, kind) if kind in ("percent", "money") else None


def _claims(figures: list[Figure], sentence, tables: Tables) -> list[Figure]:
    """The figures that claim something happened: a count with an event word in its sentence
    ("killed", "fled", "rose"), a percentage or sum with an event word and a measured thing
    ("sales rose 5%"). "A city of 36,000 people" and "a 35 percent tax rate" state
    established facts and need no source."""
    words = {t[3].lower() for t in sentence.words}
    if words.isdisjoint(tables.events):
        return []
    if (words.isdisjoint(tables.measured) and not _has_measured_phrase(sentence, tables.measured)) \
            or not words.isdisjoint(HYPOTHETICAL):
        return [f for f in figures if f.kind == "count"]
    return figures


def _has_measured_phrase(sentence, measured: frozenset[str]) -> bool:
    multi = [m for m in measured if " " in m]
    if not multi:
        return False
    low = sentence.prose.lower()
    return any(m in low for m in multi)


def _keys(sentence) -> set[str]:
    keys = set()
    for t in sentence.words:
        w = t[3].lower()
        if len(w) < 4 or w in CONTENT_STOP:
            continue
        stem = _STEM_RE.sub("", w)
        if len(stem) >= 4:
            keys.add(stem)
    return keys


def _ends_in_attribution(sentence, cues: Cues) -> bool:
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
    return sum(1 for t in sentence.words if t[1] >= last.end()) <= TRAILING_WORDS


def _continues(figure_sentence, other, other_first: bool, cues: Cues) -> bool:
    """Whether the attributed ``other`` sentence is about the same subject as the figure's."""
    words = other.words
    if any(t[3].lower() in REFERRING for t in words):
        return True  # "The ministry gave the toll on Tuesday."
    later = figure_sentence if other_first else other
    if later.words and later.words[0][3].lower() in ANAPHORA:
        return True  # "... said on Tuesday. It put the number at 300."
    if other_first:
        if _ends_in_attribution(other, cues):
            return True  # "The ministry said on Tuesday." then the figures
        if any(t[3].lower() == "had" for t in figure_sentence.words):
            return True  # reported speech goes on: "... said. Twenty people had died."
    return bool(_keys(figure_sentence) & _keys(other))


def newslint_rules():
    """This family's rules (the plugin hook; see newslint.rules)."""
    return [UnattributedFigure]
