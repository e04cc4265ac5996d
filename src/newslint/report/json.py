"""The stable JSON contract (version 1)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from .. import __version__

if TYPE_CHECKING:
    from ..engine import FileResult
    from ..rule import Diagnostic

JSON_VERSION = 1


def diagnostic_to_dict(d: Diagnostic) -> dict[str, Any]:
    fix = None
    if d.fix is not None:
        fix = {
            "applicability": "safe" if d.fix.safe else "unsafe",
            "message": d.fix.message,
            "edits": [
                {"line": l, "column": c, "end_line": el, "end_column": ec, "content": content}
                for l, c, el, ec, content in d.fix_edits
            ],
        }
    return {
        "path": d.path,
        "line": d.line,
        "column": d.column,
        "end_line": d.end_line,
        "end_column": d.end_column,
        "code": d.code,
        "name": d.name,
        "family": d.family,
        "severity": d.severity,
        "message": d.message,
        "text": d.text,
        "suggestions": list(d.suggestions),
        "fix": fix,
    }


def file_to_dict(r: FileResult) -> dict[str, Any]:
    entry: dict[str, Any] = {"path": r.path, "words": r.words}
    if r.readability is not None:
        from ..metrics import summary

        entry["metrics"] = summary(r.readability)
    return entry


def render_json(results: list[FileResult], out: TextIO) -> None:
    document = {
        "version": JSON_VERSION,
        "newslint": __version__,
        "files": [file_to_dict(r) for r in results if r.error is None],
        "diagnostics": [diagnostic_to_dict(d) for r in results for d in r.diagnostics],
    }
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")
