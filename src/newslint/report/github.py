"""GitHub Actions workflow commands: one annotation a diagnostic, shown on the pull request.

``::error file=story.md,line=3,endLine=3,col=15,endColumn=22,title=TYP003 repeated-word::message``

Severities map error -> ``error``, warning -> ``warning``, info -> ``notice``. Escaping
follows the runner's rules: in the message ``%``, CR and LF are percent-encoded; in a
property value ``:`` and ``,`` are too. A file that cannot be linted is an ``error``
annotation too (besides its line on stderr). Nothing else is printed (no summary line).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from ..engine import FileResult
    from ..rule import Diagnostic

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workspace_path(path: str) -> str:
    """The path GitHub matches against the repository: relative to the working directory
    (the workspace, in a workflow), normalised ("./a.md" is "a.md"), forward slashes."""
    if os.path.isabs(path):
        try:
            path = os.path.relpath(path)
        except ValueError:  # another drive on Windows
            pass
    return os.path.normpath(path).replace(os.sep, "/") if path != "-" else path


def annotation(d: Diagnostic) -> str:
    command = COMMANDS.get(d.severity, "warning")
    props = {
        "file": workspace_path(d.path),
        "line": d.line,
        "endLine": d.end_line,
        "col": d.column,
        "endColumn": d.end_column,
        "title": f"{d.code} {d.name}",
    }
    rendered = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
    return f"::{command} {rendered}::{escape_data(d.message)}"


def render_github(results: list[FileResult], out: TextIO) -> None:
    for result in results:
        # Errors and faults are also on stderr; as annotations they show on the run.
        for message in ([result.error] if result.error is not None else []) + result.faults:
            out.write(f"::error file={escape_property(workspace_path(result.path))},title=newslint"
                      f"::{escape_data(message)}\n")
        for d in result.diagnostics:
            out.write(annotation(d) + "\n")
