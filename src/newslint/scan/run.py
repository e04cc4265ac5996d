"""A scan on a Dask cluster: one task a partition, each linting its articles and writing
them; the client only counts.

The client holds the task graph and, per partition, a handful of totals: its memory does
not grow with the articles. Dask retries a partition whose worker died; the partition is
written again under the same names, so nothing is lost and nothing is doubled.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from .articles import ScanSpec, lint_partition
from .output import Output
from .workers import linter_for

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd

MAX_MESSAGES = 20  # error lines a partition reports to the client; the articles table has them all


def write_partition(frame: pd.DataFrame, index: int, spec: ScanSpec, output: Output) -> dict[str, Any]:
    """Lint one partition and write its tables (on a worker); its totals."""
    with linter_for(spec) as linter:
        diagnostics, articles = lint_partition(frame, spec, linter)
    # What went wrong on each article: its error (not linted) or its faults (linted in part).
    wrong = [([error] if isinstance(error, str) else []) + list(faults)
             for error, faults in zip(articles["error"], articles["faults"])]
    totals = {
        "partition": index,
        "articles": len(articles),
        "words": int(articles["words"].sum()),
        "families": dict(Counter(diagnostics["family"])),
        "severities": dict(Counter(diagnostics["severity"])),
        "spun": int(articles["spun"].sum()),
        "scraped": int(articles["scraped"].sum()),
        "failed_articles": sum(1 for lines in wrong if lines),
        "messages": [line for lines in wrong for line in lines][:MAX_MESSAGES],
    }
    output.write(index, diagnostics, articles, totals)
    return totals


@dataclass
class Summary:
    """What a scan found, over every partition of the output (a resumed run's included)."""

    partitions: int = 0
    skipped: int = 0  # partitions a resumed run found done
    articles: int = 0
    words: int = 0
    families: Counter = field(default_factory=Counter)
    severities: Counter = field(default_factory=Counter)
    spun: int = 0
    scraped: int = 0
    failed_articles: int = 0
    messages: list[str] = field(default_factory=list)
    failed_partitions: list[str] = field(default_factory=list)  # one line each: which and why
    seconds: float = 0.0
    linted: int = 0  # articles linted by this run (for its rate)

    def add(self, totals: dict[str, Any], this_run: bool) -> None:
        self.articles += totals["articles"]
        self.words += totals["words"]
        self.families.update(totals["families"])
        self.severities.update(totals["severities"])
        self.spun += totals["spun"]
        self.scraped += totals["scraped"]
        self.failed_articles += totals["failed_articles"]
        if len(self.messages) < MAX_MESSAGES:
            self.messages.extend(totals["messages"][: MAX_MESSAGES - len(self.messages)])
        if this_run:
            self.linted += totals["articles"]

    @property
    def problems(self) -> int:
        return sum(self.families.values())

    def lines(self) -> list[str]:
        rate = f", {self.linted / self.seconds:,.0f} articles/s" if self.seconds > 0 and self.linted else ""
        resumed = f" ({self.skipped} already written, skipped)" if self.skipped else ""
        lines = [f"Scanned {self.articles:,} article{_s(self.articles)} ({self.words:,} words) in {self.partitions} "
                 f"partition{_s(self.partitions)}{resumed}: {self.linted:,} linted in {self.seconds:.1f} s{rate}.",
                 f"Found {self.problems:,} problem{_s(self.problems)}"
                 + (": " + ", ".join(f"{family} {n:,}" for family, n in self.families.most_common()) if self.problems
                    else "") + ".",
                 f"Flagged {self.spun:,} article{_s(self.spun)} spun (spin diagnostics) and {self.scraped:,} "
                 "scraped (page residue)."]
        if self.failed_articles:
            lines.append(f"{self.failed_articles:,} article{_s(self.failed_articles)} could not be linted in full: "
                         "see the 'error' and 'faults' columns of the articles table.")
        if self.failed_partitions:
            lines.append(f"{len(self.failed_partitions)} partition{_s(len(self.failed_partitions))} not written "
                         "(run again with --resume to retry them).")
        return lines


def _s(n: int) -> str:
    return "" if n == 1 else "s"


@dataclass
class Plan:
    """A scan's partitions and those a resumed run finds written, made before any worker starts."""

    parts: list
    done: dict[int, dict[str, Any]]
    output: Output
    token: str


def plan(articles: dd.DataFrame, output: Output, spec: ScanSpec, manifest: dict[str, Any],
         resume: bool = False) -> Plan:
    """Split ``articles`` into their partitions and ready ``output`` for them: the errors of a
    folder that cannot take this scan come before a cluster is started."""
    import dask

    parts = articles.to_delayed()
    manifest = {**manifest, "partitions": len(parts)}
    done = output.prepare(manifest, resume)
    return Plan(parts, done, output, dask.base.tokenize(output, spec, manifest))


def scan(planned: Plan, spec: ScanSpec, client, progress: Callable[[int, int], None] | None = None) -> Summary:
    """Lint the planned partitions on ``client``'s cluster; ``progress`` is called with the
    partitions done and the partitions in all, before the first and after each."""
    import dask
    from distributed import as_completed

    from .workers import register

    started = time.monotonic()
    parts, done, output = planned.parts, planned.done, planned.output
    summary = Summary(partitions=len(parts), skipped=len(done))
    for totals in done.values():
        summary.add(totals, this_run=False)
    register(client)
    tasks = [dask.delayed(write_partition, pure=True)(part, index, spec, output,
                                                      dask_key_name=f"newslint-scan-{index:05d}-{planned.token}")
             for index, part in enumerate(parts) if index not in done]
    finished = len(done)
    if progress is not None:
        progress(finished, len(parts))
    futures = client.compute(tasks)
    for future in as_completed(futures):
        try:
            summary.add(future.result(), this_run=True)
        except Exception as exc:  # a partition Dask gave up on (its input unreadable, a worker died too often)
            index = int(future.key.split("-")[2]) if isinstance(future.key, str) else "?"
            summary.failed_partitions.append(f"partition {index}: {type(exc).__name__}: {exc}")
        future.release()
        finished += 1
        if progress is not None:
            progress(finished, len(parts))
    if not summary.failed_partitions:
        output.finish()
    summary.seconds = time.monotonic() - started
    return summary
