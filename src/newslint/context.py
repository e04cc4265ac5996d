"""The run context: what rules share across the articles of one run, in one visible place.

A rule's tables (the lexicon, a phrase table, attribution cues) are loaded once per run (or
per worker process), not once per article, and a rule may remember verdicts on words from
one article to the next. Both live here and nowhere else: no rule keeps state of its own
across articles and no module keeps mutable globals. Everything kept is a pure function of
its key (a table of a file, a verdict on a word), so an article's output never depends on
which articles came before it; ``reset()`` starts afresh.
"""

from __future__ import annotations

import os
from typing import Any, Callable, TypeVar

T = TypeVar("T")


class Memo(dict):
    """A bounded memo of a one-argument function. News vocabulary is Zipfian, so a rule that
    judges each token by its text can judge each distinct text once; read through
    ``map(memo.__getitem__, texts)``, a hit is a dict lookup in C, without a Python call.

    It is bounded both in entries (``limit``) and in the characters of its keys (``chars``):
    a scraped page of base64 makes "words" a megabyte long, and a bound on entries alone
    would let a few thousand of them hold gigabytes. Full, it starts afresh (the answers are
    pure, so only their cost changes); a key longer than ``chars`` alone is answered, not kept.
    """

    def __init__(self, function: Callable[[Any], Any], limit: int = 100_000, chars: int = 4_000_000) -> None:
        super().__init__()
        self.function = function
        self.limit = limit
        self.chars = chars
        self.chars_kept = 0

    def __missing__(self, key: Any) -> Any:
        value = self.function(key)
        size = key_chars(key)
        if size > self.chars:
            return value
        if len(self) >= self.limit or self.chars_kept + size > self.chars:
            self.clear()
        self[key] = value
        self.chars_kept += size
        return value

    def clear(self) -> None:
        super().clear()
        self.chars_kept = 0


def key_chars(key: Any) -> int:
    """The characters of a memo key: a text's length, or the sum of a tuple's texts' lengths."""
    if isinstance(key, str):
        return len(key)
    if isinstance(key, tuple):
        return sum(len(part) for part in key if isinstance(part, str))
    return 0


class RunContext:
    """Tables and memos shared by the rules of one run, keyed by the function that builds them."""

    def __init__(self) -> None:
        self._loaded: dict[tuple, Any] = {}
        self._memos: dict[Callable, Memo] = {}

    def load(self, build: Callable[..., T], *args: Any) -> T:
        """``build(*args)``, built on first use and kept for the run: a table, a lexicon.

        ``args`` must be hashable and must be all ``build`` reads (a path, a dialect): the
        value is keyed by ``(build, *args)``.
        """
        key = (build, *args)
        try:
            return self._loaded[key]
        except KeyError:
            value = self._loaded[key] = build(*args)
            return value

    def memo(self, function: Callable[[Any], Any], limit: int = 100_000) -> Memo:
        """The run's bounded memo of ``function``, a pure function of one hashable argument.

        Read it through ``map(memo.__getitem__, keys)``: a hit is a dict lookup in C.
        """
        memo = self._memos.get(function)
        if memo is None:
            memo = self._memos[function] = Memo(function, limit)
        return memo

    def reset(self) -> None:
        """Forget every table and memo (a server reloading its configuration, a test)."""
        self._loaded.clear()
        self._memos.clear()

    def __getstate__(self) -> dict:
        # A worker process builds its own tables: what is loaded here is not sent to it.
        return {"_loaded": {}, "_memos": {}}


def data_path(module_file: str, name: str) -> str:
    """The path of data file ``name`` kept beside the module whose ``__file__`` is given:
    a rule's data lives beside the rule."""
    return os.path.join(os.path.dirname(os.path.abspath(module_file)), name)
