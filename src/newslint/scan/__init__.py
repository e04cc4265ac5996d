"""Article collections at scale, on Dask (``pip install 'newslint[dask]'``).

``newslint scan`` lints Parquet or JSON Lines collections (one article a row) on a
dask.distributed cluster and writes the diagnostics and a per-article table as Parquet or
JSON Lines; ``lint_articles`` does the linting inside a data team's own Dask pipeline, and
``write`` writes both tables from a dask DataFrame as the command does. Dask, pandas and
pyarrow are imported by this package only: never on ``newslint check``'s path.

    inputs.py    files, folders, globs and URLs to a dask DataFrame of articles
    articles.py  one partition of articles linted into its two tables (on a worker)
    workers.py   the linter each worker builds once and keeps
    output.py    the output folder: partitions written whole, once; what --resume reads
    run.py       the tasks, the retries' outcome, the totals (on the client)
    api.py       lint_articles
    command.py   the command line's options to a scan and its summary
"""

from __future__ import annotations

from typing import Any

__all__ = ["lint_articles", "write"]


def __getattr__(name: str) -> Any:
    if name == "lint_articles":
        from .api import lint_articles

        return lint_articles
    if name == "write":
        from .api import write

        return write
    raise AttributeError(f"module 'newslint.scan' has no attribute {name!r}")
