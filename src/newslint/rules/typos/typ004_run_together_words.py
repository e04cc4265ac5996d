"""TYP004 run-together-words: a lowercase word glued to a capitalised one ("theSyrian")."""

from __future__ import annotations

from itertools import compress, filterfalse

from ...document import Document
from .lexicon import load_lexicon
from ...rule import Edit, Finding, Fix, Rule
from .words import document_words, has_inner_capital


# Lowercase brand and name prefixes before a capital: iPhone, eBay, mRNA (one letter), and these.
CAMEL_PREFIXES = frozenset({"mc", "mac", "de", "di", "da", "la", "le", "van", "von", "al", "el", "bin", "ibn", "abu"})


class RunTogether(Rule):
    """Words run together: a lowercase word glued to a capitalised one ("e-mailSend", "theSyrian").

    ## What it does
    Reports a word with a capital letter inside it where the part before the capital is
    a known lowercase word of two letters or more and the part after it looks like a
    capitalised word: the trace of a lost space, or of two page elements scraped into
    one ("Send in e-mailSend in e-mail"). The suggestion puts the space back.

    ## Why is this bad?
    Run-together words read as gibberish and hide a word from every other check.

    ## Example
    ```text
    Clashes spread across theSyrian north.
    ```

    ## Use instead
    ```text
    Clashes spread across the Syrian north.
    ```

    ## Known false positives
    Brands and names that start with a capital (YouTube, McDonald, PayPal) or with a
    one-letter prefix (iPhone, eBay, mRNA) are not reported, nor are a few name
    particles (deSantis, al-Assad) and parts in capitals (macOS). Handles and
    hashtags (`@newsDesk`) are skipped.
    """

    code = "TYP004"
    name = "run-together-words"
    family = "typos"
    severity = "warning"
    unsafe_fixable = True
    data_files = ("words.txt", "words.idx")  # the lexicon

    def check(self, document: Document):
        lexicon = load_lexicon("any", self.context)
        prose = document.prose
        words = document_words(document)
        has_inner = self.context.memo(has_inner_capital).__getitem__
        inner_capitals = set(filter(has_inner, filterfalse(str.islower, words.distinct)))
        if not inner_capitals:
            return
        for token in compress(words.tokens, map(inner_capitals.__contains__, words.texts)):
            if token.start and prose[token.start - 1] in "@#":
                continue
            offset = 0
            for part in token.text.replace("‐", "-").split("-"):
                split = self._split(part, lexicon)
                if split is not None:
                    at = token.start + offset + split
                    suggestion = token.text[: offset + split] + " " + token.text[offset + split :]
                    yield Finding(
                        token.start, token.end,
                        f'"{token.text}" looks like two words run together: "{suggestion}"',
                        suggestions=(suggestion,),
                        fix=Fix((Edit(at, at, " "),), "Insert a space", safe=False),
                    )
                    break
                offset += len(part) + 1

    @staticmethod
    def _split(part: str, lexicon) -> int | None:
        if not part[:1].islower():
            return None
        for i in range(1, len(part)):
            if part[i].isupper():
                left, right = part[:i], part[i:]
                if len(left) < 2 or left.lower() in CAMEL_PREFIXES or not lexicon.knows(left):
                    return None
                if len(right) < 2 or not right[1:].islower():
                    return None
                return i
        return None
