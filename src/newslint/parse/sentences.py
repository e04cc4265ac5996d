"""An abbreviation-aware sentence splitter for news copy.

A sentence ends at ``.``, ``!``, ``?`` or an ellipsis (with any closing quotes or
brackets) followed by whitespace and something that can start a sentence: a capital, a
digit or an opening quote. It does not end after a title (``Mr.``, ``Gen.``, ``St.``), a
month before a day (``Feb. 5``), ``No. 5``, an initial (``John F. Kennedy``), or an
acronym with dots (``U.N.``, ``a.m.``) unless the next word is one that usually opens a
sentence. A regex splitter of this kind scored precision 1.0 / recall 0.98 on the seed
sentences at a fraction of a millisecond per 1,000 words (see ../shared/notes).
"""

from __future__ import annotations

import re

# A run of terminal punctuation and any closing quotes/brackets; split_sentences checks that
# it is a run's first mark and that whitespace follows. The pattern matches wherever a run
# starts and takes all of it, so the search is linear even on a line of 10 MB of dots, and it
# starts with the marks, so re skips ahead to them (look-arounds here made it twice as slow).
# The end of a sentence: its marks, closing quotes and brackets, and a reference marker that
# may follow them ("... leadership.”[nL2N1N80D3] Other", a footnote's "[12]").
_END_RE = re.compile(r"(?:[.!?]++|…++)[\"”’'»)\]]*+(?:\[[^\[\]\s]{1,20}\])?")
_MARKS = ".!?…"
_NEXT_RE = re.compile(r"\s+([\"“‘'«(\[]*)(\S)")
_WORD_BEFORE_RE = re.compile(r"(\S+?)[\"”’'»)\]]*$")

# Never end a sentence: a name or a number follows.
TITLES = frozenset(
    """mr mrs ms messrs dr prof gen sen rep gov lt col sgt capt cmdr adm maj cpl pvt brig
    rev fr st mt ft pres supt insp det hon amb sec atty gens sens reps govs vs v
    approx ca cf""".split()
)
# End a sentence unless a number follows: "Feb. 5", "No. 1", "Nos. 3 and 4".
# Date words, shared with the rules that must tell a date from a figure or a phrase.
MONTH_NAMES = frozenset(
    "january february march april may june july august september october november december".split()
)
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
BEFORE_NUMBERS = MONTH_ABBREVIATIONS | {"no", "nos"}
# After an acronym with dots (U.S., U.N., a.m.) the sentence ends only if one of these follows.
STARTERS = frozenset(
    """the a an he she it they we i you his her its their our my this that these those there
    here but and or so yet in on at by for from with as after before when while if
    although though however meanwhile still also then now some many most all one two
    no not officials police authorities""".split()
)
# [^\W\d_] is re's letter class (it also takes the rare non-decimal numbers such as ½).
# A list item run into its paragraph ("... of eight years. * Imposes a new tax ...", scraped
# copy whose list lost its line breaks) starts a sentence at its bullet.
BULLETS = frozenset("*•▪◦‣")
_ACRONYM_RE = re.compile(r"(?:[^\W\d_]\.){2,}$")
_LETTERS_RE = re.compile(r"[^\W\d_]+")


def _is_initial(word: str) -> bool:
    """``F.`` of "John F. Kennedy"."""
    return len(word) >= 2 and word[-1] == "." and word[-2].isupper() and word[-2].isalpha()


def _ends_here(prose: str, end_match: re.Match, next_match: re.Match) -> bool:
    opener, first = next_match.group(1), next_match.group(2)
    if not (first.isupper() or first.isdigit() or opener or first in BULLETS):
        return False
    punct = end_match.group()
    if punct.startswith("…") or punct.startswith("..."):
        return _starts_sentence(prose, next_match)
    if not punct.startswith(".") or punct.startswith(".."):
        return True  # ! or ?
    before = _WORD_BEFORE_RE.search(prose, max(0, end_match.start() - 40), end_match.start() + 1)
    if before is None:
        return True
    word = before.group(1)
    bare = word.rstrip(".").lstrip("\"“‘'«([").lower()
    if bare in TITLES:
        return False
    if bare in BEFORE_NUMBERS:
        return not first.isdigit()
    if _ACRONYM_RE.search(word) or _is_initial(word):
        # "the U.N. Security Council", "John F. Kennedy" go on; "... the U.N. The agency" ends.
        return _starts_sentence(prose, next_match)
    return True


def _starts_sentence(prose: str, next_match: re.Match) -> bool:
    if next_match.group(1):
        return True
    start = next_match.start(2)
    word = _LETTERS_RE.match(prose, start, start + 20)
    return bool(word) and word.group().lower() in STARTERS


def split_sentences(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``prose[start:end]``, trimmed of surrounding space."""
    spans: list[tuple[int, int]] = []
    sentence_start = start
    for m in _END_RE.finditer(prose, start, end):
        if m.end() == end or not prose[m.end()].isspace():
            continue
        if m.start() > 0 and prose[m.start() - 1] in _MARKS:
            continue  # inside a run of marks ("?…"): the run's first mark decides
        nxt = _NEXT_RE.match(prose, m.end(), end)
        if nxt is None:
            continue
        if _ends_here(prose, m, nxt):
            spans.append((sentence_start, m.end()))
            sentence_start = nxt.start(1)
    spans.append((sentence_start, end))
    return [t for t in (_trim(prose, s, e) for s, e in spans) if t is not None]


def _trim(prose: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and prose[start].isspace():
        start += 1
    while end > start and prose[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
