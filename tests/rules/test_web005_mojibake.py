"""WEB005 mojibake (fixtures: tests/fixtures/WEB005/)."""

import random
import re

import pytest


@pytest.mark.parametrize(
    "fast, plain, alphabet",
    [
        ("newslint.rules.web.web005_mojibake:MOJIBAKE_RE", None, "aÂÃâ€™\u0080\u00a9\u00ef\u2019\u2122 "),
    ],
)
def test_patterns_rewritten_for_speed_match_like_their_plain_spelling(fast, plain, alphabet):
    import importlib

    module, name = fast.split(":")
    fast_re = getattr(importlib.import_module(module), name)
    if plain is None:
        from newslint.rules.web.web005_mojibake import _CONTINUATION

        plain = f"(?:[\u00c2-\u00ef][{_CONTINUATION}]{{1,3}})+"
    plain_re = re.compile(plain)
    rng = random.Random(2)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert [m.span() for m in fast_re.finditer(text, start, end)] == [
            m.span() for m in plain_re.finditer(text, start, end)
        ], (text, start, end)
