"""Wordings a spinner's thesaurus leaves (spin_synonyms.txt), found in an article: SPN100's
statistical evidence, for spinners whose fingerprints the phrase table does not list.

A spinner swaps words for thesaurus synonyms of any sense and register. Each swap on its
own is a real word, but edited copy would have said the same thing with a far commoner one:
"lawgivers" for lawmakers, "belike" for probably, "right smart" for way. The data file lists,
from WordNet 3.0 and word frequencies, the forms for which that is so, with the commoner
synonym (see ``scripts/build_spin_synonyms.py``). Any one of them is a writer's choice; a
dozen distinct ones in a short story is a spinner's. So the evidence is counted per distinct
form, weighed by how much commoner the synonym is, and only outside quotations (a quote is
what someone said) and in lowercase words (names and sentence starts stay out).

A spinner swaps blind to a word's neighbours, so a swap also breaks a collocation: the pair it
leaves ("belike will") is one edited English does not use, and the pair with the likely
original put back ("probably will") is a common one. Such a pair (checked against
spin_bigrams.txt, from Google Books Ngram counts) adds CONFIRMED_WEIGHT to the evidence: it is
what a thesaurus swap leaves and a writer's rare word, which sits in its usual company, does not.

Both files are kept as one sorted string and bisected (the synonyms per distinct word that
starts a form, which the file's first line lists; the pairs per look-up), the synonyms'
answers memoised for the run: building a dict of their lines would cost a cold start more
than the look-ups of many articles.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate
from typing import TYPE_CHECKING

from ...context import Memo, data_path
from ...document import Document
from .phrases import Match, document_matches, prose_words

if TYPE_CHECKING:
    from ...context import RunContext

SYNONYMS = "spin_synonyms.txt"  # beside this module
PAIRS = "spin_bigrams.txt"  # beside this module
# What a single word is worth as evidence: it must be rare (Zipf <= MAX_ZIPF: once in a
# million words of general English, or rarer) and have a synonym MIN_GAP Zipf (about 30
# times) commoner; it then weighs that gap, at most MAX_WEIGHT. A multi-word expression edited English never
# uses (SemCor), with a common one-word synonym, weighs PHRASE_WEIGHT. Tuned on the dev part
# of the evaluation (eval/spin.py --tuning), never on its held-out spinner.
MAX_ZIPF = 3.0
MIN_GAP = 1.5
MAX_WEIGHT = 3.0
PHRASE_WEIGHT = 1.5
# A spinner phrase of the table (SPN001) is near-certain evidence: each distinct one weighs this.
TABLE_WEIGHT = 3.0
# A distinct word pair that spin_bigrams.txt does not list but lists with the unlikely word's
# likely original put back ("belike will": "probably will") adds this to the evidence.
CONFIRMED_WEIGHT = 0.5
# The statistical verdict: evidence of at least MIN_EVIDENCE, and of ALLOWANCE (what any clean
# article may hold) plus EVIDENCE_PER_1000 for every 1,000 words. The defaults of SPN100's
# options; SPN001 reports unlikely wordings only in an article past them.
MIN_EVIDENCE = 5.0
ALLOWANCE = 1.0
EVIDENCE_PER_1000 = 27.0
_MEMO_LIMIT = 100_000


@dataclass(frozen=True, slots=True)
class Synonym:
    """One line of the file: a form, the commoner wording it likely replaced, and the Zipf
    frequencies of both (None for a multi-word form)."""

    form: str
    likely: str
    zipf: float | None
    likely_zipf: float

    @property
    def weight(self) -> float:
        """How much one distinct use of the form counts towards a verdict (0: nothing)."""
        if self.zipf is None:
            return PHRASE_WEIGHT
        gap = self.likely_zipf - self.zipf
        return min(gap, MAX_WEIGHT) if self.zipf <= MAX_ZIPF and gap >= MIN_GAP else 0.0


class SynonymTable:
    """spin_synonyms.txt as one sorted string, looked up by first word (see the module doc)."""

    def __init__(self, path: str | None = None) -> None:
        try:
            with open(path or data_path(__file__, SYNONYMS), encoding="utf-8") as f:
                text = f.read()
        except OSError:  # a trimmed install: no statistical evidence, the table alone
            text = ""
        if "\r" in text:
            text = text.replace("\r\n", "\n")
        if text and not text.endswith("\n"):
            text += "\n"
        start = 0
        while text.startswith("#", start):
            start = text.find("\n", start) + 1
        self.first_words: frozenset[str] = frozenset()
        if text.startswith("@", start):  # the sieve: every word a form starts with
            end = text.find("\n", start)
            self.first_words = frozenset(text[start + 1 : end].split())
            start = end + 1
        self.text = text if start else "\n" + text  # bisection looks one character back
        self.start = start or 1
        self.by_first_word = Memo(self._look_up, _MEMO_LIMIT)
        self.starts = Memo(self._starts, _MEMO_LIMIT)

    def _starts(self, word: str) -> tuple[Synonym | None, dict[str, Synonym], dict[tuple[str, str], Synonym]] | None:
        """What the matcher needs of ``by_first_word``: the word's own entry, and the phrases
        it starts keyed by their next word (two words) or next two (three words); None when
        no entry counts (weight 0)."""
        single, two, three = None, {}, {}
        for entry in self.by_first_word[word]:
            if entry.weight > 0:
                rest = entry.form.split(" ")[1:]
                if not rest:
                    single = entry
                elif len(rest) == 1:
                    two[rest[0]] = entry
                else:
                    three[tuple(rest)] = entry
        return (single, two, three) if single is not None or two or three else None

    def _look_up(self, word: str) -> tuple[Synonym, ...]:
        """Every entry that is ``word`` or starts with it and a space, the word itself first.
        Lines sort as their forms do (a tab sorts before any character of a form)."""
        text = self.text
        lo, hi = self.start, len(text)  # both at the start of a line
        while lo < hi:  # the first line whose form is >= word
            mid = (lo + hi) // 2
            s = text.rfind("\n", lo - 1, mid) + 1
            tab = text.find("\t", s)
            if text[s:tab] < word:
                lo = text.find("\n", tab) + 1
            else:
                hi = s
        out = []
        prefix = word + " "
        while lo < len(text):
            end = text.find("\n", lo)
            form, likely, zipf, likely_zipf = text[lo:end].split("\t")
            if form != word and not form.startswith(prefix):
                break
            out.append(Synonym(form, likely, None if zipf == "-" else float(zipf), float(likely_zipf)))
            lo = end + 1
        return tuple(out)


class PairTable:
    """spin_bigrams.txt as one sorted string: ``attested(first, second)`` bisects it."""

    def __init__(self, path: str | None = None) -> None:
        try:
            with open(path or data_path(__file__, PAIRS), encoding="utf-8") as f:
                text = f.read()
        except OSError:  # a trimmed install: no pair is attested, so none confirms a swap
            text = ""
        start = 0
        while text.startswith("#", start):
            start = text.find("\n", start) + 1
        self.text = "\n" + text[start:].replace("\r\n", "\n").strip("\n") + "\n"

    def attested(self, first: str, second: str) -> bool:
        key = f"{first} {second}"
        text = self.text
        lo, hi = 1, len(text)  # both at the start of a line
        while lo < hi:
            mid = (lo + hi) // 2
            s = text.rfind("\n", lo - 1, mid) + 1
            end = text.find("\n", s)
            line = text[s:end]
            if line == key:
                return True
            if line < key:
                lo = end + 1
            else:
                hi = s
        return False


@dataclass(frozen=True, slots=True)
class Unlikely:
    """A wording of the article that a commoner synonym would have said: evidence of spinning.
    A single word keeps its neighbours (lowercase words a space away, else None), whose pairs
    with it may confirm the swap (see Confirmed)."""

    start: int
    end: int
    synonym: Synonym
    before: str | None = None
    after: str | None = None


@dataclass(frozen=True, slots=True)
class Confirmed:
    """A word pair edited English does not use, around an unlikely word, that it does use with
    the word's likely original put back: "belike will" for "probably will"."""

    start: int
    end: int
    form: str  # the unlikely word
    written: str
    likely: str


def unlikely_wordings(doc: Document, context: RunContext) -> list[Unlikely]:
    """Every use of a form of spin_synonyms.txt that counts (weight > 0), outside quotations,
    in lowercase words; the longest form at each word, never overlapping."""
    table = context.load(SynonymTable)
    starts = table.starts
    # Most words start no form: only the tokens of the article's words that do are looked
    # at (a token with a capital is not in the set, and is never looked up).
    hits = prose_words(doc) & table.first_words
    if not hits:
        return []
    text = doc.text
    found: list[Unlikely] = []
    for sentence in doc.sentences:
        words = sentence.words
        n = len(words)
        after = 0  # the first word a match may start at (matches never overlap)
        # a token is (kind, start, end, text): indexed, it is read faster than by name
        for i in [i for i, word in enumerate(words) if word[3] in hits]:
            if i < after:
                continue
            found_here = starts[words[i][3]]
            if found_here is None:  # no form of this word weighs anything
                continue
            single, two, three = found_here
            length, entry = 1, single
            # the longest form first; the words of a phrase must follow each other, a space apart
            if three and i + 2 < n:
                found3 = three.get((words[i + 1][3], words[i + 2][3]))
                if found3 is not None and text[words[i][2] : words[i + 1][1]] == " " \
                        and text[words[i + 1][2] : words[i + 2][1]] == " ":
                    length, entry = 3, found3
            if length == 1 and two and i + 1 < n:
                found2 = two.get(words[i + 1][3])
                if found2 is not None and text[words[i][2] : words[i + 1][1]] == " ":
                    length, entry = 2, found2
            if entry is None:
                continue
            start, end = words[i][1], words[i + length - 1][2]
            if not doc.in_quote(start, end):
                if length == 1:
                    found.append(Unlikely(start, end, entry, _neighbour(doc, words, i, i - 1),
                                          _neighbour(doc, words, i, i + 1)))
                else:
                    found.append(Unlikely(start, end, entry))
            after = i + length
    return found


def _neighbour(doc: Document, words: list, i: int, j: int) -> str | None:
    """Word j of the sentence when it is a lowercase word a single space from word i (which
    is outside quotations, so no quotation mark lies between them): the company word i
    keeps. Names and numbers confirm nothing."""
    if not 0 <= j < len(words):
        return None
    text = words[j][3]
    first, second = (words[j], words[i]) if j < i else (words[i], words[j])
    if not (text.isalpha() and text.islower()) or doc.text[first[2] : second[1]] != " ":
        return None
    return text


def confirmed_pairs(unlikely: list[Unlikely], context: RunContext) -> list[Confirmed]:
    """The distinct pairs around unlikely single words that spin_bigrams.txt does not list as
    written and lists with the likely original put back; the table is read on first need."""
    found: dict[str, Confirmed] = {}
    table = None
    for u in unlikely:
        if u.before is None and u.after is None:
            continue
        if table is None:
            table = context.load(PairTable)
        form, likely = u.synonym.form, u.synonym.likely
        if u.before is not None and (written := f"{u.before} {form}") not in found \
                and table.attested(u.before, likely) and not table.attested(u.before, form):
            found[written] = Confirmed(u.start - len(u.before) - 1, u.end, form, written, f"{u.before} {likely}")
        if u.after is not None and (written := f"{form} {u.after}") not in found \
                and table.attested(likely, u.after) and not table.attested(form, u.after):
            found[written] = Confirmed(u.start, u.end + 1 + len(u.after), form, written, f"{likely} {u.after}")
    return list(found.values())


def document_unlikely(doc: Document, context: RunContext) -> list[Unlikely]:
    """``unlikely_wordings``, computed once per document however many rules read it."""
    return doc.derived(unlikely_wordings, context)


@dataclass(frozen=True)
class Evidence:
    """What SPN100 judges an article by: the table's spinner phrases, the unlikely wordings
    (those inside a spinner phrase left out), the pairs that confirm them, and how much they
    weigh together."""

    phrases: list[Match]
    unlikely: list[Unlikely]
    words: int
    confirmed: list[Confirmed] = field(default_factory=list)

    @property
    def distinct_unlikely(self) -> list[Unlikely]:
        """The first use of each unlikely form, heaviest first."""
        first: dict[str, Unlikely] = {}
        for u in self.unlikely:
            first.setdefault(u.synonym.form, u)
        return sorted(first.values(), key=lambda u: -u.synonym.weight)

    @property
    def score(self) -> float:
        """Each distinct spinner phrase weighs TABLE_WEIGHT, each distinct unlikely form its
        weight, each distinct confirming pair CONFIRMED_WEIGHT."""
        phrases = {" ".join(m.text.lower().split()) for m in self.phrases}
        return (TABLE_WEIGHT * len(phrases) + sum(u.synonym.weight for u in self.distinct_unlikely)
                + CONFIRMED_WEIGHT * len(self.confirmed))

    def needed(self, min_evidence: float = MIN_EVIDENCE, per_1000: float = EVIDENCE_PER_1000) -> float:
        """The evidence a verdict needs in an article of this length."""
        return max(min_evidence, ALLOWANCE + per_1000 * self.words / 1000)

    def is_spun(self, min_evidence: float = MIN_EVIDENCE, per_1000: float = EVIDENCE_PER_1000) -> bool:
        """The statistical verdict; spinner phrases alone are judged by SPN100's own rule for them."""
        return bool(self.unlikely) and self.score >= self.needed(min_evidence, per_1000)


def spin_evidence(doc: Document, context: RunContext) -> Evidence:
    phrases = document_matches(doc, context)
    unlikely = document_unlikely(doc, context)
    if phrases and unlikely:
        unlikely = _outside_phrases(unlikely, phrases)
    return Evidence(phrases, unlikely, doc.word_count, confirmed_pairs(unlikely, context))


def _outside_phrases(unlikely: list[Unlikely], phrases: list[Match]) -> list[Unlikely]:
    """The wordings that overlap no spinner phrase, in n log n: a wording overlaps one when
    the phrases starting before its end reach past its start."""
    spans = sorted((m.start, m.end) for m in phrases)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # the furthest end of the phrases so far
    return [u for u in unlikely if (k := bisect_left(starts, u.end)) == 0 or reach[k - 1] <= u.start]


def document_evidence(doc: Document, context: RunContext) -> Evidence:
    """``spin_evidence``, computed once per document however many rules read it."""
    return doc.derived(spin_evidence, context)
