#!/usr/bin/env python3
"""Benchmark newslint side by side with proselint and codespell.

Measures cold start (one process, one article), throughput (a corpus of several MB) and peak
memory, and prints a table with the ratios the project targets. Run by hand with ``make bench``
(never in CI); see bench/README.md. Standard library only.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
import venv
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
EXAMPLES = REPO / "examples"
PEERS = BENCH / ".peers"
CORPUS = BENCH / ".work" / "corpus"
PYCACHE = BENCH / ".work" / "pycache"

ARTICLE_SUFFIXES = (".md", ".txt")
EXCLUDED_EXAMPLES = {"README.md"}  # documentation, not copy (as in examples/newslint.toml)
CORPUS_FOLDERS = 8
MB = 1_000_000

TARGET_COLD_RATIO = 1.2  # newslint / codespell wall time, one file
TARGET_THROUGHPUT_RATIO = 5.0  # newslint / proselint MB/s
TARGET_PEAK_MB = 150.0  # newslint, any single process

# Exit codes that mean "ran fine" (findings are not failures): codespell uses 65 for typos found.
OK_CODES = {"newslint": {0, 1}, "proselint": {0, 1}, "codespell": {0, 65}}
# newslint runs with --no-cache: after the warm-ups its cache would answer every run, and the
# benchmark measures linting, as the peers (which keep no cache) do it.
ONE_FILE_ARGS = {"newslint": ["check", "--no-cache"], "proselint": ["check"], "codespell": []}  # then the file
TIMEOUT = 900  # seconds for any one run: a hung tool is reported as failed

# Run in a fresh interpreter: RUSAGE_CHILDREN's ru_maxrss is the largest resident set of any
# single descendant it has waited for (the tool and, through it, any worker it reaped).
MAXRSS_WRAPPER = (
    "import resource, subprocess, sys\n"
    "rc = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, rc)\n"
)


class ToolFailed(Exception):
    """A tool crashed or exited with a code that does not mean 'findings'."""


def child_env() -> dict[str, str]:
    """The environment every measured process runs in: bytecode cached under bench/.work/pycache.

    All three tools then start from cached bytecode after the warm-up, even where
    PYTHONDONTWRITEBYTECODE is set (an editable newslint would otherwise recompile its
    modules on every run while the pip-installed peers use the .pyc files pip wrote), and
    nothing is written outside bench/.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


ENV = child_env()


# -- setup ---------------------------------------------------------------------------------------


def log(message: str) -> None:
    """Progress goes to stderr so stdout holds only the report."""
    print(message, file=sys.stderr, flush=True)


def rel(path: Path | str) -> str:
    """A path relative to the repository when it is inside it."""
    try:
        return str(Path(path).relative_to(REPO))
    except ValueError:
        return str(path)


def find_newslint() -> Path | None:
    """The newslint console script next to this interpreter, in .venv, or on PATH."""
    for candidate in (Path(sys.executable).parent / "newslint", REPO / ".venv" / "bin" / "newslint"):
        if candidate.exists():
            return candidate
    found = shutil.which("newslint")
    return Path(found) if found else None


def ensure_peers() -> dict[str, Path | str]:
    """Peer executables, installed into bench/.peers on first use; a str says why one is missing."""
    bindir = PEERS / "bin"
    wanted = {name: bindir / name for name in ("proselint", "codespell")}
    missing = [name for name, exe in wanted.items() if not exe.exists()]
    if missing:
        log(f"installing {' and '.join(missing)} from PyPI into {rel(PEERS)}/ ...")
        try:
            if not (bindir / "python").exists():
                venv.EnvBuilder(with_pip=True).create(PEERS)
            pip = subprocess.run([str(bindir / "python"), "-m", "pip", "install", "--quiet", *missing],
                                 capture_output=True, text=True)
            problem = (pip.stderr.strip().splitlines()[-1:] or [f"pip exited {pip.returncode}"]
                       if pip.returncode else [])
        except (OSError, subprocess.SubprocessError) as exc:
            problem = [f"{type(exc).__name__}: {exc}"]
        if problem:
            log(f"error: could not install {' '.join(missing)}: {problem[0]}\n"
                f"  try by hand: python3 -m venv {rel(PEERS)} && {rel(bindir)}/pip install proselint codespell\n"
                "  the benchmark goes on without them")
    return {name: exe if exe.exists() else f"not installed in {rel(PEERS)}/" for name, exe in wanted.items()}


def version_of(argv: list[str]) -> str:
    """The version number a '--version'-like command prints, or raise ToolFailed."""
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        raise ToolFailed(f"{type(exc).__name__}: {exc}") from None
    lines = (proc.stdout + proc.stderr).strip().splitlines()
    if proc.returncode or not lines:
        raise ToolFailed(f"{' '.join(argv)} exited {proc.returncode}: {lines[-1] if lines else ''}")
    return lines[-1].split()[-1]


def machine() -> dict[str, object]:
    """What the figures were measured on."""
    cpu = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), "")
    except OSError:
        pass
    try:
        nproc = len(os.sched_getaffinity(0))
    except AttributeError:
        nproc = os.cpu_count() or 1
    return {"date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "platform": platform.platform(), "cpu": cpu, "nproc": nproc, "cpu_count": os.cpu_count(),
            "python": platform.python_version(), "load_at_start": load_average()}


def load_average() -> float | None:
    """The 1-minute load average: other work on the machine skews wall times."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


def example_articles() -> list[Path]:
    """The example articles, the Markdown one (with front matter) first."""
    files = [p for p in EXAMPLES.iterdir() if p.suffix in ARTICLE_SUFFIXES and p.name not in EXCLUDED_EXAMPLES]
    return sorted(files, key=lambda p: (p.suffix != ".md", p.name))


def build_corpus(articles: list[Path], target_bytes: int) -> dict[str, int]:
    """Refill bench/.work/corpus with numbered byte-for-byte copies of the articles, over a few folders."""
    shutil.rmtree(CORPUS, ignore_errors=True)
    folders = [CORPUS / f"batch-{i:02d}" for i in range(CORPUS_FOLDERS)]
    for folder in folders:
        folder.mkdir(parents=True)
    contents = [(p.name, p.read_bytes()) for p in articles]
    files = size = 0
    while size < target_bytes:  # whole sets of articles, so every kind is equally represented
        for name, data in contents:
            (folders[files % CORPUS_FOLDERS] / f"{files:05d}-{name}").write_bytes(data)
            files += 1
            size += len(data)
    return {"files": files, "bytes": size}


# -- measuring -----------------------------------------------------------------------------------


def cpu_seconds() -> float:
    """User + system CPU time of all the children reaped so far (workers of workers included)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_timed(tool: str, argv: list[str], keep_stdout: bool = False) -> tuple[float, float, str, str]:
    """Wall and CPU seconds, stdout (if kept) and stderr of one run; ToolFailed on a crash."""
    cpu, start = cpu_seconds(), time.perf_counter()
    try:
        proc = subprocess.run(argv, cwd=REPO, env=ENV, stderr=subprocess.PIPE, timeout=TIMEOUT,
                              stdout=subprocess.PIPE if keep_stdout else subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError) as exc:
        raise ToolFailed(f"cannot run {rel(argv[0])}: {exc}") from None
    elapsed, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    stderr = proc.stderr.decode("utf-8", "replace")
    if proc.returncode not in OK_CODES[tool] or "Traceback (most recent call last)" in stderr:
        tail = stderr.strip().splitlines()[-1:] or ["(no output on stderr)"]
        raise ToolFailed(f"exit code {proc.returncode}: {tail[0]}")
    return elapsed, cpu, (proc.stdout or b"").decode("utf-8", "replace"), stderr


def peak_rss_mb(tool: str, argv: list[str]) -> float:
    """Max RSS in MB of any single process of one run, measured from a fresh wrapper interpreter."""
    try:
        proc = subprocess.run([sys.executable, "-c", MAXRSS_WRAPPER, *argv], cwd=REPO, env=ENV,
                              capture_output=True, text=True, timeout=TIMEOUT)
    except (OSError, subprocess.SubprocessError) as exc:
        raise ToolFailed(f"memory wrapper failed: {exc}") from None
    try:
        maxrss, code = (int(x) for x in proc.stdout.split())
    except ValueError:
        raise ToolFailed(f"memory wrapper failed: {proc.stderr.strip()[-200:]}") from None
    if code not in OK_CODES[tool]:
        raise ToolFailed(f"exit code {code} under the memory wrapper")
    return maxrss * (1 if sys.platform == "darwin" else 1024) / MB  # bytes on macOS, KiB on Linux


def summarize(wall: list[float], cpu: list[float]) -> dict[str, float]:
    """Median and min wall time and median CPU time of a series of runs, in ms."""
    return {"median_ms": statistics.median(wall) * 1000, "min_ms": min(wall) * 1000,
            "cpu_median_ms": statistics.median(cpu) * 1000, "runs": len(wall)}


def note_stderr(notes: list[str], label: str, stderr: str) -> None:
    """Record a tool that succeeded but complained on stderr (e.g. a file it could not lint)."""
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    if lines:
        notes.append(f"{label}: {len(lines)} line(s) on stderr, first: {lines[0][:160]}")


def cold_start(tools: dict[str, Path], files: list[Path], warmup: int, runs: int,
               notes: list[str]) -> list[dict]:
    """Wall time of one fresh process per file; tools interleaved round by round to share any drift."""
    results = []
    for n, path in enumerate(files, 1):
        log(f"cold start {n}/{len(files)}: {path.name}")
        times: dict[str, list[float]] = {t: [] for t in tools}
        cpus: dict[str, list[float]] = {t: [] for t in tools}
        failed: dict[str, str] = {}
        for round_ in range(warmup + runs):
            for tool, exe in tools.items():
                if tool in failed:
                    continue
                try:
                    elapsed, cpu, _, stderr = run_timed(tool, [str(exe), *ONE_FILE_ARGS[tool], str(path)])
                except ToolFailed as exc:
                    failed[tool] = str(exc)
                    notes.append(f"{tool} failed on {path.name}: {exc}")
                    continue
                if round_ == 0:
                    note_stderr(notes, f"{tool} on {path.name}", stderr)
                if round_ >= warmup:
                    times[tool].append(elapsed)
                    cpus[tool].append(cpu)
        row: dict = {"file": path.name, "bytes": path.stat().st_size}
        for tool in tools:
            row[tool] = {"error": failed[tool]} if tool in failed else summarize(times[tool], cpus[tool])
        nl, cs = row.get("newslint", {}), row.get("codespell", {})
        if "median_ms" in nl and "median_ms" in cs:
            row["ratio_newslint_codespell"] = nl["median_ms"] / cs["median_ms"]
        results.append(row)
    return results


def throughput(tools: dict[str, Path], corpus: dict[str, int], runs: int, notes: list[str]) -> list[dict]:
    """Wall time, MB/s and peak memory of each tool over the whole corpus folder."""
    target = str(CORPUS)
    rows = [("newslint", "newslint", ["check", "--no-cache", "--exit-zero", "-q", target]),
            ("newslint -j 1", "newslint", ["check", "--no-cache", "--exit-zero", "-q", "-j", "1", target]),
            ("proselint", "proselint", ["check", target]),  # proselint walks folders itself
            ("codespell", "codespell", [target])]
    results = []
    for label, tool, args in rows:
        if tool not in tools:
            continue
        log(f"throughput: {label} ({runs} run{'s' * (runs > 1)})")
        argv = [str(tools[tool]), *args]
        row: dict = {"command": label, "argv": [rel(a) for a in argv]}
        try:
            times, cpus = [], []
            for i in range(runs):
                elapsed, cpu, stdout, stderr = run_timed(tool, argv, keep_stdout=True)
                times.append(elapsed)
                cpus.append(cpu)
                if i == 0:
                    row["output_lines"] = stdout.count("\n")
                    note_stderr(notes, f"{label} on the corpus", stderr)
            row.update(summarize(times, cpus))
            row["mb_per_s"] = corpus["bytes"] / MB / statistics.median(times)
            row["peak_rss_mb"] = peak_rss_mb(tool, argv)
        except ToolFailed as exc:
            row["error"] = str(exc)
            notes.append(f"{label} failed on the corpus: {exc}")
        results.append(row)
    base = next((r for r in results if r["command"] == "proselint" and "mb_per_s" in r), None)
    for row in results:
        if base and "mb_per_s" in row:
            row["ratio_vs_proselint"] = row["mb_per_s"] / base["mb_per_s"]
    return results


def single_file_memory(tools: dict[str, Path], path: Path, notes: list[str]) -> dict[str, float | None]:
    """Peak RSS of each tool linting one file."""
    peaks: dict[str, float | None] = {}
    for tool, exe in tools.items():
        try:
            peaks[tool] = peak_rss_mb(tool, [str(exe), *ONE_FILE_ARGS[tool], str(path)])
        except ToolFailed as exc:
            peaks[tool] = None
            notes.append(f"{tool} memory run on {path.name} failed: {exc}")
    return peaks


def import_times(newslint: Path, path: Path, top: int = 20) -> dict:
    """newslint's total import time and heaviest imports by cumulative time, from one
    ``python -X importtime`` run (which itself slows imports down a little)."""
    python = newslint.parent / "python"
    proc = subprocess.run([str(python if python.exists() else sys.executable), "-X", "importtime",
                           "-m", "newslint", "check", "--no-cache", str(path)], cwd=REPO, env=ENV,
                          capture_output=True, text=True)
    rows = []
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "self [us]" not in line:
            own, cumulative, name = line[len("import time:"):].split("|", 2)
            rows.append({"module": name[1:].rstrip(), "self_ms": int(own) / 1000,
                         "cumulative_ms": int(cumulative) / 1000})
    return {"total_ms": sum(r["self_ms"] for r in rows),
            "top": sorted(rows, key=lambda r: -r["cumulative_ms"])[:top]}


# -- reporting -----------------------------------------------------------------------------------


def render(headers: list[str], rows: list[list[str]], left: int = 1) -> str:
    """A plain-text table: the first ``left`` columns left-aligned, the rest right-aligned."""
    widths = [max(len(str(x)) for x in column) for column in zip(headers, *rows)]
    lines = []
    for cells in [headers, *rows]:
        lines.append("  ".join(str(c).ljust(w) if i < left else str(c).rjust(w)
                               for i, (c, w) in enumerate(zip(cells, widths))).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def timing(cell: dict | None) -> str:
    """'median / min' in ms, or why there is no figure."""
    if not cell:
        return "n/a"
    if "error" in cell:
        return "failed"
    return f"{cell['median_ms']:.1f} / {cell['min_ms']:.1f}"


def verdict(ok: bool | None) -> str:
    """PASS, MISS, or n/a when there is nothing to compare with."""
    return "n/a" if ok is None else ("PASS" if ok else "MISS")


def report(figures: dict) -> str:
    """The whole printed report."""
    m, out = figures["machine"], []
    out.append(f"newslint benchmark, {m['date']}")
    out.append(f"machine: {m['platform']}, {m['cpu'] or 'unknown CPU'}, nproc {m['nproc']}; "
               f"Python {m['python']}; load average {m['load_at_start']} at start, {m['load_at_end']} at end")
    out.append("versions: " + ", ".join(f"{t} {v}" for t, v in figures["versions"].items()))
    for tool, why in figures["unavailable"].items():
        out.append(f"unavailable: {tool} ({why})")
    s = figures["settings"]
    out.append(f"mode: {s['mode']}; cold start {s['runs']} runs after {s['warmup']} warm-up(s) per file; "
               f"throughput {s['throughput_runs']} run(s) per command; bytecode cached in {rel(PYCACHE)}/")

    tools = [t for t in ("newslint", "codespell", "proselint") if t in figures["versions"]]
    out.append("\nCold start: one fresh process linting one file, wall ms (median / min)")
    rows = []
    for r in figures["cold_start"]:
        ratio = r.get("ratio_newslint_codespell")
        rows.append([r["file"], f"{r['bytes'] / 1000:.1f}", *(timing(r.get(t)) for t in tools),
                     f"{ratio:.2f}x" if ratio else "n/a",
                     verdict(None if ratio is None else ratio <= TARGET_COLD_RATIO)])
    out.append(render(["file", "kB", *tools, "newslint/codespell", f"<= {TARGET_COLD_RATIO}x"], rows))

    c = figures["corpus"]
    out.append(f"\nThroughput: {rel(CORPUS)}/, {c['bytes'] / MB:.2f} MB in {c['files']} files "
               f"({CORPUS_FOLDERS} folders), wall s (median / min)")
    rows = []
    for r in figures["throughput"]:
        if "error" in r:
            rows.append([r["command"], "failed", "", "", "", "", ""])
            continue
        ratio = r.get("ratio_vs_proselint")
        rows.append([r["command"], f"{r['median_ms'] / 1000:.2f} / {r['min_ms'] / 1000:.2f}",
                     f"{r['cpu_median_ms'] / 1000:.2f}",
                     f"{r['mb_per_s']:.2f}", f"{ratio:.1f}x" if ratio else "n/a",
                     f"{r['peak_rss_mb']:.1f}", str(r["output_lines"])])
    out.append(render(["command", "wall s", "CPU s", "MB/s", "vs proselint", "peak RSS MB", "output lines"], rows))

    mem = figures["single_file_memory"]
    out.append(f"\nPeak RSS linting one file ({mem['file']}), MB: "
               + ", ".join(f"{t} {v:.1f}" if v is not None else f"{t} failed" for t, v in mem["peak_mb"].items()))
    out.append("peak RSS = max RSS of any single process (newslint's workers are not summed): ru_maxrss of\n"
               "RUSAGE_CHILDREN in a fresh wrapper interpreter per run, whose own ~10 MB is a floor")

    t = figures["targets"]
    out.append("\nTargets")
    out.append(render(["target", "measured", "verdict"], [
        [f"cold start <= {TARGET_COLD_RATIO}x codespell", t["cold_start"]["measured"], verdict(t["cold_start"]["ok"])],
        [f"throughput >= {TARGET_THROUGHPUT_RATIO:g}x proselint", t["throughput"]["measured"],
         verdict(t["throughput"]["ok"])],
        [f"newslint peak memory < {TARGET_PEAK_MB:g} MB", t["peak_memory"]["measured"],
         verdict(t["peak_memory"]["ok"])],
    ], left=3))

    if figures.get("imports"):
        imports = figures["imports"]
        out.append(f"\nnewslint imports: {imports['total_ms']:.1f} ms in all (python -X importtime, one run on "
                   f"{figures['cold_start'][0]['file']}); heaviest by cumulative ms, indented as nested")
        out.append(render(["module", "cumulative ms", "self ms"],
                          [[r["module"], f"{r['cumulative_ms']:.1f}", f"{r['self_ms']:.1f}"]
                           for r in imports["top"]]))
    if figures["notes"]:
        out.append("\nNotes")
        out.extend(f"- {n}" for n in figures["notes"])
    return "\n".join(out)


def targets(figures: dict) -> dict:
    """Each target's measured figure (worst case) and whether it is met; ok is None without data."""
    ratios = [(r["ratio_newslint_codespell"], r["file"]) for r in figures["cold_start"]
              if "ratio_newslint_codespell" in r]
    worst = max(ratios, default=None)
    cold = {"ok": worst[0] <= TARGET_COLD_RATIO if worst else None,
            "measured": f"worst {worst[0]:.2f}x ({worst[1]})" if worst else "n/a"}
    nl = {r["command"]: r.get("ratio_vs_proselint") for r in figures["throughput"]}
    if nl.get("newslint"):
        rest = f", -j 1: {nl['newslint -j 1']:.1f}x" if nl.get("newslint -j 1") else ""
        tput = {"ok": nl["newslint"] >= TARGET_THROUGHPUT_RATIO, "measured": f"{nl['newslint']:.1f}x{rest}"}
    else:
        tput = {"ok": None, "measured": "n/a"}
    peaks = [r["peak_rss_mb"] for r in figures["throughput"] if r["command"].startswith("newslint")
             and "peak_rss_mb" in r]
    single = figures["single_file_memory"]["peak_mb"].get("newslint")
    peaks += [single] if single is not None else []
    mem = {"ok": max(peaks) < TARGET_PEAK_MB if peaks else None,
           "measured": f"max {max(peaks):.1f} MB" if peaks else "n/a"}
    return {"cold_start": cold, "throughput": tput, "peak_memory": mem}


# -- main ----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Set up, measure, print the report; 2 when newslint itself cannot run."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="smoke check: 5 runs, two example files, a 1 MB corpus, one throughput run")
    parser.add_argument("--json", metavar="FILE", help="also write the figures to FILE as JSON")
    parser.add_argument("--imports", action="store_true", help="also show newslint's heaviest imports")
    args = parser.parse_args(argv)

    warmup, runs, corpus_mb, throughput_runs = (1, 5, 1, 1) if args.quick else (2, 20, 5, 3)
    notes: list[str] = []
    newslint = find_newslint()
    if newslint is None:
        log("error: no newslint executable; run 'make bench' (it sets up .venv) or pip install -e .")
        return 2

    tools: dict[str, Path] = {}
    unavailable: dict[str, str] = {}
    versions: dict[str, str] = {}
    for tool, found in {"newslint": newslint, **ensure_peers()}.items():
        if isinstance(found, str):
            unavailable[tool] = found
            continue
        try:
            versions[tool] = version_of([str(found), "version" if tool == "proselint" else "--version"])
            tools[tool] = found
        except ToolFailed as exc:
            unavailable[tool] = f"does not run: {exc}"
    if "newslint" in unavailable:
        log(f"error: newslint does not run: {unavailable['newslint']}")
        return 2

    articles = example_articles()
    md = next(p for p in articles if p.suffix == ".md")
    txt = next(p for p in articles if p.suffix == ".txt")
    cold_files = [md, txt] if args.quick else articles
    log(f"building a {corpus_mb} MB corpus in {rel(CORPUS)}/")
    corpus = build_corpus(articles, corpus_mb * MB)

    figures: dict = {
        "machine": machine(), "versions": versions, "unavailable": unavailable,
        "settings": {"mode": "quick" if args.quick else "full", "warmup": warmup, "runs": runs,
                     "throughput_runs": throughput_runs},
        "corpus": corpus,
    }
    figures["cold_start"] = cold_start(tools, cold_files, warmup, runs, notes)
    figures["single_file_memory"] = {"file": md.name, "peak_mb": single_file_memory(tools, md, notes)}
    figures["throughput"] = throughput(tools, corpus, throughput_runs, notes)
    if args.imports:
        figures["imports"] = import_times(newslint, md)
    figures["machine"]["load_at_end"] = load_average()
    figures["targets"] = targets(figures)
    figures["notes"] = notes

    print(report(figures))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        log(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
