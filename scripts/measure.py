"""Measure precision and recall: false positives per 1,000 words on clean copy, recall on the seeds.

    python scripts/measure.py [--corpus ../shared/corpus/reuters_2017.jsonl] [--seeds ../shared/seeds]
                              [--select CODES] [--show N]

The corpus is clean, edited wire copy: nearly every report on it is a false positive.
The seeds carry a list of their known defects (expected.tsv); a report on a defect's line
whose reported text overlaps the defect's text counts as found. Nothing here is copied
into the project: the corpus is read in place and only counts and short excerpts are printed.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import os
import sys
from pathlib import Path

import newslint
from newslint.config import Overrides
from newslint.engine import Linter

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"


def measure_corpus(path: Path, linter: Linter, show: int) -> None:
    words = 0
    per_rule: collections.Counter[str] = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    stories = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            story = json.loads(line)
            result = linter.lint_text(story["text"], f"{story['id']}.txt")
            if result.error:
                print(f"error: {result.error}", file=sys.stderr)
                continue
            stories += 1
            words += result.words
            for d in result.diagnostics:
                per_rule[d.code] += 1
                if len(examples[d.code]) < show:
                    examples[d.code].append(f"{story['id']}: {d.message} [{d.text[:60]}]")
    print(f"corpus: {stories} stories, {words} words")
    for code in sorted(set(per_rule) | set(linter.registry.rules)):
        n = per_rule.get(code, 0)
        print(f"  {code}: {n} reports, {1000 * n / max(words, 1):.3f} per 1,000 words")
        for example in examples.get(code, []):
            print(f"      {example}")


# A row counts as found only when a rule of its own family reports it.
FAMILY_PREFIX = {"spin": "SPN", "typo": "TYP", "sentence": "SEN", "residue": "WEB", "attribution": "ATR"}


def measure_seeds(seeds: Path, linter: Linter, missed: bool = False) -> None:
    rows = list(csv.DictReader(open(seeds / "expected.tsv", encoding="utf-8"), delimiter="\t"))
    results = {}
    for name in sorted({r["seed"] for r in rows} | {p.name for p in seeds.glob("0*.txt")}):
        results[name] = linter.lint_file(str(seeds / name))
    found = collections.Counter()
    total = collections.Counter()
    for row in rows:
        key = (row["family"], row["level"])
        total[key] += 1
        diagnostics = results[row["seed"]].diagnostics
        prefix = FAMILY_PREFIX.get(row["family"], "")
        if any(d.code.startswith(prefix) and d.line <= int(row["line"]) <= d.end_line
               and _overlaps(d.text, row["text"]) for d in diagnostics):
            found[key] += 1
        elif missed and row["level"] == "must":
            print(f"  missed {row['family']}: {row['seed']}:{row['line']} {row['text']!r} ({row['note']})")
    print("seeds (found / listed; for 'never' rows, found means a false positive):")
    for key in sorted(total):
        print(f"  {key[0]:12} {key[1]:6} {found[key]:3} / {total[key]}")
    print("reports per seed:", {k: len(v.diagnostics) for k, v in results.items()})


def _overlaps(reported: str, expected: str) -> bool:
    a, b = reported.lower(), expected.lower()
    return bool(a) and (a in b or b in a)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "reuters_2017.jsonl")
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    parser.add_argument("--select", help="comma-separated rule selectors (default: every default rule)")
    parser.add_argument("--show", type=int, default=5, help="example reports to print per rule")
    parser.add_argument("--missed", action="store_true", help="list the seeds' 'must' rows no rule reported")
    args = parser.parse_args()
    select = args.select.split(",") if args.select else None
    os.chdir(HERE)  # so no configuration file of the working directory applies
    linter = Linter(overrides=Overrides(select=tuple(select) if select is not None else None))
    print(f"newslint {newslint.__version__}")
    if args.corpus.exists():
        measure_corpus(args.corpus, linter, args.show)
    if args.seeds.exists():
        measure_seeds(args.seeds, linter, args.missed)


if __name__ == "__main__":
    main()
