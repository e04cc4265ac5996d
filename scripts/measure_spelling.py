"""Measure the lexicon against a list of real misspellings: are they flagged, and fixed?

    python scripts/measure_spelling.py [DICTIONARY] [--dialect any] [--sample N] [--show 20]

DICTIONARY is a file of ``typo->correction`` lines, such as codespell's dictionary.txt
(default: /tmp/peers/lib/python3.11/site-packages/codespell_lib/data/dictionary.txt).
codespell's list is GPL-2.0: it is read in place for measurement only and nothing of it is
copied into newslint; only counts and a few examples are printed.

Only entries whose correction is a single word the lexicon knows are counted. For each, the
typo is looked up (``knows``) and, if it is unknown, corrected (``suggest``). Printed:

- the share of typos flagged as unknown (target: 95% or more), and examples of the others;
- the share of flagged typos whose correction is the first suggestion (target: 85% or more)
  and the share where it is among the first five;
- the mean, median, 95th-percentile and worst time of a suggestion, in milliseconds;
- the commonest kinds of failure, with examples.
"""

from __future__ import annotations

import argparse
import collections
import random
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from newslint.rules.typos.lexicon import load_lexicon  # noqa: E402

DEFAULT = Path("/tmp/peers/lib/python3.11/site-packages/codespell_lib/data/dictionary.txt")


def distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance (Levenshtein plus swaps of neighbours)."""
    n, m = len(a), len(b)
    prev2 = None
    prev = list(range(m + 1))
    for i in range(1, n + 1):
        cur = [i] + [0] * m
        for j in range(1, m + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[m]


def read_pairs(path: Path) -> list[tuple[str, str]]:
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if "->" not in line:
                continue
            typo, _, correction = line.partition("->")
            correction = correction.strip()
            if not typo or not correction or "," in correction or " " in correction:
                continue
            pairs.append((typo.strip(), correction))
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dictionary", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--dialect", default="any", choices=("any", "en-US", "en-GB"))
    parser.add_argument("--sample", type=int, default=0, help="measure a random sample of N entries")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=20, help="failure kinds to show")
    args = parser.parse_args(argv)
    if not args.dictionary.exists():
        print(f"error: {args.dictionary} not found (pip install codespell, or give its dictionary.txt)", file=sys.stderr)
        return 2

    t = time.perf_counter()
    lex = load_lexicon(args.dialect)
    load_ms = 1000 * (time.perf_counter() - t)

    pairs = read_pairs(args.dictionary)
    counted = [(t, c) for t, c in pairs if lex.knows(c)]
    skipped = len(pairs) - len(counted)
    if args.sample and args.sample < len(counted):
        counted = random.Random(args.seed).sample(counted, args.sample)

    accepted: list[tuple[str, str]] = []
    times: list[float] = []
    top1 = top5 = 0
    failures: dict[str, list[tuple[str, str, list[str]]]] = collections.defaultdict(list)
    for typo, correction in counted:
        if lex.knows(typo):
            accepted.append((typo, correction))
            continue
        t = time.perf_counter()
        suggestions = lex.suggest(typo)
        times.append(time.perf_counter() - t)
        low = [s.lower() for s in suggestions]
        want = correction.lower()
        if low[:1] == [want]:
            top1 += 1
            top5 += 1
            continue
        if want in low:
            top5 += 1
            kind = f"correct word ranked {low.index(want) + 1}"
        else:
            d = distance(typo.lower(), want)
            if d > 2:
                kind = "correction 3+ edits away"
            elif not suggestions:
                kind = f"no suggestion (correction {d} edit{'s' if d > 1 else ''} away)"
            elif d == 2 and distance(typo.lower(), low[0]) == 1:
                kind = "correction 2 edits away, a word 1 edit away found instead"
            else:
                kind = f"correction {d} edit{'s' if d > 1 else ''} away, not suggested"
        failures[kind].append((typo, correction, suggestions[:3]))

    n = len(counted)
    flagged = n - len(accepted)
    pct = lambda a, b: 100.0 * a / b if b else 0.0  # noqa: E731
    print(f"lexicon {args.dialect}: {lex!r}, loaded in {load_ms:.1f} ms")
    print(f"list: {args.dictionary}")
    print(f"entries with a single known correction: {n}" + (" (sample)" if args.sample else "") + f"; skipped {skipped} whose correction is unknown")
    print(f"flagged as unknown: {flagged}/{n} = {pct(flagged, n):.2f}%  (target >= 95%)")
    print(f"accepted as words: {len(accepted)} = {pct(len(accepted), n):.2f}%, e.g. " + ", ".join(f"{t}->{c}" for t, c in accepted[:15]))
    print(f"first suggestion right: {top1}/{flagged} = {pct(top1, flagged):.2f}%  (target >= 85%)")
    print(f"right in the first five: {top5}/{flagged} = {pct(top5, flagged):.2f}%")
    if times:
        ms = sorted(1000 * x for x in times)
        print(
            f"suggest: mean {statistics.fmean(ms):.2f} ms, median {statistics.median(ms):.2f} ms, "
            f"95th percentile {ms[int(0.95 * (len(ms) - 1))]:.2f} ms, worst {ms[-1]:.1f} ms"
        )
    print(f"\nfailure kinds ({flagged - top1} flagged typos without the right first suggestion):")
    for kind, examples in sorted(failures.items(), key=lambda kv: -len(kv[1]))[: args.show]:
        shown = "; ".join(f"{t}->{c} got {s}" for t, c, s in examples[:4])
        print(f"  {len(examples):6d}  {kind}: {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
