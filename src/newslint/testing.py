"""Helpers for testing rules: fixture text in, expected diagnostics out, as comparable lines.

A plugin author's test reads like the fixture it checks::

    from newslint.testing import assert_lints

    def test_said_not_stated():
        assert_lints(
            'The minister stated the plan. "I stated nothing," he said.\\n',
            '''
            1:14: HSE001 Use "said", not "stated"
            ''',
            select=["HSE001"],
        )

Each diagnostic is one line ``line:column: CODE message`` (1-based; columns count Unicode
characters, as ``newslint check`` prints them); blank lines and surrounding indentation in
``expected`` are ignored, and an empty ``expected`` means "nothing to report". The text is
linted exactly as ``newslint check`` lints a file called ``path`` (its suffix picks Markdown
or plain text), with every installed plugin, with the configuration given as a ``config``
table (what ``newslint.toml`` would hold: rule options under ``{"rules": {CODE: {...}}}``)
and validated as a file would be, and never with a configuration file found on disk.
"""

from __future__ import annotations

import inspect
import os
from typing import Any, Iterable

from .rule import Diagnostic

__all__ = ["lint", "lines", "diagnostic_lines", "assert_lints", "expected_lines"]


def lint(
    text: str,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    path: str = "story.txt",
    config: dict[str, Any] | None = None,
) -> list[Diagnostic]:
    """The diagnostics for ``text``, sorted as ``newslint check`` prints them.

    ``select`` defaults to every rule enabled by default; pass the codes under test to keep
    other rules' diagnostics out of the comparison. Raises ``NewslintError`` for a bad
    ``config`` table, bad front matter or a rule that fails, with the message a user would see.
    """
    from .compose import compose
    from .config import Overrides, settings_from_table
    from .engine import Linter
    from .errors import NewslintError

    linter = Linter(overrides=Overrides(select=tuple(select) if select is not None else None, ignore=tuple(ignore)))
    composition = compose(settings_from_table(dict(config or {}), os.getcwd(), "<test config>"), linter.registry)
    result = _lint_with(linter, composition, text, path)
    if result.error or result.faults:  # a rule under test that fails is the test's failure
        raise NewslintError(result.error or result.faults[0])
    return result.diagnostics


def _lint_with(linter, composition, text: str, path: str):
    from .engine import FileResult
    from .errors import NewslintError
    from .parse import parse

    result = FileResult(path)
    try:
        rules = linter.rules_for(path, composition)
        doc = parse(text, path)
        result.diagnostics = linter.lint_document(doc, rules, composition.registry, result.faults)
    except NewslintError as exc:
        result.error = str(exc)
    return result


def diagnostic_lines(diagnostics: Iterable[Diagnostic]) -> list[str]:
    """Diagnostics as ``line:column: CODE message`` lines, in order."""
    return [f"{d.line}:{d.column}: {d.code} {d.message}" for d in diagnostics]


def lines(text: str, **options: Any) -> list[str]:
    """``diagnostic_lines(lint(text, **options))``: what to compare with expected lines."""
    return diagnostic_lines(lint(text, **options))


def expected_lines(expected: str | Iterable[str]) -> list[str]:
    """Expected diagnostics as a list of lines: a (possibly indented) block or a list."""
    if isinstance(expected, str):
        expected = inspect.cleandoc(expected).splitlines()
    return [line.strip() for line in expected if line.strip()]


def assert_lints(text: str, expected: str | Iterable[str], **options: Any) -> list[Diagnostic]:
    """Assert that ``text`` gives exactly the ``expected`` diagnostic lines; return the diagnostics.

    Every reported span is also checked to be the source text between its two positions.
    The assertion message shows what is missing and what is unexpected.
    """
    diagnostics = lint(text, **options)
    got = diagnostic_lines(diagnostics)
    want = expected_lines(expected)
    if got != want:
        missing = [line for line in want if line not in got]
        extra = [line for line in got if line not in want]
        report = ["diagnostics differ"]
        report += [f"  missing:    {line}" for line in missing]
        report += [f"  unexpected: {line}" for line in extra]
        if not missing and not extra:
            report.append("  (same lines, different order or count)")
        report.append("  got:")
        report += [f"    {line}" for line in got] or ["    (nothing)"]
        raise AssertionError("\n".join(report))
    for d in diagnostics:
        if d.text != text[d.start : d.end]:
            raise AssertionError(f"{d.code} at {d.line}:{d.column}: reported text {d.text!r} is not the source span")
    return diagnostics
