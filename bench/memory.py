#!/usr/bin/env python3
"""Where newslint's memory goes on one document, and its peak as a whole process.

Two measures, both run by hand (never in CI; see bench/README.md)::

    .venv/bin/python bench/memory.py bench/.work/documents/document-2MB.txt     # by stage
    .venv/bin/python bench/memory.py --peaks bench/.work/documents/document-*.txt
    .venv/bin/python bench/memory.py --peaks --against ../main FILE...   # before and after, in turns

By stage: the file is linted as ``newslint check --no-cache -j 1`` lints it (the same Linter,
configuration and plugins; a Linter warmed on one example article first, so the rule tables are
start-up, not per document), with probes wrapped from outside around ``parse`` and the engine's
per-rule step, in a fresh process per parse path and per probe:

- resident set (``VmRSS``, and ``VmHWM``, the process's peak so far, from /proc/self/status)
  after reading the file, after parse and after each rule: what the operating system sees,
  allocator overhead and fragmentation included;
- tracemalloc: the Python memory alive after each step and the peak within it, above the warm
  Linter, with the allocation sites of what parse leaves alive and of what the rules add, and
  counts of the Document's objects (tracemalloc costs memory and time of its own, so its figures
  are not mixed with the resident ones).

``--peaks``: ru_maxrss of fresh ``newslint check --no-cache`` processes (started by the small
wrapper bench/run.py uses), the median of ``--runs`` runs, on each file and on one example
article, the paths taking turns; the peak per input byte is the slope from the article.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WARMUP_ARTICLE = REPO / "examples" / "scraped-wire-story.txt"
MB = 1_000_000
PATHS = {"native": "1", "python": "0"}  # NEWSLINT_NATIVE for each parse path


def resident() -> tuple[float, float]:
    """(current, peak so far) resident set of this process in MB, from /proc/self/status."""
    fields = {}
    with open("/proc/self/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            fields[key] = value
    return (int(fields["VmRSS"].split()[0]) * 1024 / MB, int(fields["VmHWM"].split()[0]) * 1024 / MB)


def probe(path: str, mode: str) -> dict:
    """Lint ``path`` once with probes (``mode``: "rss" or "tracemalloc"); the figures as a dict."""
    import tracemalloc

    import newslint.engine as engine
    from newslint.document import Document
    from newslint.engine import Linter

    linter = Linter(cache_dir=None)
    linter.lint_file(str(WARMUP_ARTICLE))
    steps: list[dict] = []
    state: dict = {}
    if mode == "tracemalloc":
        tracemalloc.start(1)
        base = tracemalloc.get_traced_memory()[0]

        def mark(label: str) -> None:
            current, peak = tracemalloc.get_traced_memory()
            steps.append({"step": label, "now": (current - base) / MB, "peak": (peak - base) / MB})
            tracemalloc.reset_peak()
    else:
        def mark(label: str) -> None:
            now, peak = resident()
            steps.append({"step": label, "now": now, "peak": peak})

    state["kept"] = {}
    mark("warm Linter")
    parse, run, forget = engine.parse, engine._run, Document.forget_derived

    def probed_parse(*args, **kwargs):
        mark("read, decode")
        document = parse(*args, **kwargs)
        mark("parse")
        if mode == "tracemalloc":
            state["after parse"] = tracemalloc.take_snapshot()
            state["counts"] = counts(document)
            tracemalloc.reset_peak()
        return document

    def probed_forget(document) -> None:
        """What the family that just ran holds beyond the parsed Document, by site, before the
        engine drops the family's analyses."""
        if mode == "tracemalloc" and state.get("family"):
            now = tracemalloc.take_snapshot()
            state["kept"][state["family"]] = sites(now.compare_to(state["after parse"], "lineno"), 6, diff=True)
        forget(document)

    def probed_run(document, rule, severity, faults, method, *args):
        state["family"] = rule.family
        try:
            return run(document, rule, severity, faults, method, *args)
        finally:
            mark(f"rule {rule.code}" + (" (review)" if method.__name__ == "review" else ""))

    engine.parse, engine._run, Document.forget_derived = probed_parse, probed_run, probed_forget
    try:
        result = linter.lint_file(path)
    finally:
        engine.parse, engine._run, Document.forget_derived = parse, run, forget
    figures = {"path": path, "bytes": os.path.getsize(path), "mode": mode, "steps": steps,
               "diagnostics": len(result.diagnostics), "problems": ([result.error] if result.error else [])
               + result.faults}
    mark("lint done, Document released")
    if mode == "tracemalloc":
        figures["parse sites"] = sites(state["after parse"].statistics("lineno"))
        figures["kept"], figures["counts"] = state["kept"], state["counts"]
        tracemalloc.stop()
    return figures


def counts(document) -> dict:
    """How many of the Document's objects there are, and how many distinct ones."""
    tokens = [t for s in document.sentences for t in s.tokens]
    return {"sentences": len(document.sentences), "tokens": len(tokens), "words": document.word_count,
            "token texts, distinct values": len({t.text for t in tokens}),
            "token texts, distinct objects": len({id(t.text) for t in tokens}),
            "token offsets, distinct int objects": len({id(t.start) for t in tokens} | {id(t.end) for t in tokens})}


def sites(stats, top: int = 12, diff: bool = False) -> list[list]:
    """The largest allocation sites in newslint's code: [file:line, MB, objects]."""
    rows = []
    for stat in stats:
        frame = stat.traceback[0]
        if "newslint" not in frame.filename:
            continue
        size, count = (stat.size_diff, stat.count_diff) if diff else (stat.size, stat.count)
        where = frame.filename.split("/src/", 1)[-1]
        rows.append([f"{where}:{frame.lineno}", size / MB, count])
    rows.sort(key=lambda row: -row[1])
    return rows[:top]


def probe_in_child(path: str, parse_path: str, mode: str) -> dict:
    """``probe`` in a fresh interpreter (this one's), so that each starts from the same state."""
    env = {**os.environ, "NEWSLINT_NATIVE": PATHS[parse_path]}
    proc = subprocess.run([sys.executable, __file__, "--probe", mode, path], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=1800)
    if proc.returncode:
        raise SystemExit(f"bench/memory.py --probe {mode} failed: {proc.stderr.strip()[-500:]}")
    return json.loads(proc.stdout)


def render_stages(by_path: dict[str, dict[str, dict]]) -> str:
    paths = list(by_path)
    first = by_path[paths[0]]["rss"]
    lines = [f"{first['path']}: {first['bytes'] / MB:.2f} MB; {first['diagnostics']} diagnostics "
             + ", ".join(f"{p} {by_path[p]['rss']['diagnostics']}" for p in paths[1:]), ""]
    for mode, title in (("rss", "resident set, MB (VmRSS after the step / VmHWM, the process's peak so far)"),
                        ("tracemalloc", "Python memory above the warm Linter, MB (alive after the step / "
                                        "peak within it)")):
        lines.append(title)
        columns = {p: [(s["step"], s["now"], s["peak"]) for s in by_path[p][mode]["steps"]] for p in paths}
        labels = [label for label, _, _ in columns[paths[0]]]
        width = max(map(len, labels))
        lines.append("".ljust(width) + "".join(f"  {p:>15}" for p in paths))
        for i, label in enumerate(labels):
            cells = []
            for p in paths:
                row = columns[p][i] if i < len(columns[p]) else (label, float("nan"), float("nan"))
                cells.append(f"  {row[1]:7.1f} /{row[2]:6.1f}")
            lines.append(label.ljust(width) + "".join(cells))
        lines.append("")
    for p in paths:
        figures = by_path[p]["tracemalloc"]
        lines.append(f"{p}: the Document's objects: "
                     + ", ".join(f"{k} {v:,}" for k, v in figures["counts"].items()))
        lines.append(f"{p}: what parse leaves alive, by site (MB, objects):")
        lines.extend(f"    {where:55} {size:6.1f} {count:9,}" for where, size, count in figures["parse sites"])
        for family, rows in figures["kept"].items():
            lines.append(f"{p}: alive after the {family} rules beyond the parsed Document, by site (MB, objects):")
            lines.extend(f"    {where:55} {size:6.1f} {count:9,}" for where, size, count in rows)
        for problem in figures["problems"][:1]:
            lines.append(f"{p}: error or fault while linting (first): {problem}")
    return "\n".join(lines)


def peaks(files: list[str], paths: list[str], runs: int, against: str | None = None) -> dict:
    """ru_maxrss and CPU time of fresh ``newslint check --no-cache`` processes, the median of
    ``runs`` for each file, parse path and checkout (this one, and ``against``: another checkout
    with its own .venv, for before and after in one run), all taking turns run by run."""
    sys.path.insert(0, str(BENCH))
    import run as bench_run

    newslint = bench_run.find_newslint()
    if newslint is None:
        raise SystemExit("newslint is not installed in .venv (make examples)")
    checkouts = {"this": newslint}
    if against:
        other = Path(against).resolve() / ".venv" / "bin" / "newslint"
        if not other.exists():
            raise SystemExit(f"no newslint in {against}/.venv (make examples there)")
        checkouts = {Path(against).resolve().name: other, **checkouts}
    bench_run.WORK.mkdir(parents=True, exist_ok=True)
    targets = [str(WARMUP_ARTICLE), *files]
    columns = [(name, p) for name in checkouts for p in paths]
    found: dict = {(c, f): [] for c in columns for f in targets}
    for _ in range(runs):
        for f in targets:
            for name, p in columns:
                bench_run.ENV["NEWSLINT_NATIVE"] = PATHS[p]
                argv = bench_run.command("newslint", checkouts[name], Path(f))
                found[(name, p), f].append(bench_run.run_once("newslint", argv))
    table = {}
    for column in columns:
        article = statistics.median(r.peak_mb for r in found[column, targets[0]])
        rows = []
        for f in targets:
            size = os.path.getsize(f)
            peak = statistics.median(r.peak_mb for r in found[column, f])
            rows.append({"file": f, "bytes": size, "peak_mb": peak,
                         "cpu_s": statistics.median(r.cpu for r in found[column, f]),
                         "peaks": [round(r.peak_mb, 1) for r in found[column, f]],
                         "bytes_per_byte": (peak - article) * MB / (size - os.path.getsize(targets[0]))
                         if size != os.path.getsize(targets[0]) else None})
        table[" ".join(column) if against else column[1]] = rows
    return table


def render_peaks(table: dict, runs: int) -> str:
    lines = [f"peak resident set (ru_maxrss) of a fresh `newslint check --no-cache` process, median of {runs} "
             "run(s), MB; B/B: (peak - the article's peak) / bytes added; CPU s: user + system"]
    columns = list(table)
    width = max(22, *(len(c) for c in columns))
    lines.append(f"{'':30} {'':>6}" + "".join(f"  {c:>{width}}" for c in columns))
    lines.append(f"{'file':30} {'MB':>6}" + "".join(f"  {'peak':>{width - 14}}  {'B/B':>5}  {'CPU s':>5}"
                                                    for _ in columns))
    for i, row in enumerate(table[columns[0]]):
        cells = []
        for c in columns:
            r = table[c][i]
            per = f"{r['bytes_per_byte']:.1f}" if r["bytes_per_byte"] is not None else "-"
            cells.append(f"  {r['peak_mb']:{width - 14}.1f}  {per:>5}  {r['cpu_s']:5.2f}")
        lines.append(f"{Path(row['file']).name:30} {row['bytes'] / MB:6.2f}" + "".join(cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--peaks", action="store_true", help="peak memory of fresh processes, file by file")
    parser.add_argument("--runs", type=int, default=3, help="with --peaks: runs of each file (default 3)")
    parser.add_argument("--against", metavar="DIR",
                        help="with --peaks: also measure the checkout in DIR (with its own .venv), taking turns")
    parser.add_argument("--paths", default="native,python",
                        help="parse paths to measure: native, python or both (default native,python)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--probe", choices=("rss", "tracemalloc"), help=argparse.SUPPRESS)  # one child process
    args = parser.parse_args(argv)
    if args.probe:
        print(json.dumps(probe(args.files[0], args.probe)))
        return 0
    paths = args.paths.split(",")
    if unknown := set(paths) - set(PATHS):
        parser.error(f"unknown path(s): {', '.join(sorted(unknown))} (known: {', '.join(PATHS)})")
    if "native" in paths:
        check = subprocess.run([sys.executable, "-c", "from newslint.parse.native import native_core; "
                                "raise SystemExit(native_core() is None)"], env={**os.environ, "NEWSLINT_NATIVE": "1"})
        if check.returncode:
            print("error: the native core is not installed or not usable (pip install ./native)", file=sys.stderr)
            return 2
    if args.peaks:
        table = peaks(args.files, paths, args.runs, args.against)
        print(json.dumps(table) if args.json else render_peaks(table, args.runs))
        return 0
    by_path = {p: {mode: probe_in_child(args.files[0], p, mode) for mode in ("rss", "tracemalloc")} for p in paths}
    print(json.dumps(by_path) if args.json else render_stages(by_path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
