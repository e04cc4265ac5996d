"""Spun copy from spinners newslint was not written for: SPN100's recall and the clean copy's cost.

Every corpus article is spun by each method of ``spinners.py`` at 10% and 20% of its words
replaced; the spun articles are the positive class, the clean articles the negative one.
Reported per method and rate: the share of spun articles SPN100 (spun-article) judges spun;
on clean copy, SPN001 reports per 1,000 words and SPN100 verdicts (there must be none). The
project's own spun examples and seeds are counted apart.

One method (``spinners.HELD_OUT_METHOD``) is held out: rules are tuned on the others and
the dev part of the corpus only, and its rows are printed under their own section.
``--tuning`` leaves it (and the held-out part of the corpus) out altogether, and writes the
dev verdicts SPN100 missed, with the phrases found, to ``eval/.work/spin-misses.md`` (spun
corpus text, so it stays out of git).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from common import PARTS, ROOT, SHARED, Row, lint, make_linter
from spinners import HELD_OUT_METHOD, METHODS, RATES, make_spinners

MISSES = ROOT / "eval" / ".work" / "spin-misses.md"
SPIN_CODES = ["SPN001", "SPN100"]
# The project's own spun copy (positives) and its unspun copy (negatives).
SPUN_EXAMPLES = ("examples/spun-story-with-front-matter.md", "examples/spun-story-second-spinner.txt")
CLEAN_EXAMPLES = ("examples/scraped-wire-story.txt", "examples/scraped-page-with-site-chrome.txt",
                  "examples/agency-rewrite-with-comment-form.txt")
SPUN_SEEDS = ("000_655941fb3fb04b62.txt", "002_354d4f5ef1e6bba7.txt")
CLEAN_SEEDS = ("001_e5cd5da1c0148b50.txt", "003_038424ef1f739dc1.txt", "004_804db77878920ea3.txt")
TARGET = {0.10: ">= 50%", 0.20: ">= 80%"}


def run(articles, tuning: bool = False) -> list[Row]:
    linter = make_linter(SPIN_CODES)
    spinners = make_spinners()
    methods = [m for m in METHODS if not (tuning and m == HELD_OUT_METHOD)]
    parts = ("dev",) if tuning else PARTS
    articles = [a for a in articles if a.part in parts]

    words, spn001, verdicts, total = Counter(), Counter(), Counter(), Counter()
    caught: Counter = Counter()  # (method, rate, part) -> spun articles with the verdict
    replaced: Counter = Counter()  # (method, rate) -> words replaced, over all parts
    spun_words: Counter = Counter()
    misses: list[str] = []
    for article in articles:
        total[article.part] += 1
        words[article.part] += article.words
        found = lint(linter, article.text, f"{article.id}.txt")
        spn001[article.part] += sum(d.code == "SPN001" for d in found)
        verdicts[article.part] += any(d.code == "SPN100" for d in found)
        for method in methods:
            for rate in RATES:
                spun = spinners[method].spin(article.text, rate, article.id)
                replaced[method, rate] += spun.replaced
                spun_words[method, rate] += spun.words
                found = lint(linter, spun.text, f"{article.id}.txt")
                if any(d.code == "SPN100" for d in found):
                    caught[method, rate, article.part] += 1
                elif tuning and len(misses) < 40 and rate == max(RATES):
                    phrases = "; ".join(d.text for d in found if d.code == "SPN001")
                    misses.append(f"- {method} {rate:.0%} {article.id} ({spun.words} words): {phrases or 'no phrase'}")
    if tuning:
        MISSES.parent.mkdir(parents=True, exist_ok=True)
        MISSES.write_text("# Spun dev articles SPN100 missed (20%), with SPN001's phrases\n\n" + "\n".join(misses) + "\n",
                          encoding="utf-8")

    def share(method: str, rate: float, part: str) -> str:
        n = total[part]
        return f"{100 * caught[method, rate, part] / n:.0f}% of {n}" if n else "-"

    rows = []
    for method in methods:
        section = "spin, held-out method" if method == HELD_OUT_METHOD else "spin"
        for rate in RATES:
            actual = replaced[method, rate] / max(1, spun_words[method, rate])
            rows.append(Row(section, f"{method} {rate:.0%} ({actual:.1%} replaced): SPN100 verdicts",
                            share(method, rate, "dev"), share(method, rate, "held-out"), TARGET[rate]))

    def per_1000(part: str) -> str:
        return f"{1000 * spn001[part] / words[part]:.3f}" if words[part] else "-"

    rows.append(Row("spin, clean copy", "SPN001 reports per 1,000 words", per_1000("dev"), per_1000("held-out"), "<= 0.05"))
    rows.append(Row("spin, clean copy", "articles with the SPN100 verdict",
                    *(f"{verdicts[p]} of {total[p]}" if total[p] else "-" for p in PARTS), "0"))
    rows.extend(_project_rows(linter))
    return rows


def _project_rows(linter) -> list[Row]:
    """The project's own spun and unspun examples and seeds: verdicts out of how many."""
    def verdicts(paths: list[Path]) -> str:
        present = [p for p in paths if p.is_file()]
        n = sum(any(d.code == "SPN100" for d in linter.lint_file(str(p)).diagnostics) for p in present)
        return f"{n} of {len(present)}"

    seeds = SHARED / "seeds"
    return [
        Row("spin, project copy", "spun examples and seeds with SPN100",
            verdicts([ROOT / p for p in SPUN_EXAMPLES] + [seeds / s for s in SPUN_SEEDS]), "", "all"),
        Row("spin, project copy", "unspun examples and seeds with SPN100",
            verdicts([ROOT / p for p in CLEAN_EXAMPLES] + [seeds / s for s in CLEAN_SEEDS]), "", "none"),
    ]
