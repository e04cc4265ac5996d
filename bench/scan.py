#!/usr/bin/env python3
"""Benchmark ``newslint scan``: articles per second on 1 and 2 worker processes, and the
client's peak memory on a corpus and on one ten times larger, in one run.

The corpus is shared/corpus (Reuters stories, read in place, never copied into the project),
written under bench/.work/scan/ (gitignored) as a Parquet collection of 8 files; the large one
repeats it ten times with new ids (80 files). ``newslint check --format json -j N`` on the same
articles as files (the readability metrics computed, as the scan does) is the yardstick. Each run is a whole process timed from outside, the
scans' cluster start-up included; the client's peak memory is its own resident set
(``getrusage(RUSAGE_SELF)`` in the process that runs the command: the workers are not in it).
Run by hand (``.venv/bin/python bench/scan.py``), never in CI; see bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / ".work" / "scan"
CORPUS = Path(os.environ.get("NEWSLINT_CORPUS", REPO.parent / "shared" / "corpus")) / "reuters_2017.jsonl"
FILES_PER_COPY = 8
REPEATS = 10

# check with the readability metrics the scan computes for its articles table (as --format json does).
CHECK = ["--no-cache", "--no-respect-gitignore", "--exit-zero", "--format", "json", "-o", "check.json"]

# The command run in this very process, then its own peak resident set on stderr (KiB on Linux).
CLIENT = ("import resource, sys\n"
          "from newslint.cli import main\n"
          "code = main(sys.argv[1:])\n"
          "sys.stderr.write(f'\\nclient-maxrss-kib {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n')\n"
          "sys.exit(code)\n")


def build(stories: list[dict]) -> dict[str, Path]:
    import pandas as pd

    if WORK.exists():
        shutil.rmtree(WORK)
    places = {"x1": WORK / "x1", "x10": WORK / "x10", "files": WORK / "files"}
    for place in places.values():
        place.mkdir(parents=True)
    size = -(-len(stories) // FILES_PER_COPY)
    for copy in range(REPEATS):
        rows = [{"id": s["id"] if copy == 0 else f"{s['id']}-copy{copy}", "text": s["text"], "date": s.get("date")}
                for s in stories]
        for n in range(FILES_PER_COPY):
            frame = pd.DataFrame(rows[n * size:(n + 1) * size])
            frame.to_parquet(places["x10"] / f"copy{copy:02d}-{n}.parquet", index=False)
            if copy == 0:
                frame.to_parquet(places["x1"] / f"part-{n}.parquet", index=False)
    for s in stories:
        (places["files"] / f"{s['id']}.txt").write_text(s["text"], encoding="utf-8")
    return places


def timed(args: list[str]) -> tuple[float, float, int, str]:
    """Wall seconds, CPU seconds (user and system, of every process of the run: the workers
    are reaped by their nannies, the nannies by the client), the client's peak memory in MiB,
    and what the command printed (a scan's summary gives its own time, from the cluster's
    start to the last partition written)."""
    out = WORK / "out"
    if out.exists():
        shutil.rmtree(out)
    env = {**os.environ, "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", CLIENT, *args], cwd=WORK, env=env, capture_output=True, text=True,
                          timeout=1800)
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if proc.returncode not in (0, 1):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(args)}\n{proc.stderr}")
    kib = int(proc.stderr.rsplit("client-maxrss-kib", 1)[1].split()[0])
    return wall, cpu, kib // 1024, proc.stdout


def scan_seconds(printed: str, articles: int) -> float:
    """The seconds a scan's summary gives for its linting, checking that it linted them all."""
    assert f"Scanned {articles:,} articles" in printed, printed
    return float(printed.split(" linted in ", 1)[1].split(" s", 1)[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each 1x command (default 3; median)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures to FILE")
    options = parser.parse_args()
    if not CORPUS.exists():
        raise SystemExit(f"{CORPUS}: not found (set NEWSLINT_CORPUS to the folder of reuters_2017.jsonl)")
    with CORPUS.open(encoding="utf-8") as f:
        stories = [json.loads(line) for line in f]
    build(stories)
    n = len(stories)
    commands = {
        "check -j 1": ["check", *CHECK, "-j", "1", "files"],
        "scan local:1": ["scan", "x1", "-o", "out", "--scheduler", "local:1"],
        "check -j 2": ["check", *CHECK, "-j", "2", "files"],
        "scan local:2": ["scan", "x1", "-o", "out", "--scheduler", "local:2"],
    }
    runs: dict[str, list[tuple[float, float, int, float]]] = {name: [] for name in commands}
    for r in range(options.runs):  # the commands take turns, so drift in the machine's speed hits each alike
        for name, args in commands.items():
            wall, cpu, peak, printed = timed(args)
            runs[name].append((wall, cpu, peak, scan_seconds(printed, n) if name.startswith("scan") else wall))
            print(f"  run {r + 1}: {name}: {wall:.2f} s", file=sys.stderr)
    for workers in (1, 2):
        wall, cpu, peak, printed = timed(["scan", "x10", "-o", "out", "--scheduler", f"local:{workers}"])
        runs[f"scan local:{workers}, 10x corpus"] = [(wall, cpu, peak, scan_seconds(printed, n * REPEATS))]
        print(f"  10x corpus, local:{workers}: {wall:.2f} s", file=sys.stderr)
    figures = {}
    for name, rs in runs.items():
        count = n * REPEATS if "10x" in name else n
        wall, inside = statistics.median(r[0] for r in rs), statistics.median(r[3] for r in rs)
        figures[name] = {"articles": count, "median_s": wall, "cpu_s": statistics.median(r[1] for r in rs),
                         "articles_per_s": count / wall, "linting_articles_per_s": count / inside,
                         "client_peak_mib": max(r[2] for r in rs)}
    load = os.getloadavg()
    print(f"{n} articles ({sum(s.get('n_words', 0) for s in stories):,} words), 10x corpus {n * REPEATS} articles; "
          f"{os.cpu_count()} cores, load average at the end {load[0]:.2f}; 1x: median of {options.runs} runs, "
          "10x: one run")
    print("| command | articles | wall (s) | CPU (s) | articles/s, whole process | articles/s, linting "
          "| client peak (MiB) |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, f in figures.items():
        linting = f"{f['linting_articles_per_s']:.0f}" if name.startswith("scan") else "-"
        print(f"| `{name}` | {f['articles']:,} | {f['median_s']:.2f} | {f['cpu_s']:.1f} | {f['articles_per_s']:.0f} "
              f"| {linting} | {f['client_peak_mib']} |")
    if options.json:
        Path(options.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
