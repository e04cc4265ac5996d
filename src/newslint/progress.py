"""A progress bar on standard error for long runs, and only there.

A short run prints nothing and imports nothing for it: the bar (tqdm) is imported once a
run turns out to be long, that is when it has many files to lint or has taken a while.
"""

from __future__ import annotations

import os
import time
from typing import TextIO

MANY_FILES = 200  # files to lint (the cache's hits do not count) that make a run long from the start
LONG_RUN = 2.0  # seconds after which a run with fewer is long too


def wanted(stream: TextIO, machine_format: bool, quiet: bool) -> bool:
    """Whether a bar may be drawn on ``stream``: a terminal, not a CI log, not a dumb
    terminal, and a run that asked for neither a machine-readable format nor quiet."""
    if machine_format or quiet or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


class ProgressBar:
    """``lint_paths``'s ``progress``: draws a bar once the run is long, removes it when done."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.started = time.monotonic()
        self.bar = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if done >= total or (total < MANY_FILES and time.monotonic() - self.started < LONG_RUN):
                return
            from tqdm import tqdm

            self.bar = tqdm(total=total, initial=done, file=self.stream, unit="file", desc="linting",
                            leave=False, dynamic_ncols=True)
        else:
            self.bar.update(done - self.bar.n)
        if done >= total:
            self.bar.close()
