"""Readability on the clean corpus: RDB001's share of sentences, RDB002 per 1,000 words, and the
distribution of sentence lengths and article grades. Prints counts only; the corpus is read in place.

    python scripts/measure_readability.py [--corpus ../shared/corpus/reuters_2017.jsonl] [--max-words 35 45]
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

from newslint.metrics import PARAGRAPH, document_metrics, sentence_words
from newslint.parse import parse
from newslint.rules.readability.rdb001_sentence_too_long import SentenceTooLong
from newslint.rules.readability.rdb002_paragraph_too_hard import ParagraphTooHard

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "corpus" / "reuters_2017.jsonl")
    parser.add_argument("--max-words", type=int, nargs="*", default=[SentenceTooLong.options["max-words"]],
                        help="RDB001 thresholds to try (default: the rule's default)")
    args = parser.parse_args()
    rdb001 = {n: SentenceTooLong({"max-words": n}) for n in args.max_words}
    rdb002 = ParagraphTooHard()
    sentences = words = stories = 0
    lengths: list[int] = []
    grades: list[float] = []
    reports = {n: 0 for n in rdb001}
    hard = 0
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            doc = parse(text, "story.txt")
            for block in doc.blocks:
                if block.kind == PARAGRAPH:
                    for s in block.sentences:
                        n = len(sentence_words(s))
                        if n:
                            lengths.append(n)
            metrics = document_metrics(doc)
            grades.append(metrics["flesch_kincaid_grade"])
            words += metrics["words"]
            stories += 1
            for n, rule in rdb001.items():
                reports[n] += sum(1 for _ in rule.check(doc))
            hard += sum(1 for _ in rdb002.check(doc))
    sentences = len(lengths)
    print(f"corpus: {stories} stories, {sentences} body sentences, {words} words")
    for n, count in reports.items():
        print(f"  RDB001 max-words={n}: {count} sentences, {100 * count / sentences:.2f}% of sentences")
    print(f"  RDB002: {hard} paragraphs, {1000 * hard / words:.3f} per 1,000 words "
          f"(the corpus has one paragraph a story: {100 * hard / stories:.1f}% of stories)")
    q = statistics.quantiles(lengths, n=20)
    print(f"  sentence length: mean {statistics.mean(lengths):.1f}, median {statistics.median(lengths)}, "
          f"90th percentile {q[17]:.0f}, 95th {q[18]:.0f}, longest {max(lengths)}")
    print(f"  > 30 words: {100 * sum(n > 30 for n in lengths) / sentences:.1f}%, > 40: {100 * sum(n > 40 for n in lengths) / sentences:.1f}%")
    g = statistics.quantiles(grades, n=10)
    print(f"  article grade (Flesch-Kincaid): median {statistics.median(grades):.1f}, 10th-90th percentile {g[0]:.1f}-{g[8]:.1f}")


if __name__ == "__main__":
    main()
