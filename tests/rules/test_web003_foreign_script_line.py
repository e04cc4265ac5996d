"""WEB003 foreign-script-line (fixtures: tests/fixtures/WEB003/)."""

import random


def test_letter_counts_agree_with_the_regex_definition():
    from newslint.rules.web.text import LETTER_RE, NON_LATIN_LETTER_RE, letter_counts as _letter_counts

    def plain(text):
        letters = len(LETTER_RE.findall(text))
        other = len(NON_LATIN_LETTER_RE.findall(text))
        return letters - other, other

    chars = [chr(c) for c in range(0x3100) if not 0xD800 <= c < 0xE000] + ["\U0001d400", "\U00020000", "\U0001f600"]
    for char in chars:
        assert _letter_counts(char) == plain(char), hex(ord(char))
    rng = random.Random(1)
    for _ in range(2000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 40)))
        assert _letter_counts(text) == plain(text)
