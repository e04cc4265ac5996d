"""``make eval``: how well newslint's rules do on copy they were not written for.

    python eval/run.py [--only clean,injected,attribution,seeds,spin] [--missed] [--tuning]

One table: false reports on clean copy (shared/corpus), recall on defects injected into it,
ATR001 on hand-labelled sentences, the seeds, and spun copy from spinners the rules were not
written for. Every figure is given for the dev part of the corpus (the copy rules may be
tuned on) and for the held-out part, apart. Not part of ``make test``: it takes a few
minutes.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import Row, load_articles, print_table  # noqa: E402

PARTS = ("clean", "injected", "attribution", "seeds", "spin")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help=f"comma-separated parts to run ({', '.join(PARTS)}; default: all)")
    parser.add_argument("--missed", action="store_true", help="list the seeds' 'must' rows no rule reported")
    parser.add_argument("--tuning", action="store_true",
                        help="spin: dev copy and the methods rules may be tuned on only (no held-out method)")
    args = parser.parse_args(argv)
    only = args.only.split(",") if args.only else list(PARTS)
    articles = load_articles()
    rows: list[Row] = []
    for part in only:
        started = time.perf_counter()
        try:
            module = importlib.import_module(part)
        except ModuleNotFoundError as exc:
            rows.append(Row(part, f"not available: {exc}", "", ""))
            continue
        if part == "seeds":
            missed: list[str] = []
            rows.extend(module.run(missed if args.missed else None))
            for line in missed:
                print(f"missed {line}", file=sys.stderr)
        elif part == "spin":
            rows.extend(module.run(articles, tuning=args.tuning))
        else:
            rows.extend(module.run(articles))
        print(f"{part}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
