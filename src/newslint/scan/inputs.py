"""Article collections to a dask DataFrame: Parquet or JSON Lines files, named as files,
folders or globs, on any filesystem fsspec knows (local paths, s3://, gs://, ... when the
user has the filesystem's package).

Partitions are decided by the files alone (one a Parquet file or row-group run, one a block
of JSON Lines), so the same inputs give the same partitions: what ``--resume`` relies on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import InputError, NewslintError

if TYPE_CHECKING:
    import dask.dataframe as dd

PARQUET = (".parquet", ".pq", ".parq")
JSONL = (".jsonl", ".ndjson", ".json", ".jsonl.gz", ".ndjson.gz", ".json.gz")
FORMATS = {"parquet": PARQUET, "jsonl": JSONL}


def find_files(inputs: list[str], fmt: str | None) -> tuple[str, list[str]]:
    """The input format and every file the inputs name, sorted, as URLs fsspec opens."""
    import fsspec

    files: list[str] = []
    named: dict[str, str] = {}  # a file named as itself: its messages use the name it was given
    for given in inputs:
        try:
            fs, path = fsspec.core.url_to_fs(given)
        except (ImportError, ValueError) as exc:
            raise InputError(f"{given}: cannot open: {exc}") from None
        try:
            if any(c in path for c in "*?["):
                found = [p for p in sorted(fs.glob(path)) if fs.isfile(p)]
            elif fs.isdir(path):
                found = sorted(p for p in fs.find(path) if p.lower().endswith(PARQUET + JSONL)
                               and not p.rsplit("/", 1)[-1].startswith(("_", ".")))
            elif fs.isfile(path):
                found = [path]
                named[given if "://" in given else path] = given
            else:
                raise InputError(f"{given}: no such file or directory")
        except OSError as exc:
            raise InputError(f"{given}: cannot read: {exc.strerror or exc}") from None
        if not found:
            raise InputError(f"{given}: no Parquet or JSON Lines files ({', '.join(PARQUET + JSONL[:3])})")
        files.extend(fs.unstrip_protocol(p) if "://" in given else p for p in found)
    formats = {fmt or _format_of(f, named.get(f, f)) for f in files}
    if len(formats) > 1:
        raise InputError("the inputs mix Parquet and JSON Lines files; scan one kind at a time (or "
                         "--input-format to read them all as one)")
    return formats.pop(), files


def _format_of(file: str, shown: str) -> str:
    lower = file.lower()
    for fmt, suffixes in FORMATS.items():
        if lower.endswith(suffixes):
            return fmt
    raise InputError(f"{shown}: neither Parquet ({', '.join(PARQUET)}) nor JSON Lines ({', '.join(JSONL[:3])}); "
                     "--input-format says which it is")


def _as_written() -> dict[str, bool]:
    """pandas.read_json's options that keep dates and numbers as written, so that a column
    carried through comes out as it went in (pandas 3.1 deprecates convert_dates for dtype)."""
    import pandas as pd

    major, minor = (int(n) for n in pd.__version__.split(".")[:2])
    return {"dtype": False} if (major, minor) >= (3, 1) else {"dtype": False, "convert_dates": False}


def read_articles(files: list[str], fmt: str, columns: list[str], blocksize: int) -> dd.DataFrame:
    """The articles of ``files`` with only ``columns``, split into partitions of about
    ``blocksize`` bytes of input."""
    import dask.dataframe as dd

    try:
        if fmt == "parquet":
            articles = dd.read_parquet(files, blocksize=blocksize)
        else:
            # A JSON Lines file is split into blocks of lines, unless compressed (read whole).
            compressed = any(f.lower().endswith(".gz") for f in files)
            articles = dd.read_json(files, lines=True, blocksize=None if compressed else blocksize,
                                    **_as_written())
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the articles: {exc}") from None
    missing = [c for c in columns if c not in articles.columns]
    if missing:
        raise NewslintError(f"no column {', '.join(map(repr, missing))} in {files[0]} (its columns: "
                            f"{', '.join(map(str, articles.columns))}; --id-column and --text-column name others)")
    return articles[columns]
