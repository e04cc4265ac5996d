"""Typos (TYP): slips of the keyboard that a copy editor catches."""

from __future__ import annotations

from ..document import WORD, Document
from ..rule import Edit, Finding, Fix, Rule

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
        text = document.text
        for sentence in document.sentences:
            words = [t for t in sentence.tokens if t[0] == WORD]
            for previous, token in zip(words, words[1:]):
                word = token.text
                if (
                    len(word) == len(previous.text)
                    and word.lower() == previous.text.lower()
                    and text[previous.end : token.start].isspace()
                    and word.lower() not in INTENDED_DOUBLES
                    and not (word[0].isupper() and previous.text[0].isupper() and word.lower() not in FUNCTION_WORDS)
                ):
                    yield Finding(
                        previous.start,
                        token.end,
                        f'Repeated word "{word}"',
                        suggestions=(previous.text,),
                        fix=Fix((Edit(previous.end, token.end, ""),), f'Delete the second "{word}"'),
                    )
