"""Helpers the rules' own tests share."""

from __future__ import annotations

import random
import re

import pytest


@pytest.fixture
def same_matches():
    """``same_matches(fast, plain, alphabet)`` asserts that a pattern rewritten for speed finds
    what its plain spelling finds, on 20,000 random texts over ``alphabet`` and random bounds."""

    def check(fast: re.Pattern, plain: str, alphabet: str) -> None:
        plain_re = re.compile(plain)
        rng = random.Random(2)
        for _ in range(20000):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
            start = rng.randint(0, len(text))
            end = rng.randint(start, len(text))
            assert [m.span() for m in fast.finditer(text, start, end)] == [
                m.span() for m in plain_re.finditer(text, start, end)
            ], (text, start, end)

    return check
