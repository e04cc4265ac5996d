"""SEN003 glued-sentences (fixtures: tests/fixtures/SEN003/)."""

import random
import re

import pytest


@pytest.mark.parametrize(
    "fast, plain, alphabet",
    [
        (
            "newslint.rules.sentences.sen003_glued_sentences:GLUED_RE",
            r"(?:(?<=[^\W\d_]{2})(?<![A-Z]{2})|(?<=\d))([.!?])(?=[A-Z][a-z])",
            "aZ.!?1 \néÉ_AbB",
        ),
    ],
)
def test_patterns_rewritten_for_speed_match_like_their_plain_spelling(fast, plain, alphabet):
    import importlib

    module, name = fast.split(":")
    fast_re = getattr(importlib.import_module(module), name)
    plain_re = re.compile(plain)
    rng = random.Random(2)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert [m.span() for m in fast_re.finditer(text, start, end)] == [
            m.span() for m in plain_re.finditer(text, start, end)
        ], (text, start, end)
