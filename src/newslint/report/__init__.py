"""Reporters: they format results and never look at the text again."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from ..engine import FileResult
    from ..rule import Rule

# "text" is today's one line a diagnostic, the same as "concise"; "full" adds the source.
FORMATS = ("full", "concise", "text", "json", "sarif", "github", "html")


def render(fmt: str, results: list[FileResult], out: TextIO, *, color: bool = False, quiet: bool = False,
           rules: dict[str, type[Rule]] | None = None, width: int = 100) -> None:
    """Write ``results`` in ``fmt``; ``rules`` (default: the installed rules) are the rules
    a SARIF log documents and an HTML page tells the checks of; ``width`` is the terminal's,
    which the ``full`` format fits its source lines to."""
    if fmt == "json":
        from .json import render_json

        render_json(results, out)
    elif fmt == "sarif":
        from .sarif import render_sarif

        render_sarif(results, out, rules)
    elif fmt == "github":
        from .github import render_github

        render_github(results, out)
    elif fmt == "html":
        from .html import render_html

        render_html(results, out, rules)
    else:
        from .text import render_text

        render_text(results, out, color=color, quiet=quiet, full=fmt == "full", width=width)
