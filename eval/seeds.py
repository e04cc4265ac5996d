"""The seeds stay caught: every `must` row of ../shared/seeds/expected.tsv reported by a rule
of its family, and no `never` row reported."""

from __future__ import annotations

import csv
from collections import Counter

from common import SHARED, Row, make_linter

SEEDS = SHARED / "seeds"
# A row counts as found only when a rule of its own family reports it.
FAMILY_PREFIX = {"spin": "SPN", "typo": "TYP", "sentence": "SEN", "residue": "WEB", "attribution": "ATR"}


def run(missed: list[str] | None = None) -> list[Row]:
    if not (SEEDS / "expected.tsv").is_file():
        return [Row("seeds", "expected.tsv", "not beside this clone", "")]
    rows = list(csv.DictReader(open(SEEDS / "expected.tsv", encoding="utf-8"), delimiter="\t"))
    linter = make_linter()
    results = {name: linter.lint_file(str(SEEDS / name)) for name in sorted({r["seed"] for r in rows})}
    found, total = Counter(), Counter()
    for row in rows:
        key = row["level"]
        total[key] += 1
        prefix = FAMILY_PREFIX.get(row["family"], "")
        if any(d.code.startswith(prefix) and d.line <= int(row["line"]) <= d.end_line
               and _overlaps(d.text, row["text"]) for d in results[row["seed"]].diagnostics):
            found[key] += 1
        elif missed is not None and key == "must":
            missed.append(f"{row['family']}: {row['seed']}:{row['line']} {row['text']!r}")
    out = [Row("seeds", f"'{level}' rows reported", f"{found[level]} of {total[level]}", "",
               {"must": "all", "never": "none"}.get(level, "")) for level in ("must", "weak", "never")]
    return out


def _overlaps(reported: str, expected: str) -> bool:
    a, b = reported.lower(), expected.lower()
    return bool(a) and (a in b or b in a)
