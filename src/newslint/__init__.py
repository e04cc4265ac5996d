"""newslint: a fast, pluggable linter for news copy.

Python use::

    import newslint
    for d in newslint.lint_text("The the army said.", path="story.md"):
        print(d.line, d.column, d.code, d.message)

Plugin authors import ``newslint.Rule``, ``newslint.Finding`` and ``newslint.hookimpl``.
Heavy modules are imported on first use, so ``import newslint`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__

if TYPE_CHECKING:
    from .rule import Diagnostic

__all__ = ["__version__", "lint_text", "lint_file", "linter", "Rule", "Finding", "Fix", "Edit", "Diagnostic",
           "hookimpl"]


def lint_text(
    text: str,
    path: str = "<string>",
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    config: str | None = None,
) -> list[Diagnostic]:
    """Diagnostics for ``text`` linted as the file ``path`` (its suffix picks Markdown or text).

    Configuration is found from ``path`` as for a file on disk, or read from ``config``.
    ``select`` and ``ignore`` take selectors as the command line does (codes, prefixes, names;
    a list, or one comma-separated string). Raises ``newslint.errors.NewslintError`` for an
    unknown selector, bad configuration or front matter, or a rule that fails on the text.
    Each call is a run of its own; to lint many texts, keep one ``linter()``.
    """
    from .errors import NewslintError

    checked = _linter(select, ignore, config)
    checked.check_selectors(path)
    result = checked.lint_text(text, path)
    if result.error or result.faults:
        raise NewslintError(result.error or result.faults[0])
    return result.diagnostics


def lint_file(path: str, **options: Any) -> list[Diagnostic]:
    """Diagnostics for the file at ``path``; the keyword options are those of ``lint_text``."""
    from .parse import decode, read_file

    text, _ = decode(read_file(path), path)
    return lint_text(text, path, **options)


def linter(*, select: list[str] | None = None, ignore: list[str] | None = None, config: str | None = None,
           fix: bool = False, unsafe_fixes: bool = False) -> Any:
    """A Linter for many texts: its ``lint_text(text, path)`` and ``lint_file(path)``
    return a ``FileResult`` (``diagnostics``, ``error``, ``faults``, ``words``; ``fixed`` with
    ``fix``). The rules, the configurations and the tables the rules read are loaded once.
    Selectors are checked against the configuration that applies here (or ``config``)."""
    import os

    built = _linter(select, ignore, config, fix, unsafe_fixes)
    built.check_selectors(os.path.join(os.getcwd(), "-"))
    return built


def _linter(select: Any, ignore: Any, config: str | None, fix: bool = False, unsafe_fixes: bool = False) -> Any:
    from .config import Overrides
    from .engine import Linter

    chosen = _selectors(select, "select") if select is not None else None
    overrides = Overrides(select=chosen, ignore=_selectors(ignore or (), "ignore"))
    return Linter(overrides=overrides, config_file=config, fix=fix, unsafe_fixes=unsafe_fixes)


def _selectors(value: Any, key: str) -> tuple[str, ...]:
    """Selectors given as a list or as one comma-separated string, as on the command line."""
    from .errors import ConfigError

    items = [value] if isinstance(value, str) else value
    try:
        items = list(items)
    except TypeError:
        raise ConfigError(f"{key}: expected rule selectors, a list of strings, got {value!r}") from None
    selectors = []
    for item in items:
        if not isinstance(item, str):
            raise ConfigError(f"{key}: expected rule selectors as strings, got {item!r}")
        selectors.extend(s.strip() for s in item.split(",") if s.strip())
    return tuple(selectors)


def __getattr__(name: str) -> Any:
    if name in ("Rule", "Finding", "Fix", "Edit", "Diagnostic"):
        from . import rule

        return getattr(rule, name)
    if name == "hookimpl":
        from .hookspecs import hookimpl

        return hookimpl
    raise AttributeError(f"module 'newslint' has no attribute {name!r}")
