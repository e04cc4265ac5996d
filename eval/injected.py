"""Recall on defects injected into clean copy: real misspellings, paragraphs cut or glued.

    python eval/injected.py [--seed 2026] [--list dev]

Each defect is injected at a random place of a random article of the corpus (a seeded
``random.Random``: the same seed gives the same numbers), every injected copy is linted on
its own with the built-in rules, and each measure is reported for the dev and the held-out
articles apart:

- real misspellings (TYP001), from codespell's dictionary (``pip install -e '.[eval]'``):
  a lowercase word of the body that is the correction of a misspelling is replaced by that
  misspelling. Found: a TYP001 diagnostic covers it; right word first: its first suggestion
  is the word that was there.
- paragraphs cut mid-sentence (SEN001): the last sentence of a paragraph (the lede too) is
  cut after a random word, keeping 4 words or more and dropping 2 or more; the following
  paragraphs stay. Found: a diagnostic of the ``sentences`` family on that paragraph.
- paragraphs glued to the next (SEN003): the break after a paragraph ending in a full stop
  is removed, with no space ("...on Tuesday.The minister..."). Found: a diagnostic of the
  ``sentences`` family whose span touches the join. A paragraph ending in an abbreviation
  or initials ("U.S.", "Mr.") is not glued: its stop is no full stop.
- false reports: the same articles without injection, SEN and WEB diagnostics per 1,000 words.

A diagnostic the clean article already had at the same place (same code, same start once
the edit is allowed for) is not counted as finding the defect.

``--list dev`` prints the dev misses (kind, a short excerpt, what was reported nearby) for
tuning. Held-out misses are never listed: that part is not to be tuned on. The corpus and
codespell's list (GPL-2.0) are read in place; nothing of either is written anywhere.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PARTS, Article, Row, lint, load_articles, make_linter, print_table  # noqa: E402

SEED = 2026
TYPOS, CUTS, GLUES = 700, 300, 300
# A lowercase word standing alone: not part of a hyphenated word, a contraction or a number.
WORD_RE = re.compile(r"(?<![\w'’\-])[a-z]{3,}(?![\w'’\-])")
PLAIN_WORD_RE = re.compile(r"[a-z]{3,}")
LETTERS_RE = re.compile(r"[A-Za-z]+")
# A paragraph ending in one of these did not end on a full stop: common.py's rebuild breaks
# paragraphs after "U.S." or "Mr." too ("the U.S. ¶ House"). Gluing there makes "U.S.House",
# which is no glued sentence, so such breaks are not glued. Kept apart from newslint's own
# abbreviation lists on purpose: the evaluation must not inherit the rule's blind spots.
INITIALS_RE = re.compile(r"(?:[A-Za-z]\.)+")  # U.S., W., a.m., D.C.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr sen rep gov gen lt col capt sgt adm cmdr maj prof rev st jr sr co corp inc ltd "
    "no nos vs jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
GUARD_FAMILIES = ("sentences", "web")
NEARBY = 150  # characters either side of a defect searched for what was reported, in --list
EXCERPT = 50  # characters either side of a defect in --list (about 100 in all)


@dataclass
class Injection:
    kind: str  # "typo", "cut-lede", "cut-body", "glue"
    article: Article
    text: str  # the injected copy
    at: int  # where the defect is in ``text``
    end: int  # its end in ``text`` (the end of the paragraph for a cut)
    edit: tuple[int, int, int]  # (start, end, length change) of the edit in the clean text
    expected: str = ""  # the word replaced, for a misspelling
    paragraph: int = 0  # where the paragraph cut starts in ``text``, for a cut
    found: bool = False
    right_first: bool = False
    diagnostics: list = field(default_factory=list)

    @property
    def part(self) -> str:
        return self.article.part


# -- codespell's misspellings ----------------------------------------------------------------


def codespell_dictionary() -> Path:
    """codespell's dictionary.txt, or exit with one line saying how to install it."""
    spec = importlib.util.find_spec("codespell_lib")
    path = Path(spec.origin).parent / "data" / "dictionary.txt" if spec and spec.origin else None
    if path is None or not path.is_file():
        sys.exit("error: codespell is not installed (needed for real misspellings): pip install -e '.[eval]'")
    return path


def misspellings() -> dict[str, list[str]]:
    """correction -> its misspellings, for codespell's pairs with one plain English word as
    correction and a misspelling of letters only that the lexicon does not know."""
    from newslint.rules.typos.lexicon import load_lexicon

    lex = load_lexicon()
    by_correction: dict[str, list[str]] = {}
    with open(codespell_dictionary(), encoding="utf-8") as f:
        for line in f:
            typo, arrow, correction = line.strip().partition("->")
            if not arrow or "," in correction:
                continue  # several corrections, or a reason: not one plain word
            if not PLAIN_WORD_RE.fullmatch(correction) or not lex.knows(correction):
                continue
            if not LETTERS_RE.fullmatch(typo) or lex.knows(typo):
                continue
            by_correction.setdefault(correction, []).append(typo)
    return {c: sorted(set(t)) for c, t in sorted(by_correction.items())}


# -- the articles as text --------------------------------------------------------------------


def paragraph_starts(article: Article) -> list[int]:
    """The offset in ``article.text`` of each paragraph."""
    starts, at = [], len(article.title) + 2
    for p in article.paragraphs:
        starts.append(at)
        at += len(p) + 2
    return starts


def rebuild(article: Article, index: int, paragraph: str) -> str:
    """``article.text`` with paragraph ``index`` replaced by ``paragraph``."""
    paragraphs = list(article.paragraphs)
    paragraphs[index] = paragraph
    return article.title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def inject_typo(rng: random.Random, article: Article, pairs: dict[str, list[str]]) -> Injection | None:
    starts = paragraph_starts(article)
    occurrences: dict[str, list[tuple[int, int]]] = {}
    for i, p in enumerate(article.paragraphs):
        for m in WORD_RE.finditer(p):
            if m.group() in pairs:
                occurrences.setdefault(m.group(), []).append((i, m.start()))
    if not occurrences:
        return None
    # A word first, then one of its occurrences: otherwise "the" and "and" would be most of it.
    word = rng.choice(sorted(occurrences))
    index, offset = rng.choice(occurrences[word])
    typo = rng.choice(pairs[word])
    p = article.paragraphs[index]
    text = rebuild(article, index, p[:offset] + typo + p[offset + len(word):])
    at = starts[index] + offset
    return Injection("typo", article, text, at, at + len(typo), (at, at + len(word), len(typo) - len(word)),
                     expected=word)


def inject_cut(rng: random.Random, article: Article) -> Injection | None:
    index = rng.randrange(len(article.paragraphs))
    p = article.paragraphs[index]
    from newslint.parse.sentences import split_sentences

    last = p[split_sentences(p, 0, len(p))[-1][0]:]
    words = list(re.finditer(r"\S+", last))
    # Keep 4 words or more and drop 2 or more: cut after word k (0-based), 3 <= k <= n - 3.
    if len(words) < 6:
        return None
    k = rng.randint(3, len(words) - 3)
    cut = len(p) - len(last) + words[k].end()
    start = paragraph_starts(article)[index]
    text = rebuild(article, index, p[:cut])
    kind = "cut-lede" if index == 0 else "cut-body"
    return Injection(kind, article, text, start + cut, start + cut, (start + cut, start + len(p), cut - len(p)),
                     paragraph=start)


def ends_in_abbreviation(paragraph: str) -> bool:
    last = paragraph.rsplit(None, 1)[-1].lstrip("\"“‘'(")
    return bool(INITIALS_RE.fullmatch(last)) or last[:-1].lower() in ABBREVIATIONS


def inject_glue(rng: random.Random, article: Article) -> Injection | None:
    candidates = [i for i in range(len(article.paragraphs) - 1)
                  if article.paragraphs[i].endswith(".") and article.paragraphs[i + 1][:1].isalpha()
                  and not ends_in_abbreviation(article.paragraphs[i])]
    if not candidates:
        return None
    index = rng.choice(candidates)
    paragraphs = list(article.paragraphs)
    paragraphs[index : index + 2] = [paragraphs[index] + paragraphs[index + 1]]
    text = article.title + "\n\n" + "\n\n".join(paragraphs) + "\n"
    join = paragraph_starts(article)[index] + len(article.paragraphs[index])  # the next paragraph's first letter
    return Injection("glue", article, text, join - 1, join + 1, (join, join + 2, -2))  # "\n\n" removed


# -- linting and judging ---------------------------------------------------------------------


def shifted(clean: list, edit: tuple[int, int, int]) -> set[tuple[str, int]]:
    """The (code, start) of the clean article's diagnostics, where they are after the edit."""
    start, end, delta = edit
    keys = set()
    for d in clean:
        if d.start < start:
            keys.add((d.code, d.start))
        elif d.start >= end:
            keys.add((d.code, d.start + delta))
    return keys


def judge(inj: Injection, diagnostics: list, clean: list) -> None:
    old = shifted(clean, inj.edit)
    new = [d for d in diagnostics if (d.code, d.start) not in old]
    inj.diagnostics = diagnostics
    if inj.kind == "typo":
        hits = [d for d in new if d.code == "TYP001" and d.start <= inj.at and d.end >= inj.end]
        inj.found = bool(hits)
        inj.right_first = any(tuple(d.suggestions[:1]) == (inj.expected,) for d in hits)
    elif inj.kind.startswith("cut"):
        # The paragraph, cut, runs from inj.paragraph to inj.end.
        inj.found = any(d.family == "sentences" and d.start <= inj.end and d.end >= inj.paragraph for d in new)
    else:
        # The stop at inj.at, the next paragraph's first letter at inj.at + 1.
        inj.found = any(d.family == "sentences" and d.start <= inj.at + 1 and d.end >= inj.at for d in new)


def inject(articles: list[Article], seed: int, typos: int, cuts: int, glues: int) -> list[Injection]:
    """The injections, in a fixed order drawn from ``seed``. Each kind has its own stream, so
    asking for more of one kind leaves the others as they were."""
    articles = sorted(articles, key=lambda a: a.id)
    plans = []
    if typos:
        pairs = misspellings()
        plans.append((typos, random.Random(f"{seed}:typo"), lambda rng, a: inject_typo(rng, a, pairs)))
    plans.append((cuts, random.Random(f"{seed}:cut"), inject_cut))
    plans.append((glues, random.Random(f"{seed}:glue"), inject_glue))
    injections = []
    for wanted, rng, make in plans:
        made = 0
        for _ in range(wanted * 50):
            if made == wanted:
                break
            inj = make(rng, rng.choice(articles))
            if inj is not None:
                injections.append(inj)
                made += 1
    return injections


@dataclass
class Results:
    injections: list[Injection]
    clean: dict[str, list]  # article id -> its diagnostics without injection
    articles: list[Article]


def evaluate(articles: list[Article], seed: int = SEED, typos: int = TYPOS, cuts: int = CUTS,
             glues: int = GLUES) -> Results:
    linter = make_linter()
    clean = {a.id: lint(linter, a.text, f"{a.id}.txt") for a in articles}
    injections = inject(articles, seed, typos, cuts, glues)
    for inj in injections:
        judge(inj, lint(linter, inj.text, f"{inj.article.id}.txt"), clean[inj.article.id])
    return Results(injections, clean, articles)


# -- the table -------------------------------------------------------------------------------


def share(hits: int, total: int) -> str:
    return f"{100 * hits / total:.1f}% ({hits}/{total})" if total else "n/a (0)"


def rows_of(results: Results) -> list[Row]:
    def by_part(kinds: tuple[str, ...]) -> dict[str, list[Injection]]:
        return {part: [i for i in results.injections if i.kind in kinds and i.part == part] for part in PARTS}

    def row(section: str, measure: str, cells: dict[str, str], target: str = "") -> Row:
        return Row(section, measure, cells["dev"], cells["held-out"], target)

    rows = []
    typo = by_part(("typo",))
    section = "injected: real misspellings (TYP001)"
    rows.append(row(section, "injected", {p: str(len(v)) for p, v in typo.items()}))
    rows.append(row(section, "found %", {p: share(sum(i.found for i in v), len(v)) for p, v in typo.items()},
                    ">= 97%"))
    rows.append(row(section, "right word first %",
                    {p: share(sum(i.right_first for i in v), len(v)) for p, v in typo.items()}, ">= 90%"))
    rows.append(row(section, "right word first, of found %",
                    {p: share(sum(i.right_first for i in v), sum(i.found for i in v)) for p, v in typo.items()}))

    section = "injected: paragraphs cut mid-sentence (SEN001)"
    for measure, kinds in (("cut in the lede, found %", ("cut-lede",)),
                           ("cut elsewhere, found %", ("cut-body",)),
                           ("all cuts, found %", ("cut-lede", "cut-body"))):
        rows.append(row(section, measure, {p: share(sum(i.found for i in v), len(v))
                                           for p, v in by_part(kinds).items()}))

    section = "injected: paragraphs glued to the next (SEN003)"
    rows.append(row(section, "found %", {p: share(sum(i.found for i in v), len(v))
                                         for p, v in by_part(("glue",)).items()}))

    section = "injected: paragraphs cut or glued"
    rows.append(row(section, "found %", {p: share(sum(i.found for i in v), len(v))
                                         for p, v in by_part(("cut-lede", "cut-body", "glue")).items()}, ">= 95%"))

    section = "false reports, same articles uninjected"
    cells = {}
    for part in PARTS:
        words = sum(a.words for a in results.articles if a.part == part)
        reports = sum(1 for a in results.articles if a.part == part
                      for d in results.clean[a.id] if d.family in GUARD_FAMILIES)
        cells[part] = f"{1000 * reports / words:.2f} ({reports} in {words:,} words)" if words else "n/a"
    rows.append(row(section, "SEN/WEB per 1,000 words", cells, "<= 0.1"))
    return rows


def run(articles: list[Article], seed: int = SEED) -> list[Row]:
    return rows_of(evaluate(articles, seed))


def flat(text: str) -> str:
    return text.replace("\n\n", " ¶ ").replace("\n", " ")


def list_misses(results: Results, part: str) -> None:
    """The misses of one part: kind, an excerpt around the defect, what was reported nearby."""
    assert part == "dev", "held-out misses are never listed"
    misses = [i for i in results.injections if i.part == part and not (i.found and (i.kind != "typo" or i.right_first))]
    for inj in misses:
        if inj.kind == "typo":
            what = f"typo {inj.text[inj.at:inj.end]!r} for {inj.expected!r}" + (", found, wrong word first"
                                                                                 if inj.found else ", not found")
        else:
            what = inj.kind
        # The defect between ⟦ ⟧: the misspelling, the stop and the letter glued, or the cut.
        defect = inj.text[inj.at:inj.end] if inj.end > inj.at else "cut"
        lo, hi = max(0, inj.at - EXCERPT), min(len(inj.text), inj.end + EXCERPT)
        excerpt = flat(inj.text[lo:inj.at]) + f"⟦{defect}⟧" + flat(inj.text[inj.end:hi])
        near = [d for d in inj.diagnostics if d.start <= inj.end + NEARBY and d.end >= inj.at - NEARBY
                and d.family not in ("readability",)]
        reported = "; ".join(f"{d.code} {inj.text[d.start:d.end][:30]!r}"
                             + (f" -> {', '.join(d.suggestions[:3])}" if d.suggestions else "") for d in near)
        print(f"{inj.article.id}  {what}\n    …{excerpt}…\n    nearby: {reported or 'nothing'}")
    print(f"\n{len(misses)} {part} misses (a misspelling found with the wrong word first counts as one)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--list", choices=("dev",), help="print the misses of the dev part (never held-out)")
    parser.add_argument("--typos", type=int, default=TYPOS, help=f"misspellings to inject (default {TYPOS})")
    parser.add_argument("--cuts", type=int, default=CUTS, help=f"paragraphs to cut (default {CUTS})")
    parser.add_argument("--glues", type=int, default=GLUES, help=f"paragraphs to glue (default {GLUES})")
    args = parser.parse_args(argv)
    codespell_dictionary()  # fail at once, before loading anything, if codespell is missing
    t = time.perf_counter()
    results = evaluate(load_articles(), args.seed, args.typos, args.cuts, args.glues)
    if args.list:
        list_misses(results, args.list)
    else:
        print_table(rows_of(results))
    print(f"\n{len(results.injections)} injected copies and {len(results.articles)} clean articles linted "
          f"in {time.perf_counter() - t:.1f}s (seed {args.seed})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
