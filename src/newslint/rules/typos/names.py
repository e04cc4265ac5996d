"""What an article itself says about its capitalised words: which are names (TYP001) and
how often each spelling is used (TYP002)."""

from __future__ import annotations

from ...document import Document, Token
from .words import strip_possessive

# Lowercase particles that start the next word of a name: "Mohammed al-Sabban", "Ludwig van Beethoven".
NAME_PARTICLES = ("al-", "el-", "bin", "ibn", "abu", "de", "da", "di", "van", "von", "le", "la", "du", "dos", "del")


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
        # Capitalised words: (token, sentence-initial, next word capitalised or a name particle)
        self.capitalised: list[tuple[Token, bool, bool]] = []
        # Three words in a row whose first and last are capitalised (for TYP002)
        self.runs: list[tuple[Token, Token, Token]] = []
        text = document.text
        counts, mid_sentence = self.counts, self.mid_sentence
        capitalised, runs = self.capitalised, self.runs
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
                capitalised.append((token, i == 0, followed_by_name))
                if last == i - 2 or before_last == i - 2:
                    runs.append((words[i - 2], words[i - 1], token))
                before_last, last = last, i
                form = strip_possessive(word) if "'" in word or "’" in word else word
                counts[form] = counts.get(form, 0) + 1
                if i and not (token.start and text[token.start - 1] in "@#"):
                    mid_sentence.add(form)
