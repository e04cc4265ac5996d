"""``--statistics``: how many diagnostics each rule reported, commonest first (as ruff does).

Text: one line a rule, ``count  CODE  [*] name``, where ``[*]`` marks a rule with at least
one diagnostic that ``--fix`` can repair, then a summary line (not with ``--quiet``).
JSON: ``{"version": 1, "newslint": ..., "statistics": [{"code", "name", "count",
"fixable", "fixable_count"}], "total": N}``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from .. import __version__

if TYPE_CHECKING:
    from ..engine import FileResult

STATISTICS_VERSION = 1


def statistics(results: list[FileResult]) -> list[dict[str, Any]]:
    """Per-rule counts, sorted by count (highest first), then code."""
    rows: dict[str, dict[str, Any]] = {}
    for result in results:
        for d in result.diagnostics:
            row = rows.setdefault(d.code, {"code": d.code, "name": d.name, "count": 0, "fixable": False,
                                           "fixable_count": 0})
            row["count"] += 1
            if d.fix is not None and d.fix.safe:
                row["fixable"] = True
                row["fixable_count"] += 1
    return sorted(rows.values(), key=lambda row: (-row["count"], row["code"]))


def render_statistics(results: list[FileResult], out: TextIO, *, fmt: str = "text", quiet: bool = False) -> None:
    rows = statistics(results)
    total = sum(row["count"] for row in rows)
    if fmt == "json":
        json.dump({"version": STATISTICS_VERSION, "newslint": __version__, "statistics": rows, "total": total},
                  out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    count_width = max((len(str(row["count"])) for row in rows), default=1)
    code_width = max((len(row["code"]) for row in rows), default=1)
    for row in rows:
        mark = "[*]" if row["fixable"] else "[ ]"
        out.write(f"{row['count']:>{count_width}}  {row['code']:<{code_width}}  {mark} {row['name']}\n")
    if quiet:
        return
    from .text import failure_note

    failed = failure_note(results)
    if total == 0:
        nothing_linted = failed and all(r.error for r in results)
        out.write(f"Nothing linted: {failed[2:]}.\n" if nothing_linted else f"No problems found{failed}.\n")
        return
    fixable = sum(row["fixable_count"] for row in rows)
    line = f"Found {total} problem{'s' if total != 1 else ''}"
    if fixable:
        line += f"; [*] {fixable} fixable with --fix"
    out.write(line + failed + ".\n")
