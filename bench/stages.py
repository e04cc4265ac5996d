#!/usr/bin/env python3
"""Where newslint's time goes: CPU seconds per MB for each parse stage and each rule, in-process.

Lints files the way ``newslint check --no-cache -j 1`` does (the same Linter, configuration and
plugins), with timers wrapped around the parse functions and around each rule's run, from the
outside: nothing in src/ changes. Run by bench/run.py, or by hand::

    .venv/bin/python bench/stages.py bench/.work/articles          # a folder, one article a file
    .venv/bin/python bench/stages.py --cprofile out.prof FILE      # and a cProfile to drill into
    .venv/bin/python bench/stages.py --paths native,python DIR     # both parse paths, passes alternated

Each pass gets a fresh Linter (so the run-wide memos start cold, as in a new process), warmed up
on one example article so that loading the rule tables is not charged to the first file.
CPU time is ``time.process_time`` (garbage collection is charged to whatever was running). A
stage that a change in src/ moves out of the functions below is counted under "parse, other" or
under the rule that first asks for it; the table prints which timers found nothing to wrap.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WARMUP_ARTICLE = REPO / "examples" / "scraped-wire-story.txt"
MB = 1_000_000

# The functions newslint.parse.parse calls, by stage: wrapped where parse() looks them up (the
# module's globals), so every call from parse() is timed and nothing else changes.
PARSE_STAGES = {
    "front matter": ("parse_front_matter",),
    "blocks": ("split_lines", "scan_markdown", "scan_text", "_comments"),
    "masks": ("mask_common", "mask_markdown", "_apply_masks"),
    "quotes": ("find_quotes",),
    "sentences": ("split_sentences",),
    "tokens": ("token_pattern", "tokenize"),
    # The native core (native/, when installed) does both of the two above in one call.
    "sentences, tokens (native)": ("native_sentences_and_tokens",),
}
# The parse paths, by the value of NEWSLINT_NATIVE (newslint.parse.native) that picks them.
PATHS = {"native": "1", "python": "0"}


class Timers:
    """CPU seconds by label; ``wrap`` puts a timer around a function."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def add(self, label: str, seconds: float) -> None:
        self.seconds[label] = self.seconds.get(label, 0.0) + seconds

    def wrap(self, label: str, function):
        clock = time.process_time

        def timed(*args, **kwargs):
            start = clock()
            try:
                return function(*args, **kwargs)
            finally:
                self.add(label, clock() - start)

        return timed


def install_timers(timers: Timers) -> tuple[list[str], object]:
    """Wrap the parse stages, parse() itself and the engine's per-rule step.

    Returns the names that were not found and a function that puts the originals back."""
    import newslint.engine as engine
    import newslint.parse as parse

    originals = []  # (module, name, function)
    missing = []
    for stage, names in PARSE_STAGES.items():
        for name in names:
            if callable(getattr(parse, name, None)):
                originals.append((parse, name, getattr(parse, name)))
                setattr(parse, name, timers.wrap(stage, getattr(parse, name)))
            else:
                missing.append(f"newslint.parse.{name}")
    originals.append((engine, "parse", engine.parse))
    engine.parse = timers.wrap("parse", engine.parse)  # the whole of parse(), for "parse, other"

    # engine._run(doc, rule, severity, faults, method, *args) runs one rule's check (or review)
    # on one document and turns its findings into diagnostics: one timer per rule code.
    run = engine._run

    def timed_run(doc, rule, *args):
        start = time.process_time()
        try:
            return run(doc, rule, *args)
        finally:
            timers.add(f"rule {rule.code}", time.process_time() - start)

    originals.append((engine, "_run", run))
    engine._run = timed_run

    def restore() -> None:
        for module, name, function in originals:
            setattr(module, name, function)

    return missing, restore


def files_under(targets: list[str]) -> list[str]:
    """The files to lint: each target file, and the .txt and .md files of each target folder."""
    files = []
    for target in targets:
        path = Path(target)
        if path.is_dir():
            files.extend(str(p) for p in sorted(path.rglob("*")) if p.suffix in (".txt", ".md"))
        else:
            files.append(str(path))
    return files


def one_pass(files: list[str], timers: Timers | None) -> dict:
    """Lint ``files`` with a fresh Linter, then render the text report; CPU seconds of each,
    and by stage when ``timers`` are given."""
    from newslint.engine import Linter
    from newslint.report import render

    linter = Linter(cache_dir=None)
    linter.lint_file(str(WARMUP_ARTICLE))  # loads the rule tables, off the clock
    missing, restore = install_timers(timers) if timers is not None else ([], None)
    try:
        start = time.process_time()
        results = [linter.lint_file(path) for path in files]
        lint_seconds = time.process_time() - start
    finally:
        if restore:
            restore()
    start = time.process_time()
    render("text", results, io.StringIO(), color=False, quiet=False, rules=linter.registry.rules)
    report_seconds = time.process_time() - start
    problems = [r.error for r in results if r.error] + [f for r in results for f in r.faults]
    return {"lint": lint_seconds, "report": report_seconds, "problems": problems[:5],
            "diagnostics": sum(len(r.diagnostics) for r in results),
            "stages": dict(timers.seconds) if timers else {}, "missing_timers": missing}


def measure(files: list[str], passes: int, cprofile: str | None = None) -> dict:
    """``passes`` plain passes and as many timed ones, alternated: the plain ones say what the
    timers themselves cost."""
    return measure_paths(files, passes, [None], cprofile)[None]


def measure_paths(files: list[str], passes: int, paths: list[str | None], cprofile: str | None = None) -> dict:
    """``measure`` for each parse path of ``paths`` (a key of PATHS, or None: as the environment
    says), the paths taking turns pass by pass so that the machine's load touches them alike."""
    plain: dict = {path: [] for path in paths}
    timed: dict = {path: [] for path in paths}
    saved = os.environ.get("NEWSLINT_NATIVE")
    try:
        for i in range(passes):
            for path in paths:
                if path is not None:
                    os.environ["NEWSLINT_NATIVE"] = PATHS[path]
                plain[path].append(one_pass(files, None))
                if cprofile and i == passes - 1 and path == paths[0]:
                    import cProfile

                    profiler = cProfile.Profile()
                    profiler.runcall(one_pass, files, None)
                    profiler.dump_stats(cprofile)
                timed[path].append(one_pass(files, Timers()))
    finally:
        if saved is None:
            os.environ.pop("NEWSLINT_NATIVE", None)
        else:
            os.environ["NEWSLINT_NATIVE"] = saved
    size = sum(os.path.getsize(f) for f in files)
    return {path: {"files": len(files), "bytes": size, "plain": plain[path], "timed": timed[path]} for path in paths}


def family_of(code: str) -> str:
    """The rule family, as the code's letters: TYP001 -> TYP."""
    return code.rstrip("0123456789")


def breakdown(figures: dict) -> list[tuple[str, float]]:
    """(label, CPU s/MB) rows from the medians over the timed passes: the whole lint, parse and
    its stages, each rule family and its rules, the rest of the engine, and the text report."""
    mb = figures["bytes"] / MB
    timed = figures["timed"]

    def median(get) -> float:
        return statistics.median(get(p) for p in timed) / mb

    def stage(p, label):
        return p["stages"].get(label, 0.0)

    rows = [("lint, plain passes (no timers)", statistics.median(p["lint"] for p in figures["plain"]) / mb),
            ("lint, timed passes", median(lambda p: p["lint"])),
            ("  parse", median(lambda p: stage(p, "parse")))]
    for name in PARSE_STAGES:
        rows.append((f"    {name}", median(lambda p, n=name: stage(p, n))))
    rows.append(("    parse, other", median(lambda p: stage(p, "parse") - sum(stage(p, n) for n in PARSE_STAGES))))
    codes = sorted({k[5:] for p in timed for k in p["stages"] if k.startswith("rule ")})
    rows.append(("  rules", median(lambda p: sum(stage(p, f"rule {c}") for c in codes))))
    for family in sorted({family_of(c) for c in codes}):
        members = [c for c in codes if family_of(c) == family]
        rows.append((f"    {family}", median(lambda p, m=members: sum(stage(p, f"rule {c}") for c in m))))
        if len(members) > 1:
            rows.extend((f"      {c}", median(lambda p, c=c: stage(p, f"rule {c}"))) for c in members)
    rows.append(("  engine, other (read, decode, suppressions, positions)",
                 median(lambda p: p["lint"] - stage(p, "parse") - sum(stage(p, f"rule {c}") for c in codes))))
    rows.append(("text report", median(lambda p: p["report"])))
    return rows


def render_table(figures: dict, title: str = "") -> str:
    """The breakdown as text, with the pass totals so that the spread shows."""
    mb = figures["bytes"] / MB
    lines = [title or f"{figures['files']} file(s), {mb:.2f} MB",
             "CPU s per MB (median of the timed passes; each pass: "
             + ", ".join(f"{p['lint'] / mb:.2f}" for p in figures["timed"]) + ")"]
    rows = breakdown(figures)
    width = max(len(label) for label, _ in rows)
    lines.extend(f"{label.ljust(width)}  {value:6.3f}" for label, value in rows)
    missing = sorted({m for p in figures["timed"] for m in p["missing_timers"]})
    if missing:
        lines.append("not found, so not timed apart (counted in 'parse, other'): " + ", ".join(missing))
    problems = [m for p in figures["timed"] for m in p["problems"]]
    if problems:
        lines.append(f"errors or faults while linting (first): {problems[0]}")
    return "\n".join(lines)


def render_paths(by_path: dict[str, dict]) -> str:
    """The breakdowns of several parse paths side by side."""
    paths = list(by_path)
    first = by_path[paths[0]]
    columns = {path: dict(breakdown(figures)) for path, figures in by_path.items()}
    labels = [label for label, _ in breakdown(first)]
    width = max(map(len, labels))
    lines = [f"{first['files']} file(s), {first['bytes'] / MB:.2f} MB; CPU s per MB, median of the timed passes,"
             " the paths taking turns",
             "".ljust(width) + "".join(f"  {path:>8}" for path in paths)]
    lines.extend(label.ljust(width) + "".join(f"  {columns[path][label]:8.3f}" for path in paths) for label in labels)
    for path, figures in by_path.items():
        lines.append(f"{path}: each timed pass " + ", ".join(f"{p['lint'] / (figures['bytes'] / MB):.2f}"
                                                          for p in figures["timed"]))
        problems = [m for p in figures["timed"] for m in p["problems"]]
        if problems:
            lines.append(f"{path}: errors or faults while linting (first): {problems[0]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="+", metavar="PATH", help="files, or folders of .txt and .md files")
    parser.add_argument("--passes", type=int, default=1, help="timed passes, each with a fresh Linter (default 1)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON, for bench/run.py")
    parser.add_argument("--cprofile", metavar="FILE",
                        help="also write to FILE a cProfile of one more plain pass (its warm-up article included)")
    parser.add_argument("--paths", metavar="LIST",
                        help="measure these parse paths side by side: native, python or both (native,python); "
                             "by default the one the environment picks")
    args = parser.parse_args(argv)
    files = files_under(args.targets)
    if not files:
        print(f"error: no .txt or .md files in {' '.join(args.targets)}", file=sys.stderr)
        return 2
    if args.paths:
        paths = args.paths.split(",")
        if unknown := set(paths) - set(PATHS):
            parser.error(f"unknown path(s): {', '.join(sorted(unknown))} (known: {', '.join(PATHS)})")
        if "native" in paths:
            from newslint.parse.native import native_core

            os.environ["NEWSLINT_NATIVE"] = "1"
            if native_core() is None:
                print("error: the native core is not installed or not usable (pip install ./native)", file=sys.stderr)
                return 2
        figures = measure_paths(files, args.passes, paths, args.cprofile)
        print(json.dumps(figures) if args.json else render_paths(figures))
        return 0
    figures = measure(files, args.passes, args.cprofile)
    if args.json:
        print(json.dumps(figures))
    else:
        print(render_table(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
