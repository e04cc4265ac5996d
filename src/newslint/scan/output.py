"""The output folder of a scan, written partition by partition by the workers.

    OUT/_newslint_scan.json         what the scan was (inputs, options, partitions): --resume checks it
    OUT/diagnostics/part.00000.parquet   one row a diagnostic (or .jsonl)
    OUT/articles/part.00000.parquet      one row an article
    OUT/_done/part.00000.json       the partition's totals, written last: the partition is complete

Each file is written under a temporary name in OUT/_tmp and renamed into place, so a file is
whole or absent; a partition is done once its ``_done`` file exists. A partition that is
written again (Dask retrying it after its worker died, a zombie worker finishing late, or a
resumed run) replaces its files with the same content: every article is in the output once.
"""

from __future__ import annotations

import io
import json
import os
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import NewslintError

if TYPE_CHECKING:
    import pandas as pd

MANIFEST = "_newslint_scan.json"
TABLES = ("diagnostics", "articles")
EXTENSIONS = {"parquet": "parquet", "jsonl": "jsonl"}


@dataclass(frozen=True)
class Output:
    """Where a scan writes (a local path or an fsspec URL) and in which format."""

    url: str
    fmt: str = "parquet"

    @classmethod
    def at(cls, where: str, fmt: str = "parquet") -> Output:
        """The output folder ``where``: a URL, or a local path made absolute, since the
        workers writing there may not be in this process's folder."""
        return cls((where if "://" in where else os.path.abspath(where)).rstrip("/"), fmt)

    def _fs(self):
        import fsspec

        return fsspec.core.url_to_fs(self.url)

    def part(self, table: str, index: int) -> str:
        return f"{table}/part.{index:05d}.{EXTENSIONS[self.fmt]}"

    def prepare(self, manifest: dict[str, Any], resume: bool) -> dict[int, dict[str, Any]]:
        """Make the folder ready for a scan described by ``manifest``; the totals of the
        partitions already done, when resuming the same scan. A folder holding anything
        else is refused: a scan never mixes its output with other files, nor replaces them."""
        fs, root = self._fs()
        path = f"{root}/{MANIFEST}"
        try:
            exists = fs.exists(root)
            entries = fs.ls(root, detail=False) if exists and fs.isdir(root) else []
            if exists and not fs.isdir(root):
                raise NewslintError(f"{self.url}: not a folder; -o names the folder the tables are written to")
            if fs.exists(path):
                with fs.open(path, "r", encoding="utf-8") as f:
                    before = json.load(f)
                if not resume:
                    raise NewslintError(f"{self.url}: holds the output of a scan already; --resume finishes it, "
                                        "or choose another folder")
                changed = sorted(k for k in set(before) | set(manifest) if before.get(k) != manifest.get(k))
                if changed:
                    raise NewslintError(f"{self.url}: holds a scan with other {', '.join(changed)}; --resume "
                                        "continues a scan of the same inputs with the same options")
                return self._done(fs, root)
            if entries:
                raise NewslintError(f"{self.url}: not empty; a scan writes to a new or empty folder")
            for table in TABLES + ("_done", "_tmp"):
                fs.makedirs(f"{root}/{table}", exist_ok=True)
            with fs.open(path, "w", encoding="utf-8") as f:
                json.dump(manifest, f, indent=2)
        except OSError as exc:
            raise NewslintError(f"{self.url}: cannot write the output: {exc.strerror or exc}") from None
        return {}

    def _done(self, fs, root: str) -> dict[int, dict[str, Any]]:
        done = {}
        for marker in fs.glob(f"{root}/_done/part.*.json"):
            with fs.open(marker, "r", encoding="utf-8") as f:
                done[int(marker.rsplit("/", 1)[-1].split(".")[1])] = json.load(f)
        return done

    def write(self, index: int, diagnostics: pd.DataFrame, articles: pd.DataFrame, totals: dict[str, Any]) -> None:
        """The partition's two tables, then its totals: the mark that it is complete."""
        fs, root = self._fs()
        self._put(fs, root, self.part("diagnostics", index), self._encode(diagnostics, "diagnostics"))
        self._put(fs, root, self.part("articles", index), self._encode(articles, "articles"))
        self._put(fs, root, f"_done/part.{index:05d}.json", json.dumps(totals).encode("utf-8"))

    def finish(self) -> None:
        """Remove the folder of temporary files (what a killed writer left there)."""
        fs, root = self._fs()
        if fs.exists(f"{root}/_tmp"):
            fs.rm(f"{root}/_tmp", recursive=True)

    def _put(self, fs, root: str, name: str, data: bytes) -> None:
        temporary = f"{root}/_tmp/{uuid.uuid4().hex}"
        fs.makedirs(f"{root}/_tmp", exist_ok=True)
        with fs.open(temporary, "wb") as f:
            f.write(data)
        fs.mv(temporary, f"{root}/{name}")

    def _encode(self, frame: pd.DataFrame, table: str) -> bytes:
        if self.fmt == "jsonl":
            return frame.to_json(orient="records", lines=True, force_ascii=False).encode("utf-8") if len(frame) else b""
        import pyarrow as pa
        import pyarrow.parquet as pq

        from .articles import fix_as_json

        if table == "diagnostics":
            frame = fix_as_json(frame)
        schema = pa.Schema.from_pandas(frame, preserve_index=False)
        # Lists of strings, even in a partition where every list is empty (a schema that
        # changed from file to file would stop a reader of the whole folder).
        for name in ("suggestions", "faults"):
            if name in schema.names:
                schema = schema.set(schema.get_field_index(name), pa.field(name, pa.list_(pa.string())))
        buffer = io.BytesIO()
        pq.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False), buffer)
        return buffer.getvalue()
