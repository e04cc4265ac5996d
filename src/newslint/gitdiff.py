"""``--diff-base REV``: keep only the diagnostics on lines changed since a git revision.

Linting is not changed at all: every file is linted whole (a rule may need the whole
article), and the diagnostics are filtered afterwards against the lines that
``git diff --unified=0 BASE -- PATHS`` shows as added or changed in the working tree (one
``git diff`` a run), BASE being where the current branch left REV (``git merge-base REV
HEAD``; REV itself when it is an ancestor, as HEAD~3 is). A file git does not track (untracked or ignored) counts as changed
throughout. A diagnostic is kept when its span touches a changed line; a diagnostic
anchored at the very start of the article with no extent (line 1, column 1, empty: an
article-level verdict) is kept when the file has any changed line. Lines only deleted
leave nothing to report. Standard input is not filtered (its text is not the file on disk).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from typing import TYPE_CHECKING, Iterable

from .errors import NewslintError

if TYPE_CHECKING:
    from .engine import FileResult
    from .rule import Diagnostic

ALL = None  # "every line changed" (an untracked file)
HUNK_RE = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


def _git(args: list[str], cwd: str, what: str) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=120)
    except FileNotFoundError:
        raise NewslintError("--diff-base: git is not installed (or not on PATH)") from None
    except subprocess.TimeoutExpired:
        raise NewslintError(f"--diff-base: git took too long to {what}") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = message[-1] if message else f"exit status {proc.returncode}"
        raise NewslintError(f"--diff-base: git could not {what}: {detail}")
    return proc.stdout.decode("utf-8", "surrogateescape")


def _unquote(name: str) -> str:
    """A path as git prints it in a diff header: C-quoted when it has unusual characters."""
    if not (len(name) >= 2 and name[0] == name[-1] == '"'):
        return name
    raw = bytearray()
    body, i = name[1:-1], 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if re.match(r"[0-7]{3}", body[i + 1 : i + 4]):
                raw.append(int(body[i + 1 : i + 4], 8))
                i += 4
                continue
            if nxt in _ESCAPES:
                raw.append(_ESCAPES[nxt])
                i += 2
                continue
        raw.extend(ch.encode("utf-8", "surrogateescape"))
        i += 1
    return raw.decode("utf-8", "surrogateescape")


def parse_diff(diff: str) -> dict[str, set[int]]:
    """Added or changed line numbers of each new file, by path relative to the repository
    root, from ``git diff --unified=0`` output (``b/`` destination prefix)."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.split("\n"):
        if line.startswith("+++ "):
            target = line[4:].rstrip("\t")
            if target == "/dev/null":  # a deleted file
                current = None
                continue
            target = _unquote(target)
            if target.startswith("b/"):
                target = target[2:]
            current = changed.setdefault(target, set())
        elif line.startswith("@@") and current is not None:
            m = HUNK_RE.match(line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) if m.group(2) is not None else 1)
                current.update(range(start, start + count))
    return changed


class ChangedLines:
    """Which lines of which files changed since ``rev``, for the files under ``paths``."""

    def __init__(self, rev: str, paths: Iterable[str], cwd: str | None = None) -> None:
        cwd = cwd or os.getcwd()
        if shutil.which("git") is None:
            raise NewslintError("--diff-base: git is not installed (or not on PATH)")
        try:
            top = _git(["rev-parse", "--show-toplevel"], cwd, "find the repository").strip()
        except NewslintError as exc:
            if "not a git repository" in str(exc):
                raise NewslintError(f"--diff-base: {cwd} is not in a git repository") from None
            raise
        if not top:
            raise NewslintError(f"--diff-base: {cwd} is not in a git work tree")
        self.root = os.path.realpath(top)
        if rev.startswith("-"):
            raise NewslintError(f"--diff-base: '{rev}' is not a revision")
        try:
            commit = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"],
                          self.root, "resolve the revision").strip()
        except NewslintError:
            raise NewslintError(f"--diff-base: unknown revision '{rev}' (not a commit in {self.root})") from None
        # Changes since the current branch left REV (their merge base), as a pull request
        # shows them: what happened on REV's side since then is not this branch's change.
        try:
            self.base = _git(["merge-base", commit, "HEAD"], self.root, "find the merge base").strip() or commit
        except NewslintError:  # no common history, or no commit yet on this branch
            self.base = commit
        specs = [os.path.abspath(os.path.join(cwd, p)) for p in paths] or [self.root]
        for spec in specs:
            if os.path.relpath(os.path.realpath(spec), self.root).startswith(os.pardir):
                raise NewslintError(f"--diff-base: {spec} is outside the git repository {self.root}")
        specs = [os.path.realpath(s) for s in specs]
        diff = _git(["-c", "core.quotePath=false", "diff", "--unified=0", "--no-color", "--no-ext-diff",
                     "--no-textconv", "--no-renames", "--src-prefix=a/", "--dst-prefix=b/", self.base, "--",
                     *specs],
                    self.root, f"diff against '{rev}'")
        self.changed = parse_diff(diff)
        others = _git(["ls-files", "-z", "--others", "--", *specs], self.root, "list untracked files")
        self.untracked = {name for name in others.split("\0") if name}

    def lines(self, path: str) -> set[int] | None:
        """The changed lines of ``path`` (``None``: all of them)."""
        rel = os.path.relpath(os.path.realpath(path), self.root).replace(os.sep, "/")
        if rel in self.untracked:
            return ALL
        return self.changed.get(rel, set())

    def keep(self, d: Diagnostic, lines: set[int] | None) -> bool:
        if lines is ALL:
            return True
        if d.start == d.end == 0:  # an article-level verdict anchored at 1:1
            return bool(lines)
        # A span that ends just after a line break does not reach into the next line.
        end_line = d.end_line - 1 if d.end_column == 1 and d.end_line > d.line else d.end_line
        return any(n in lines for n in range(d.line, end_line + 1))

    def filter(self, results: list[FileResult]) -> int:
        """Drop the diagnostics on unchanged lines, in place; how many were dropped."""
        dropped = 0
        for result in results:
            if result.error is not None or result.stdin or not result.diagnostics:
                continue
            lines = self.lines(result.path)
            kept = [d for d in result.diagnostics if self.keep(d, lines)]
            dropped += len(result.diagnostics) - len(kept)
            result.diagnostics = kept
        return dropped
