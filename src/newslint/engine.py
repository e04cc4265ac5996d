"""The engine: parse each file once, run the enabled rules, apply suppressions, sort.

One way: bytes -> Document -> findings -> diagnostics -> (suppressions) -> FileResult.
Files are linted in parallel processes when there are many; the output is sorted, so
it is the same for any ``-j``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from . import suppress
from .compose import Composition, compose
from .config import ConfigFinder, Overrides, Settings, is_skipped_name, load_settings
from .context import RunContext
from .document import Document
from .errors import ConfigError, NewslintError
from .parse import LINTABLE_SUFFIXES, decode, parse, read_file
from .registry import Registry
from .rule import Diagnostic, Edit, Finding, Fix, Rule

if TYPE_CHECKING:
    from .ignore import FolderIgnores, Scope
    from .metrics import Counts

MAX_FIX_PASSES = 8


@dataclass
class FileResult:
    path: str
    words: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    source: str | None = None  # the text as read (set when fixing)
    fixed: str | None = None  # the text after safe fixes, when any applied
    had_bom: bool = False
    stdin: bool = False  # read from standard input (its fixed text goes to stdout)
    fixes_applied: int = 0
    readability: Counts | None = None  # the article's readability counts, when asked for (metrics=True)
    text: str | None = None  # the text the diagnostics point into, when asked for (keep_text=True)
    # What went wrong on a file that was still linted (a rule that failed, a fix not applied,
    # a fixed file not written), one line each: the other results stand, the exit code is 2.
    faults: list[str] = field(default_factory=list)


class Linter:
    """Lints text and files with the configuration that applies to each path.

    One Linter is one run: it owns the registry, the configurations it has read (with
    their compositions), the rule instances built from them and the ``RunContext`` those
    rules share.
    """

    def __init__(
        self,
        registry: Registry | None = None,
        overrides: Overrides | None = None,
        config_file: str | None = None,
        fix: bool = False,
        unsafe_fixes: bool = False,
        metrics: bool = False,
        keep_text: bool = False,
        cache_dir: str | None = None,
    ) -> None:
        if registry is None:
            from .plugins import load_plugins

            registry = load_plugins()
        self.registry = registry
        self.overrides = overrides or Overrides()
        self.config_file = config_file
        self.fix = fix
        self.unsafe_fixes = unsafe_fixes
        self.metrics = metrics  # compute readability counts (stats, JSON and HTML reports)
        self.keep_text = keep_text  # keep the linted text in the result (HTML report)
        self.context = RunContext()
        self._find_config = ConfigFinder()
        self._compositions: dict[str | None, Composition | NewslintError] = {}
        self._rules: dict[tuple, list[tuple[Rule, str]]] = {}
        # Results kept between runs (cache.py); never when fixing, which must read the text.
        self.cache = None
        if cache_dir is not None and not fix:
            from .cache import ResultCache

            self.cache = ResultCache(cache_dir)
        self._fingerprints: dict[tuple, str] = {}
        self._code_fingerprint: str | None = None
        if config_file is not None:
            self.composition_for(".")  # a bad --config is an error before any file is read

    # -- configuration -------------------------------------------------------------------
    def composition_for(self, path: str) -> Composition:
        """The rules and options of the configuration that applies to ``path``."""
        source = self.config_file or self._find_config(os.path.dirname(os.path.abspath(path)) or ".")
        cached = self._compositions.get(source)
        if cached is None:
            try:
                settings = load_settings(source) if source else Settings(root=os.getcwd())
                cached = compose(settings, self.registry)
            except NewslintError as exc:
                cached = exc
            self._compositions[source] = cached
        if isinstance(cached, NewslintError):
            raise cached
        return cached

    def settings_for(self, path: str) -> Settings:
        return self.composition_for(path).settings

    def folder_ignores(self, folder: str) -> FolderIgnores:
        """What a search of ``folder`` skips: the exclude patterns of the configuration that
        applies there and, unless turned off, the ignore files git would read."""
        from .ignore import FolderIgnores

        settings = self.settings_for(os.path.join(folder, "_"))
        respect = self.overrides.respect_gitignore
        return FolderIgnores(settings.exclude, settings.root, settings.source,
                             settings.respect_gitignore if respect is None else respect)

    def rules_for(self, path: str, composition: Composition) -> list[tuple[Rule, str]]:
        """The enabled rules for ``path``, built once per configuration and selection."""
        key = self._selection(path, composition)
        rules = self._rules.get(key)
        if rules is None:
            rules = []
            for code, severity in key[1]:
                cls = composition.registry.rules[code]
                try:
                    rule = cls(composition.options_for(code, self.overrides), self.context)
                except ConfigError as exc:
                    source = composition.settings.source
                    raise ConfigError(f"{source}: {exc}" if source else str(exc)) from None
                rules.append((rule, severity))
            self._rules[key] = rules
        return rules

    def _selection(self, path: str, composition: Composition) -> tuple:
        """What picks a path's rule instances: its configuration file and its enabled rules."""
        enabled = composition.enabled(self.overrides, path)
        return composition.settings.source, tuple(sorted(enabled.items()))

    # -- the cache ------------------------------------------------------------------------
    def _cache_key(self, path: str, data: bytes) -> str | None:
        """The cache key of ``path`` holding ``data``; None when its results are not kept (no
        cache, a configuration error, a rule whose results depend on more than what it is given)."""
        if self.cache is None:
            return None
        from .cache import code_fingerprint, fingerprint

        try:
            composition = self.composition_for(path)
            selection = self._selection(path, composition)
            rules = self.rules_for(path, composition)
        except NewslintError:
            return None
        if not all(rule.cacheable for rule, _ in rules):
            return None
        found = self._fingerprints.get(selection)
        if found is None:
            if self._code_fingerprint is None:
                self._code_fingerprint = code_fingerprint(self.registry)
            found = self._fingerprints[selection] = fingerprint(
                rules, composition.registry, self._code_fingerprint, (self.metrics, self.keep_text))
        return self.cache.key(found, path, data)

    def cached_result(self, path: str) -> FileResult | None:
        """The result the cache holds for the file at ``path`` as it is now, or None."""
        if self.cache is None:
            return None
        return self._look_up(path)[2]

    def _look_up(self, path: str) -> tuple[bytes | FileResult, str | None, FileResult | None]:
        """The file's bytes (or a FileResult saying why they cannot be linted), its cache key
        (None when its results are not kept) and the result the cache holds for it, if any."""
        data = self._read(path)
        if isinstance(data, FileResult):
            return data, None, None
        key = self._cache_key(path, data)
        fields = self.cache.get(key, path) if key is not None else None
        return data, key, FileResult(path, **fields) if fields is not None else None

    # -- linting --------------------------------------------------------------------------
    def lint_text(self, text: str, path: str = "<string>", fmt: str | None = None, had_bom: bool = False,
                  config_path: str | None = None) -> FileResult:
        """Lint ``text`` as if it were the file ``path`` (which need not exist)."""
        result = FileResult(path, had_bom=had_bom)
        try:
            composition = self.composition_for(config_path or path)
            _check_size(path, _utf8_size(text), self.size_limit(composition))
            rules = self.rules_for(path, composition)
            doc = parse(text, path, fmt, had_bom)
            diagnostics = self.lint_document(doc, rules, composition.registry, result.faults)
            if self.fix:
                result.source = text
                first = doc
                doc, diagnostics = self._fix(doc, diagnostics, rules, composition.registry, result, fmt)
                if doc is not first:
                    first.release()
        except NewslintError as exc:
            result.error = str(exc)
            return result
        result.words = doc.word_count
        result.diagnostics = diagnostics
        if self.metrics:
            from .metrics import document_counts, word_profile

            result.readability = document_counts(doc, self.context.memo(word_profile).__getitem__)
        if self.keep_text:
            result.text = doc.text
        doc.release()
        return result

    def _fix(self, doc: Document, diagnostics: list[Diagnostic], rules: list[tuple[Rule, str]], registry: Registry,
             result: FileResult, fmt: str | None) -> tuple[Document, list[Diagnostic]]:
        """Apply fixes pass by pass until the text settles. Fixes that are still changing it
        after the last pass are a fault: nothing is fixed, rather than text a rule keeps
        inserting being written."""
        original = doc, diagnostics
        for passes in range(MAX_FIX_PASSES + 1):
            new_text, applied = apply_fixes(doc.text, diagnostics, self.unsafe_fixes)
            if new_text == doc.text:
                if doc.text != original[0].text:
                    result.fixed = doc.text
                return doc, diagnostics
            if passes == MAX_FIX_PASSES:
                break
            result.fixes_applied += applied
            if doc is not original[0]:
                doc.release()
            doc = parse(new_text, doc.path, fmt, doc.had_bom)
            diagnostics = self.lint_document(doc, rules, registry, result.faults)
        still = sorted({d.code for d in diagnostics if d.fix and (d.fix.safe or self.unsafe_fixes)})
        result.faults.append(f"{doc.path}: the fixes did not settle after {MAX_FIX_PASSES} passes (still changing "
                             f"the text: {', '.join(still)}); nothing was fixed in this file")
        result.fixes_applied = 0
        doc.release()
        return original

    def size_limit(self, composition: Composition) -> int:
        """The largest file, in bytes, linted under ``composition``: the command line's
        ``--max-file-size`` or the configuration's ``max-file-size``."""
        return self.overrides.max_file_size or composition.settings.max_file_size

    def lint_file(self, path: str) -> FileResult:
        data, key, cached = self._look_up(path)
        if isinstance(data, FileResult):
            return data
        if cached is not None:
            return cached
        try:
            text, had_bom = decode(data, path)
        except NewslintError as exc:
            return FileResult(path, error=str(exc))
        del data  # the text holds it now: not the bytes too while linting
        result = self.lint_text(text, path, had_bom=had_bom)
        if key is not None and result.error is None and not result.faults:
            self.cache.put(key, result)  # a fault (a rule that failed) may not happen next time
        return result

    def _read(self, path: str) -> bytes | FileResult:
        """The bytes of the file at ``path``, or a FileResult saying why they cannot be linted."""
        try:
            # Told before the file is read: reading a file too large to lint would cost the
            # memory that the limit is there to save.
            limit = self.size_limit(self.composition_for(path))
            size = os.stat(path).st_size
        except (OSError, NewslintError):
            pass  # reported by reading the file, or by linting it
        else:
            try:
                _check_size(path, size, limit)
            except NewslintError as exc:
                return FileResult(path, error=str(exc))
        try:
            return read_file(path)
        except NewslintError as exc:
            return FileResult(path, error=str(exc))

    def known_rules(self, paths: Iterable[str]) -> dict[str, type[Rule]]:
        """The registry's rules and the data rules of the configurations that apply to ``paths``
        (what a report that documents every rule, such as SARIF, must list)."""
        rules = dict(self.registry.rules)
        for path in paths:
            try:
                rules.update(self.composition_for(path).registry.rules)
            except NewslintError:
                continue  # reported already, as the file's error
        return rules

    def knows_selector(self, selector: str, path: str) -> bool:
        """Whether ``selector`` names a rule for the configuration that applies to ``path``
        (a command-line selector may name a data rule the configuration defines)."""
        try:
            return self.composition_for(path).registry.is_known_selector(selector)
        except NewslintError:
            return False

    def check_selectors(self, path: str) -> None:
        """ConfigError for a selector of the overrides that names no rule known to the
        configuration that applies to ``path`` (as the command line refuses one)."""
        overrides = self.overrides
        for key, selectors in (("select", overrides.select or ()), ("extend_select", overrides.extend_select),
                               ("ignore", overrides.ignore)):
            for selector in selectors:
                if not (self.registry.is_known_selector(selector) or self.knows_selector(selector, path)):
                    raise ConfigError(f"{key}: unknown rule, prefix or name {selector!r}")

    def lint_document(self, doc: Document, rules: list[tuple[Rule, str]], registry: Registry,
                      faults: list[str]) -> list[Diagnostic]:
        """Run ``rules`` on ``doc``, apply its suppressions, then let rules review those. A rule
        that fails, or reports something malformed, adds one line to ``faults`` and only its
        own results on this document are dropped."""
        diagnostics: list[Diagnostic] = []
        reviewers = []
        family = None
        for rule, severity in rules:
            if type(rule).review is not Rule.review:
                reviewers.append((rule, severity))
            if rule.family != family:
                # What a family's rules share (its analyses of the document) no other family
                # reads: dropped here, a large document does not hold every family's at once.
                doc.forget_derived()
                family = rule.family
            diagnostics.extend(_run(doc, rule, severity, faults, rule.check, doc))
        doc.forget_derived()
        enabled = {rule.code for rule, _ in rules}
        diagnostics, unused = suppress.apply(doc, diagnostics, enabled, registry)
        for rule, severity in reviewers:
            diagnostics.extend(_run(doc, rule, severity, faults, rule.review, doc, unused))
        diagnostics.sort(key=lambda d: d.sort_key)
        return diagnostics


def _utf8_size(text: str) -> int:
    """``text``'s size in UTF-8 bytes, without encoding it when its length tells."""
    return len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))


def _check_size(path: str, size: int, limit: int) -> None:
    """A NewslintError for a file above the size limit: reported and skipped, never half-linted."""
    if size > limit:
        raise NewslintError(
            f"{path}: too large to lint ({size:,} bytes; the limit is {limit:,}: max-file-size in the "
            "configuration, or --max-file-size)"
        )


def _run(doc: Document, rule: Rule, severity: str, faults: list[str], method, *args) -> list[Diagnostic]:
    """A rule's findings as diagnostics; when the rule raises or reports something malformed,
    none of them, and one line in ``faults`` naming the rule, its plugin, the file and the cause."""
    where = f"{doc.path}: rule {rule.code} ({rule.name}, plugin '{rule.plugin}')"
    try:
        findings = list(method(*args))
    except NewslintError as exc:  # a failure the rule explains (a server that does not answer)
        faults.append(f"{where} failed: {exc}; its results on this file are dropped")
        return []
    except Exception as exc:
        faults.append(f"{where} failed with an internal error: {type(exc).__name__}: {exc}; "
                      "its results on this file are dropped (please report it)")
        return []
    diagnostics = []
    for finding in findings:
        problem = finding_problem(finding, len(doc.text))
        if problem is not None:
            faults.append(f"{where} reported a malformed finding: {problem}; its results on this file are dropped")
            return []
        fix = finding.fix
        if fix is not None and (problem := fix_problem(fix, len(doc.text))) is not None:
            line, column = doc.position(finding.start)
            faults.append(f"{where}: the fix of its finding at {line}:{column} is malformed ({problem}); "
                          "it was dropped, never applied")
            fix = None
        diagnostics.append(_resolve(doc, rule, severity, finding, fix))
    return diagnostics


def _is_offset(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def finding_problem(finding: object, length: int) -> str | None:
    """What is wrong with a rule's finding for a text of ``length`` characters (None if nothing):
    what reporters and fixes rely on, checked once, where the finding comes in."""
    if not isinstance(finding, Finding):
        return f"a {type(finding).__name__}, not a Finding"
    start, end = finding.start, finding.end
    if not (_is_offset(start) and _is_offset(end)):
        return f"offsets {start!r}, {end!r} are not integers"
    if not 0 <= start <= end <= length:
        return f"span {start}-{end} is outside the text"
    if not isinstance(finding.message, str) or not finding.message.strip():
        return f"message {finding.message!r} is not a non-empty string"
    if not isinstance(finding.suggestions, (tuple, list)) or not all(isinstance(s, str) for s in finding.suggestions):
        return f"suggestions {finding.suggestions!r} are not strings"
    if finding.fix is not None and not isinstance(finding.fix, Fix):
        return f"fix {finding.fix!r} is not a Fix"
    return None


def fix_problem(fix: Fix, length: int) -> str | None:
    """What is wrong with a fix for a text of ``length`` characters (None if nothing): every
    edit inside the text, none overlapping another, each replacing with a string."""
    if not isinstance(fix.message, str) or not isinstance(fix.safe, bool):
        return "its message is not a string or its safety not a boolean"
    edits = fix.edits
    if not isinstance(edits, (tuple, list)) or not edits:
        return "it has no edits"
    for edit in edits:
        if not isinstance(edit, Edit):
            return f"an edit is a {type(edit).__name__}, not an Edit"
        if not (_is_offset(edit.start) and _is_offset(edit.end)):
            return f"edit offsets {edit.start!r}, {edit.end!r} are not integers"
        if not 0 <= edit.start <= edit.end <= length:
            return f"edit {edit.start}-{edit.end} is outside the text"
        if not isinstance(edit.content, str):
            return f"edit content {edit.content!r} is not a string"
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    for before, after in zip(ordered, ordered[1:]):
        if after.start < before.end or after.start == before.start:
            return f"edits {before.start}-{before.end} and {after.start}-{after.end} overlap"
    return None


def _resolve(doc: Document, rule: Rule, severity: str, finding: Finding, fix: Fix | None) -> Diagnostic:
    line, column = doc.position(finding.start)
    end_line, end_column = doc.position(finding.end)
    return Diagnostic(
        path=doc.path, line=line, column=column, end_line=end_line, end_column=end_column,
        code=rule.code, name=rule.name, family=rule.family, severity=severity,
        message=finding.message, text=doc.text[finding.start : finding.end],
        start=finding.start, end=finding.end,
        suggestions=tuple(finding.suggestions), fix=fix,
        fix_edits=tuple((*doc.position(e.start), *doc.position(e.end), e.content) for e in fix.edits)
        if fix else (),
    )


def apply_fixes(text: str, diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> tuple[str, int]:
    """``text`` with every safe fix (and with ``unsafe``, every fix) applied, and how many
    were; a fix that overlaps an earlier one waits for the next pass."""
    edits: list[Edit] = []
    applied = 0
    taken_until = -1
    fixes = sorted((d.fix for d in diagnostics if d.fix and (d.fix.safe or unsafe)), key=lambda f: min(e.start for e in f.edits))
    for fix in fixes:
        ordered = sorted(fix.edits, key=lambda e: e.start)
        if ordered[0].start < taken_until:
            continue
        edits.extend(ordered)
        applied += 1
        taken_until = max(e.end for e in ordered)
    if not edits:
        return text, 0
    pieces, cursor = [], 0
    for edit in edits:
        pieces.append(text[cursor : edit.start])
        pieces.append(edit.content)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces), applied


# -- many files -------------------------------------------------------------------------------


def expand_paths(paths: Iterable[str], linter: Linter) -> Iterator[str | FileResult]:
    """Files to lint, in sorted order per folder; a FileResult carrying an error for a bad path."""
    for path in paths:
        if os.path.isdir(path):
            found = False
            try:
                ignores = linter.folder_ignores(path)
            except NewslintError as exc:
                yield FileResult(path, error=str(exc))
                continue
            for file in _walk(path, ignores, ignores.scopes_above(path)):
                found = True
                yield file
            if not found:
                yield FileResult(path, error=f"{path}: no Markdown or text files to lint ({', '.join(LINTABLE_SUFFIXES)})")
        elif not _missing(path):
            yield path  # reading it says what is wrong, if anything (permission, not a regular file)
        else:
            yield FileResult(path, error=f"{path}: no such file or directory")


def _missing(path: str) -> bool:
    """Whether nothing is at ``path`` (not: a folder on its way cannot be searched)."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return False


def _walk(root: str, ignores: FolderIgnores, scopes: tuple[Scope, ...]) -> Iterator[str | FileResult]:
    """The lintable files under ``root``, skipping what ``ignores`` and the ignore files of
    ``scopes`` (those of the folders above, then of each folder on the way) say to skip."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as exc:
        yield FileResult(root, error=f"{root}: cannot list folder: {exc.strerror or exc}")
        return
    scopes += ignores.scopes_of(root)
    for entry in entries:
        if is_skipped_name(entry.name):
            continue
        try:
            # Symlinked folders are not followed (a link to a parent would loop); linked files are.
            if entry.is_dir(follow_symlinks=False):
                if not ignores.ignored(entry.path, True, scopes):
                    yield from _walk(entry.path, ignores, scopes)
            elif (entry.name.lower().endswith(LINTABLE_SUFFIXES) and entry.is_file()
                  and not ignores.ignored(entry.path, False, scopes)):
                yield entry.path
        except OSError as exc:
            yield FileResult(entry.path, error=f"{entry.path}: cannot read: {exc.strerror or exc}")


def default_jobs(n_files: int) -> int:
    """One process for a handful of files (start-up dominates), every core for more."""
    if n_files < 16:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, n_files // 8))


def lint_paths(paths: Iterable[str], linter: Linter, jobs: int | None = None,
               progress: Callable[[int, int], None] | None = None) -> list[FileResult]:
    """Lint the files ``paths`` name. The results the cache holds are taken first, so that
    the processes started and ``progress`` (called with the files linted so far and the
    files to lint, before the first and after each) count only the files that are linted."""
    items = list(expand_paths(paths, linter))
    errors = [i for i in items if isinstance(i, FileResult)]
    files, results = [], []
    for file in _distinct_files(i for i in items if isinstance(i, str)):
        cached = linter.cached_result(file)
        if cached is None:
            files.append(file)
        else:
            results.append(cached)
    if progress is not None:
        progress(0, len(files))
    jobs = jobs or default_jobs(len(files))
    linted = _lint_parallel(files, linter, jobs) if jobs > 1 and len(files) > 1 else map(linter.lint_file, files)
    for done, result in enumerate(linted, 1):
        results.append(result)
        if progress is not None:
            progress(done, len(files))
    return sorted(errors + results, key=lambda r: r.path)


def _distinct_files(paths: Iterable[str]) -> Iterator[str]:
    """Each file once, under the first name it was given, however else it was named
    (``a.md`` and ``./a.md``, a symlink, a hard link): linted once, and fixed once."""
    seen: set[object] = set()
    for path in paths:
        try:
            info = os.stat(path)
            identity: object = (info.st_dev, info.st_ino)
        except OSError:
            identity = os.path.normpath(path)  # reading it will say what is wrong
        if identity not in seen:
            seen.add(identity)
            yield path


def _lint_parallel(files: list[str], linter: Linter, jobs: int) -> Iterator[FileResult]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Forked workers inherit the linter as it is; spawned ones get it pickled, without the
    # tables its context has loaded (each worker loads its own).
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    chunk = max(1, min(64, len(files) // (jobs * 4)))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method),
                             initializer=_Worker.start, initargs=(linter,)) as pool:
        yield from pool.map(_Worker.lint_file, files, chunksize=chunk)


class _Worker:
    """The linter of a worker process, set once by the pool's initializer when the process starts."""

    linter: Linter | None = None

    @classmethod
    def start(cls, linter: Linter) -> None:
        cls.linter = linter

    @staticmethod
    def lint_file(path: str) -> FileResult:
        assert _Worker.linter is not None, "lint_file runs in a worker started by _lint_parallel"
        return _Worker.linter.lint_file(path)
