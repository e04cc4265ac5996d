"""ATR001 on hand-labelled sentences: its recall on unsourced figures and the precision of its reports.

    python eval/attribution.py              # the rows, dev and held-out apart
    python eval/attribution.py --check      # only check that the labels still fit the corpus
    python eval/attribution.py --list dev   # dev's misses and false reports, with short excerpts

The labels are data/atr001-labels.tsv (drawn by atr001_sample.py, labelled by
data/atr001-guideline.md): sentences of the shared corpus, by article id and character offsets
in ``common.Article.text``, each ``unsourced``, ``sourced`` or ``background``. Every labelled
article is linted once with ATR001 alone; a sentence is *reported* when an ATR001 diagnostic's
span overlaps it. Recall is the share of ``unsourced`` sentences reported; precision is the
share of reported sentences that are ``unsourced``.

Before anything is measured the labels are checked against the corpus as it is laid out now:
each row must still be a sentence of its article, as newslint splits it, with a number in it
and the same words (a short hash). If the corpus or ``common``'s paragraphing changed, this
stops with the rows that no longer fit rather than measuring against the wrong sentences.

Listings (``--list``) are of the dev part only: held-out sentences are counted, never shown,
so that nobody tunes the rule on them. Excerpts go to the terminal, never into a file.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from atr001_sample import body_sentences, fingerprint, has_number  # noqa: E402
from common import PARTS, Article, Row, lint, load_articles, make_linter, print_table  # noqa: E402

SECTION = "ATR001 labelled sentences"
LABELS_PATH = Path(__file__).resolve().parent / "data" / "atr001-labels.tsv"
CLASSES = ("unsourced", "sourced", "background")
COLUMNS = ("article_id", "start", "end", "label", "note", "fingerprint")
RECALL_TARGET = ">= 60%"
PRECISION_TARGET = ">= 75%"
EXCERPT = 100
LABELS_LAYOUT = "labels-v1"  # the paragraphs the labels were judged on (common.load_articles)


@dataclass(frozen=True)
class Label:
    article_id: str
    start: int
    end: int
    label: str
    note: str
    fingerprint: str


@dataclass(frozen=True)
class Judged:
    label: Label
    part: str
    reported: bool
    article: Article
    messages: tuple[str, ...]  # the overlapping ATR001 diagnostics, as "flagged text: message"


class LabelsOutOfDate(SystemExit):
    pass


def load_labels(path: Path = LABELS_PATH) -> list[Label]:
    labels: list[Label] = []
    header_seen = False
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if not header_seen:
                if tuple(fields) != COLUMNS:
                    raise LabelsOutOfDate(f"error: {path}:{n}: expected the header {' '.join(COLUMNS)}")
                header_seen = True
                continue
            if len(fields) != len(COLUMNS) or fields[3] not in CLASSES:
                raise LabelsOutOfDate(f"error: {path}:{n}: malformed row (want {len(COLUMNS)} fields, "
                                      f"a label among {', '.join(CLASSES)})")
            aid, start, end, label, note, fp = fields
            labels.append(Label(aid, int(start), int(end), label, note, fp))
    return labels


def check_labels(labels: list[Label], by_id: dict[str, Article]) -> None:
    """Stop, listing every row, unless each row is still a numbered sentence of its article
    (or lies within one, when the splitter has joined it to a neighbour, or is whole sentences
    of one paragraph, when the splitter now cuts it)."""
    problems = []
    sentences: dict[str, tuple[list[tuple[int, int]], dict[int, int], dict[int, int]]] = {}
    seen = set()
    for lab in labels:
        where = f"{lab.article_id} {lab.start}-{lab.end}"
        if (lab.article_id, lab.start, lab.end) in seen:
            problems.append(f"{where}: labelled twice")
        seen.add((lab.article_id, lab.start, lab.end))
        article = by_id.get(lab.article_id)
        if article is None:
            problems.append(f"{where}: no such article in the corpus")
            continue
        if lab.article_id not in sentences:
            body = body_sentences(article)
            # the sentences, and the paragraph each sentence start and end belongs to
            sentences[lab.article_id] = ([(s, e) for s, e, _, _ in body], {s: p for s, _, p, _ in body},
                                         {e: p for _, e, p, _ in body})
        text = article.text[lab.start : lab.end]
        # Within one sentence as newslint splits it now: a change to the splitter or to what
        # is masked (a link) may join a labelled sentence to its neighbour, and the label
        # still holds for its own words, which the fingerprint checks. Or whole sentences of
        # one paragraph: a splitter that now cuts a labelled sentence (a list run into its
        # paragraph, split at each bullet) leaves the label on the sentences it made.
        spans, paragraph_at_start, paragraph_at_end = sentences[lab.article_id]
        within = any(s <= lab.start and lab.end <= e for s, e in spans)
        paragraph = paragraph_at_start.get(lab.start)
        if not within and (paragraph is None or paragraph_at_end.get(lab.end) != paragraph):
            problems.append(f"{where}: no longer within one sentence of the article as newslint splits it, "
                            "nor whole sentences of one paragraph")
        elif not has_number(text):
            problems.append(f"{where}: the sentence there has no number")
        elif fingerprint(text) != lab.fingerprint:
            problems.append(f"{where}: the sentence there is not the one labelled (hash differs)")
    if problems:
        shown = "\n  ".join(problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise LabelsOutOfDate(
            f"error: {len(problems)} of {len(labels)} ATR001 labels no longer fit the corpus "
            f"(did the corpus, common.py's paragraphing or the sentence splitter change?):\n  {shown}{more}\n"
            "The labels must be re-anchored (the fingerprint column finds the same sentence) and "
            "re-read where a paragraph break moved, before ATR001 can be measured.")


def judge(articles: list[Article], labels: list[Label] | None = None) -> list[Judged]:
    labels = load_labels() if labels is None else labels
    by_id = {a.id: a for a in articles}
    check_labels(labels, by_id)
    per_article: dict[str, list[Label]] = defaultdict(list)
    for lab in labels:
        per_article[lab.article_id].append(lab)
    linter = make_linter(["ATR001"])
    judged = []
    for aid, rows in per_article.items():
        article = by_id[aid]
        spans = [(d.start, d.end, f"{d.text}: {d.message}") for d in lint(linter, article.text, f"{aid}.txt")
                 if d.code == "ATR001"]
        for lab in rows:
            hits = tuple(m for s, e, m in spans if s < lab.end and e > lab.start)
            judged.append(Judged(lab, article.part, bool(hits), article, hits))
    return judged


def _ratio(num: int, den: int) -> str:
    return f"{100 * num / den:.0f}% ({num}/{den})" if den else "n/a (0/0)"


def run(articles: list[Article] | None = None) -> list[Row]:
    """The rows; the articles are laid out as they were when the labels were made (so the
    ``articles`` given, laid out for the other parts, are not used)."""
    judged = judge(load_articles(layout=LABELS_LAYOUT))
    by_part = {part: [j for j in judged if j.part == part] for part in PARTS}

    def cells(measure):
        return [measure(by_part[part]) for part in PARTS]

    rows = []
    for cls in CLASSES:
        rows.append(Row(SECTION, f"sentences labelled {cls}",
                        *cells(lambda js, c=cls: str(sum(j.label.label == c for j in js)))))
    rows.append(Row(SECTION, "sentences reported by ATR001", *cells(lambda js: str(sum(j.reported for j in js)))))
    rows.append(Row(SECTION, "recall: unsourced sentences reported",
                    *cells(lambda js: _ratio(sum(j.reported and j.label.label == "unsourced" for j in js),
                                             sum(j.label.label == "unsourced" for j in js))),
                    RECALL_TARGET))
    rows.append(Row(SECTION, "precision: reported sentences unsourced",
                    *cells(lambda js: _ratio(sum(j.reported and j.label.label == "unsourced" for j in js),
                                             sum(j.reported for j in js))),
                    PRECISION_TARGET))
    return rows


def excerpt(text: str, limit: int = EXCERPT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def list_errors(articles: list[Article], part: str = "dev", out=sys.stdout) -> None:
    """Print the dev part's misses (unsourced, not reported) and false reports (reported, not
    unsourced), each with its note and a short excerpt; never the held-out part's."""
    if part != "dev":
        raise SystemExit("error: only the dev part is listed; held-out sentences are counted, never shown "
                         "(they are what the tuned rule is checked on)")
    judged = [j for j in judge(articles) if j.part == "dev"]
    misses = [j for j in judged if j.label.label == "unsourced" and not j.reported]
    false = [j for j in judged if j.reported and j.label.label != "unsourced"]
    for title, group in (("missed (unsourced, not reported)", misses),
                         ("false reports (reported, labelled sourced or background)", false)):
        print(f"== {title}: {len(group)}", file=out)
        for j in group:
            lab = j.label
            print(f"{lab.article_id} {lab.start}-{lab.end} [{lab.label}: {lab.note}]", file=out)
            print(f"    {excerpt(j.article.text[lab.start : lab.end])}", file=out)
            for m in j.messages:
                print(f"    ATR001 {excerpt(m, 80)}", file=out)
        print(file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--list", choices=PARTS, help="list misses and false reports (dev only)")
    group.add_argument("--check", action="store_true", help="only check the labels against the corpus")
    args = parser.parse_args(argv)
    articles = load_articles(layout=LABELS_LAYOUT)
    if args.check:
        labels = load_labels()
        check_labels(labels, {a.id: a for a in articles})
        print(f"{len(labels)} ATR001 labels fit the corpus")
        return 0
    if args.list:
        list_errors(articles, args.list)
        return 0
    print_table(run(articles))
    return 0


if __name__ == "__main__":
    sys.exit(main())
