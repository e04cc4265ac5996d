"""``newslint stats``: one row an article (words, sentences, grade, reading ease, longest
sentence, diagnostics by family) and a totals row; or the same as JSON (contract version 1)."""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ..engine import FileResult


def families_of(results: list[FileResult], registry_families: list[str]) -> list[str]:
    """The families to show: every registered family (in registry order) except newslint's
    own (unused suppressions, NL100) when it reported nothing, then any other that reported."""
    seen = Counter(d.family for r in results for d in r.diagnostics)
    families = [f for f in dict.fromkeys(registry_families) if f != "newslint" or seen[f]]
    return families + sorted(f for f in seen if f not in families)


def _rows(results: list[FileResult]):
    from ..metrics import Counts

    linted = [r for r in results if r.error is None]
    total = Counts()
    for r in linted:
        total.add(r.readability or Counts())
    return linted, total


def stats_document(results: list[FileResult], registry_families: list[str]) -> dict[str, Any]:
    from .. import __version__
    from ..metrics import summary

    linted, total = _rows(results)
    families = families_of(results, registry_families)
    by_family = Counter(d.family for r in linted for d in r.diagnostics)
    return {
        "version": 1,
        "newslint": __version__,
        "files": [
            {
                "path": r.path,
                "words": r.words,
                "metrics": summary(r.readability) if r.readability is not None else None,
                "diagnostics": {f: sum(1 for d in r.diagnostics if d.family == f) for f in families},
            }
            for r in linted
        ],
        "totals": {
            "files": len(linted),
            "words": sum(r.words for r in linted),
            "metrics": summary(total),
            "diagnostics": {f: by_family[f] for f in families},
        },
    }


def render_stats_json(results: list[FileResult], registry_families: list[str], out: TextIO) -> None:
    json.dump(stats_document(results, registry_families), out, ensure_ascii=False, indent=2)
    out.write("\n")


def render_stats_text(results: list[FileResult], registry_families: list[str], out: TextIO) -> None:
    data = stats_document(results, registry_families)
    families = list(data["totals"]["diagnostics"])
    headers = ["FILE", "WORDS", "SENTS", "GRADE", "EASE", "LONGEST", *(f.upper() for f in families)]

    def cells(label: str, metrics: dict[str, Any], diagnostics: dict[str, int]) -> list[str]:
        return [
            label, str(metrics["words"]), str(metrics["sentences"]),
            f"{metrics['flesch_kincaid_grade']:.1f}", f"{metrics['flesch_reading_ease']:.1f}",
            str(metrics["longest_sentence"]), *(str(diagnostics[f]) for f in families),
        ]

    rows = [cells(f["path"], f["metrics"], f["diagnostics"]) for f in data["files"]]
    n = data["totals"]["files"]
    rows.append(cells(f"total ({n} file{'s' if n != 1 else ''})", data["totals"]["metrics"], data["totals"]["diagnostics"]))
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))).rstrip()

    out.write(line(headers) + "\n")
    for row in rows[:-1]:
        out.write(line(row) + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    out.write(line(rows[-1]) + "\n")
    out.write(
        "WORDS and SENTS count running text (paragraphs and block quotes); GRADE is the Flesch-Kincaid grade, "
        "EASE the Flesch reading ease (higher is easier); the family columns count diagnostics.\n"
    )
