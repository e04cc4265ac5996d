"""Which files a folder search skips: the configuration's ``exclude`` patterns and the
``.gitignore`` and ``.ignore`` files, read with git's semantics (pathspec's ``GitIgnoreSpec``:
``*`` stops at ``/``, ``**``, a leading ``/`` anchors, a trailing ``/`` means folders, ``!``
re-includes, a deeper file overrides a shallower one), so that what git ignores newslint does
not lint. pathspec is imported only when there is a pattern to match.
"""

from __future__ import annotations

import os
from typing import Any

from .errors import ConfigError

IGNORE_FILES = (".gitignore", ".ignore")
# An ignore file's patterns, anchored at its folder.
Scope = tuple[str, Any]


class FolderIgnores:
    """What one folder search skips beyond the built-in names (hidden folders,
    ``node_modules``, ...): ``exclude`` anchored at the configuration's folder and, unless
    ``respect_gitignore`` is off, the ignore files of each folder searched and of the folders
    above it up to the root of its git repository."""

    def __init__(self, exclude: tuple[str, ...], root: str, source: str | None, respect_gitignore: bool) -> None:
        self.root = os.path.abspath(root)
        self.respect_gitignore = respect_gitignore
        self.exclude = None
        if exclude:
            try:
                self.exclude = _spec(exclude)
            except ValueError as exc:
                raise ConfigError(f"{source or '<config>'}: 'exclude': {exc}") from None

    def scopes_above(self, folder: str) -> tuple[Scope, ...]:
        """The ignore files that apply to a search starting at ``folder``, from the folders
        above it inside its git repository (none when it is not in one)."""
        if not self.respect_gitignore:
            return ()
        above = []
        current = os.path.dirname(os.path.abspath(folder))
        while True:
            above.append(current)
            if os.path.exists(os.path.join(current, ".git")):
                break
            parent = os.path.dirname(current)
            if parent == current:
                return ()  # not in a git repository: only the searched folders' files apply
            current = parent
        return tuple(scope for f in reversed(above) for scope in self.scopes_of(f))

    def scopes_of(self, folder: str) -> tuple[Scope, ...]:
        """The scope of the ignore files in ``folder`` itself, if it has any."""
        if not self.respect_gitignore:
            return ()
        lines: list[str] = []
        for name in IGNORE_FILES:
            try:
                with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                    lines.extend(f.read().splitlines())
            except OSError:  # none there (or unreadable: git would not read it either)
                continue
        patterns = [line for line in lines if line.strip() and not line.startswith("#")]
        return ((os.path.abspath(folder), _lenient_spec(patterns)),) if patterns else ()

    def ignored(self, path: str, is_dir: bool, scopes: tuple[Scope, ...]) -> bool:
        """Whether the entry at ``path`` is skipped: excluded, or ignored by the last ignore
        file, deepest first, whose patterns decide it."""
        path = os.path.abspath(path)
        if self.exclude is not None and _matches(self.exclude, path, self.root, is_dir):
            return True
        for folder, spec in reversed(scopes):
            verdict = _check(spec, path, folder, is_dir)
            if verdict is not None:
                return verdict
        return False


def _spec(patterns) -> Any:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _lenient_spec(patterns: list[str]) -> Any:
    """The patterns git would use: a line that is not a valid pattern is left out, as git does."""
    try:
        return _spec(patterns)
    except ValueError:
        valid = []
        for pattern in patterns:
            try:
                _spec([pattern])
            except ValueError:
                continue
            valid.append(pattern)
        return _spec(valid)


def _check(spec: Any, path: str, folder: str, is_dir: bool) -> bool | None:
    """True when ``spec`` ignores ``path``, False when it re-includes it, None when silent."""
    rel = os.path.relpath(path, folder)
    if rel.startswith(".."):
        return None
    rel = rel.replace(os.sep, "/") + ("/" if is_dir else "")
    return spec.check_file(rel).include


def _matches(spec: Any, path: str, folder: str, is_dir: bool) -> bool:
    """Whether ``spec`` ignores ``path``; outside ``folder`` (a ``--config`` elsewhere), by its name."""
    if os.path.relpath(path, folder).startswith(".."):
        return bool(spec.check_file(os.path.basename(path) + ("/" if is_dir else "")).include)
    return bool(_check(spec, path, folder, is_dir))
