"""The sample of sentences hand-labelled for ATR001 (data/atr001-labels.tsv), and how it was drawn.

    python eval/atr001_sample.py                      # the first draw's (id, start, end) rows, no text
    python eval/atr001_sample.py --show N             # its Nth batch of 40, with paragraph context, to label
    python eval/atr001_sample.py --draw 2018 [--show N]   # the second draw, likewise

A candidate is a sentence of an article's body (not its title), as newslint's own splitter
finds it in ``Article.text``, that contains a number: digits, or a number word (two to
ninety-nine, hundred, thousand, million, billion, trillion, dozen, half). "One" alone does
not count (it is far more often a pronoun, "one of"), nor do ordinal words ("first").
The sample is drawn with a fixed seed: articles in a seeded order, at most
``PER_ARTICLE`` candidates from each, until at least ``SIZE`` sentences are taken. ``--show`` prints
corpus text to the terminal only; nothing of it goes into the project.

The labels grow by further draws (``DRAWS``: seed, size and per-article cap, in order), each
made with its own seed over the candidates the earlier draws did not take. A capped draw goes
through articles in a seeded order taking at most its cap an article, counting the earlier
draws' (an article the first draw took two from gives none). The cap spreads a draw over many
articles, but it under-represents articles dense with figures (provision lists of a tax bill,
tables, budget stories), whose sentences are far more of the copy than two an article; so the
fourth draw has no cap: a seeded shuffle of every remaining candidate sentence, the first
``size`` taken, uniform over sentences; the fifth is made the same way, with its own seed, over
what the first four left, because unsourced sentences (held-out ones most) were still too few.
The earlier draws are recomputed from their seeds, not read from the labels file, so every
draw stays the same once its rows are labelled, as long as the candidates do: a change to the
sentence splitter changes them, and with them what a recomputed draw gives (the uncapped draws
most, their shuffle being over the whole pool). The labels file stays the record of what was
drawn; attribution.py checks its rows still fit. Since the splitter has changed after the
first four were labelled, a draw from the fifth on also leaves out whatever overlaps the rows
the earlier draws hold in the labels file (``ANCHORED_FROM``), not only what they recompute
to. No draw picks sentences by what is in them beyond having a number: precision and recall
must not lean toward what ATR001 already looks for.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import Article, load_articles  # noqa: E402

SEED = 2017
SIZE = 400
PER_ARTICLE = 2
# Every draw of the labels, in order: (seed, size, at most this many sentences an article, or
# None for no cap). The first is (SEED, SIZE, PER_ARTICLE); the second was drawn because the
# first held only 25 unsourced sentences, too few to measure recall on; the third because the
# held-out part of the first two held only 14, too few to tell whether a rule tuned on dev
# generalises; the fourth, uncapped, because the cap of two an article left figure-dense
# articles under-represented against how often their sentences occur in the copy; the fifth,
# uncapped too, because the held-out part of the first four still held only 35 unsourced
# sentences: more of them in both parts, for a learned or rule scorer to be fitted on dev and
# for a steadier held-out figure.
DRAWS = ((SEED, SIZE, PER_ARTICLE), (2018, 450, PER_ARTICLE), (2019, 450, PER_ARTICLE), (2020, 450, None),
         (2021, 500, None))
# The rows each draw holds in data/atr001-labels.tsv, in the file's order (a capped draw stops
# on the article that takes it to its size, so it may hold a row more).
LABELLED_ROWS = {SEED: 401, 2018: 451, 2019: 450, 2020: 450, 2021: 500}
# From this draw on, a draw also leaves out every candidate that overlaps a row the earlier
# draws were labelled at: the splitter has changed since they were labelled, so what they
# recompute to has drifted from their rows (394 of their 1752 rows when the fifth was drawn),
# and recomputation alone would draw labelled sentences again (68 of the fifth's 500).
ANCHORED_FROM = 2021

_UNITS = "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " \
         "sixteen seventeen eighteen nineteen"
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
NUMBER_WORDS = _UNITS.split() + _TENS.split() + "hundred hundreds thousand thousands million millions " \
    "billion billions trillion trillions dozen dozens half".split()
NUMBER_RE = re.compile(r"\d|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)


def has_number(sentence: str) -> bool:
    return NUMBER_RE.search(sentence) is not None


def fingerprint(sentence: str) -> str:
    """A short hash of the sentence (whitespace-normalized): lets the labels be checked, and
    re-anchored if the layout ever changes, without holding any of the text."""
    return hashlib.sha1(" ".join(sentence.split()).encode()).hexdigest()[:10]


def body_sentences(article: Article):
    """(start, end, paragraph_start, paragraph_end) of every sentence of the body, in order."""
    from newslint.document import PARAGRAPH
    from newslint.parse import parse

    text = article.text
    body = len(article.title) + 2
    doc = parse(text, "a.txt")
    out = []
    for s in doc.sentences:
        if s.start >= body and s.block.kind == PARAGRAPH:
            out.append((s.start, s.end, s.block.start, s.block.end))
    return out


def candidates(article: Article):
    return [s for s in body_sentences(article) if has_number(article.text[s[0] : s[1]])]


def draw(articles: list[Article], seed: int = SEED) -> list[tuple[Article, tuple[int, int, int, int]]]:
    """The draw made with ``seed`` (one of ``DRAWS``), after the draws before it."""
    seeds = [s for s, _, _ in DRAWS]
    if seed not in seeds:
        raise SystemExit(f"error: no draw with seed {seed} (the draws are {', '.join(map(str, seeds))})")
    index = seeds.index(seed)
    taken: set[tuple[str, int, int]] = set()
    for s, size, cap in DRAWS[:index]:
        taken.update((a.id, st[0], st[1]) for a, st in _draw_one(articles, s, size, cap, taken))
    if index >= seeds.index(ANCHORED_FROM):
        taken.update(_overlapping_labelled(articles, seeds[:index]))
    _, size, cap = DRAWS[index]
    return _draw_one(articles, seed, size, cap, taken)


def _overlapping_labelled(articles, earlier: list[int]) -> set[tuple[str, int, int]]:
    """The candidates that overlap a row of the labels file given by the ``earlier`` draws."""
    missing = [s for s in earlier if s not in LABELLED_ROWS]
    if missing:
        raise SystemExit(f"error: draw {missing[0]} has no row count in LABELLED_ROWS; label it first")
    spans: dict[str, list[tuple[int, int]]] = {}
    for article_id, start, end in _labelled_rows()[: sum(LABELLED_ROWS[s] for s in earlier)]:
        spans.setdefault(article_id, []).append((start, end))
    return {(a.id, c[0], c[1]) for a in articles if a.id in spans for c in candidates(a)
            if any(c[0] < end and start < c[1] for start, end in spans[a.id])}


def _labelled_rows() -> list[tuple[str, int, int]]:
    """(article id, start, end) of every row of the labels file, in order (attribution.py
    reads and checks the whole rows; the draw needs only where they are)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "atr001-labels.tsv")
    with open(path, encoding="utf-8") as f:
        rows = [line.split("\t", 3) for line in f if line.strip() and not line.startswith("#")]
    return [(r[0], int(r[1]), int(r[2])) for r in rows[1:]]  # after the header


def _draw_one(articles, seed: int, size: int, cap: int | None, taken: set[tuple[str, int, int]]):
    if cap is None:
        return _draw_uncapped(articles, seed, size, taken)
    per_article: dict[str, int] = {}
    for aid, _, _ in taken:
        per_article[aid] = per_article.get(aid, 0) + 1
    rng = random.Random(seed)
    order = sorted(articles, key=lambda a: a.id)
    rng.shuffle(order)
    sample = []
    for article in order:
        room = cap - per_article.get(article.id, 0)
        cands = [c for c in candidates(article) if (article.id, c[0], c[1]) not in taken]
        if not cands or room <= 0:
            continue
        picked = sorted(rng.sample(cands, min(room, len(cands))))
        sample.extend((article, s) for s in picked)
        if len(sample) >= size:
            break
    return sample


def _draw_uncapped(articles, seed: int, size: int, taken: set[tuple[str, int, int]]):
    """The first ``size`` of a seeded shuffle of every candidate not yet taken: each remaining
    sentence equally likely, however many its article holds."""
    pool = [(article, c) for article in sorted(articles, key=lambda a: a.id)
            for c in candidates(article) if (article.id, c[0], c[1]) not in taken]
    random.Random(seed).shuffle(pool)
    return pool[:size]


def show(sample, batch: int, size: int = 40) -> None:
    for i in range(batch * size, min(len(sample), (batch + 1) * size)):
        article, (start, end, pstart, pend) = sample[i]
        text = article.text
        sents = body_sentences(article)
        idx = next(k for k, s in enumerate(sents) if s[0] == start)
        prev = text[sents[idx - 1][0] : sents[idx - 1][1]] if idx > 0 else ""
        nxt = text[sents[idx + 1][0] : sents[idx + 1][1]] if idx + 1 < len(sents) else ""
        same_par_prev = idx > 0 and sents[idx - 1][2] == pstart
        same_par_next = idx + 1 < len(sents) and sents[idx + 1][2] == pstart
        print(f"### {i} {article.id} {start} {end} [{article.part}]")
        print(f"  PREV{'(same par)' if same_par_prev else '(prev par)'}: {prev}")
        print(f"  >>>> {text[start:end]}")
        print(f"  NEXT{'(same par)' if same_par_next else '(next par)'}: {nxt}")
        print()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, help="print batch N (40 sentences) with context")
    parser.add_argument("--draw", type=int, default=SEED, metavar="SEED",
                        help=f"which draw, by its seed (default {SEED}; the draws: "
                             f"{', '.join(str(s) for s, _, _ in DRAWS)})")
    args = parser.parse_args()
    sample = draw(load_articles(layout="labels-v1"), args.draw)
    if args.show is not None:
        show(sample, args.show)
        return 0
    for article, (start, end, _, _) in sample:
        print(f"{article.id}\t{start}\t{end}\t{article.part}\t{fingerprint(article.text[start:end])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
