"""TYP003 repeated-word: a word written twice in a row ("the the")."""

from __future__ import annotations

from itertools import compress, count, tee
from operator import eq

from ...document import Document
from ...rule import Edit, Finding, Fix, Rule
from .words import document_words

# Doubled words that English uses on purpose: "had had", "that that", "very very".
INTENDED_DOUBLES = frozenset(
    "had that is do very so no bye ha yes well now there knock chop tut la blah far round over".split()
)
# Two capitalised copies are a name ("Sirhan Sirhan", "Bora Bora") unless the word is one of these.
FUNCTION_WORDS = frozenset(
    "the a an and or but of in on at to for from with by as is was it he she they we i this".split()
)


class RepeatedWord(Rule):
    """Repeated word ("the the").

    ## What it does
    Finds a word written twice in a row, separated only by spaces or a line break,
    such as "the the" or "in in". The fix deletes the second copy.

    ## Why is this bad?
    A doubled word is the commonest slip of an edit made in a hurry, and readers notice it
    at once. Spell checkers miss it because each word is spelled right.

    ## Example
    ```text
    The army said the the town had fallen.
    ```

    ## Use instead
    ```text
    The army said the town had fallen.
    ```

    ## Known false positives
    Doubles that English uses on purpose ("had had", "that that", "very very") are not
    reported, nor are two capitalised words (names such as "Sirhan Sirhan", "Bora Bora").
    Words separated by punctuation ("no, no") are never doubles.
    """

    code = "TYP003"
    name = "repeated-word"
    family = "typos"
    severity = "warning"
    fixable = True

    def check(self, document: Document):
        words = document_words(document)
        # Each distinct text lowered once (a document's words repeat), not a new str a word.
        lowercase = {text: text.lower() for text in words.distinct}
        lowered, following = tee(map(lowercase.__getitem__, words.texts))
        next(following, None)
        text = document.text
        # Neighbours alike in lowercase, found in C; a pair across sentences is not a pair.
        for i in compress(count(1), map(eq, lowered, following)):
            if i in words.sentence_starts:
                continue
            previous, token = words.tokens[i - 1], words.tokens[i]
            word, prev = token.text, previous.text
            lower = lowercase[word]
            if (
                len(word) == len(prev)
                and text[previous.end : token.start].isspace()
                and lower not in INTENDED_DOUBLES
                and not (word[0].isupper() and prev[0].isupper() and lower not in FUNCTION_WORDS)
            ):
                yield Finding(
                    previous.start,
                    token.end,
                    f'Repeated word "{word}"',
                    suggestions=(previous.text,),
                    fix=Fix((Edit(previous.end, token.end, ""),), f'Delete the second "{word}"'),
                )
