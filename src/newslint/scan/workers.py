"""Where a Dask worker keeps its linter: built on the first partition, reused for the rest.

Building a Linter (plugins, configuration, rule instances) and the tables its rules load
(the lexicon, the spin phrases) costs far more than linting one article, so each worker
process keeps one per scan in a worker plugin: state that belongs to the worker, not to a
module. A worker restarted after a crash gets the plugin again and builds its own. Off a
dask.distributed worker (Dask's threaded or synchronous schedulers) a partition builds one.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, Iterator

from distributed import WorkerPlugin

if TYPE_CHECKING:
    from ..engine import Linter
    from .articles import ScanSpec

PLUGIN_NAME = "newslint-linters"


class LinterPlugin(WorkerPlugin):
    """The linters of one worker, one per scan spec. A Linter is used by one thread at a
    time: linting is pure Python, so a worker's threads would only take turns anyway."""

    name = PLUGIN_NAME

    def __init__(self) -> None:
        self._linters: dict[ScanSpec, Linter] = {}
        self._lock: threading.Lock | None = None

    def setup(self, worker) -> None:
        self._linters = {}
        self._lock = threading.Lock()

    def __getstate__(self) -> dict:
        return {}  # sent to the workers empty: each builds its own

    def __setstate__(self, state: dict) -> None:
        self.__init__()

    @contextlib.contextmanager
    def linter(self, spec: ScanSpec) -> Iterator[Linter]:
        if self._lock is None:
            self.setup(None)
        assert self._lock is not None
        with self._lock:
            linter = self._linters.get(spec)
            if linter is None:
                linter = self._linters[spec] = spec.linter()
            yield linter


def register(client) -> None:
    """Give every worker of ``client``'s cluster, and each one that joins, its linters."""
    client.register_plugin(LinterPlugin(), name=PLUGIN_NAME)


@contextlib.contextmanager
def linter_for(spec: ScanSpec) -> Iterator[Linter]:
    """The linter for ``spec``: the worker's, or one for this partition off a worker (or on
    a worker of a cluster that ``register`` was not called for)."""
    from distributed import get_worker

    try:
        plugin = get_worker().plugins.get(PLUGIN_NAME)
    except ValueError:  # not in a dask.distributed worker
        plugin = None
    if isinstance(plugin, LinterPlugin):
        with plugin.linter(spec) as linter:
            yield linter
    else:
        yield spec.linter()
