"""What the typos rules read of a document's words, and the tests on a word they share.

``document_words`` lays out the word tokens once per document for TYP001, TYP003 and
TYP004; ``strip_possessive``, ``has_inner_capital`` and ``is_latin`` are the small word
tests several of the rules apply.
"""

from __future__ import annotations

from itertools import accumulate, chain
from operator import attrgetter
from typing import NamedTuple

from ...document import Document, Token

LATIN_LIMIT = 0x250  # words with letters beyond Latin Extended-B belong to another script
# Longer than any word a reader meets: "pneumonoultramicroscopicsilicovolcanoconiosis" has 45
# letters, "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch" 58. A longer token is
# residue (base64, a minified script, a stuck key), which the spelling rules do not take apart:
# the search for the words that make up a compound costs the square of a word's length.
LONGEST_WORD = 60
_APOSTROPHES = "'’"


class DocumentWords(NamedTuple):
    """The word tokens of a document's sentences, laid out for set and map operations,
    which run in C, instead of a Python loop over every token."""

    tokens: list[Token]  # every word token of the sentences, in order
    texts: list[str]  # their texts
    distinct: set[str]  # the texts, once each
    sentence_starts: set[int]  # the index in ``tokens`` of each sentence's first word


def document_words(document: Document) -> DocumentWords:
    """The document's DocumentWords, built once and shared by TYP001, TYP003 and TYP004."""
    return document.derived(_document_words)


def _document_words(document: Document) -> DocumentWords:
    per_sentence = [sentence.words for sentence in document.sentences]
    tokens = list(chain.from_iterable(per_sentence))
    texts = list(map(attrgetter("text"), tokens))
    return DocumentWords(tokens, texts, set(texts), set(accumulate(map(len, per_sentence), initial=0)))


def strip_possessive(word: str) -> str:
    if "'" not in word and "’" not in word:
        return word
    if len(word) > 2 and word[-2] in _APOSTROPHES and word[-1] in "sS":
        return word[:-2]
    return word.rstrip(_APOSTROPHES)


def has_inner_capital(word: str) -> bool:
    """A capital after a lowercase letter ("mailSend", "iPhone", "YouTube")."""
    tail = word[1:]
    if tail.islower() or tail == tail.lower():  # the common case, decided in C
        return False
    return any(a.islower() and b.isupper() for a, b in zip(word, tail))


def is_latin(word: str) -> bool:
    return word.isascii() or all(ord(c) < LATIN_LIMIT for c in word)
