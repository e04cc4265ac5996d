"""A bounded memo of per-word verdicts.

News vocabulary is Zipfian: a few thousand words make most of the tokens, so a rule that
judges each token by its text can judge each distinct text once. Read through
``map(memo.__getitem__, texts)``, a hit is a dict lookup in C, without a Python call.
"""

from __future__ import annotations

from typing import Any, Callable


class Memo(dict):
    """A bounded memo of a one-argument function; read through ``__getitem__`` with map()
    or filter(), a hit is a dict lookup in C."""

    def __init__(self, function: Callable[[str], Any], limit: int = 100_000) -> None:
        super().__init__()
        self.function = function
        self.limit = limit

    def __missing__(self, key: str) -> Any:
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.function(key)
        return value
