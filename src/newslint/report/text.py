"""Text output, then a summary; colour only on a terminal.

``concise``: ``path:line:col: CODE message``, one a line. ``full`` (the default on a
terminal): the same line, then the source line around the span with the span marked and the
fix, if there is one. News paragraphs are single lines of hundreds of characters, so the
line is cut to a window around the span, at word boundaries, that fits the terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from ..engine import FileResult

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def render_text(results: list[FileResult], out: TextIO, *, color: bool = False, quiet: bool = False,
                full: bool = False, width: int = 100) -> None:
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
            if full and result.text is not None:
                out.write(_snippet(result.text, d, width, _COLORS.get(d.severity, "") if color else ""))
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
    """What the summary adds when files could not be linted, or had errors once linted (a
    rule failed, a fix was not written), so that an error run never reads as a clean one; ""
    when all went well."""
    unread = sum(1 for r in results if r.error is not None)
    partial = sum(1 for r in results if r.error is None and r.faults)
    notes = []
    if unread:
        notes.append(f"{unread} file{'s' if unread != 1 else ''} could not be linted (see the errors)")
    if partial:
        notes.append(f"errors in {partial} linted file{'s' if partial != 1 else ''} (see the errors)")
    return "".join(f"; {note}" for note in notes)


_ELLIPSIS = "\u2026"


def _snippet(text: str, d, width: int, mark_color: str) -> str:
    """The source line of ``d`` cut to fit ``width``, the span underlined with ``^``, and the
    fix; a span running onto later lines is marked to the end of its first line."""
    line_start = max(text.rfind("\n", 0, d.start), text.rfind("\r", 0, d.start)) + 1
    line_end = len(text)
    for end in (text.find("\n", line_start), text.find("\r", line_start)):
        if end != -1:
            line_end = min(line_end, end)
    gutter = len(str(d.line))
    room = max(20, width - gutter - 3)
    start, end = d.start, max(d.start + 1, min(d.end, line_end))
    lo, hi = _window(text, line_start, line_end, start, end, room)
    body = text[lo:hi] if hi == line_end else text[lo:hi].rstrip()
    shown = (_ELLIPSIS if lo > line_start else "") + body + (_ELLIPSIS if hi < line_end else "")
    lead = _columns(text[lo:start]) + (lo > line_start)
    marks = max(1, _columns(text[start:min(end, hi)]))
    reset = _RESET if mark_color else ""
    pad = " " * gutter
    lines = [
        f"{pad} |",
        f"{d.line} | {shown.replace(chr(9), ' ')}",
        f"{pad} | {' ' * lead}{mark_color}{'^' * marks}{reset}",
    ]
    if d.fix is not None:
        lines += [f"{pad} |", f"{pad} = fix: {d.fix.message}" + ("" if d.fix.safe else " (unsafe: --fix --unsafe-fixes)")]
    return "\n".join(lines) + "\n\n"


def _window(text: str, line_start: int, line_end: int, start: int, end: int, room: int) -> tuple[int, int]:
    """The part of the line from ``line_start`` to ``line_end`` to show: all of it when it
    fits in ``room`` columns, else a window holding the span (or its start, when the span
    is longer than the room) with some context before it, cut at spaces."""
    if _columns(text[line_start:line_end]) <= room:
        return line_start, line_end
    room -= 2  # the ellipses
    before = max(0, (room - _columns(text[start:end])) // 3)
    lo = max(line_start, start - before)
    if lo > line_start:
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    hi, used = lo, 0
    while hi < line_end and used + _columns(text[hi]) <= room:
        used += _columns(text[hi])
        hi += 1
    if hi < line_end and hi > end:
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    return lo, hi


def _columns(text: str) -> int:
    """How many terminal columns ``text`` takes: East Asian wide characters take two,
    combining marks none."""
    if text.isascii():
        return len(text)
    import unicodedata

    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
