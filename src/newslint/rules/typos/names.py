"""What an article itself says about its capitalised words: which are names (TYP001) and
how often each spelling is used (TYP002)."""

from __future__ import annotations

from typing import Iterator

from ...document import Document, Token
from .words import strip_possessive

# Lowercase particles that start the next word of a name: "Mohammed al-Sabban", "Ludwig van Beethoven".
NAME_PARTICLES = ("al-", "el-", "bin", "ibn", "abu", "de", "da", "di", "van", "von", "le", "la", "du", "dos", "del")


_INITIAL, _FOLLOWED = 1, 2  # a capitalised word's flags
_IS_INITIAL = (False, True, False, True)  # by flags
_IS_FOLLOWED = (False, False, True, True)


def name_index(document: Document) -> NameIndex:
    """The document's NameIndex, built once and shared by TYP001 and TYP002."""
    return document.derived(NameIndex)


class NameIndex:
    """What the article itself says about capitalised words.

    A capitalised word that is not the first of its sentence is a name (a quotation
    opened in mid-sentence does not make a new sentence: Jesus “Chuy” Garcia); a
    sentence-initial word is a name when the article also capitalises it in
    mid-sentence, or when the next word is capitalised too (Satish Jindel, president...).
    Built once per document by the spelling rules.
    """

    def __init__(self, document: Document) -> None:
        self.mid_sentence: set[str] = set()  # capitalised forms written in mid-sentence
        self.counts: dict[str, int] = {}  # every capitalised form -> count
        # Capitalised words, and for each a byte of _INITIAL | _FOLLOWED (see ``capitalised``):
        # not a tuple each, which on a large document cost several megabytes.
        self.capitalised_tokens: list[Token] = []
        self.capitalised_flags = bytearray()
        # Three words in a row whose first and last are capitalised (for TYP002)
        self.runs: list[tuple[Token, Token, Token]] = []
        text = document.text
        counts, mid_sentence = self.counts, self.mid_sentence
        capitalised, flags, runs = self.capitalised_tokens, self.capitalised_flags, self.runs
        for sentence in document.sentences:
            words = sentence.words
            last = before_last = -3  # indexes of the last two capitalised words
            for i, token in enumerate(words):
                word = token.text
                if not word[0].isupper():
                    continue
                followed_by_name = False
                if i == 0 and len(words) > 1:
                    nxt = words[1].text
                    followed_by_name = text[token.end : words[1].start].isspace() and (
                        nxt[0].isupper() or nxt.lower().startswith(NAME_PARTICLES)
                    )
                capitalised.append(token)
                flags.append((_INITIAL if i == 0 else 0) | (_FOLLOWED if followed_by_name else 0))
                if last == i - 2 or before_last == i - 2:
                    runs.append((words[i - 2], words[i - 1], token))
                before_last, last = last, i
                form = strip_possessive(word) if "'" in word or "’" in word else word
                counts[form] = counts.get(form, 0) + 1
                if i and not (token.start and text[token.start - 1] in "@#"):
                    mid_sentence.add(form)

    @property
    def capitalised(self) -> Iterator[tuple[Token, bool, bool]]:
        """The capitalised words in order: (token, sentence-initial, next word capitalised or a
        name particle)."""
        flags = self.capitalised_flags
        return zip(self.capitalised_tokens, map(_IS_INITIAL.__getitem__, flags),
                   map(_IS_FOLLOWED.__getitem__, flags))
