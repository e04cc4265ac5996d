"""Articles in, two tables out: one partition of a collection linted as ``newslint check``
lints files.

A partition is a pandas DataFrame with one article a row. Each article is linted by the
engine's ``Linter.lint_text`` as the file ``ID.txt`` (``ID.md`` with ``markdown``) in the
folder the scan was started from, so the same configuration, the same selection and the
same rules decide its results as for that file on disk. Out come the diagnostics (one row
each, in ``check``'s order) and the articles (one row each: words, problems by family,
verdicts, readability, and what went wrong). An article that cannot be linted, or that a
rule fails on, is a row with its ``error`` or ``faults``: never dropped, never fatal.

Only pandas here: this runs on the workers, and builds the empty frames Dask needs as meta.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

import pandas as pd

from ..config import Overrides

if TYPE_CHECKING:
    from ..engine import FileResult, Linter

# The readability of an article, as ``newslint stats`` and the JSON report give it
# (metrics.summary), less its word count: the articles table's ``words`` is check's.
READABILITY = ("sentences", "syllables", "avg_sentence_length", "longest_sentence", "flesch_reading_ease",
               "flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
               "automated_readability_index", "passive_share")
COUNTS = ("sentences", "syllables", "longest_sentence")  # the others are scores and shares

# One row a diagnostic: the fields of check's JSON, ``suggestions`` a list and ``fix`` as
# check's JSON writes it (an object, or null).
DIAGNOSTIC_COLUMNS = {
    "line": "int64", "column": "int64", "end_line": "int64", "end_column": "int64",
    "code": "string", "name": "string", "family": "string", "severity": "string",
    "message": "string", "text": "string", "suggestions": "object", "fix": "object",
}


@dataclass(frozen=True)
class ScanSpec:
    """Everything that decides an article's results, made on the client and sent to every
    worker: which columns hold what, how articles are named, and the configuration."""

    folder: str  # absolute: articles are linted as files in it, and its configuration applies
    id_column: str = "id"
    text_column: str = "text"
    keep: tuple[str, ...] = ()  # metadata columns carried into both tables
    markdown: bool = False
    config_file: str | None = None
    overrides: Overrides = field(default_factory=Overrides)
    families: tuple[str, ...] = ()  # one ``problems_FAMILY`` column each, in the registry's order

    @property
    def suffix(self) -> str:
        return ".md" if self.markdown else ".txt"

    def linter(self) -> Linter:
        """A Linter for this scan (built once a worker: see workers.py)."""
        from ..engine import Linter

        return Linter(overrides=self.overrides, config_file=self.config_file, metrics=True)

    def article_columns(self) -> dict[str, str]:
        """The articles table's columns after the id and kept ones, with their dtypes."""
        columns = {"words": "int64", "problems": "int64"}
        columns.update({f"problems_{family}": "int64" for family in self.families})
        columns.update({"spun": "boolean", "scraped": "boolean"})
        columns.update({name: "Int64" if name in COUNTS else "float64" for name in READABILITY})
        columns.update({"error": "string", "faults": "object"})
        return columns


def lint_partition(frame: pd.DataFrame, spec: ScanSpec, linter: Linter | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The diagnostics and the articles of ``frame``, in its order (``linter`` may be None
    for an empty frame: that makes the meta Dask asks for)."""
    diagnostics: list[dict[str, Any]] = []
    diagnostic_rows: list[int] = []
    articles: list[dict[str, Any]] = []
    ids = [None if _missing(i) else str(i) for i in frame[spec.id_column].tolist()]
    for row, (name, text) in enumerate(zip(ids, frame[spec.text_column].tolist())):
        result = _lint(linter, spec, name, text)
        for d in result.diagnostics:
            diagnostics.append(_diagnostic(d))
            diagnostic_rows.append(row)
        articles.append(_article(result, spec))
    return (_table(frame, spec, ids, diagnostic_rows, diagnostics, DIAGNOSTIC_COLUMNS),
            _table(frame, spec, ids, range(len(articles)), articles, spec.article_columns()))


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value is pd.NA


def _lint(linter: Linter | None, spec: ScanSpec, name: str | None, text: Any) -> FileResult:
    """One article's result. Nothing it holds stops the partition: no text, a text too large,
    a rule that fails (a fault, the other rules' results kept), or newslint failing on it."""
    from ..engine import FileResult

    label = f"article {name}" if name is not None else "an article with no id"
    if not isinstance(text, str):
        return FileResult(label, error=f"{label}: no text (the {spec.text_column!r} column holds "
                          f"{'nothing' if _missing(text) else type(text).__name__})")
    assert linter is not None, "a partition with articles is linted with a linter"
    path = os.path.join(spec.folder, (name or "-") + spec.suffix)
    try:
        result = linter.lint_text(text, path, config_path=os.path.join(spec.folder, "-"))
    except Exception as exc:  # newslint's own failure on this text: reported, the scan goes on
        return FileResult(label, error=f"{label}: internal error: {type(exc).__name__}: {exc} (please report it)")
    # The messages name the article, not the file name it was linted under.
    if result.error is not None:
        result.error = result.error.replace(path, label)
    result.faults = [fault.replace(path, label).replace("on this file", "on this article") for fault in result.faults]
    return result


def _diagnostic(d) -> dict[str, Any]:
    from ..report.json import diagnostic_to_dict

    row = diagnostic_to_dict(d)
    del row["path"]
    return row


def _article(result: FileResult, spec: ScanSpec) -> dict[str, Any]:
    families = [d.family for d in result.diagnostics]
    row: dict[str, Any] = {"words": result.words, "problems": len(families)}
    row.update({f"problems_{family}": families.count(family) for family in spec.families})
    linted = result.error is None
    # The HTML report's verdicts: scraped when page residue was found, spun when spin was.
    row["spun"] = any(d.family == "spin" for d in result.diagnostics) if linted else None
    row["scraped"] = any(d.family == "web" for d in result.diagnostics) if linted else None
    if result.readability is not None:
        from ..metrics import summary

        metrics = summary(result.readability)
        row.update({name: metrics[name] for name in READABILITY})
    row["error"] = result.error
    row["faults"] = list(result.faults)
    return row


def _table(frame: pd.DataFrame, spec: ScanSpec, ids: list[str | None], rows: Iterable[int],
           records: list[dict[str, Any]], columns: dict[str, str]) -> pd.DataFrame:
    """``records`` as a frame of ``columns``, each beside its article's id and kept columns."""
    rows = list(rows)
    table = {"id": pd.Series([ids[r] for r in rows], dtype="string")}
    kept = frame[list(spec.keep)].iloc[rows].reset_index(drop=True)
    for column in spec.keep:
        if column != "id":
            table[column] = kept[column]
    for column, dtype in columns.items():
        table[column] = pd.Series([record.get(column) for record in records], dtype=dtype)
    return pd.DataFrame(table)


def fix_as_json(frame: pd.DataFrame) -> pd.DataFrame:
    """The diagnostics with ``fix`` as JSON text, as Parquet keeps it (a column of objects
    with a list of edits inside would be a schema of its own for one optional field)."""
    frame = frame.copy()
    frame["fix"] = pd.Series([None if f is None else json.dumps(f, ensure_ascii=False) for f in frame["fix"]],
                             dtype="string")
    return frame
