"""``path:line:col: CODE message``, one a line, then a summary; colour only on a terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from ..engine import FileResult

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def render_text(results: list[FileResult], out: TextIO, *, color: bool = False, quiet: bool = False) -> None:
    counts = {"error": 0, "warning": 0, "info": 0}
    fixable = unsafe = 0
    files_with = 0
    for result in results:
        if result.diagnostics:
            files_with += 1
        for d in result.diagnostics:
            counts[d.severity] = counts.get(d.severity, 0) + 1
            fixable += bool(d.fix and d.fix.safe)
            unsafe += bool(d.fix and not d.fix.safe)
            if color:
                out.write(
                    f"{_BOLD}{d.path}{_RESET}{_DIM}:{d.line}:{d.column}:{_RESET} "
                    f"{_COLORS.get(d.severity, '')}{d.code}{_RESET} {d.message}\n"
                )
            else:
                out.write(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}\n")
    if quiet:
        return
    linted = sum(1 for r in results if r.error is None)
    total = sum(counts.values())
    files = f"{linted} file{'s' if linted != 1 else ''}"
    fixed = sum(r.fixes_applied for r in results if r.error is None)  # only --fix applies fixes
    if fixed:
        out.write(f"Fixed {fixed} problem{'s' if fixed != 1 else ''}.\n")
    failed = failure_note(results)
    if total == 0 and linted == 0 and failed:
        out.write(f"Nothing linted: {failed[2:]}.\n")
        return
    if total == 0:
        out.write(f"No problems found in {files}{failed}.\n")
        return
    parts = ", ".join(f"{n} {'info' if k == 'info' else k + ('s' if n != 1 else '')}" for k, n in counts.items() if n)
    line = f"Found {total} problem{'s' if total != 1 else ''} ({parts}) in {files_with} of {files}"
    if fixable:
        line += f"; {fixable} fixable with --fix"
    if unsafe:
        line += f"; {unsafe} more with --fix --unsafe-fixes"
    out.write(line + failed + ".\n")


def failure_note(results: list[FileResult]) -> str:
    """What the summary adds when files could not be linted, or were linted only in part (a
    rule failed), so that an error run never reads as a clean one; "" when all went well."""
    unread = sum(1 for r in results if r.error is not None)
    partial = sum(1 for r in results if r.error is None and r.faults)
    notes = []
    if unread:
        notes.append(f"{unread} file{'s' if unread != 1 else ''} could not be linted (see the errors)")
    if partial:
        notes.append(f"{partial} file{'s' if partial != 1 else ''} linted only in part (see the errors)")
    return "".join(f"; {note}" for note in notes)
