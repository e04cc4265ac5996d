#!/usr/bin/env python3
"""Benchmark newslint on varied news copy, side by side with proselint, codespell and typos.

The copy is the Reuters corpus of shared/corpus, written under bench/.work/ as one article a
file and as single documents of 0.25 to 2 MB cut from the same articles joined. Measured in one
run: throughput (MB/s, CPU s/MB, ratios to each peer), cold start, peak memory, and where
newslint's CPU time goes (parse stages and rules, from bench/stages.py). Run by hand with
``make bench`` (never in CI); see bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / ".work"  # gitignored: the corpus text is never written into the repository
ARTICLES = WORK / "articles"
DOCUMENTS = WORK / "documents"
PYCACHE = WORK / "pycache"
PEERS = BENCH / ".peers"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "reuters_2017.jsonl"
FRONT_MATTER_EXAMPLE = REPO / "examples" / "spun-story-with-front-matter.md"  # the YAML path

MB = 1_000_000
DOCUMENT_SIZES_MB = (0.25, 0.5, 1, 2)  # documents cut from the joined articles

# What "done" means in issue 18.
TARGET_J1_VS_PROSELINT = {"pure-Python": 4.0, "native": 10.0}  # newslint -j 1 MB/s / proselint MB/s, by parse core
TARGET_COLD_VS_CODESPELL = 0.8  # newslint / codespell wall time, one article
TARGET_PEAK_MB_LARGE = 100.0  # newslint on the 2 MB document
TARGET_FLAT = 1.2  # net CPU s/MB of the 2 MB document / that of the 0.25 MB one, at most

PEER_NAMES = ("proselint", "codespell", "typos")  # PyPI packages; typos ships the Rust binary
# Exit codes that mean "ran fine" (findings are not failures).
OK_CODES = {"newslint": {0, 1}, "proselint": {0, 1}, "codespell": {0, 65}, "typos": {0, 2}}
TIMEOUT = 900  # seconds for any one run: a hung tool is killed and reported as failed


def command(tool: str, exe: Path, target: Path, *, jobs: int | None = None, cold: bool = False) -> list[str]:
    """The command line that lints ``target`` (a file or a folder) with ``tool``.

    newslint runs with --no-cache (the peers keep no cache; after a warm-up the cache would
    answer every run) and, for throughput, -q so that only diagnostics are printed. newslint and
    typos skip what .gitignore lists (bench/.work/ is), hence --no-respect-gitignore and
    --no-ignore; proselint and codespell walk folders without reading it."""
    if tool == "newslint":
        quiet = [] if cold else ["--exit-zero", "-q"]
        return [str(exe), "check", "--no-cache", "--no-respect-gitignore", *quiet,
                *(["-j", str(jobs)] if jobs else []), str(target)]
    return [str(exe), *{"proselint": ["check"], "codespell": [],
                        "typos": ["--no-ignore", "--format", "brief"]}[tool], str(target)]


class ToolFailed(Exception):
    """A tool crashed, timed out or exited with a code that does not mean 'findings'."""


def child_env() -> dict[str, str]:
    """The environment every measured process runs in: bytecode cached under bench/.work/pycache.

    All the Python tools then start from cached bytecode after the warm-up, even where
    PYTHONDONTWRITEBYTECODE is set (an editable newslint would otherwise recompile its
    modules on every run while the pip-installed peers use the .pyc files pip wrote), and
    nothing is written outside bench/."""
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
    wanted = {name: bindir / name for name in PEER_NAMES}
    missing = [name for name, exe in wanted.items() if not exe.exists()]
    if missing:
        log(f"installing {', '.join(missing)} from PyPI into {rel(PEERS)}/ ...")
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
                f"  try by hand: python3 -m venv {rel(PEERS)} && {rel(bindir)}/pip install {' '.join(PEER_NAMES)}\n"
                "  the benchmark goes on without them")
    return {name: exe if exe.exists() else f"not installed in {rel(PEERS)}/" for name, exe in wanted.items()}


def version_of(tool: str, exe: Path) -> str:
    """The version number the tool prints, or raise ToolFailed."""
    argv = [str(exe), "version" if tool == "proselint" else "--version"]
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
    return {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "platform": platform.platform(), "cpu": cpu, "nproc": nproc, "python": platform.python_version()}


def load_average() -> float | None:
    """The 1-minute load average: other work on the machine skews wall times."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


# -- the copy ------------------------------------------------------------------------------------


def load_corpus(path: Path, every: int = 1) -> list[str]:
    """The corpus articles as plain-text files, laid out in paragraphs as eval/ lays them out
    (eval/common.py: a title, a blank line, a paragraph every two sentences)."""
    sys.path.insert(0, str(REPO / "eval"))
    try:
        from common import load_articles
    finally:
        sys.path.pop(0)
    return [article.text for article in load_articles(path)[::every]]


def write_articles(texts: list[str], folder: Path) -> list[Path]:
    """Refill ``folder`` with one file per article, numbered in corpus order."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    paths = []
    for number, text in enumerate(texts):
        path = folder / f"article-{number:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def write_documents(texts: list[str], folder: Path, sizes_mb: tuple[float, ...]) -> list[Path]:
    """Refill ``folder`` with the articles joined into one document (separated by a blank line,
    as paragraphs are) and, for each size, the longest run of whole articles from the start
    that fits in it: sizes are at most the nominal ones, and no article is cut."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    ends, size = [], 0  # the UTF-8 size after each article, its separator included
    for text in texts:
        size += len(text.encode("utf-8")) + 1
        ends.append(size)
    documents = []
    for size_mb in sizes_mb:
        count = sum(1 for end in ends if end <= size_mb * MB)
        path = folder / f"document-{size_mb:g}MB.txt"
        path.write_text("\n".join(texts[:count]), encoding="utf-8")
        documents.append(path)
    joined = folder / "document-all.txt"
    joined.write_text("\n".join(texts), encoding="utf-8")
    return [*documents, joined]


def megabytes(paths: list[Path]) -> float:
    return sum(p.stat().st_size for p in paths) / MB


# -- measuring -----------------------------------------------------------------------------------


@dataclass
class Run:
    """One finished process: wall and CPU seconds, peak memory, what it printed."""

    wall: float
    cpu: float  # user + system, of the process and every descendant it waited for
    peak_mb: float  # the largest resident set of any one of them (workers are not summed)
    lines: int  # lines on stdout
    stderr: str


# Every measured command is started by this small, fresh interpreter, which times it and writes
# "wall cpu maxrss exit-code" to the file named by its first argument. It is there for the memory
# figure: a child's ru_maxrss counts the memory of the process it was forked from, up to its
# exec, so a tool started from this script (which holds the corpus) would show at least this
# script's size; started from the wrapper, the floor is the wrapper's own ~9 MB.
WRAPPER = (
    "import os, sys, time\n"
    "start = time.perf_counter()\n"
    "pid = os.posix_spawn(sys.argv[2], sys.argv[2:], os.environ)\n"
    "_, status, usage = os.wait4(pid, 0)\n"
    "wall = time.perf_counter() - start\n"
    "with open(sys.argv[1], 'w') as f:\n"
    "    f.write(f'{wall} {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}')\n"
)


def run_once(tool: str, argv: list[str]) -> Run:
    """Run ``argv`` once from the repository; ToolFailed on a crash, a timeout or a bad exit code.

    The figures are the operating system's own accounting of the finished process (os.wait4):
    CPU time and ru_maxrss, both covering the descendants it reaped (newslint's workers)."""
    fd, result_path = tempfile.mkstemp(prefix="run-", dir=WORK)
    os.close(fd)
    try:
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            try:
                proc = subprocess.Popen([sys.executable, "-c", WRAPPER, result_path, *argv], cwd=REPO, env=ENV,
                                        stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True)
            except OSError as exc:
                raise ToolFailed(f"cannot run {rel(argv[0])}: {exc}") from None
            try:
                proc.wait(TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)  # the wrapper and the tool: one session
                proc.wait()
                raise ToolFailed(f"killed after {TIMEOUT} s") from None
            out.seek(0)
            lines = out.read().count(b"\n")
            err.seek(0)
            stderr = err.read().decode("utf-8", "replace")
        fields = Path(result_path).read_text().split()
    finally:
        os.unlink(result_path)
    if proc.returncode or len(fields) != 4:
        raise ToolFailed(f"could not be started: {stderr.strip()[-200:]}")
    wall, cpu, maxrss, code = float(fields[0]), float(fields[1]), int(fields[2]), int(fields[3])
    if code not in OK_CODES[tool] or "Traceback (most recent call last)" in stderr:
        tail = stderr.strip().splitlines()[-1:] or ["(no output on stderr)"]
        raise ToolFailed(f"exit code {code}: {tail[0][:200]}")
    peak = maxrss * (1 if sys.platform == "darwin" else 1024) / MB  # bytes on macOS, KiB on Linux
    return Run(wall, cpu, peak, lines, stderr)


def note_stderr(notes: list[str], label: str, stderr: str) -> None:
    """Record a tool that succeeded but complained on stderr (e.g. a file it could not lint)."""
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    if lines:
        notes.append(f"{label}: {len(lines)} line(s) on stderr, first: {lines[0][:160]}")


def rounds(commands: dict[str, tuple[str, list[str]]], warmup: int, runs: int, what: str,
           notes: list[str]) -> dict[str, list[Run] | str]:
    """Run every command ``warmup + runs`` times, taking turns round by round so that a change in
    the machine's load between rounds touches all of them alike. A command that fails once is
    dropped (its entry is then the reason); the warm-up runs are not kept."""
    results: dict[str, list[Run] | str] = {label: [] for label in commands}
    for round_ in range(warmup + runs):
        log(f"{what}: round {round_ + 1}/{warmup + runs}" + (" (warm-up)" if round_ < warmup else ""))
        for label, (tool, argv) in commands.items():
            if isinstance(results[label], str):
                continue
            try:
                run = run_once(tool, argv)
            except ToolFailed as exc:
                results[label] = str(exc)
                notes.append(f"{label} failed on {what}: {exc}")
                continue
            if round_ == 0:
                note_stderr(notes, f"{label} on {what}", run.stderr)
            if round_ >= warmup:
                results[label].append(run)
    return results


def summary(runs: list[Run] | str, size_bytes: int) -> dict:
    """Medians of a command's runs (and the spread of its wall time), or the reason it failed."""
    if isinstance(runs, str):
        return {"error": runs}
    wall = statistics.median(r.wall for r in runs)
    cpu = statistics.median(r.cpu for r in runs)
    return {"runs": len(runs), "wall_s": wall, "wall_min_s": min(r.wall for r in runs),
            "wall_max_s": max(r.wall for r in runs), "cpu_s": cpu, "mb_per_s": size_bytes / MB / wall,
            "cpu_s_per_mb": cpu / (size_bytes / MB), "peak_mb": max(r.peak_mb for r in runs),
            "output_lines": runs[0].lines}


def paired_ratio(slow: list[Run] | str, fast: list[Run] | str, measure: str = "wall") -> float | None:
    """How many times faster ``fast`` is than ``slow``: the median, over rounds, of the ratio of
    their wall (or cpu) times in the same round (pairing keeps it meaningful when the load drifts)."""
    if isinstance(slow, str) or isinstance(fast, str):
        return None
    return statistics.median(getattr(s, measure) / getattr(f, measure) for s, f in zip(slow, fast))


def compare(tools: dict[str, Path], target: Path, size_bytes: int, runs: int, what: str, notes: list[str],
            jobs_1_too: bool) -> dict:
    """newslint and every peer on ``target``: a summary per command and newslint's ratio to each peer."""
    commands = {"newslint": ("newslint", command("newslint", tools["newslint"], target))}
    if jobs_1_too:
        commands["newslint -j 1"] = ("newslint", command("newslint", tools["newslint"], target, jobs=1))
    commands.update({peer: (peer, command(peer, tools[peer], target)) for peer in PEER_NAMES if peer in tools})
    results = rounds(commands, 0, runs, what, notes)
    table = {}
    for label, (tool, argv) in commands.items():
        row = {"argv": [rel(a) for a in argv], **summary(results[label], size_bytes)}
        if tool == "newslint":
            row["vs"] = {peer: paired_ratio(results[peer], results[label]) for peer in PEER_NAMES if peer in tools}
            # On a busy machine a process waits for a core: CPU time is then the steadier measure.
            row["vs_cpu"] = {peer: paired_ratio(results[peer], results[label], "cpu")
                             for peer in PEER_NAMES if peer in tools}
        table[label] = row
    return {"target": rel(target), "bytes": size_bytes, "commands": table}


def size_sweep(newslint: Path, documents: list[Path], article: Path, runs: int, notes: list[str]) -> list[dict]:
    """newslint alone on documents of growing size: is the cost per MB flat?

    A whole process also pays for starting up (about 0.15 CPU s, a large share of a 0.25 MB
    run), so one small article runs in the same rounds and each document's "net" CPU s/MB is
    its CPU time less the article's, per MB added."""
    commands = {p.name: ("newslint", command("newslint", newslint, p)) for p in [article, *documents]}
    results = rounds(commands, 0, runs, "documents of growing size", notes)
    rows = [{"document": p.name, "bytes": p.stat().st_size, **summary(results[p.name], p.stat().st_size)}
            for p in [article, *documents]]
    base = rows[0]
    for row in rows[1:]:
        if "cpu_s" in row and "cpu_s" in base:
            row["net_cpu_s_per_mb"] = (row["cpu_s"] - base["cpu_s"]) / ((row["bytes"] - base["bytes"]) / MB)
    return rows


def cold_start(tools: dict[str, Path], files: list[Path], warmup: int, runs: int, notes: list[str]) -> list[dict]:
    """Wall time of one fresh process linting one article, and newslint's ratio to codespell."""
    rows = []
    for path in files:
        commands = {tool: (tool, command(tool, exe, path, cold=True)) for tool, exe in tools.items()}
        results = rounds(commands, warmup, runs, f"cold start on {path.name}", notes)
        row = {"file": rel(path), "bytes": path.stat().st_size,
               **{tool: summary(results[tool], path.stat().st_size) for tool in tools}}
        # paired_ratio(slow, fast) is slow's time over fast's: here newslint's over codespell's
        row["newslint_vs_codespell"] = paired_ratio(results["newslint"], results.get("codespell", "not run"))
        rows.append(row)
    return rows


def parse_core(newslint: Path) -> str:
    """Which parse core the measured newslint runs: "native" (native/ installed and usable) or
    "pure-Python"; NEWSLINT_NATIVE in the environment decides as it does for newslint."""
    python = newslint.parent / "python"
    code = "from newslint.parse.native import native_core; print(native_core() is not None)"
    proc = subprocess.run([str(python if python.exists() else sys.executable), "-c", code], cwd=REPO, env=ENV,
                          capture_output=True, text=True, timeout=TIMEOUT)
    return "native" if proc.stdout.strip() == "True" else "pure-Python"


def stages(newslint: Path, target: Path, passes: int) -> dict:
    """bench/stages.py in a fresh process of newslint's own interpreter: CPU time by stage."""
    python = newslint.parent / "python"
    argv = [str(python if python.exists() else sys.executable), str(BENCH / "stages.py"), "--json",
            "--passes", str(passes), str(target)]
    proc = subprocess.run(argv, cwd=REPO, env=ENV, capture_output=True, text=True, timeout=TIMEOUT * passes)
    if proc.returncode:
        raise ToolFailed(f"bench/stages.py exited {proc.returncode}: {proc.stderr.strip()[-300:]}")
    return json.loads(proc.stdout)


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


def times(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}x"


def verdict(ok: bool | None) -> str:
    """PASS, MISS, or n/a when there is nothing to compare with."""
    return "n/a" if ok is None else ("PASS" if ok else "MISS")


def throughput_table(figures: dict) -> str:
    peers = [p for p in PEER_NAMES if p in figures["versions"]]
    rows = []
    for label, r in figures["commands"].items():
        if "error" in r:
            rows.append([label, "failed (see Notes)", *[""] * (6 + len(peers))])
            continue
        vs = ([f"{times(r['vs'].get(p))} / {times(r['vs_cpu'].get(p))}" for p in peers] if "vs" in r
              else [""] * len(peers))
        rows.append([label, f"{r['wall_s']:.2f} ({r['wall_min_s']:.2f}-{r['wall_max_s']:.2f})", f"{r['mb_per_s']:.2f}",
                     f"{r['cpu_s_per_mb']:.2f}", *vs, f"{r['peak_mb']:.0f}", str(r["output_lines"])])
    return render(["command", "wall s (min-max)", "MB/s", "CPU s/MB", *(f"vs {p}" for p in peers),
                   "peak MB", "output lines"], rows)


def report(figures: dict) -> str:
    """The whole printed report."""
    m, s, out = figures["machine"], figures["settings"], []
    loads = ", ".join(f"{what} {load}" for what, load in figures["loads"])
    out.append(f"newslint benchmark, {m['date']}")
    out.append(f"machine: {m['platform']}, {m['cpu'] or 'unknown CPU'}, nproc {m['nproc']}; Python {m['python']}")
    out.append(f"load average (1 min): {loads}")
    out.append("versions: " + ", ".join(f"{t} {v}" for t, v in figures["versions"].items()))
    for tool, why in figures["unavailable"].items():
        out.append(f"unavailable: {tool} ({why})")
    out.append(f"mode: {s['mode']}; throughput {s['runs']} round(s), tools taking turns; cold start {s['cold_runs']} "
               f"rounds after {s['cold_warmup']} warm-up(s); in-process stages {s['passes']} pass(es)")
    c = figures["copy"]
    out.append(f"copy: {c['articles']} Reuters stories from {c['source']} ({c['mb']:.2f} MB), written to "
               f"{rel(ARTICLES)}/ and {rel(DOCUMENTS)}/")
    out.append("MB = 10^6 bytes; CPU = user + system of the process and its workers\n"
               "vs X = how many times faster than X, wall / CPU: the median over rounds of X's time / newslint's\n"
               "in the same round (on a busy machine a process waits for a core: the CPU ratio is the steadier)\n"
               "peak MB = the largest single process of any round (workers not summed; the ~9 MB of the\n"
               "wrapper that starts each tool is a floor)")

    a = figures["articles"]
    out.append(f"\nOne article a file: {a['target']}/, {a['bytes'] / MB:.2f} MB")
    out.append(throughput_table({**a, "versions": figures["versions"]}))
    d = figures["document"]
    out.append(f"\nOne large document: {d['target']}, {d['bytes'] / MB:.2f} MB")
    out.append(throughput_table({**d, "versions": figures["versions"]}))

    out.append("\nCost per MB by document size, newslint alone (the articles above, joined); net = less the CPU\n"
               "time of one small article in the same rounds (start-up), per MB added")
    base = figures["sizes"][0]
    first = next((r for r in figures["sizes"] if "net_cpu_s_per_mb" in r), None)
    rows = []
    for r in figures["sizes"]:
        if "error" in r:
            rows.append([r["document"], "failed (see Notes)", *[""] * 7])
            continue
        net = r.get("net_cpu_s_per_mb")
        growth = ((r["peak_mb"] - base["peak_mb"]) / ((r["bytes"] - base["bytes"]) / MB)
                  if r is not base and "peak_mb" in base else None)
        rows.append([r["document"], f"{r['bytes'] / MB:.3f}", f"{r['wall_s']:.2f}", f"{r['mb_per_s']:.2f}",
                     f"{r['cpu_s_per_mb']:.2f}", "" if net is None else f"{net:.2f}",
                     times(net / first["net_cpu_s_per_mb"]) if net is not None else "",
                     f"{r['peak_mb']:.0f}", "" if growth is None else f"{growth:.0f}"])
    out.append(render(["document", "MB", "wall s", "MB/s", "CPU s/MB", "net CPU s/MB", "vs 0.25 MB", "peak MB",
                       "peak bytes per added byte"], rows))

    tools = [t for t in ("newslint", "codespell", "proselint", "typos") if t in figures["versions"]]
    out.append("\nCold start: one fresh process linting one file, wall ms, median (min)")
    rows = []
    for r in figures["cold_start"]:
        cells = [f"{r[t]['wall_s'] * 1000:.0f} ({r[t]['wall_min_s'] * 1000:.0f})" if "wall_s" in r[t] else "failed"
                 for t in tools]
        rows.append([r["file"], f"{r['bytes'] / 1000:.1f}", *cells, times(r["newslint_vs_codespell"]),
                     f"{r['newslint']['peak_mb']:.0f}" if "peak_mb" in r["newslint"] else "n/a"])
    out.append(render(["file", "kB", *tools, "newslint/codespell", "newslint peak MB"], rows))

    import stages as stage_table  # bench/stages.py, beside this file

    for what, key in (("one article a file", "stages_articles"), ("the large document", "stages_document")):
        if "error" in figures[key]:
            out.append(f"\nWhere the time goes, {what}: failed: {figures[key]['error']}")
            continue
        out.append("\n" + stage_table.render_table(
            figures[key], f"Where the time goes, {what} (in-process, bench/stages.py; -j 1, no cache)"))

    out.append(f"\nTargets (issue 18, {figures['settings'].get('core', 'pure-Python')} core)")
    out.append(render(["target", "measured", "verdict"],
                      [[name, measured, verdict(ok)] for name, measured, ok in figures["targets"]], left=2))

    if figures.get("imports"):
        imports = figures["imports"]
        out.append(f"\nnewslint imports: {imports['total_ms']:.1f} ms in all (python -X importtime, one run); "
                   "heaviest by cumulative ms, indented as nested")
        out.append(render(["module", "cumulative ms", "self ms"],
                          [[r["module"], f"{r['cumulative_ms']:.1f}", f"{r['self_ms']:.1f}"] for r in imports["top"]]))
    if figures["notes"]:
        out.append("\nNotes")
        out.extend(f"- {n}" for n in figures["notes"])
    return "\n".join(out)


def targets(figures: dict) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met?) for each goal of issue 18; met is None without data."""
    rows = []
    j1_row = figures["articles"]["commands"].get("newslint -j 1", {})
    j1, j1_cpu = j1_row.get("vs", {}).get("proselint"), j1_row.get("vs_cpu", {}).get("proselint")
    goal = TARGET_J1_VS_PROSELINT[figures["settings"].get("core", "pure-Python")]
    rows.append((f"-j 1 throughput >= {goal:g}x proselint (one article a file)",
                 f"{times(j1, 1)} wall, {times(j1_cpu, 1)} CPU", None if j1 is None else j1 >= goal))
    ratios = [(r["newslint_vs_codespell"], r["file"]) for r in figures["cold_start"] if r["newslint_vs_codespell"]]
    worst = max(ratios, default=None)
    rows.append((f"cold start <= {TARGET_COLD_VS_CODESPELL:g}x codespell",
                 f"worst {worst[0]:.2f}x ({Path(worst[1]).name})" if worst else "n/a",
                 None if worst is None else worst[0] <= TARGET_COLD_VS_CODESPELL))
    peak = figures["document"]["commands"]["newslint"].get("peak_mb")
    size = figures["document"]["bytes"] / MB
    rows.append((f"peak memory <= {TARGET_PEAK_MB_LARGE:g} MB on the {size:.2f} MB document",
                 f"{peak:.0f} MB" if peak else "n/a", None if peak is None else peak <= TARGET_PEAK_MB_LARGE))
    cost = [(r["document"], r["net_cpu_s_per_mb"]) for r in figures["sizes"] if "net_cpu_s_per_mb" in r
            and r["document"] != "document-all.txt"]
    if len(cost) >= 2:
        spread = cost[-1][1] / cost[0][1]
        rows.append((f"cost per MB flat: net CPU s/MB, {cost[-1][0]} / {cost[0][0]} <= {TARGET_FLAT:g}x",
                     f"{spread:.2f}x", spread <= TARGET_FLAT))
    return rows


# -- main ----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Set up, measure, print the report; 2 when newslint or the corpus is missing."""
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="The corpus is ../shared/corpus/reuters_2017.jsonl beside the clone, or $NEWSLINT_CORPUS. "
               "Progress goes to stderr, the report to stdout. See bench/README.md.")
    parser.add_argument("--quick", action="store_true",
                        help="sanity run (a minute or two): a quarter of the articles, documents up to 0.5 MB, "
                             "one round of each, one cold-start file")
    parser.add_argument("--json", metavar="FILE", help="also write every figure to FILE as JSON")
    parser.add_argument("--imports", action="store_true", help="also show newslint's heaviest imports")
    args = parser.parse_args(argv)

    if args.quick:
        every, sizes, runs, cold_warmup, cold_runs, passes = 4, (0.25, 0.5), 1, 1, 5, 1
    else:
        every, sizes, runs, cold_warmup, cold_runs, passes = 1, DOCUMENT_SIZES_MB, 3, 2, 20, 2
    loads = [("at start", load_average())]
    newslint = find_newslint()
    if newslint is None:
        log("error: no newslint executable; run 'make bench' (it sets up .venv) or pip install -e .")
        return 2
    corpus = Path(os.environ.get("NEWSLINT_CORPUS", DEFAULT_CORPUS))
    if not corpus.is_file():
        log(f"error: {corpus}: no corpus there; set NEWSLINT_CORPUS to shared/corpus/reuters_2017.jsonl")
        return 2

    tools: dict[str, Path] = {}
    unavailable: dict[str, str] = {}
    versions: dict[str, str] = {}
    for tool, found in {"newslint": newslint, **ensure_peers()}.items():
        if isinstance(found, str):
            unavailable[tool] = found
            continue
        try:
            versions[tool] = version_of(tool, found)
            tools[tool] = found
        except ToolFailed as exc:
            unavailable[tool] = f"does not run: {exc}"
    if "newslint" in unavailable:
        log(f"error: newslint does not run: {unavailable['newslint']}")
        return 2

    log(f"writing the corpus to {rel(ARTICLES)}/ and {rel(DOCUMENTS)}/")
    texts = load_corpus(corpus, every)
    articles = write_articles(texts, ARTICLES)
    documents = write_documents(texts, DOCUMENTS, sizes)
    large = documents[len(sizes) - 1]  # the largest cut: 2 MB (0.5 MB with --quick)
    by_size = sorted(articles, key=lambda p: p.stat().st_size)
    cold_files = [by_size[len(by_size) // 2]] + ([] if args.quick else [FRONT_MATTER_EXAMPLE])

    notes: list[str] = []
    figures: dict = {
        "machine": machine(), "versions": versions, "unavailable": unavailable, "loads": loads,
        "settings": {"mode": "quick" if args.quick else "full", "runs": runs, "cold_warmup": cold_warmup,
                     "cold_runs": cold_runs, "passes": passes, "core": parse_core(tools["newslint"])},
        "copy": {"source": str(corpus), "articles": len(articles), "mb": megabytes(articles)},
    }
    figures["articles"] = compare(tools, ARTICLES, int(megabytes(articles) * MB), runs, "one article a file",
                                  notes, jobs_1_too=True)
    loads.append(("after the articles", load_average()))
    figures["document"] = compare(tools, large, large.stat().st_size, runs, large.name, notes, jobs_1_too=False)
    figures["sizes"] = size_sweep(newslint, documents, cold_files[0], runs, notes)
    loads.append(("after the documents", load_average()))
    figures["cold_start"] = cold_start(tools, cold_files, cold_warmup, cold_runs, notes)
    for key, target in (("stages_articles", ARTICLES), ("stages_document", large)):
        log(f"in-process stages on {rel(target)} ({passes} pass(es))")
        try:
            figures[key] = stages(newslint, target, passes)
        except (ToolFailed, subprocess.SubprocessError, ValueError) as exc:
            figures[key] = {"error": str(exc)}
            notes.append(f"stages on {rel(target)} failed: {exc}")
    if args.imports:
        figures["imports"] = import_times(newslint, cold_files[0])
    loads.append(("at end", load_average()))
    figures["targets"] = targets(figures)
    figures["notes"] = notes

    print(report(figures))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        log(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
