"""What every part of the evaluation shares: the corpus, its split, how an article is linted.

The corpus (../shared/corpus/reuters_2017.jsonl beside the clone, or $NEWSLINT_CORPUS) is
clean, edited wire copy read in place: nothing of it is copied into the project, and the
evaluation prints counts and short excerpts only.

Every article belongs for good to one of two parts, by a hash of its id: "dev" (about two
thirds), the copy rules may be tuned on, and "held-out" (the rest), reported apart and never
looked at while tuning.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_CORPUS = SHARED / "corpus" / "reuters_2017.jsonl"
PARTS = ("dev", "held-out")

SENTENCES_PER_PARAGRAPH = 2


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    paragraphs: tuple[str, ...]

    @property
    def part(self) -> str:
        return part_of(self.id)

    @property
    def text(self) -> str:
        """The article as a plain-text file: the title, a blank line, the paragraphs."""
        return self.title + "\n\n" + "\n\n".join(self.paragraphs) + "\n"

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


def part_of(article_id: str) -> str:
    """"held-out" for about a third of the ids, "dev" for the rest, the same on every run."""
    return "held-out" if int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def corpus_path() -> Path:
    path = Path(os.environ.get("NEWSLINT_CORPUS", DEFAULT_CORPUS))
    if not path.is_file():
        sys.exit(f"error: {path}: the evaluation corpus is not there (set NEWSLINT_CORPUS to the "
                 "reuters_2017.jsonl of shared/corpus)")
    return path


def load_articles(path: Path | None = None, layout: str = "wire") -> list[Article]:
    """The corpus as articles laid out in paragraphs: "wire" (``paragraphs_of``), or
    "labels-v1", the first, plainer layout the ATR001 labels were drawn and judged on."""
    lay_out = {"wire": paragraphs_of, "labels-v1": _paragraphs_v1}[layout]
    articles = []
    with open(path or corpus_path(), encoding="utf-8") as f:
        for line in f:
            story = json.loads(line)
            articles.append(Article(story["id"], story["title"].strip(), lay_out(story["text"])))
    return articles


def _paragraphs_v1(text: str) -> tuple[str, ...]:
    """A break after every second piece of a plain split at ". " before a capital: it breaks
    inside quotations and after "Mr.", which made paragraph rules report its own cuts, so it
    is kept only for the labels judged on it (a source in the same paragraph counts)."""
    import re

    pieces = re.split(r'(?<=[.!?"”]) (?=[A-Z“"])', text.strip())
    return tuple(" ".join(pieces[i : i + 2]) for i in range(0, len(pieces), 2))


def paragraphs_of(text: str) -> tuple[str, ...]:
    """The corpus keeps each story as one paragraph; wire stories run a sentence or two a
    paragraph, so the story is laid out again: a break after every second sentence (found
    by newslint's own sentence splitter, which knows "Mr." and "U.S."), never inside a
    quotation (a break is put off until the quotation marks balance)."""
    from newslint.parse.sentences import split_sentences

    text = " ".join(text.split())
    paragraphs, current = [], []
    for start, end in split_sentences(text, 0, len(text)):
        current.append(text[start:end])
        joined = " ".join(current)
        balanced = joined.count('"') % 2 == 0 and joined.count("“") == joined.count("”")
        if len(current) >= SENTENCES_PER_PARAGRAPH and balanced:
            paragraphs.append(joined)
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return tuple(paragraphs)


def make_linter(select: list[str] | None = None):
    """A linter with the built-in rules only and no configuration file: what a new user gets."""
    from newslint.config import Overrides
    from newslint.engine import Linter
    from newslint.plugins import load_plugins

    overrides = Overrides(select=tuple(select) if select is not None else None)
    return Linter(load_plugins(load_entry_points=False), overrides)


def lint(linter, text: str, name: str):
    """The diagnostics of ``text`` linted as a plain-text file called ``name`` (not on disk)."""
    result = linter.lint_text(text, f"/nonexistent/{name}", fmt="text")
    if result.error:
        raise RuntimeError(result.error)
    return result.diagnostics


@dataclass
class Row:
    """One line of the table: a measure on the dev part and on the held-out part."""

    section: str
    measure: str
    dev: str
    held_out: str
    target: str = ""


def print_table(rows: list[Row]) -> None:
    """The rows as one aligned table: section, measure, dev, held-out, target."""
    headers = ("section", "measure", "dev", "held-out", "target")
    cells = [(r.section, r.measure, r.dev, r.held_out, r.target) for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths)))
    print("  ".join("-" * w for w in widths))
    for c in cells:
        print("  ".join(v.ljust(w) if i < 2 else v.rjust(w) for i, (v, w) in enumerate(zip(c, widths))))

