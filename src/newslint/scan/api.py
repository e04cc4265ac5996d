"""newslint in a data team's own Dask pipeline: articles in a dask DataFrame (or bag), their
diagnostics (or their per-article summaries) out as a dask DataFrame."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Sequence

from .articles import ScanSpec, lint_partition

if TYPE_CHECKING:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd


def make_spec(*, id_column: str = "id", text_column: str = "text", keep: Sequence[str] = (),
              markdown: bool = False, config: str | None = None, overrides=None, folder: str | None = None) -> ScanSpec:
    """The spec of a scan started here: articles linted as files in ``folder`` (default: the
    current one) with its configuration, or ``config``. Checked now, on the client: a bad
    configuration is one error before any work is sent."""
    from ..config import Overrides
    from ..engine import Linter

    folder = os.path.abspath(folder or os.getcwd())
    config = os.path.abspath(config) if config else None
    overrides = overrides or Overrides()
    linter = Linter(overrides=overrides, config_file=config)
    linter.check_selectors(os.path.join(folder, "-"))
    registry = linter.composition_for(os.path.join(folder, "-")).registry
    families = tuple(dict.fromkeys(rule.family for rule in registry.rules.values()))
    return ScanSpec(folder=folder, id_column=id_column, text_column=text_column, keep=tuple(keep),
                    markdown=markdown, config_file=config, overrides=overrides, families=families)


def lint_articles(articles: dd.DataFrame | db.Bag, *, text: str = "text", id: str = "id", keep: Sequence[str] = (),
                  config: str | None = None, select: Any = None, ignore: Any = None, markdown: bool = False,
                  table: str = "diagnostics") -> dd.DataFrame:
    """The diagnostics of ``articles`` as a dask DataFrame: one row a diagnostic (the article's
    ``id``, the ``keep`` columns, then check's JSON fields), or with ``table="articles"`` one
    row an article (words, problems by family, spun, scraped, readability, error, faults).

    Each article is linted as ``newslint check`` lints the file ``ID.txt`` (``ID.md`` with
    ``markdown``) in the current folder: its configuration (or ``config``), ``select`` and
    ``ignore`` as on the command line. A bag holds dicts with the ``id`` and ``text`` keys.
    Nothing runs until the result is computed. On a dask.distributed cluster each worker
    builds the rules once; computing both tables lints twice (``newslint.scan.write`` writes
    both in one pass).
    """
    if table not in ("diagnostics", "articles"):
        raise ValueError(f"table must be 'diagnostics' or 'articles', not {table!r}")
    spec = make_spec(id_column=id, text_column=text, keep=keep, markdown=markdown, config=config,
                     overrides=_overrides(select, ignore))
    frame = as_frame(articles, spec)
    _register_with_current_client()
    which = 0 if table == "diagnostics" else 1
    meta = lint_partition(frame._meta, spec, None)[which]
    return frame.map_partitions(_lint_table, spec, which, meta=meta, enforce_metadata=False)


def _overrides(select: Any, ignore: Any):
    """Selectors as ``newslint.lint_text`` takes them (a list, or one comma-separated string)."""
    from .. import _selectors
    from ..config import Overrides

    return Overrides(select=_selectors(select, "select") if select is not None else None,
                     ignore=_selectors(ignore or (), "ignore"))


def as_frame(articles: dd.DataFrame | db.Bag, spec: ScanSpec) -> dd.DataFrame:
    """The columns of ``articles`` the spec reads, as a dask DataFrame."""
    import dask.bag as db

    columns = list(dict.fromkeys((spec.id_column, spec.text_column, *spec.keep)))
    if isinstance(articles, db.Bag):
        import pandas as pd

        meta = pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
        return articles.map(lambda a: {c: a.get(c) for c in columns}).to_dataframe(meta=meta)
    missing = [c for c in columns if c not in articles.columns]
    if missing:
        raise KeyError(f"no column {', '.join(map(repr, missing))} in the articles (their columns: "
                       f"{', '.join(map(str, articles.columns))})")
    return articles[columns]


def _lint_table(frame: pd.DataFrame, spec: ScanSpec, which: int) -> pd.DataFrame:
    from .workers import linter_for

    with linter_for(spec) as linter:
        return lint_partition(frame, spec, linter)[which]


def _register_with_current_client() -> None:
    """Let the workers of the client in use, if any, keep their linters."""
    from distributed import default_client

    from .workers import register

    try:
        client = default_client()
    except ValueError:  # no client: Dask's local schedulers, a linter a partition
        return
    register(client)


def write(articles: dd.DataFrame | db.Bag, output: str, *, client=None, fmt: str = "parquet", resume: bool = False,
          text: str = "text", id: str = "id", keep: Sequence[str] = (), config: str | None = None, select: Any = None,
          ignore: Any = None, markdown: bool = False):
    """Lint ``articles`` and write both tables to the folder ``output`` as ``newslint scan``
    does (Parquet, or ``fmt="jsonl"``), partition by partition, on ``client``'s cluster (default:
    the client in use); the run's ``Summary``. ``resume`` skips the partitions already written
    by the same scan."""
    from .output import Output
    from .run import plan, scan

    if client is None:
        from distributed import default_client

        client = default_client()
    overrides = _overrides(select, ignore)
    spec = make_spec(id_column=id, text_column=text, keep=keep, markdown=markdown, config=config, overrides=overrides)
    frame = as_frame(articles, spec)
    manifest = {"columns": list(frame.columns), "markdown": markdown, "config": spec.config_file,
                "folder": spec.folder, "overrides": repr(overrides), "output_format": fmt}
    return scan(plan(frame, Output.at(output, fmt), spec, manifest, resume), spec, client)
