"""Figure claims in a sentence's tokens: a number attached to a counted thing ("18 Turkish
soldiers", "300 have been killed"), a percentage or a sum of money, and not a date, a time,
an age, a score, an address or a name with a number.

``find_figures`` looks only at the few tokens that can open a figure (``opens_figure``,
which the rule memoises per run) and reads each one (``_figure_at``).
"""

from __future__ import annotations

import re
from itertools import compress, count
from operator import itemgetter
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

_NUMBER_RE = re.compile(r"([$£€¥]?)(\d[\d.,:]*)(.*)", re.DOTALL)


class Figure(NamedTuple):
    start: int  # offset of the figure's first character
    end: int  # offset after the counted thing (or the number, when the thing is implied)
    value: float
    kind: str  # "count", "percent", "money"


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
