"""The command line: ``newslint check``, ``scan``, ``rules``, ``rule``, ``plugins`` and ``server``.

Exit codes: 0 no findings, 1 findings, 2 a usage, input, configuration or plugin error.
Errors are one line on stderr; no traceback reaches a user.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TextIO

from . import __version__
from .errors import NewslintError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
CACHE_DIR = ".newslint_cache"  # where results are kept between runs (cache.py)

EPILOG_CHECK = """\
selectors are rule codes (TYP003), code prefixes (TYP, WEB00) or rule names (repeated-word),
comma-separated or repeated; ALL selects every rule.

exit codes: 0 no problems, 1 problems found, 2 usage, input or configuration error;
problems below the fail level (--fail-level; info, by default) are shown but exit 0.

examples:
  newslint check drafts/ story.md         lint a folder (recursively) and a file
  newslint check --format json feed/      machine-readable output
  newslint check --output-format concise .   one line a problem (the default in pipes and CI)
  cat story.md | newslint check --stdin-filename story.md -
  newslint check --select TYP,SEN --ignore TYP003 story.md
  newslint check --diff story.md          show the safe fixes; --fix applies them
  newslint check --source wire.txt draft.md   report what the draft changed from its source
  newslint check --format sarif . > newslint.sarif    for code scanning
  newslint check --format github --diff-base origin/main .   annotate a pull request's changed lines
  newslint check --statistics archive/    how many problems each rule finds
  newslint check --format html -o report.html feed/   a page for editors, problems highlighted
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # exit 2 with one line, as for every other error
        self.print_usage(sys.stderr)
        sys.stderr.write(f"error: {message}\n")
        raise SystemExit(EXIT_ERROR)


def _selectors(value: str) -> list[str]:
    return [s.strip() for s in value.split(",") if s.strip()]


def _size(value: str) -> int:
    from .config import parse_size

    try:
        return parse_size(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser(registry=None) -> argparse.ArgumentParser:
    """The argument parser; with the ``registry``, ``check`` also takes the flags its rules
    declare (SPN002's ``--source``)."""
    parser = _Parser(
        prog="newslint",
        description="A fast, pluggable linter for news copy: spun text, typos, broken sentences, "
        "unattributed figures, scrape residue and readability.",
        epilog="Run 'newslint COMMAND --help' for a command's options; 'newslint rules' lists every rule.",
    )
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _add_check(sub, registry)
    _add_scan(sub)
    _add_listings(sub)
    _add_stats(sub)
    _add_words(sub)
    _add_clean(sub)
    return parser


def _add_check(sub, registry) -> None:
    check = sub.add_parser(
        "check", help="lint files and folders (Markdown and plain text)",
        description="Lint news articles: Markdown (.md, .markdown) and plain text (.txt), with YAML front matter.",
        epilog=EPILOG_CHECK, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="files, folders (searched recursively) or - for standard input; default: .")
    check.add_argument("--output-format", "--format", dest="format",
                       choices=("full", "concise", "text", "json", "sarif", "github", "html"),
                       help="output format: full (each problem with its source line, the span marked, and "
                       "the fix), concise (one line a problem; text is the same), json, sarif (SARIF 2.1.0 "
                       "for code scanning), github (GitHub Actions annotations) or html (a page for "
                       "editors); json and html include each article's readability metrics; default: full "
                       "on a terminal, concise otherwise (pipes, CI logs, -o FILE)")
    check.add_argument("--statistics", action="store_true",
                       help="print how many problems each rule found instead of the problems (text or json)")
    check.add_argument("--diff-base", metavar="REV",
                       help="report only problems on lines changed since the git revision REV, counted "
                       "from its merge base with HEAD as a pull request is (uncommitted edits included; "
                       "files git does not track count as changed)")
    check.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of standard output")
    _add_selection(check)
    check.add_argument("--config", metavar="FILE",
                       help="configuration file to use instead of the closest newslint.toml or pyproject.toml")
    check.add_argument("--stdin-filename", metavar="NAME",
                       help="the name standard input is reported under; its suffix picks the format")
    check.add_argument("--no-respect-gitignore", dest="respect_gitignore", action="store_false", default=None,
                       help="search folders without skipping what .gitignore and .ignore files ignore "
                       "(the exclude patterns still apply)")
    check.add_argument("--fix", action="store_true", help="apply safe fixes, writing each changed file safely (mode, owner and hard "
                       "links kept; a read-only file is refused)")
    check.add_argument("--diff", action="store_true", help="print the safe fixes as a unified diff; write nothing")
    check.add_argument("--unsafe-fixes", action="store_true",
                       help="with --fix or --diff, also apply or show fixes that may change the meaning "
                       "(SPN001's likely originals, SPN002's source wording)")
    for rule in registry.rules.values() if registry is not None else ():
        for flag in rule.flags:
            check.add_argument(flag.flag, metavar=flag.metavar, dest=f"rule_flag:{rule.code}:{flag.option}",
                               help=flag.help)
    check.add_argument("--max-file-size", type=_size, metavar="SIZE",
                       help='skip and report a file larger than SIZE (bytes, or "5MB", "800KB"; '
                       'default: the configuration\'s max-file-size, else 5MB)')
    check.add_argument("--fail-level", choices=SEVERITY_RANK, metavar="{info,warning,error}",
                       help="the least severity that makes the run exit 1; problems below it are shown but "
                       "pass (default: the configuration's fail-level, else warning: info never fails)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    check.add_argument("-j", "--jobs", type=int, metavar="N",
                       help="processes to lint with (default: 1 for a few files, every core for many)")
    check.add_argument("-q", "--quiet", action="store_true", help="print diagnostics only, no summary line")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour the text output (default: auto, on a terminal unless NO_COLOR is set)")
    _add_cache_options(check)
    check.add_argument("--no-cache", action="store_true",
                       help="lint every file, neither reading nor writing the cache")


EPILOG_SCAN = """\
Each article is linted as 'newslint check' lints the file ID.txt (ID.md with --markdown) in
the current folder: same configuration, same rules, same results. OUTPUT is a folder:
OUTPUT/diagnostics/ (one row a diagnostic) and OUTPUT/articles/ (one row an article: words,
problems by family, spun, scraped, readability, error, faults), one file a partition.

exit codes: 0 no problems, 1 problems found, 2 an article or partition that could not be
linted in full (it is in the output, with its error) or a usage, input or configuration error.

examples:
  newslint scan archive/*.parquet -o results/              on this machine's cores
  newslint scan feed.jsonl --keep url,date -o results/ --scheduler local:8
  newslint scan s3://bucket/articles/ -o s3://bucket/lint/ --scheduler tcp://scheduler:8786
  newslint scan archive/ -o results/ --resume               finish an interrupted scan
"""


def _add_scan(sub) -> None:
    scan = sub.add_parser(
        "scan", help="lint article collections (Parquet, JSON Lines) on Dask (pip install 'newslint[dask]')",
        description="Lint collections of articles, one a row of Parquet or JSON Lines files, on a Dask "
        "cluster (or this machine's cores), and write the results as Parquet or JSON Lines.",
        epilog=EPILOG_SCAN, formatter_class=argparse.RawDescriptionHelpFormatter)
    scan.add_argument("inputs", nargs="+", metavar="INPUT",
                      help="Parquet or JSON Lines files, folders or globs; local paths or fsspec URLs (s3://, gs://, "
                      "... with the filesystem's package installed)")
    scan.add_argument("-o", "--output", required=True, metavar="OUTPUT",
                      help="the folder to write the tables to (new or empty, unless --resume)")
    scan.add_argument("--output-format", choices=("parquet", "jsonl"),
                      help="parquet, or jsonl (JSON Lines); default: parquet")
    scan.add_argument("--input-format", choices=("parquet", "jsonl"),
                      help="read the inputs as this format whatever their suffixes say")
    scan.add_argument("--id-column", default="id", metavar="NAME", help="the column of article ids (default: id)")
    scan.add_argument("--text-column", default="text", metavar="NAME", help="the column of article texts (default: text)")
    scan.add_argument("--keep", type=_selectors, action="extend", default=[], metavar="COLUMNS",
                      help="columns to carry into both tables beside the id (url, date, ...), comma-separated")
    scan.add_argument("--markdown", action="store_true", help="the texts are Markdown (default: plain text)")
    scan.add_argument("--scheduler", metavar="ADDRESS",
                      help="a dask.distributed scheduler to run on (tcp://host:8786), or local:N for N worker "
                      "processes here; default: this machine's cores (see -j)")
    scan.add_argument("-j", "--jobs", type=int, metavar="N",
                      help="without --scheduler, the worker processes to start here (default: every core)")
    scan.add_argument("--partition-size", type=_size, default=4 * 1024 * 1024, metavar="SIZE",
                      help='input bytes a partition, the unit of work, of retries and of --resume (default: "4MB")')
    scan.add_argument("--resume", action="store_true",
                      help="finish the scan whose output is in OUTPUT: the partitions already written are skipped")
    _add_selection(scan)
    scan.add_argument("--config", metavar="FILE",
                      help="configuration file to use instead of the one that applies in the current folder")
    scan.add_argument("--max-file-size", type=_size, metavar="SIZE",
                      help="report an article larger than SIZE as an error (default: as for check)")
    scan.add_argument("--fail-level", choices=SEVERITY_RANK, metavar="{info,warning,error}",
                      help="the least severity that makes the scan exit 1 (default: the configuration's, else warning)")
    scan.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    scan.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")


def _add_selection(parser) -> None:
    parser.add_argument("--select", type=_selectors, action="extend", metavar="SELECTORS",
                        help="rules to run, replacing the configured selection")
    parser.add_argument("--extend-select", type=_selectors, action="extend", default=[], metavar="SELECTORS",
                        help="rules to run in addition to the configured selection")
    parser.add_argument("--ignore", type=_selectors, action="extend", default=[], metavar="SELECTORS",
                        help="rules not to run")


def _add_cache_options(parser) -> None:
    parser.add_argument("--cache-dir", metavar="DIR", default=CACHE_DIR,
                        help=f"where results are kept between runs (default: {CACHE_DIR} in the current folder)")


def _add_clean(sub) -> None:
    clean = sub.add_parser("clean", help=f"remove the cache of results ({CACHE_DIR})",
                           description="Remove the folder where newslint keeps results between runs.")
    _add_cache_options(clean)


def _add_listings(sub) -> None:
    rules = sub.add_parser("rules", help="list every rule: code, name, family, severity, plugin")
    rules.add_argument("--format", choices=("text", "json"), default="text")

    rule = sub.add_parser("rule", help="print a rule's documentation")
    rule.add_argument("rule", metavar="CODE", help="a rule code or name, e.g. TYP003 or repeated-word")

    sub.add_parser("plugins", help="list the installed plugins and the code prefixes they own")

    sub.add_parser("server", help="run the Language Server over stdio, for editors (pip install 'newslint[server]')",
                   description="A Language Server Protocol server on standard input and output: diagnostics as you "
                   "type, quick fixes, suppressions and rule documentation on hover.")


def _add_stats(sub) -> None:
    stats = sub.add_parser(
        "stats", help="a table of each article's readability and diagnostics by family, with totals",
        description="Lint the articles and print, for each, its words, sentences, Flesch-Kincaid grade, Flesch "
        "reading ease, longest sentence and number of diagnostics by family, then the totals. Exit code 0, "
        "or 2 when a file cannot be read.",
    )
    stats.add_argument("paths", nargs="*", metavar="PATH", help="files or folders, or - for standard input; default: .")
    stats.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    stats.add_argument("--config", metavar="FILE", help="configuration file to use")
    stats.add_argument("--stdin-filename", metavar="NAME",
                       help="the name standard input is reported under; its suffix picks the format")
    stats.add_argument("-j", "--jobs", type=int, metavar="N", help="processes to use")
    stats.add_argument("-o", "--output", metavar="FILE", help="write the table to FILE instead of standard output")


def _add_words(sub) -> None:
    words = sub.add_parser(
        "words", help="list the unknown words of a corpus with counts, to build a vocabulary file",
        description="Print the words the spelling rule (TYP001) does not know, commonest first, "
        "one 'count<TAB>word' a line: review them and add the good ones to 'accept' or the vocabulary file.",
    )
    words.add_argument("--unknown", action="store_true", help="list unknown words (the default and only listing)")
    words.add_argument("--config", metavar="FILE", help="configuration file to use")
    words.add_argument("-j", "--jobs", type=int, metavar="N", help="processes to use")
    words.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; default: .")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        # Only `check` needs the rules to parse its command line (the flags rules declare).
        registry = _registry() if argv[:1] == ["check"] else None
    except NewslintError as exc:
        _error(str(exc))
        return EXIT_ERROR
    parser = build_parser(registry)
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return _check(args, registry)
        if args.command == "scan":
            return _scan(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "rule":
            return _rule(args)
        if args.command == "plugins":
            return _plugins()
        if args.command == "words":
            return _words(args)
        if args.command == "stats":
            return _stats(args)
        if args.command == "clean":
            return _clean(args)
        if args.command == "server":
            from .server import main as serve

            return serve()
        parser.print_help()
        return EXIT_ERROR
    except NewslintError as exc:
        _error(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (| head): not an error worth a message
        return EXIT_CLEAN


def _error(message: str) -> None:
    sys.stderr.write(f"error: {message}\n")


def _report_errors(results) -> bool:
    """Say, one line each, which files could not be linted and what went wrong on the others
    (a broken configuration, shared by many files, is said once); whether anything did."""
    messages = dict.fromkeys(m for r in results for m in ([r.error] if r.error else []) + r.faults)
    for message in messages:
        _error(message)
    return bool(messages)


def _registry():
    from .plugins import load_plugins

    return load_plugins()


def _check(args: argparse.Namespace, registry) -> int:
    from .engine import FileResult, Linter, lint_paths
    from .report import render

    here = None  # the linter for the configuration here, built only to check a selector
    for flag in ("select", "extend_select", "ignore"):
        for selector in getattr(args, flag) or []:
            if not registry.is_known_selector(selector):
                here = here or Linter(registry, config_file=args.config)
                if not here.knows_selector(selector, os.path.join(os.getcwd(), "-")):
                    raise NewslintError(f"--{flag.replace('_', '-')}: unknown rule, prefix or name '{selector}'")
    if args.jobs is not None and args.jobs < 1:
        raise NewslintError("--jobs must be at least 1")
    fmt = args.format or ("full" if args.output is None and sys.stdout.isatty() else "concise")
    if args.statistics and fmt not in ("full", "concise", "text", "json"):
        raise NewslintError(f"--statistics works with --format text or json, not {fmt}")
    changed_lines = None
    if args.diff_base is not None:
        if args.fix or args.diff:
            raise NewslintError("--diff-base cannot be combined with --fix or --diff (fixes apply to whole files)")
        from .gitdiff import ChangedLines

        changed_lines = ChangedLines(args.diff_base, [p for p in args.paths or ["."] if p != "-"])
    overrides = _overrides(args, registry)
    linter = Linter(registry, overrides, args.config, fix=args.fix or args.diff, unsafe_fixes=args.unsafe_fixes,
                    metrics=fmt in ("json", "html"), keep_text=fmt in ("html", "full"),
                    cache_dir=None if args.no_cache else args.cache_dir)

    paths = args.paths or ["."]
    results: list[FileResult] = []
    if "-" in paths:
        results.append(_lint_stdin(linter, args))
    progress = _progress(machine_format=fmt in ("json", "sarif", "github", "html"), quiet=args.quiet)
    results.extend(lint_paths([p for p in paths if p != "-"], linter, args.jobs, progress))
    results.sort(key=lambda r: r.path)

    if changed_lines is not None:
        changed_lines.filter(results)  # after linting: rules always see the whole article
    out = sys.stdout
    if args.diff:
        failed = _report_errors(results)
        changed = _print_diffs(results, out)
        return EXIT_ERROR if failed else (EXIT_FINDINGS if changed and not args.exit_zero else EXIT_CLEAN)
    if args.fix:
        out = _write_fixes(results, stdin_fixed_to=sys.stdout) or sys.stdout
    failed = _report_errors(results)
    with _output(args.output, out) as out:
        if args.statistics:
            from .report.statistics import render_statistics

            render_statistics(results, out, fmt="json" if fmt == "json" else "text", quiet=args.quiet)
        else:
            import shutil

            rules = linter.known_rules(r.path for r in results) if fmt in ("sarif", "html") else None
            render(fmt, results, out, color=_use_color(args.color, out), quiet=args.quiet, rules=rules,
                   width=shutil.get_terminal_size().columns)
    if failed:
        return EXIT_ERROR
    if not args.exit_zero and _fails(results, linter, args.fail_level):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _scan(args: argparse.Namespace) -> int:
    from .config import Overrides

    try:
        from .scan.command import run
    except ImportError as exc:
        raise NewslintError(f"newslint scan needs Dask and pyarrow: pip install 'newslint[dask]' ({exc})") from None
    overrides = Overrides(**_selection(args, args.extend_select))
    summary, fail_level = run(args, overrides)
    if summary.failed_articles or summary.failed_partitions:
        return EXIT_ERROR
    failing = any(n and SEVERITY_RANK[level] >= SEVERITY_RANK[fail_level] for level, n in summary.severities.items())
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_CLEAN


def _fails(results, linter, fail_level: str | None) -> bool:
    """Whether a diagnostic is at or above the fail level: ``--fail-level``, else the
    ``fail-level`` of the configuration that applies to its file."""
    for r in results:
        if not r.diagnostics:
            continue
        level = fail_level or linter.settings_for(r.path).fail_level
        if any(SEVERITY_RANK[d.severity] >= SEVERITY_RANK[level] for d in r.diagnostics):
            return True
    return False


def _progress(machine_format: bool, quiet: bool):
    """A progress bar on standard error for a long run on a terminal, else None."""
    from .progress import ProgressBar, wanted

    return ProgressBar(sys.stderr) if wanted(sys.stderr, machine_format, quiet) else None


def _clean(args: argparse.Namespace) -> int:
    from .cache import clean

    try:
        removed = clean(args.cache_dir)
    except (ValueError, OSError) as exc:
        raise NewslintError(str(exc)) from None
    print(f"Removed {args.cache_dir}." if removed else f"No cache at {args.cache_dir}.")
    return EXIT_CLEAN


def _overrides(args: argparse.Namespace, registry):
    """The command line's selection, and the rule options its rules' flags set: a flag selects
    its rule, and a flag naming a file (a path option) must name one that can be read."""
    from .config import Overrides

    extend_select = list(args.extend_select)
    options = []
    for rule in registry.rules.values():
        given = []
        for flag in rule.flags:
            value = getattr(args, f"rule_flag:{rule.code}:{flag.option}")
            if value is None:
                continue
            if flag.option in rule.path_options:
                try:
                    open(value, "rb").close()
                except OSError as exc:
                    raise NewslintError(f"{value}: cannot read the {flag.option}: {exc.strerror or exc}") from None
                value = os.path.abspath(value)
            given.append((flag.option, value))
        if given:
            extend_select.append(rule.code)
            options.append((rule.code, tuple(given)))
    return Overrides(**_selection(args, extend_select), options=tuple(options),
                     respect_gitignore=args.respect_gitignore)


def _selection(args: argparse.Namespace, extend_select) -> dict:
    """The Overrides fields that ``_add_selection``'s flags and ``--max-file-size`` give,
    shared by check and scan."""
    return {"select": tuple(args.select) if args.select is not None else None,
            "extend_select": tuple(extend_select), "ignore": tuple(args.ignore), "max_file_size": args.max_file_size}


def _registry_here():
    """The registry with the data rules of the configuration that applies in this folder."""
    from .engine import Linter

    return Linter(_registry()).composition_for(os.path.join(os.getcwd(), "-")).registry
def _output(path: str | None, default: TextIO):
    """The stream a report goes to: ``default``, or the file ``-o`` names (closed after)."""
    import contextlib

    if path is None:
        return contextlib.nullcontext(default)
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise NewslintError(f"{path}: cannot write the report: {exc.strerror or exc}") from None


def _stats(args: argparse.Namespace) -> int:
    from .config import Overrides
    from .engine import Linter, lint_paths
    from .report.stats import render_stats_json, render_stats_text

    if args.jobs is not None and args.jobs < 1:
        raise NewslintError("--jobs must be at least 1")
    registry = _registry()
    linter = Linter(registry, Overrides(), args.config, metrics=True)
    paths = args.paths or ["."]
    results = [_lint_stdin(linter, args)] if "-" in paths else []
    results.extend(lint_paths([p for p in paths if p != "-"], linter, args.jobs))
    results.sort(key=lambda r: r.path)
    failed = _report_errors(results)
    families = [rule.family for rule in registry.rules.values()]
    with _output(args.output, sys.stdout) as out:
        (render_stats_json if args.format == "json" else render_stats_text)(results, families, out)
    return EXIT_ERROR if failed else EXIT_CLEAN


def _lint_stdin(linter, args):
    from .engine import FileResult
    from .parse import decode, format_for

    name = args.stdin_filename or "-"
    try:
        text, had_bom = decode(sys.stdin.buffer.read(), name)
    except NewslintError as exc:
        return FileResult(name, error=str(exc))
    fmt = format_for(args.stdin_filename) if args.stdin_filename else "text"
    result = linter.lint_text(text, name, fmt=fmt, had_bom=had_bom,
                              config_path=args.stdin_filename or os.path.join(os.getcwd(), "-"))
    result.stdin = True
    return result


def _use_color(choice: str, out: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or (hasattr(out, "isatty") and out.isatty())


def _print_diffs(results, out: TextIO) -> bool:
    import difflib

    changed = False
    for r in results:
        if r.fixed is None or r.source is None:
            continue
        changed = True
        for line in difflib.unified_diff(
            r.source.splitlines(keepends=True), r.fixed.splitlines(keepends=True),
            fromfile=f"a/{r.path}", tofile=f"b/{r.path}",
        ):
            out.write(line)
            if not line.endswith(("\n", "\r")):  # the last line of a file with no final newline
                out.write("\n\\ No newline at end of file\n")
    return changed


def _write_fixes(results, stdin_fixed_to: TextIO) -> TextIO | None:
    """Write fixed files; one that cannot be written safely is a fault of its result. With
    standard input among the paths the fixed text goes to stdout, so the diagnostics go to
    stderr: the returned stream."""
    report_to = None
    for r in results:
        if r.stdin:
            text = r.fixed if r.fixed is not None else (r.source or "")
            stdin_fixed_to.write(("\ufeff" if r.had_bom else "") + text)
            stdin_fixed_to.flush()
            report_to = sys.stderr
        elif r.fixed is not None and r.source is not None:
            try:
                from .safe_write import write_fixed

                write_fixed(r.path, r.source, r.fixed, r.had_bom)
            except NewslintError as exc:
                r.faults.append(str(exc))
                r.fixes_applied = 0
    return report_to


def _rules(args: argparse.Namespace) -> int:
    registry = _registry_here()
    rows = [
        {"code": r.code, "name": r.name, "family": r.family, "severity": r.severity, "plugin": r.plugin,
         "fixable": r.fixable, "unsafe_fixable": r.unsafe_fixable, "default": r.enabled_by_default, "summary": r.summary()}
        for r in registry.rules.values()
    ]
    if args.format == "json":
        import json

        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_CLEAN
    headers = ("code", "name", "family", "severity", "plugin")
    widths = [max(len(h), *(len(str(row[h])) for row in rows)) for h in headers]
    print("  ".join(h.upper().ljust(w) for h, w in zip(headers, widths)) + "  SUMMARY")
    for row in rows:
        cells = "  ".join(str(row[h]).ljust(w) for h, w in zip(headers, widths))
        flags = (" [fix]" if row["fixable"] else " [unsafe fix]" if row["unsafe_fixable"] else "") + ("" if row["default"] else " [opt-in]")
        print(f"{cells}  {row['summary']}{flags}")
    return EXIT_CLEAN


def _rule(args: argparse.Namespace) -> int:
    registry = _registry_here()
    code = registry.rule_named(args.rule)
    if code is None:
        raise NewslintError(f"unknown rule '{args.rule}'; 'newslint rules' lists them")
    rule = registry.rules[code]
    print(rule.page())
    for label, where in _where(rule):
        print(f"{label}: {where}")
    return EXIT_CLEAN


def _where(rule) -> list[tuple[str, str]]:
    """Where a rule's code, data and fixtures are, as paths relative to here when under it."""

    def shown(path: str) -> str:
        relative = os.path.relpath(path)
        return path if relative.startswith("..") else relative

    source = rule.source_file()
    lines = [("Code", shown(source) if source else "defined in the configuration")]
    if rule.data_files:
        lines.append(("Data", ", ".join(shown(p) for p in rule.data_paths())))
    fixtures = rule.in_checkout("tests", "fixtures", rule.code)
    lines.append(("Fixtures", shown(fixtures) + os.sep if fixtures else f"none (tests/fixtures/{rule.code}/ in a source checkout)"))
    return lines


def _words(args: argparse.Namespace) -> int:
    from collections import Counter

    from .config import Overrides
    from .engine import Linter, lint_paths

    registry = _registry()
    spelling = tuple(code for code, rule in registry.rules.items() if rule.reports_words)
    linter = Linter(registry, Overrides(select=spelling), args.config)
    results = lint_paths(args.paths or ["."], linter, args.jobs)
    counts = Counter(d.text for r in results for d in r.diagnostics if d.code in spelling)
    failed = _report_errors(results)
    for word, count in sorted(counts.items(), key=lambda item: (-item[1], item[0].lower(), item[0])):
        print(f"{count}\t{word}")
    return EXIT_ERROR if failed else EXIT_CLEAN


def _plugins() -> int:
    registry = _registry()
    for name, version in registry.plugins.items():
        prefixes = sorted(p for p, owner in registry.prefix_owner.items() if owner == name)
        count = sum(1 for r in registry.rules.values() if r.plugin == name)
        print(f"{name} {version}: {count} rule{'s' if count != 1 else ''}, prefixes {', '.join(prefixes) or '-'}")
    return EXIT_CLEAN
