"""``newslint scan``: the command, from its parsed arguments to the summary it prints."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import TextIO

from ..errors import NewslintError
from .articles import DIAGNOSTIC_COLUMNS
from .output import Output
from .run import Summary


def run(args: argparse.Namespace, overrides) -> tuple[Summary, str]:
    """Scan, print the summary; what was found, and the fail level that applies."""
    from .. import __version__
    from .api import make_spec
    from .inputs import find_files, read_articles
    from .run import plan, scan

    address, workers = parse_scheduler(args.scheduler, args.jobs)
    keep = tuple(dict.fromkeys(args.keep))
    clash = [c for c in keep if c in DIAGNOSTIC_COLUMNS or c in ("words", "problems", "error", "faults")]
    if clash:
        raise NewslintError(f"--keep {', '.join(clash)}: the output has columns of that name; rename it in the input")
    spec = make_spec(id_column=args.id_column, text_column=args.text_column, keep=keep, markdown=args.markdown,
                     config=args.config, overrides=overrides)
    input_format, files = find_files(args.inputs, args.input_format)
    columns = list(dict.fromkeys((spec.id_column, spec.text_column, *keep)))
    articles = read_articles(files, input_format, columns, args.partition_size)
    output = Output.at(args.output, args.output_format or "parquet")
    manifest = {"newslint": __version__, "inputs": files, "input_format": input_format,
                "partition_size": args.partition_size, "columns": columns, "markdown": args.markdown,
                "config": spec.config_file, "folder": spec.folder, "overrides": repr(overrides),
                "output_format": output.fmt}
    planned = plan(articles, output, spec, manifest, resume=args.resume)
    with _client(address, workers, len(planned.parts)) as client:
        with _progress_bar(sys.stderr, args.quiet) as progress:
            summary = scan(planned, spec, client, progress=progress)
    for message in summary.messages:
        sys.stderr.write(f"error: {message}\n")
    for line in summary.failed_partitions:
        sys.stderr.write(f"error: {line}\n")
    if not args.quiet:
        for line in summary.lines():
            print(line)
        kind = "Parquet" if output.fmt == "parquet" else "JSON Lines"
        print(f"Wrote {args.output.rstrip('/')}/diagnostics and {args.output.rstrip('/')}/articles ({kind}).")
    from ..engine import Linter

    settings = Linter(config_file=spec.config_file).settings_for(os.path.join(spec.folder, "-"))
    return summary, args.fail_level or settings.fail_level


def parse_scheduler(value: str | None, jobs: int | None) -> tuple[str | None, int | None]:
    """The address of a cluster to connect to (None: start one here) and, for a cluster
    started here, its worker processes: ``local:N``, ``-j N``, else None (every core)."""
    if value is not None and not value.startswith("local"):
        return value, None
    if value is not None:
        count = value.partition(":")[2]
        if not count.isdigit() or int(count) < 1:
            raise NewslintError(f"--scheduler {value}: local:N starts N worker processes here (N at least 1)")
        return None, int(count)
    if jobs is not None and jobs < 1:
        raise NewslintError("--jobs must be at least 1")
    return None, jobs


class _client:
    """A dask.distributed Client: to the cluster at an address, or to a LocalCluster of
    single-threaded worker processes started here (every core, no more than there are
    partitions, unless told) and closed after."""

    def __init__(self, address: str | None, workers: int | None, partitions: int) -> None:
        from ..engine import default_jobs

        self.address = address
        self.workers = workers or max(1, min(default_jobs(10**6), partitions))
        self.cluster = self.client = None

    def __enter__(self):
        from distributed import Client, LocalCluster

        # Dask's own log lines (a worker restarted, a task retried) are for the cluster's
        # operator; the scan reports what they mean for the run in its summary.
        logging.getLogger("distributed").setLevel(logging.CRITICAL)
        try:
            if self.address is not None:
                self.client = Client(self.address, timeout=30)
            else:
                self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=logging.CRITICAL)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError, ValueError) as exc:
            self.__exit__(None, None, None)
            raise NewslintError(f"--scheduler {self.address}: cannot connect to the Dask scheduler: {exc}"
                                if self.address else f"cannot start the local Dask cluster: {exc}") from None
        return self.client

    def __exit__(self, *exc_info) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


class _progress_bar:
    """A bar of partitions on a terminal (tqdm), nothing elsewhere."""

    def __init__(self, stream: TextIO, quiet: bool) -> None:
        from ..progress import wanted

        self.stream = stream
        self.wanted = wanted(stream, machine_format=False, quiet=quiet)
        self.bar = None

    def __enter__(self):
        return self.update if self.wanted else None

    def update(self, done: int, total: int) -> None:
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=total, initial=done, file=self.stream, unit="partition", desc="scanning",
                            leave=False, dynamic_ncols=True)
        else:
            self.bar.update(done - self.bar.n)

    def __exit__(self, *exc_info) -> None:
        if self.bar is not None:
            self.bar.close()
