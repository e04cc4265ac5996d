"""Readability metrics computed on newslint's own sentences and words.

The formulas are the published ones, written as functions of counts so that they can be
checked against textstat's given the same counts (tests/test_metrics.py):

- Flesch reading ease   206.835 - 1.015 * words/sentences - 84.6 * syllables/words
- Flesch-Kincaid grade  0.39 * words/sentences + 11.8 * syllables/words - 15.59
- Gunning fog           0.4 * (words/sentences + 100 * complex words/words)
- SMOG                  1.043 * sqrt(30 * polysyllables/sentences) + 3.1291
- Coleman-Liau          0.058 * L - 0.296 * S - 15.8  (L letters, S sentences, per 100 words)
- ARI                   4.71 * letters/words + 0.5 * words/sentences - 21.43

The counts come from the Document, whose sentence splitter knows "U.N.", "Feb. 5" and
"Mr." and whose tokens keep "1.5bn", "Assad's" and "al-Qaida" whole (textstat, which splits
on full stops and spaces, does not; see README "Readability"):

- running text is the paragraphs and block quotes; headings, captions and other short
  lines, list items, code and front matter are left out (a caption is not prose to read);
- a word is a word or number token ("948,000" is one word of one syllable, as a reader
  takes in a figure at a glance); letters are the letters and digits of the words;
- syllables come from ``count_syllables``, a compact heuristic (vowel groups with the
  usual English corrections), 99% exact against the CMU dictionary on news words;
- polysyllables (SMOG) are words of three syllables or more; complex words (Gunning fog)
  are polysyllables that are neither capitalised (names: Gunning excluded proper nouns)
  nor hyphenated compounds;
- a passive sentence has a form of "be" followed, within two words, by a past participle
  ("was killed", "were being held", "has been widely reported"): a cheap heuristic.

Nothing here is imported unless a readability rule runs or metrics are asked for
(``stats``, ``--format json``, ``--format html``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from math import sqrt
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Callable, Iterable

from .document import PARAGRAPH, PUNCT, QUOTE, WORD, Token

if TYPE_CHECKING:
    from .document import Block, Document, Sentence

# Blocks whose sentences are running text, measured by the metrics and the RDB rules.
RUNNING_TEXT = (PARAGRAPH, QUOTE)

# -- syllables ---------------------------------------------------------------------------------

_VOWELS = "aeiouyàáâäãåæèéêëìíîïòóôöõøùúûüý"
_VOWEL_GROUP_RE = re.compile(f"[{_VOWELS}]+")
_LETTERS_RE = re.compile(f"[a-z{_VOWELS}ßçñ]+")
# Vowel pairs read as two syllables: "me-di-a", "vi-o-lent", "ac-tu-al", "the-o-ry", "sta-di-um",
# "so-ci-e-ty", "try-ing"; not "nation", "million", "region", "quality", "language", "Georgia".
_HIATUS_RE = re.compile(
    r"(?<![tcsgxln])i[ao]|(?<![qg])ua|(?<!g)eo|iu|(?<=[^aeiou])iet|yi|[aeiuo]ing|(?<=[rdm])ea(?=s?$)|(?<=[lrvs])ier"
    r"|(?<=[rb])ean|(?<![qg])uen|[ct]iat|^coo(?=[pr])|(?<=[^aeiouq])ire[ds]?$|(?<=[^aeiouq])uel|^mc|[aeiouy][^aeiouy]*[^aeiouyl]l(?:ing|ed)$"
)
# Capitals read as a word, not spelled out: "TAX", "NEW", "AT" (in a headline in capitals).
_CAPITAL_WORDS = frozenset("AT IN ON OF TO IS IT AN AS BY OR NO SO WE HE BE DO GO MY UP ME".split())


def _pronounced(caps: str) -> bool:
    """Capitals read as a word: consonant-vowel-consonant ("TAX", "NEW") or a short word."""
    if len(caps) == 3:
        return caps[0] not in "AEIOU" and caps[1] in "AEIOU" and caps[2] not in "AEIOU"
    return caps in _CAPITAL_WORDS


_SUFFIXES = ("ments", "ment", "ness", "less", "ful", "ly")
_Y_CONSONANT_RE = re.compile(r"(?<=[aeiou])y(?=[aeiou])")
# Endings where the "e" is sounded before a final s: "box-es", "plac-es", "chang-es", "ta-bles".
_SOUNDED_ES_RE = re.compile(r"(?:[sxzcg]|ch|sh|[^aeiouy]l)es$")
_EXCEPTIONS = {
    # Common news words the rules get wrong (checked against the CMU dictionary).
    "people": 2, "business": 2, "businesses": 3, "different": 3, "several": 2, "interest": 2,
    "interests": 2, "general": 3, "family": 3, "evening": 2, "average": 3, "federal": 3,
    "government": 3, "being": 2, "seeing": 2, "wednesday": 2, "police": 2, "science": 2,
    "quiet": 2, "poem": 2, "poet": 2, "someone": 2, "sometimes": 2, "something": 2,
    "somewhere": 2, "anyone": 3, "everyone": 3, "whereas": 2, "therefore": 2, "moreover": 4,
    "before": 2, "create": 2, "created": 3, "mr": 2, "mrs": 2, "dr": 2, "st": 1, "via": 2, "our": 2,
    "hour": 2, "hours": 2, "nuclear": 3, "spokesman": 2, "spokeswoman": 3, "facebook": 2,
}


def count_syllables(word: str) -> int:
    """Syllables in an English word, by a heuristic: count vowel groups ("y" is a vowel
    unless a vowel follows it after another vowel: "beyond", "saying"), drop a silent final
    "e" (make, but not table or value), a silent "-es" or "-ed" (makes, killed; but boxes,
    wanted), and add one for vowel pairs read apart (media, violent, actual, trying).
    Hyphenated words and the suffixes -ment, -ness, -less, -ful and -ly are counted part by
    part, a possessive "'s" is dropped, a word with no vowel ("BBC") is read letter by
    letter, and a short table fixes common exceptions. Every word has at least one syllable."""
    w = word.replace("’", "'").replace(".", "")
    if w.endswith(("'s", "'S")):
        w = w[:-2]
    if w.isupper() and len(w) <= 3 and w.isalpha() and not _pronounced(w):
        return sum(3 if ch == "W" else 1 for ch in w)  # "FBI", "EU", "W": read letter by letter
    w = w.lower()
    if w.endswith("n't") and len(w) > 4 and w[-4] not in _VOWELS:
        return count_syllables(w[:-3]) + 1  # "does-n't", "was-n't" (but "don't", "can't")
    if "-" in w or "‐" in w:
        return sum(count_syllables(part) for part in re.split(r"[-‐]", w) if part) or 1
    letters = "".join(_LETTERS_RE.findall(w))
    if not letters:
        return 1
    return max(1, _syllables(letters))


def _syllables(w: str) -> int:
    known = _EXCEPTIONS.get(w)
    if known is not None:
        return known
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            if _VOWEL_GROUP_RE.search(stem):
                return _syllables(stem) + 1
    w = _Y_CONSONANT_RE.sub("j", w)  # "beyond", "saying": y as a consonant
    count = len(_VOWEL_GROUP_RE.findall(w))
    if not count:
        return min(len(w), 4)  # "BBC", "NYPD": read letter by letter
    if count > 1 and len(w) >= 3:
        if w[-1] == "e" and w[-2] not in _VOWELS and not (w[-2] == "l" and w[-3] not in _VOWELS):
            count -= 1  # silent final e: make, state (but table, value)
        elif w.endswith("es") and w[-3] not in _VOWELS and not _SOUNDED_ES_RE.search(w):
            count -= 1  # makes, sites (but boxes, places, tables)
        elif w.endswith("ed") and w[-3] not in _VOWELS and w[-3] not in "td":
            count -= 1  # killed, jumped (but wanted, ended)
    if w.endswith("ism"):
        count += 1  # "ter-ror-ism"
    return count + len(_HIATUS_RE.findall(w))


# -- counts and formulas --------------------------------------------------------------------------


@dataclass(slots=True)
class Counts:
    """What the formulas need, for a sentence, a paragraph, an article or many."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0
    letters: int = 0  # letters and digits of the words
    polysyllables: int = 0  # words of 3+ syllables (SMOG)
    complex_words: int = 0  # polysyllables not capitalised and not hyphenated (Gunning fog)
    longest: int = 0  # words in the longest sentence
    passive: int = 0  # sentences with a passive verb

    def add(self, other: Counts) -> Counts:
        self.words += other.words
        self.sentences += other.sentences
        self.syllables += other.syllables
        self.letters += other.letters
        self.polysyllables += other.polysyllables
        self.complex_words += other.complex_words
        self.longest = max(self.longest, other.longest)
        self.passive += other.passive
        return self


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    if not words or not sentences:
        return 0.0
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    if not words or not sentences:
        return 0.0
    return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59


def gunning_fog(words: int, sentences: int, complex_words: int) -> float:
    if not words or not sentences:
        return 0.0
    return 0.4 * (words / sentences + 100 * complex_words / words)


def smog_index(sentences: int, polysyllables: int) -> float:
    if not sentences:
        return 0.0
    return 1.043 * sqrt(30 * polysyllables / sentences) + 3.1291


def coleman_liau_index(letters: int, words: int, sentences: int) -> float:
    if not words or not sentences:
        return 0.0
    return 0.058 * (100 * letters / words) - 0.296 * (100 * sentences / words) - 15.8


def automated_readability_index(letters: int, words: int, sentences: int) -> float:
    if not words or not sentences:
        return 0.0
    return 4.71 * (letters / words) + 0.5 * (words / sentences) - 21.43


def grade(counts: Counts) -> float:
    """The Flesch-Kincaid grade of ``counts``."""
    return flesch_kincaid_grade(counts.words, counts.sentences, counts.syllables)


def summary(counts: Counts) -> dict[str, Any]:
    """Every metric of ``counts``, rounded for people and for JSON (the counts are exact)."""
    c = counts
    return {
        "words": c.words,
        "sentences": c.sentences,
        "syllables": c.syllables,
        "avg_sentence_length": round(c.words / c.sentences, 1) if c.sentences else 0.0,
        "longest_sentence": c.longest,
        "flesch_reading_ease": round(flesch_reading_ease(c.words, c.sentences, c.syllables), 1),
        "flesch_kincaid_grade": round(flesch_kincaid_grade(c.words, c.sentences, c.syllables), 1),
        "gunning_fog": round(gunning_fog(c.words, c.sentences, c.complex_words), 1),
        "smog_index": round(smog_index(c.sentences, c.polysyllables), 1),
        "coleman_liau_index": round(coleman_liau_index(c.letters, c.words, c.sentences), 1),
        "automated_readability_index": round(automated_readability_index(c.letters, c.words, c.sentences), 1),
        "passive_share": round(c.passive / c.sentences, 3) if c.sentences else 0.0,
    }


# -- from the Document ------------------------------------------------------------------------------


def sentence_words(sentence: Sentence) -> list[Token]:
    """The words of a sentence as the metrics count them: word and number tokens, with an
    acronym written with full stops ("U.S.", "U.N.", "a.m.") taken as one word. Kept on
    the Document: RDB001, RDB002 and the metrics ask for the same sentences."""
    cache = sentence.block.document.derived(_sentence_words_kept)
    words = cache.get(id(sentence))
    if words is None:
        words = cache[id(sentence)] = _sentence_words(sentence)
    return words


def _sentence_words_kept(document: Document) -> dict[int, list[Token]]:
    """The document's store of ``sentence_words`` answers, by sentence."""
    return {}


_TEXT = attrgetter("text")
_DOTTED_RE = re.compile(r"(?<![^\W\d_])[^\W\d_]\.[^\W\d_]\b")


def _sentence_words(sentence: Sentence) -> list[Token]:
    words = [t for t in sentence.tokens if t.kind != PUNCT]
    prose = sentence.block.document.prose
    if prose.find(".", sentence.start, sentence.end - 1) == -1 or not _DOTTED_RE.search(prose, sentence.start, sentence.end):
        return words  # no "U.S." to join: the common case, kept fast
    joined: list[Token] = []
    grown: list[int] = []  # the indexes in ``joined`` of acronyms built from several letters
    for t in words:
        if len(t.text) == 1 and joined and joined[-1].end == t.start - 1 and prose[t.start - 1] == ".":
            k = len(joined) - 1
            if (grown and grown[-1] == k) or all(len(part) == 1 for part in joined[k].text.split(".")):
                # Only the span grows here, the text is cut once at the end: building each
                # longer text in turn would cost the square of its length on "A.A.A.".
                joined[k] = joined[k]._replace(kind=WORD, end=t.end)
                if not grown or grown[-1] != k:
                    grown.append(k)
                continue
        joined.append(t)
    for k in grown:
        w = joined[k]
        joined[k] = w._replace(text=prose[w.start : w.end])
    return joined


_BE = frozenset("is are was were be been being am 's ’s".split())
_IRREGULAR_PARTICIPLES = frozenset(
    """born brought built bought caught chosen done drawn driven eaten fallen felt fought found
    forgotten forgiven frozen given gone grown held heard hidden hit hurt kept known laid led left
    lost made meant met paid put read run said seen sent set shot shown shut sold spent spoken
    stolen struck sworn taken taught thrown told thought understood won written""".split()
)
_BETWEEN = frozenset("not also being been now still already never then often later".split())


def _is_passive(words: list[str]) -> bool:
    for i, w in enumerate(words):
        if w not in _BE:
            continue
        for nxt in words[i + 1 : i + 4]:
            if (nxt.endswith("ed") and len(nxt) > 3) or nxt in _IRREGULAR_PARTICIPLES:
                return True
            if nxt not in _BETWEEN and not nxt.endswith("ly"):
                break
    return False


def word_profile(text: str) -> tuple[int, int, int]:
    """A word's syllables, letters (and digits), and 1 if it is a complex word; a figure
    ("948,000", "$1.5bn") is one syllable. Callers keep a run's memo of it (RunContext.memo):
    for the texts seen before, nearly all, the answer is a dict lookup that runs in C."""
    return _profile(text, count_syllables)


def word_syllables(text: str) -> int:
    """A word token's syllables as the grade counts them (``word_profile``'s first figure)."""
    return _profile(text, count_syllables)[0]


def _profile(text: str, syllables: Callable[[str], int]) -> tuple[int, int, int]:
    letters = sum(ch.isalnum() for ch in text)
    if not text[0].isalpha():
        return 1, letters, 0
    n = syllables(text)
    return n, letters, int(n >= 3 and not text[0].isupper() and "-" not in text)


def sentence_counts(sentence: Sentence, syllables: Callable[[str], int] | None = None,
                    profile: Callable[[str], tuple[int, int, int]] = word_profile) -> Counts:
    """A sentence's counts; ``syllables`` replaces the syllable counter (to compare with
    another), ``profile`` may be a memo of ``word_profile``."""
    words = sentence_words(sentence)
    if not words:
        return Counts(sentences=1)
    texts = [t.text for t in words]
    if syllables is None:
        profiles = list(map(profile, texts))
    else:
        profiles = [_profile(text, syllables) for text in texts]
    per_word, letters, complex_words = zip(*profiles)
    passive = 0 if _BE.isdisjoint(texts) else int(_is_passive([text.lower() for text in texts]))
    return Counts(len(words), 1, sum(per_word), sum(letters), sum(1 for n in per_word if n >= 3),
                  sum(complex_words), len(words), passive)


def grade_counts(block: Block, syllables_of: Callable[[str], int] = word_syllables) -> tuple[int, int, int]:
    """(words, sentences, syllables) of a block: what the Flesch-Kincaid grade needs,
    cheaper than ``block_counts`` (RDB002 runs on every paragraph by default);
    ``syllables_of`` may be a memo of ``word_syllables``."""
    words = sentences = syllables = 0
    for sentence in block.sentences:
        tokens = sentence_words(sentence)
        if tokens:
            words += len(tokens)
            sentences += 1
            syllables += sum(map(syllables_of, map(_TEXT, tokens)))
    return words, sentences, syllables


def block_counts(block: Block, syllables: Callable[[str], int] | None = None,
                 profile: Callable[[str], tuple[int, int, int]] = word_profile) -> Counts:
    """The counts of a block's sentences (``syllables`` and ``profile`` as for ``sentence_counts``)."""
    total = Counts()
    for sentence in block.sentences:
        c = sentence_counts(sentence, syllables, profile)
        if c.words:
            total.add(c)
    return total


def running_text(document: Document) -> Iterable[Block]:
    return (b for b in document.blocks if b.kind in RUNNING_TEXT)


def document_counts(document: Document, profile: Callable[[str], tuple[int, int, int]] = word_profile) -> Counts:
    """The counts of the article's running text (``profile`` may be a memo of ``word_profile``)."""
    total = Counts()
    for block in running_text(document):
        total.add(block_counts(block, profile=profile))
    return total


def document_metrics(document: Document) -> dict[str, Any]:
    """Every metric of the article's running text."""
    return summary(document_counts(document))
