"""Figure claims in a sentence's tokens: a number attached to a counted thing ("18 Turkish
soldiers", "300 have been killed"), a percentage or a sum of money, and not a date, a time,
an age, a score, an address or a name with a number.

``find_figures`` looks only at the few tokens that can open a figure (``opens_figure``,
which the rule memoises per run), reads a number at each (``_read_number``) and judges
what it counts (``_figure_at``).
"""

from __future__ import annotations

import re
from itertools import compress, count
from operator import attrgetter
from typing import Callable, NamedTuple

from ...document import NUMBER, PUNCT, WORD, Token
from ...parse.sentences import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAYS

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
# A number after one of these refers back to a figure already given or a known size ("the
# 18 soldiers", "the 100-seat Senate"), or is no new figure ("all 50 states", "the first
# 100 days").
DETERMINERS = frozenset("the these those all both each every first last next top".split())
# A number after a possessive refers back when the story gave it before; otherwise it is a
# first mention ("his 42.3 million followers").
BACK_DETERMINERS = frozenset("its their his her our my your whose".split())
OWN_MAX = 10  # a possessive's small count names its members ("their three children")
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
# A fraction of something counted is a share: "a third of residents", "two-thirds of voters".
FRACTIONS = {"half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
             "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1}
# A vague sum with no currency after one of these is money: "automakers have invested billions".
MONEY_VERBS = frozenset(
    "invested invest invests spent spend spends paid pay pays cost costs raised earned lost won winning made".split()
)
_VAGUE_SUMS = frozenset(("millions", "billions", "trillions"))
CURRENCY_WORDS = frozenset("dollars euros pounds yen yuan rupees francs cents pence".split())
# "300 have been killed": the thing counted is implied by what happened to it.
CASUALTY = frozenset(
    """killed died dead perished slain murdered stabbed beheaded massacred wounded injured hurt
    displaced missing arrested detained evacuated rescued executed abducted kidnapped drowned""".split()
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

_NUMBER_RE = re.compile(r"([$£€¥]?)(\d[\d.,:]*)(.*)", re.DOTALL)


class Figure(NamedTuple):
    start: int  # offset of the figure's first character
    end: int  # offset after the counted thing (or the number, when the thing is implied)
    value: float
    kind: str  # "count", "percent", "money", "share" (a percentage or fraction of something counted)
    # or "multiple" (a comparison by a factor: "three times as fast", "twice as many")


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


def find_figures(tokens: list[Token], counted: frozenset[str], min_value: float, vague: bool,
                 opens: Callable[[str], bool] | None = None,
                 given_before: Callable[[Token], bool] | None = None) -> list[Figure]:
    """The figure claims of one sentence's tokens; ``opens`` is ``opens_figure``, or the
    run's memo of it (read in C); ``given_before`` says whether the story wrote a number
    token earlier (without it, every number after "the" or "its" refers back)."""
    # The few tokens that can open a figure.
    starts = list(compress(count(), map(opens or opens_figure, map(_TEXT, tokens))))
    if not starts:
        return []
    figures: list[Figure] = []
    # Built at the sentence's first number: most tokens that can open a figure are an "a" or
    # an "an" that opens none.
    sentence: _Sentence | None = None
    i = 0  # the token to go on from: a figure's tokens are not looked at again
    for k in starts:
        if k < i:
            continue
        number = _read_number(tokens, k)
        if number is None:
            i = k + 1
            continue
        if sentence is None:
            first_word = next((w for w, t in enumerate(tokens) if t.kind != PUNCT), 0)
            sentence = _Sentence(tokens, first_word, counted, min_value, vague, given_before)
        fig, i = _figure_at(sentence, k, number)
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
_STARTS = _TRIGGERS | {"a", "an", "half", "twice"}
_TEXT = attrgetter("text")


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


class _Sentence(NamedTuple):
    """What judging a number needs of its sentence and of the rule's options, the same for
    every number of the sentence: built once a sentence by ``find_figures``."""

    tokens: list[Token]
    first_word: int  # index of the sentence's first token that is not punctuation
    counted: frozenset[str]  # the counted-thing words
    min_value: float  # a smaller count is not a figure ("two soldiers")
    vague: bool  # vague plurals ("hundreds", "1000's") are figures (vague-plurals)
    given_before: Callable[[Token], bool] | None  # whether the story wrote this number earlier


class _Number(NamedTuple):
    """A number read at a token with its scale words: "18", "$3m", "1.5 million", "a dozen",
    "tens of thousands"."""

    value: float  # 0.0 for a vague plural in words ("hundreds")
    kind: str  # "count", "money" (a currency sign) or "percent" (a percent suffix)
    after: int  # index of the first token after the number and its scale words
    vague: bool  # a vague plural: "hundreds", "1000's", "tens of thousands"
    year_shaped: bool  # four digits from 1800 to 2100 with no sign or suffix: perhaps a year


def _figure_at(sentence: _Sentence, i: int, number: _Number) -> tuple[Figure | None, int]:
    """The figure that ``number``, read at token ``i`` by ``_read_number``, makes (None when
    it makes none), and the index to go on from.

    Having read the number, rule out what its neighbours make something other than a
    statistic (``_not_a_statistic``, ``_past_range``, an address), then find the thing it
    counts (``_head``)."""
    tokens = sentence.tokens
    j = number.after
    if number.vague and not sentence.vague:
        return None, j
    prev_word = _previous_word(tokens, i)
    prev_low = prev_word.text.lower() if prev_word else ""
    if _not_a_statistic(sentence, i, number, prev_low):
        return None, j
    j, is_score = _past_range(sentence, number, prev_low)
    if is_score:
        return None, j
    if _is_address(tokens, j):
        return None, j

    kind = number.kind
    if kind == "count" and not number.vague and number.value >= 2:
        twice = tokens[i].text.lower() == "twice"
        compared = _comparison(tokens, i if twice else j, times=not twice)
        if compared is not None:  # "three times as fast", "50 times more potent"
            return Figure(tokens[i].start, tokens[compared].end, number.value, "multiple"), compared + 1
    head = _head(tokens, j, sentence.counted, kind)
    if number.year_shaped and (head is None or head[0] != j or prev_low in _YEAR_PREVIOUS):
        return None, j  # "in 2012", "a 2017 agreement"
    if head is None and not number.year_shaped and kind == "count" and _counted_before(tokens, i, sentence.counted):
        head = (j - 1, kind)  # "the death toll rose to 45", "killed at least 12"
    if head is None and kind == "count" and prev_low in CASUALTY:
        noun = _plural_noun(tokens, j)
        if noun is not None:
            head = (noun, kind)  # "killed 26 worshippers": the verb says the thing counted is harmed
    if head is None and number.vague and prev_low in MONEY_VERBS and tokens[j - 1].text.lower() in _VAGUE_SUMS:
        head = (j - 1, "money")  # "have invested billions in"
    if head is None:
        return None, j
    end, head_kind = head
    if head_kind in ("percent", "money", "share"):
        kind = head_kind
    if kind == "count" and number.value < sentence.min_value and not number.vague:
        return None, j
    return Figure(tokens[i].start, tokens[end].end, number.value, kind), max(j, end + 1)


# A factor compares when "times" (after a number; "twice" needs none) is followed by one of
# these shapes: "as fast as", "as many people as" (a second "as" within COMPARED_REACH
# words), "more potent than", "faster than" (a "than" within COMPARED_REACH words), or "the
# size of", "the national average" ("the" and a word). Without one, "three times" says how
# often ("met three times"), which is no figure.
COMPARED_REACH = 4
_MORE = frozenset(("more", "less", "fewer", "bigger", "larger", "greater", "higher", "lower", "faster", "slower",
                   "smaller", "cheaper", "longer", "shorter", "heavier", "stronger", "better", "worse"))


def _comparison(tokens: list[Token], j: int, times: bool = True) -> int | None:
    """Index of the last word of a comparison by a factor that starts at token ``j`` ("times
    as fast", after "three"; "as many", after "twice"), None when none starts there."""
    n = len(tokens)
    if times:
        if j >= n or tokens[j].text.lower() != "times":
            return None
    j += 1
    if j >= n or tokens[j].kind != WORD:
        return None
    low = tokens[j].text.lower()
    if low == "as" and j + 1 < n and tokens[j + 1].text.lower() in ("many", "much"):
        return j + 1  # "twice as many", "three times as much": the thing compared may follow
    if low == "as" or low in _MORE:
        closing = "as" if low == "as" else "than"
        for k in range(j + 1, min(n, j + 1 + COMPARED_REACH)):
            if tokens[k].kind != WORD:
                return None
            if tokens[k].text.lower() == closing:
                return k - 1 if k - 1 > j else None
        return None
    if low == "the" and j + 1 < n and tokens[j + 1].kind == WORD:
        k = j + 1  # "the size", "the national average": up to the noun
        while k + 1 < n and k < j + 3 and tokens[k + 1].kind == WORD and tokens[k + 1].text.islower() \
                and tokens[k + 1].text not in STOP:
            k += 1
        return k
    return None


def _read_number(tokens: list[Token], i: int) -> _Number | None:
    """The number at token ``i`` with its scale words, or None when the token is not a
    quantity ("21st", "nine-year", "1990s", "10:30", "half" alone)."""
    tok = tokens[i]
    text = tok.text
    n = len(tokens)
    kind = "count"
    year_shaped = False
    is_vague = False
    j = i + 1  # first token after the number
    if tok.kind == NUMBER:
        parsed = _number_value(text)
        if parsed is None:
            return None
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
                return None
        elif slow.startswith("-"):
            if not slow.endswith("percent"):
                return None  # "nine-year", "33-year-old", "10-km": a modifier, not a count
            kind = "percent"
        elif slow in SCALES:
            value *= SCALES[slow]
        elif slow:
            return None  # "21st", "10am", "5G", "5km"
        digits = text[len(sign):len(text) - len(suffix)]
        year_shaped = not sign and not suffix and len(digits) == 4 and digits.isdigit() and 1800 <= value <= 2100
    elif tok.kind == WORD:
        low = text.lower()
        if low in ("a", "an", "half", "one") and i + 2 < n and tokens[i + 1 if low != "half" else i].text.lower() in FRACTIONS \
                and tokens[i + (2 if low != "half" else 1)].text.lower() == "of":
            # a share: "a third of", "half of", "a quarter of"
            k = i + (1 if low != "half" else 0)
            return _Number(100 * FRACTIONS[tokens[k].text.lower()], "percent", k + 1, False, False)
        if "-" in low and low.split("-", 1)[1] in FRACTIONS and i + 1 < n and tokens[i + 1].text.lower() == "of":
            whole = NUMBER_WORDS.get(low.split("-", 1)[0])  # "two-thirds of"
            if whole is None:
                return None
            return _Number(100 * whole * FRACTIONS[low.split("-", 1)[1]], "percent", i + 1, False, False)
        if low in ("a", "an", "half") and i + 1 < n:
            # "a million", "a dozen", "half a million"
            k = i + 1
            factor = 1.0
            if low == "half":
                if tokens[k].text.lower() not in ("a", "an") or k + 1 >= n:
                    return None
                k += 1
                factor = 0.5
            scale = tokens[k].text.lower()
            if tokens[k].kind != WORD or scale not in WORD_SCALES:
                return None
            value = SCALES[scale] * factor
            j = k + 1
        elif low in WORD_SCALES and i > 0 and tokens[i - 1].text.lower() in ("few", "several"):
            value = SCALES[low]  # "a few hundred protesters", "several thousand"
            is_vague = True
        elif low == "twice":
            if _comparison(tokens, i, times=False) is None:
                return None  # "met twice": how often, not how much
            value = 2.0
        else:
            value = _word_number(low)
            if value is None:
                return None
            if value == _VAGUE_VALUE:
                is_vague = True
                value = 0.0
    else:
        return None

    # Scale words and "and a half": "1.5 million", "two hundred thousand", "tens of thousands".
    while j < n and tokens[j].kind == WORD and tokens[j].text.lower() in _SCALE_WORDS:
        value = (value or 1) * SCALES[tokens[j].text.lower()]
        j += 1
    if is_vague and j + 1 < n and tokens[j].text.lower() == "of" and tokens[j + 1].text.lower() in VAGUE:
        j += 2  # "tens of thousands", "hundreds of thousands"
    return _Number(value, kind, j, is_vague, year_shaped)


def _not_a_statistic(sentence: _Sentence, i: int, number: _Number, prev_low: str) -> bool:
    """Whether the tokens around the number at ``i`` make it something other than a
    statistic: a date, a time, a reference, an age, a name with a number, a fraction, or
    the second half of a score or range. ``prev_low`` is the word before it, lowercased."""
    tokens = sentence.tokens
    j = number.after
    n = len(tokens)
    prev = tokens[i - 1] if i > 0 else None
    next_tok = tokens[j] if j < n else None
    next_low = next_tok.text.lower() if next_tok else ""
    if (prev_low in MONTHS or next_low in MONTHS) and (number.value <= 31 or number.year_shaped):
        return True  # a date: "Feb. 27", "27 February", "March 2020"
    if next_low.rstrip(".") in TIME_AFTER or next_low in ("a", "p") and j + 1 < n and tokens[j + 1].text == ".":
        return True  # a time: "3 p.m.", "10 GMT"
    if prev_low.rstrip(".") in REFERENCE_WORDS or prev_low in AGE_WORDS or prev_low in DETERMINERS:
        return True  # "page 5", "aged 33", "the 18 soldiers"
    if prev_low in BACK_DETERMINERS and (
        sentence.given_before is None or 0 < number.value <= OWN_MAX or sentence.given_before(tokens[i])
    ):
        return True  # "their three children"; "their 18 soldiers" after "18 soldiers were killed"
    if prev is not None and prev.kind == WORD and _capitalised(prev.text) and prev.end == tokens[i].start - 1 \
            and prev.text.lower() not in WEEKDAYS and prev_low not in MONTHS \
            and (i - 1 != sentence.first_word or prev.text.lower() not in OPENERS):
        return True  # a name with a number: "Formula 1", "BBC Two", "Boeing 737"
    if (prev is not None and prev.kind == PUNCT and prev.text in "/\\") or (next_tok is not None and next_tok.text in "/\\"):
        return True  # a date or a fraction: "27/02/2020", "9/11", "24/7"
    if prev is not None and prev.kind == PUNCT and prev.text in "-–" and i >= 2 and tokens[i - 2].kind == NUMBER:
        return True  # the second half of a score or range, already seen
    return False


def _past_range(sentence: _Sentence, number: _Number, prev_low: str) -> tuple[int, bool]:
    """Where to go on when a second number is joined to this one, and whether the two are a
    score: "10-15 people" is a range of people, read on after "15"; "won 3-1" and "won 3 to
    1" are scores. With no second number: the token after this one, and False."""
    tokens = sentence.tokens
    j = number.after
    n = len(tokens)
    if j + 1 < n and tokens[j + 1].kind == NUMBER:
        joint = tokens[j]
        if joint.kind == PUNCT and joint.text in "-–":
            # "won 3-1" is a score; "10-15 people" is a range of people
            after = j + 2
            return after, _head(tokens, after, sentence.counted, number.kind) is None
        if joint.text.lower() in ("to", "of") and number.kind == "count" \
                and prev_low in ("won", "lost", "beat", "defeated", "drew", "victory", "win", "defeat"):
            return j + 2, True  # "won 3 to 1"
    return j, False


_YEAR_PREVIOUS = frozenset("in since by until till from before after of during through to and or a an the".split())


# Words between a casualty verb or a toll and its number: "killed at least 12", "rose to 45".
_BRIDGE = frozenset("at least more than nearly almost about some over around up to to of by reached hit".split())
# A number after one of these is the total of what the sentence counts: "applications are
# ballooning, totaling 22,745".
_TOTALS = frozenset("totaling totalling totaled totalled numbering".split())
_TOLLS = frozenset(("toll", "tally"))


def _counted_before(tokens: list[Token], i: int, counted: frozenset[str]) -> bool:
    """Whether the number at ``i`` is counted by what comes before it: a casualty verb
    ("the attack killed at least 12") or a toll ("the death toll rose to 45")."""
    k = i - 1
    bridged = 0
    while k >= 0 and tokens[k].kind == WORD and tokens[k].text.lower() in _BRIDGE and bridged < 3:
        k -= 1
        bridged += 1
    if k >= 0 and tokens[k].kind == WORD and tokens[k].text.lower() in CASUALTY and tokens[k].text.lower() != "dead":
        # "killed at least 12", but not "12" after "were killed" in "were killed 12 miles away"
        return i + 1 >= len(tokens) or tokens[i + 1].kind == PUNCT or tokens[i + 1].text.lower() in _AFTER_COUNT
    if k >= 0 and tokens[k].kind == WORD and tokens[k].text.lower() in _TOTALS:
        return True
    # "the death toll rose to 45": a toll within the five words before
    start = max(0, i - 6)
    return any(t.kind == WORD and t.text.lower() in _TOLLS for t in tokens[start:i])


_OF_DETERMINERS = frozenset(("the", "its", "their", "those", "these", "them", "his", "her", "our", "all"))
_AFTER_COUNT = frozenset("and in on at during since after when including".split())


def _previous_word(tokens: list[Token], i: int) -> Token | None:
    """The word before token ``i`` skipping one full stop ("Feb. 27")."""
    k = i - 1
    if k >= 0 and tokens[k].kind == PUNCT and tokens[k].text == ".":
        k -= 1
    if k >= 0 and tokens[k].kind == WORD:
        return tokens[k]
    return None


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _is_address(tokens: list[Token], j: int) -> bool:
    """``10 Downing Street``: capitalised words ending in a street word."""
    k = j
    while k < len(tokens) and k < j + 4 and tokens[k].kind == WORD and _capitalised(tokens[k].text):
        if tokens[k].text.lower().rstrip(".") in STREET_WORDS and k > j:
            return True
        k += 1
    return False


def _share_of(tokens: list[Token], j: int, counted: frozenset[str]) -> tuple[int, str]:
    """The percentage ending at token ``j``, a share when "of" and a counted thing follow
    ("9 percent of refugees"): (last token, kind)."""
    if j + 1 < len(tokens) and tokens[j + 1].text.lower() == "of":
        share = _head(tokens, j + 1, counted, "percent")
        if share is not None and share[1] == "share":
            return share
    if j + 1 < len(tokens) and tokens[j + 1].text.lower() in ("were", "are"):
        return j, "share"  # of a group the sentence implies: "26 percent were Muslim"
    return j, "percent"


# Units a casualty verb's number may measure rather than count: "killed 12 miles away".
_MEASURES = TIME_UNITS | frozenset(
    """miles kilometres kilometers km metres meters feet yards inches acres hectares tons tonnes
    pounds kilograms kg""".split()
)


def _plural_noun(tokens: list[Token], j: int) -> int | None:
    """The index of a lowercase plural noun at ``j`` or after up to three modifiers ("26
    worshippers", "four young girls"), or None; not a unit ("12 miles")."""
    for k in range(j, min(len(tokens), j + 4)):
        t = tokens[k]
        w = t.text.lower()
        if t.kind != WORD or w in STOP or w in _MEASURES or _capitalised(t.text):
            return None
        if _looks_plural(w) and not w.endswith(("us", "is")):  # not "bonus", "crisis"
            return k
    return None


def _looks_plural(w: str) -> bool:
    """A lowercase word shaped like a plural noun: "posts", "fishermen" (not "class", "Iran's")."""
    return w.endswith("s") and not w.endswith(("ss", "'s", "’s")) or w.endswith("men")


def _head(tokens: list[Token], j: int, counted: frozenset[str], kind: str) -> tuple[int, str] | None:
    """(index of the last token of the figure, kind) when a counted thing, a percent sign,
    a currency or a casualty verb follows the number at ``j``; None otherwise."""
    n = len(tokens)
    if j >= n:
        return (j - 1, kind) if kind in ("percent", "money") else None
    tok = tokens[j]
    low = tok.text.lower()
    if tok.kind == PUNCT:
        if tok.text == "%":
            return _share_of(tokens, j, counted)
        return (j - 1, kind) if kind in ("percent", "money") else None
    if low in PERCENT_WORDS:
        return _share_of(tokens, j, counted)
    if low == "per" and j + 1 < n and tokens[j + 1].text.lower() == "cent":
        return _share_of(tokens, j + 1, counted)
    if low in CURRENCY_WORDS:
        return j, "money"
    # A casualty verb: "300 have been killed", "21 died".
    k = j
    while k < n and k < j + 3 and tokens[k].kind == WORD and tokens[k].text.lower() in AUXILIARIES:
        k += 1
    if k < n and tokens[k].kind == WORD and tokens[k].text.lower() in CASUALTY:
        return j - 1, kind
    # "300 of the fighters", "dozens of ballistic missile tests", "9 percent of refugees"
    if low == "of":
        k = j + 1
        if k < n and tokens[k].text.lower() in _OF_DETERMINERS:
            k += 1
        if kind == "percent" and k + 1 < n and tokens[k].kind == WORD and tokens[k].text.lower().endswith(("'s", "’s")) \
                and tokens[k + 1].kind == NUMBER:
            # a share of a whole the sentence sizes: "a third of the island's 3.4 million
            # residents" is one figure, the share, not a share and a population
            k += 2
            while k < n and tokens[k].kind == WORD and tokens[k].text.lower() in _SCALE_WORDS:
                k += 1
        if k < n and tokens[k].kind == WORD and tokens[k].text.lower() in CURRENCY_WORDS:
            return k, "money"  # "billions of dollars"
        if k < n and tokens[k].kind == WORD and tokens[k].text.lower() != "of":
            noun = _head(tokens, k, counted, "count")
            if noun is not None and noun[0] >= k:
                return noun[0], "share" if kind == "percent" else kind
        return (j - 1, kind) if kind in ("percent", "money") else None
    # Up to three modifiers, then the counted noun: "18 Turkish soldiers", "5,000 new jobs".
    k = j
    named = True  # only capitalised words so far: "600,000 Rohingya Muslims", not "51-49 once Jones"
    while k < n and k < j + 4:
        t = tokens[k]
        if t.kind != WORD:
            break
        w = t.text.lower()
        if w in counted:
            return k, kind
        if w in STOP or w in CASUALTY:
            break
        if not _capitalised(t.text) and _looks_plural(w):
            # Another plural noun is the head: "12 observation posts" is not a count of
            # anything listed, but "18 fishermen are missing" counts casualties.
            c = k + 1
            while c < n and c < k + 4 and tokens[c].kind == WORD and tokens[c].text.lower() in _BE:
                c += 1
            if c > k + 1 and c < n and tokens[c].text.lower() in CASUALTY:
                return k, kind
            break
        if named and _capitalised(t.text) and len(w) >= 4 and w.endswith("s") and not w.endswith(("'s", "’s", "ss")) \
                and (k + 1 >= n or tokens[k + 1].kind != WORD or not _capitalised(tokens[k + 1].text)):
            return k, kind  # a people by name: "a million Syrians", "300 Democrats"
        named = named and _capitalised(t.text)
        k += 1
    return (j - 1, kind) if kind in ("percent", "money") else None
