"""An offline English lexicon for the spelling rules: is a word English, how common, what was meant.

::

    from newslint.rules.typos.lexicon import load_lexicon
    lex = load_lexicon()                 # American and British spellings ("any")
    lex.knows("colour"), lex.knows("The"), lex.knows("don’t")      # True True True
    lex.level("the"), lex.level("colour"), lex.level("syzygy")     # 10 10 70 (None if unknown)
    lex.suggest("Observauion")                                     # ['Observation']
    lex.suggest("iof", limit=3)                                    # ['of', 'if', 'oof']
    lex.zipf("cyber"), lex.zipf("syzygy")                          # 3.98 None (rarer than 2.0)
    load_lexicon("en-GB").knows("color")                           # False

The words are SCOWL's (``words.txt`` beside this module, 238,448 words; see ``README.md``):
sizes 10 to 70 whole (135,542 words), and the 102,906 words of size 80 that are not within
one edit of a common word (size 50 or less; so "wich" and "acquited" stay unknown). A word's
*level* is its SCOWL size: 10 for the commonest words, 80 for the rarest kept.

The linter loads the lexicon on every run, so loading must be quick: rather than building a
Python set of its words, which alone would cost more than the whole load, it keeps the text of
``words.txt`` as one string and maps a prebuilt index, ``words.idx`` (written by
``scripts/build_wordlist.py``): an open-addressing hash table from each lower-cased word to
the offset of its line, and a Bloom filter over the lower-cased words, their prefixes and
their suffixes, which the suggester uses to prune its search. Levels are read from the
section a word's line lies in, so no word -> level table is built. If the index is missing
or does not match ``words.txt``, it is rebuilt in memory, slowly, with a RuntimeWarning.
Only the standard library is used.

Lookup rules (``knows``):

- a word as listed is known; a capitalised or ALL-CAPS word is also known when its lower-case
  form is listed ("The", "THE"), an ALL-CAPS word when it is a listed word in capitals
  ("PARIS"), and a capitalised word when it is a listed acronym of four letters or more
  written the British way ("Nato", "Unicef"). A lower-case word is not known from a
  capitalised entry: "paris" is unknown.
- curly apostrophes (’ and ʼ) count as straight ones: "don’t" is "don't".
- a hyphenated word is known when it is listed whole, when its solid form is ("pre-emptive",
  "co-operate", "e-mail"), or when every part is a known word, a number ("F-16") or, before
  a hyphen, a common prefix ("co-ordinate", "anti-war", "al-Assad" as "Assad" is listed).
- possessives are not the lexicon's job: strip "’s" before asking ("Assad’s" -> "Assad").

Suggestions (``suggest``) are the known words one edit away, or two when there are none
or none is in common use, ranked by the kind of slip (``COSTS``) and how common the word is
(its Zipf frequency, from ``frequencies.txt``, derived from wordfreq and read only when
first needed); see ``Lexicon.suggest``.
Answers are memoised per lexicon, so asking twice costs a dict look-up.
"""

from __future__ import annotations

import array
import bisect
import mmap
import sys
import zlib
from typing import TYPE_CHECKING

from ...context import Memo, data_path

if TYPE_CHECKING:
    from ...context import RunContext

__all__ = ["DIALECTS", "Lexicon", "load_lexicon", "build_index"]

WORDS_FILE = data_path(__file__, "words.txt")
INDEX_FILE = data_path(__file__, "words.idx")
FREQUENCIES_FILE = data_path(__file__, "frequencies.txt")

# Dialect option -> the words.txt section kinds it accepts.
DIALECTS: dict[str, frozenset[str]] = {
    "any": frozenset({"common", "us", "gb"}),
    "en-US": frozenset({"common", "us"}),
    "en-GB": frozenset({"common", "gb"}),
}

# Parts before a hyphen that are prefixes rather than words ("co-ordinate", "anti-war").
HYPHEN_PREFIXES = frozenset(
    "a al anti bi bio co counter cyber de e el ex extra hyper inter intra macro mega micro mid mis "
    "mini multi neo non over post pre pro re semi sub super trans tri ultra un under vice".split()
)
HYPHENS = ("-", "\u2010", "\u2011")  # hyphen-minus, hyphen, non-breaking hyphen
APOSTROPHES = ("\u2019", "\u02bc")  # right single quotation mark, modifier letter apostrophe


def _plain(word: str) -> str:
    """``word`` with straight apostrophes and plain hyphens."""
    for mark in APOSTROPHES:
        if mark in word:
            word = word.replace(mark, "'")
    for hyphen in HYPHENS[1:]:
        if hyphen in word:
            word = word.replace(hyphen, "-")
    return word

_MAGIC = b"NLXI"
_VERSION = 2
_P_SEED = 1  # crc32 start value for prefixes in the Bloom filter
_S_SEED = 2  # ... and for suffixes; whole words use 0, the table's own hash, and:
_W2_SEED = 3  # a second bit for whole words

_CACHE_LIMIT = 200_000  # entries in a lexicon's memo of knows() answers before it is cleared
_SUGGESTIONS_LIMIT = 10_000  # ... and in its memo of suggestions


# --------------------------------------------------------------------------------------------
# The index: built by scripts/build_wordlist.py (or in memory when stale), read by _Data.


def _entries(text: str) -> list[tuple[int, str]]:
    """(offset, word) for each word line of words.txt (not "#" comments nor "@" headers)."""
    entries = []
    pos = 0
    for line in text.split("\n"):
        if line and line[0] not in "#@":
            entries.append((pos, line))
        pos += len(line) + 1
    return entries


def _fingerprint_bits(table_bits: int, off_bits: int) -> int:
    return min(32 - off_bits, 32 - table_bits)


def build_index(text: str, *, table_bits: int | None = None, bloom_bits: int = 23) -> bytes:
    """The bytes of words.idx for ``text``, the decoded content of words.txt.

    Layout (little-endian uint32 unless noted): b"NLXI", version, crc32 of words.txt as
    UTF-8, its length in code points, number of words, table_bits, offset bits, bloom_bits,
    then the table (2**table_bits uint32: 0 for empty, else (offset + 1) | fingerprint <<
    offset_bits, the fingerprint being the top bits of the word's crc32, clear of the bits
    that pick the slot), then the Bloom
    filter (2**bloom_bits bits, bit i of byte i // 8 is i % 8).
    """
    data = text.encode("utf-8")
    entries = _entries(text)
    n = len(entries)
    if table_bits is None:
        table_bits = max(10, (n * 3 // 2).bit_length())  # load factor between 0.37 and 0.75
    off_bits = (len(text) + 1).bit_length()
    fp_bits = _fingerprint_bits(table_bits, off_bits)
    if fp_bits < 4:
        raise ValueError("word list too large for this index layout")
    size = 1 << table_bits
    tmask = size - 1
    table = array.array("I", bytes(4 * size))
    bloom = bytearray(1 << (bloom_bits - 3))
    bmask = (1 << bloom_bits) - 1
    crc32 = zlib.crc32
    seen_prefix: set[str] = set()
    seen_suffix: set[str] = set()
    for off, word in entries:
        low = word.lower()
        key = low.encode("utf-8")
        h = crc32(key)
        slot = h & tmask
        while table[slot]:
            slot = (slot + 1) & tmask
        table[slot] = (off + 1) | ((h >> (32 - fp_bits)) << off_bits)
        b = h & bmask
        bloom[b >> 3] |= 1 << (b & 7)
        b = crc32(key, _W2_SEED) & bmask
        bloom[b >> 3] |= 1 << (b & 7)
        for i in range(1, len(low) + 1):
            p = low[:i]
            if p not in seen_prefix:
                seen_prefix.add(p)
                b = crc32(p.encode("utf-8"), _P_SEED) & bmask
                bloom[b >> 3] |= 1 << (b & 7)
            s = low[-i:]
            if s not in seen_suffix:
                seen_suffix.add(s)
                b = crc32(s.encode("utf-8"), _S_SEED) & bmask
                bloom[b >> 3] |= 1 << (b & 7)
    header = array.array("I", [_VERSION, zlib.crc32(data), len(text), n, table_bits, off_bits, bloom_bits])
    if sys.byteorder != "little":
        header.byteswap()
        table.byteswap()
    return _MAGIC + header.tobytes() + table.tobytes() + bytes(bloom)


class _Data:
    """words.txt and its index, shared by the lexicons of every dialect."""

    def __init__(self, words_path: str = WORDS_FILE, index_path: str = INDEX_FILE) -> None:
        with open(words_path, "rb") as f:
            raw = f.read()
        if b"\r" in raw:  # a checkout that turned the line ends into CRLF
            raw = raw.replace(b"\r\n", b"\n")
        text = raw.decode("utf-8")
        index = None
        try:
            # Mapped, not read: a look-up touches a few pages of the table and the suggester a
            # few of the Bloom filter, so most of the file is never paged in.
            # The builder replaces the file (os.replace), so a mapping stays valid.
            with open(index_path, "rb") as f:
                index = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # missing, unreadable or empty
            pass
        header = None
        if index is not None and index[:4] == _MAGIC and len(index) >= 32:
            header = array.array("I", index[4:32])
            if sys.byteorder != "little":
                header.byteswap()
            if header[0] != _VERSION or header[2] != len(text) or header[1] != zlib.crc32(raw):
                header = None
        if header is None:
            import warnings

            warnings.warn(
                f"{index_path} is missing or out of date for {words_path}; building it in memory "
                "(run scripts/build_wordlist.py to write it)",
                RuntimeWarning,
                stacklevel=3,
            )
            index = build_index(text)
            header = array.array("I", index[4:32])
            if sys.byteorder != "little":
                header.byteswap()
        _, _, _, self.count, table_bits, off_bits, bloom_bits = header
        table_end = 32 + 4 * (1 << table_bits)
        table = memoryview(index)[32:table_end]
        if sys.byteorder == "little":
            self.table = table.cast("I")
        else:  # pragma: no cover - no big-endian machine to test on
            t = array.array("I", table.tobytes())
            t.byteswap()
            self.table = t
        self.bloom = memoryview(index)[table_end:]  # no copy
        self.tmask = (1 << table_bits) - 1
        self.bmask = (1 << bloom_bits) - 1
        self.off_bits = off_bits
        self.off_mask = (1 << off_bits) - 1
        self.fp_shift = 32 - _fingerprint_bits(table_bits, off_bits)  # fingerprint = h >> fp_shift
        self.text = text
        # Sections: "@<level> <kind>" lines. Few (27), so found with str.find.
        starts, levels, kinds = [], [], []
        i = 0 if text.startswith("@") else text.find("\n@") + 1
        while i > 0 or (i == 0 and text.startswith("@")):
            j = text.find("\n", i)
            level, _, kind = text[i + 1 : j].partition(" ")
            starts.append(i)
            levels.append(int(level))
            kinds.append(kind.strip())
            i = text.find("\n@", j) + 1
            if i == 0:
                break
        self.section_starts = starts
        self.section_levels = levels
        self.section_kinds = kinds
        self._frequencies: Frequencies | None = None

    @property
    def frequencies(self) -> Frequencies:
        """The word frequencies, read on first use: most runs never need them."""
        if self._frequencies is None:
            self._frequencies = Frequencies()
        return self._frequencies

    def forms(self, low: str, h: int | None = None) -> list[tuple[str, int]]:
        """(word, section) for every listed word whose lower-case form is ``low``."""
        if h is None:
            h = zlib.crc32(low.encode("utf-8"))
        b = h & self.bmask
        if not (self.bloom[b >> 3] >> (b & 7)) & 1:
            return []
        table, text, tmask, off_mask = self.table, self.text, self.tmask, self.off_mask
        fp = h >> self.fp_shift
        shift = self.off_bits
        n = len(low)
        slot = h & tmask
        out = []
        while True:
            v = table[slot]
            if not v:
                return out
            if v >> shift == fp:
                off = (v & off_mask) - 1
                if text[off + n : off + n + 1] == "\n":
                    word = text[off : off + n]
                    if word == low or word.lower() == low:
                        out.append((word, bisect.bisect_right(self.section_starts, off) - 1))
            slot = (slot + 1) & tmask


class Frequencies:
    """Zipf frequencies of lowercase words (``frequencies.txt``, derived from wordfreq).

    The file is kept as one string and bisected (its lines are sorted by word): reading it
    is far cheaper than building a dict of its words, which would be a visible share of a
    cold start. A word missing from it is rarer than the file's floor (Zipf 2.0), or not a word.
    """

    def __init__(self, path: str = FREQUENCIES_FILE) -> None:
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except OSError:  # a trimmed install: no frequencies, every word rare
            raw = b""
        if b"\r" in raw:
            raw = raw.replace(b"\r\n", b"\n")
        text = raw.decode("utf-8")
        if text and not text.endswith("\n"):
            text += "\n"
        start = 0
        while text.startswith("#", start):  # the header
            start = text.find("\n", start) + 1
        # Bisection looks one character back for a line break: start after one.
        self.text = text if start else "\n" + text
        self.start = start or 1
        self._zipf = Memo(self._look_up, _CACHE_LIMIT)

    def zipf(self, word: str) -> float | None:
        """The Zipf frequency of ``word`` (lowercase), or None below the floor."""
        return self._zipf[word]

    def _look_up(self, word: str) -> float | None:
        text = self.text
        lo, hi = self.start, len(text)  # both at the start of a line
        found = None
        while lo < hi:
            mid = (lo + hi) // 2
            s = text.rfind("\n", lo - 1, mid) + 1  # the start of mid's line
            tab = text.find("\t", s)
            w = text[s:tab]
            if w == word:
                found = float(text[tab + 1 : text.find("\n", tab)])
                break
            if w < word:
                lo = text.find("\n", tab) + 1
            else:
                hi = s
        return found


def load_lexicon(dialect: str = "any", context: RunContext | None = None) -> Lexicon:
    """The lexicon for ``dialect``: "any" (American and British spellings), "en-US" or "en-GB".

    With a run context it is loaded once per run, the dialects sharing one copy of the data
    (and the lexicon's memo of answers); without one, it is loaded afresh.
    """
    if dialect not in DIALECTS:
        raise ValueError(f"unknown dialect {dialect!r}: expected one of {', '.join(DIALECTS)}")
    if context is None:
        return Lexicon(_Data(), dialect)
    return context.load(Lexicon, context.load(_Data), dialect)


# --------------------------------------------------------------------------------------------
# Suggestions: Norvig-style edits, pruned with the prefix and suffix filter.

_ALPHABET = "abcdefghijklmnopqrstuvwxyz'é"
_VOWELS = frozenset("aeiouyé")
_KEYS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_POS = {c: (r, i + 0.5 * r) for r, row in enumerate(_KEYS) for i, c in enumerate(row)}


# What each kind of slip costs when ranking suggestions (lower = likelier). Omissions, doubled
# or undoubled letters, swapped neighbours, vowel mix-ups and neighbouring keys are the
# commonest typing and spelling slips, and the first letter is seldom the wrong one. The
# figures were fitted on half of codespell's list of misspellings (the even lines) and checked
# on the other half: 92.0% right first suggestions on the held-out half, against 89.4% with
# the hand-set costs first tried (0.5 to 1.0); see scripts/measure_spelling.py.
COSTS = {
    "swap": 0.3,  # two neighbours swapped: "teh"
    "missing": 0.4,  # a letter left out: "goverment"
    "missing-double": 0.2,  # one of a double letter left out: "acomodate"
    "extra": 0.7,  # a letter too many: "untill"
    "extra-double": 0.3,  # a letter typed twice: "occassion"
    "vowel": 0.5,  # a vowel for another: "seperate"
    "key": 0.8,  # a neighbouring key: "wprd"
    "other": 1.0,  # any other letter
    "first": 0.2,  # added when the slip is in the first letter, which is seldom wrong
}
FULL_LEVEL = 70  # the largest SCOWL size words.txt holds whole; above it, only a filtered part
NAME_COST = 0.5  # a name (capitalised entry) offered for a lower-case word
# How common a candidate is (its Zipf frequency, frequencies.txt) weighs against the cost of
# the slip: each Zipf step (a factor of ten) below TOP_ZIPF costs FREQ_COST, so "has" (6.4)
# beats "ha" (4.6) for "haa", and "the" beats "tube" for "tbe". A listed word missing from
# the frequencies counts as UNLISTED_ZIPF, a little below their floor (2.0).
FREQ_COST = 0.25
TOP_ZIPF = 7.0
UNLISTED_ZIPF = 1.5
DIST2_COST = 0.3  # added to a candidate two edits away, besides the cost of its two slips
RARE_ZIPF = 3.0  # one-edit candidates all rarer than this: look two edits away too ...
WIDEN_LENGTH = 6  # ... for a word this long or longer
CASE_COST = 0.3  # the right letters in the wrong capitals ("paris" -> "Paris")


def _sub_kind(a: str, b: str) -> str:
    """The kind of slip of typing ``a`` for ``b``."""
    if a in _VOWELS and b in _VOWELS:
        return "vowel"
    pa, pb = _KEY_POS.get(a), _KEY_POS.get(b)
    if pa and pb and abs(pa[0] - pb[0]) <= 1 and abs(pa[1] - pb[1]) <= 1.0:
        return "key"
    return "other"


def _match_case(word: str, form: str) -> str:
    if len(word) > 1 and word.isupper():
        return form.upper()
    if word[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


class Lexicon:
    """Words of one dialect; get one with ``load_lexicon``."""

    def __init__(self, data: _Data, dialect: str) -> None:
        self.dialect = dialect
        self._data = data
        kinds = DIALECTS[dialect]
        self._allowed = [kind in kinds for kind in data.section_kinds]
        self._levels = data.section_levels
        self._known = Memo(self._judge, _CACHE_LIMIT)
        self._suggestions = Memo(self._suggest_key, _SUGGESTIONS_LIMIT)
        self._bloom = data.bloom
        self._bmask = data.bmask

    def __repr__(self) -> str:
        return f"<Lexicon {self.dialect}: {self._data.count} words>"

    def __contains__(self, word: str) -> bool:
        return self.knows(word)

    # ---- lookups

    def _forms(self, low: str, h: int | None = None) -> list[tuple[str, int]]:
        allowed = self._allowed
        return [(w, s) for w, s in self._data.forms(low, h) if allowed[s]]

    def _matches(self, word: str) -> list[tuple[str, int]]:
        """The listed forms that make ``word`` (no hyphens, straight apostrophes) known."""
        if not word:
            return []
        forms = self._forms(word.lower())
        if not forms:
            return []
        out = [f for f in forms if f[0] == word]
        if word[0].isupper():
            low = word.lower()
            out += [f for f in forms if f[0] == low]
            if len(word) > 1 and word.isupper():
                out += [f for f in forms if f[0].upper() == word and f[0] != word]
            elif len(word) >= 4 and word[1:].islower():
                out += [f for f in forms if f[0].isupper() and f[0].capitalize() == word]
        return out

    def _known_hyphenated(self, word: str) -> bool:
        """``word`` (plain hyphens) is listed whole, or written solid ("pre-emptive" for
        "preemptive", "e-mail"), or every part is a word, a number ("F-16") or a prefix."""
        if self._matches(word):
            return True
        parts = word.split("-")
        if not all(parts):
            return False
        if self._matches("".join(parts)):
            return True
        last = len(parts) - 1
        for i, part in enumerate(parts):
            if not (
                self._matches(part)
                or part.isdigit()
                or (i < last and part.lower() in HYPHEN_PREFIXES)
            ):
                return False
        return True

    def knows(self, word: str) -> bool:
        """True if ``word`` is English in this dialect (see the module docstring for the rules)."""
        return self._known[word]

    def _judge(self, word: str) -> bool:
        w = _plain(word)
        return self._known_hyphenated(w) if "-" in w else bool(self._matches(w))

    def level(self, word: str) -> int | None:
        """SCOWL size of ``word`` (10 commonest ... 80 rarest), or None if unknown.

        A known hyphenated word that is not listed whole gets the level of its solid form
        ("e-mail" that of "email"), or else that of its rarest part (prefixes and numbers
        aside: "co-ordinate" that of "ordinate"). When the solid form is one of the size-80
        words (above ``FULL_LEVEL``), the lower of the two: "long-term" gets the level of
        "long" and "term" (10), not that of "longterm" (80).
        """
        w = _plain(word)
        matches = self._matches(w)
        if matches:
            return min(self._levels[s] for _, s in matches)
        if "-" not in w or not self.knows(w):
            return None
        parts = w.split("-")
        matches = self._matches("".join(parts))
        solid = min(self._levels[s] for _, s in matches) if matches else None
        levels = [
            min(self._levels[s] for _, s in m)
            for i, p in enumerate(parts)
            if not (i < len(parts) - 1 and p.lower() in HYPHEN_PREFIXES)
            for m in [self._matches(p)]
            if m
        ]
        parts_level = max(levels, default=None)
        if solid is None or parts_level is None or solid <= FULL_LEVEL:
            return parts_level if solid is None else solid
        # A solid form from the partial size-80 list: the commoner reading ("long-term" is
        # common though "longterm" is a size-80 word).
        return min(solid, parts_level)

    def zipf(self, word: str) -> float | None:
        """How common ``word`` is in current English: its Zipf frequency (log10 of uses per
        billion words; "the" 7.7, "cyber" 4.0, "recieve" 2.8) from ``frequencies.txt``, case
        aside, or None for a word rarer than Zipf 2.0 or not of a-z only (and apostrophes). It says nothing of
        whether the word is spelled right: frequency lists hold common typos too.
        Read lazily: the first call loads the file (about a millisecond)."""
        return self._data.frequencies.zipf(_plain(word).lower())

    def listed(self, low: str) -> bool:
        """Whether the lower-case ``low`` is in words.txt in any dialect and capitals
        ("colour" in the en-US lexicon too, where it is not known; "paris" as "Paris")."""
        return bool(self._data.forms(low))

    def _prior(self, low: str) -> float:
        """How common the listed word ``low`` is, for ranking: its Zipf frequency or UNLISTED_ZIPF."""
        z = self._data.frequencies.zipf(low)
        return UNLISTED_ZIPF if z is None else z

    def neighbours(self, word: str) -> dict[str, float]:
        """The known words one edit from ``word`` (lower-case), with the cost of the slip
        (``COSTS``) that would have turned each into ``word``."""
        x = _plain(word).lower()
        if not x or "-" in x:
            return {}
        return {c: cost for c, (_, cost, _, _) in self._candidates(x, 1).items() if c != x}

    # ---- suggestions

    def _has_prefix(self, s: str) -> bool:
        b = zlib.crc32(s.encode("utf-8"), _P_SEED) & self._bmask
        return bool((self._bloom[b >> 3] >> (b & 7)) & 1)

    def _has_suffix(self, s: str) -> bool:
        b = zlib.crc32(s.encode("utf-8"), _S_SEED) & self._bmask
        return bool((self._bloom[b >> 3] >> (b & 7)) & 1)

    def _prefix_len(self, s: str, start: int = 0) -> int:
        """Length of the longest prefix of ``s`` that begins some word (at least ``start``)."""
        k, n = start, len(s)
        has = self._has_prefix
        while k < n and has(s[: k + 1]):
            k += 1
        return k

    def _suffix_start(self, s: str, start: int | None = None, floor: int = 0) -> int:
        """Smallest k >= ``floor`` such that ``s[k:]`` ends some word; ``s[start:]`` is known to."""
        k = len(s) if start is None else start
        has = self._has_suffix
        while k > floor and has(s[k - 1 :]):
            k -= 1
        return k

    def _word_hash(self, c: str) -> int | None:
        """crc32 of ``c`` if the Bloom filter says it may be a word (1% false positives)."""
        key = c.encode()
        h = zlib.crc32(key)
        bloom, bmask = self._bloom, self._bmask
        b = h & bmask
        if (bloom[b >> 3] >> (b & 7)) & 1:
            b = zlib.crc32(key, _W2_SEED) & bmask
            if (bloom[b >> 3] >> (b & 7)) & 1:
                return h
        return None

    def _add(self, found: dict, c: str, h: int, dist: int, kinds: tuple) -> None:
        """Record the word ``c`` (crc32 ``h``), if it is one, reached by the slips ``kinds``."""
        cost = sum([COSTS[k] for k in kinds])
        entry = found.get(c)
        if entry is not None:
            if dist < entry[0] or (dist == entry[0] and cost < entry[1]):
                entry[0], entry[1], entry[3] = dist, cost, kinds
            return
        forms = self._forms(c, h)
        if forms:
            found[c] = [dist, cost, forms, kinds]

    def _enders(self, cache: dict):
        """A function: tail -> the letters y for which y + tail ends some word (memoised)."""
        has = self._has_suffix

        def enders(tail: str) -> str:
            letters = cache.get(tail)
            if letters is None:
                letters = cache[tail] = "".join([y for y in _ALPHABET if has(y + tail)])
            return letters

        return enders

    def _edits(self, s: str, lo: int, hi: int, tail_min: int, found: dict, dist: int, base: tuple, enders) -> None:
        """Add to ``found`` the words one edit from ``s``, the edit at position ``lo``..``hi``
        and the untouched tail starting at ``tail_min`` or later (it must end some word)."""
        n = len(s)
        word, add = self._word_hash, self._add
        for i in range(max(lo, 0), min(hi, n) + 1):
            a, b = s[:i], s[i:]
            before = a[-1:]
            base_i = base + ("first",) if i == 0 else base
            if b:
                x, rest = b[0], b[1:]
                if rest and x != rest[0] and i + 2 >= tail_min:
                    c = a + rest[0] + x + rest[1:]  # swap x and the next letter
                    h = word(c)
                    if h is not None:
                        add(found, c, h, dist, base_i + ("swap",))
                if i + 1 >= tail_min:
                    c = a + rest  # delete x
                    h = word(c)
                    if h is not None:
                        add(found, c, h, dist, base_i + (("extra-double",) if x == before or x == rest[:1] else ("extra",)))
                    for y in enders(rest):  # replace x
                        if y != x:
                            c = a + y + rest
                            h = word(c)
                            if h is not None:
                                add(found, c, h, dist, base_i + (_sub_kind(x, y),))
            if i >= tail_min:
                after = b[:1]
                for y in enders(b):  # insert a letter
                    c = a + y + b
                    h = word(c)
                    if h is not None:
                        add(found, c, h, dist, base_i + (("missing-double",) if y == before or y == after else ("missing",)))

    @staticmethod
    def _first_edits(s: str, hi: int):
        """(e, i, end, change, kinds) for every single edit of ``s`` at a position i in
        0..``hi``: e is the edited string, s[end:] the part of s after the edit (it is
        e[end + change:]), change the change of length and kinds the kind of slip undone."""
        n = len(s)
        for i in range(0, min(hi, n) + 1):
            a, b = s[:i], s[i:]
            before = a[-1:]
            lead = ("first",) if i == 0 else ()
            if b:
                x, rest = b[0], b[1:]
                yield a + rest, i, i + 1, -1, lead + (("extra-double",) if x == before or x == rest[:1] else ("extra",))
                if rest and x != rest[0]:
                    yield a + rest[0] + x + rest[1:], i, i + 2, 0, lead + ("swap",)
                for y in _ALPHABET:
                    if y != x:
                        yield a + y + rest, i, i + 1, 0, lead + (_sub_kind(x, y),)
            after = b[:1]
            for y in _ALPHABET:
                yield a + y + b, i, i, 1, lead + (("missing-double",) if y == before or y == after else ("missing",))

    def _candidates(self, x: str, max_distance: int) -> dict:
        """lower-case word -> [distance, cost, forms, kinds of slip] for the words nearest to
        ``x``: those one edit away, and those two edits away when there are none or, for a
        word of ``WIDEN_LENGTH`` letters or more, when none is in common use (Zipf
        ``RARE_ZIPF`` or more): "govenors" is "governors" misspelt, not "goners".

        (Searching two edits away even when there are words one edit away, and ranking all by
        cost, gained 0.2 points of right first suggestions and made the search far slower.)"""
        n = len(x)
        px = self._prefix_len(x)
        sx = self._suffix_start(x)
        found: dict = {}
        enders = self._enders({})
        self._edits(x, 0, px, sx, found, 1, (), enders)
        found.pop(x, None)
        if max_distance < 2 or n < 4:
            return found
        if found and (n < WIDEN_LENGTH or any(self._prior(c) >= RARE_ZIPF for c in found)):
            return found
        # Distance 2, with the edits taken left to right: the first edit, at i, leaves e with
        # e[:i+1] == w[:i+1] for the word w sought (for any two edits there is such an order),
        # so e[:i+1] must begin a word and the second edit comes after i.
        has_prefix, suffix_start = self._has_prefix, self._suffix_start
        word, add = self._word_hash, self._add
        # The exception: two letters deleted side by side ("depenending"), where the first
        # deletion alone leaves a prefix that begins no word.
        for i in range(max(sx - 2, 0), min(px, n - 2) + 1):
            c = x[:i] + x[i + 2 :]
            h = word(c)
            if h is not None:
                add(found, c, h, 2, ("extra", "extra") + (("first",) if i == 0 else ()))
        for e, i, edit_end, dl, kinds in self._first_edits(x, px):
            if i >= len(e) or not has_prefix(e[: i + 1]):
                continue
            pe = self._prefix_len(e, i + 1)
            # x[sx:] ends a word, so e's copy of x's tail from max(sx, edit_end) does too;
            # the second edit must leave a word-ending tail starting by pe + 2.
            tail = max(sx, edit_end) + dl
            if tail > pe + 2:
                tail = suffix_start(e, tail, floor=pe + 2)
                if tail > pe + 2:
                    continue
            lo = i + 1
            tail = suffix_start(e, tail, floor=lo)
            self._edits(e, lo, pe, tail, found, 2, kinds, enders)
        found.pop(x, None)
        return found

    def suggest(self, word: str, limit: int = 5, *, max_distance: int = 2) -> list[str]:
        """Up to ``limit`` known words close to ``word``, best first, in ``word``'s case;
        none for a word the lexicon knows.

        Candidates are the known words one edit away (a letter left out, a letter too many,
        a wrong letter, two neighbours swapped), and, when ``max_distance`` is 2, two edits
        away when there are none or, for a word of ``WIDEN_LENGTH`` letters or more, when
        none of them is in common use (Zipf ``RARE_ZIPF``); words under four letters stop
        at one. They are ranked by the cost of the slips (``COSTS``: a letter left out, a
        doubled or undoubled letter, swapped neighbours and vowel mix-ups are cheap, any
        other letter dear; ``DIST2_COST`` more for two slips) plus ``FREQ_COST`` for each
        step of Zipf frequency below ``TOP_ZIPF`` (so "haa" gives "has" before "ha", "tbe"
        "the" before "tube"), plus ``NAME_COST`` for a name offered for a lower-case word.
        The same letters in other capitals ("paris" -> "Paris") cost ``CASE_COST`` plus
        the frequency term. For a hyphenated word, its one unknown part is corrected
        ("co-ordinnate" -> "co-ordinate").

        Most words are settled one edit away; the search two edits away is what is dear, and
        ``max_distance=1`` leaves it out.
        """
        return list(self._suggestions[word, limit, max_distance])

    def _suggest_key(self, key: tuple[str, int, int]) -> list[str]:
        return self._suggest(*key)

    def _suggest(self, word: str, limit: int, max_distance: int) -> list[str]:
        w = _plain(word)
        if not w or limit <= 0 or self.knows(w):
            return []
        if "-" in w.strip("-"):
            parts = w.split("-")
            unknown = [
                i
                for i, p in enumerate(parts)
                if p and not (self.knows(p) or p.isdigit() or p.lower() in HYPHEN_PREFIXES)
            ]
            if len(unknown) != 1:
                return []
            i = unknown[0]
            out = []
            for s in self._suggest(parts[i], limit, max_distance):
                out.append("-".join(parts[:i] + [s] + parts[i + 1 :]))
            return out
        x = w.lower()
        lower_input = not w[:1].isupper()
        levels = self._levels
        prior = self._prior
        ranked: list[tuple[tuple, str]] = []
        # Right letters, wrong capitals ("paris" -> "Paris", "nasa" -> "NASA"), as listed.
        for form, s in self._forms(x):
            if form != w:
                ranked.append(((CASE_COST + FREQ_COST * (TOP_ZIPF - prior(x)), levels[s]), form))
        for c, (dist, cost, forms, _) in self._candidates(x, max_distance).items():
            best = None
            base = cost + FREQ_COST * (TOP_ZIPF - prior(c)) + (DIST2_COST if dist > 1 else 0.0)
            for form, s in forms:
                level = levels[s]
                # a name costs more as a correction of a lower-case word
                score = (base + (NAME_COST if lower_input and form[:1].isupper() else 0.0), level)
                if best is None or score < best[0]:
                    best = (score, _match_case(w, form))
            ranked.append(best)
        ranked.sort()
        out: list[str] = []
        for _, s in ranked:
            if s not in out and s != w:
                out.append(s)
                if len(out) >= limit:
                    break
        return out
