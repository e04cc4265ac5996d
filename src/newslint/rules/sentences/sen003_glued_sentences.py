"""SEN003 glued-sentences: no space after a full stop ("2020.Credit", "said.The")."""

from __future__ import annotations

import re

from ...document import Document
from ...parse.sentences import BEFORE_NUMBERS, TITLES
from ...rule import Edit, Finding, Fix, Rule

ABBREVIATIONS = TITLES | BEFORE_NUMBERS
# A capitalised top-level domain after a stop is a domain name written in capitals: "FBI.Gov".
DOMAIN_ENDINGS = frozenset("com org net gov edu int mil biz info io co uk eu".split())
# A sentence end with no space before the next sentence: "2020.Credit", "said.The",
# "the FBI.At", "in his 30s.He", "(FARA).Though", "on Tuesday.A White House aide",
# "further.U.S. President". The left side is two letters or digits, or a word closed by a
# bracket or quote, so abbreviations and initials (U.S.Army, J.R.R.Tolkien) and decimals
# (1.5Bn) do not match; the right side is a capitalised word, "A" or "I" standing alone,
# or an acronym with dots, so domain names (bbc.co.uk) and file names do not either.
# The mark comes first and the look-behinds span it: a pattern that starts with a character
# set lets re skip to the next mark instead of trying the look-behinds at every character.
GLUED_RE = re.compile(
    r"([.!?])(?:(?<=[^\W_]{2}.)|(?<=\d.)|(?<=[^\W\d_][)”’\"].))(?=[A-Z][a-z]|[AI]\s|[A-Z]\.[A-Z]\.)"
)
# The same matches, spelled plainly (tests/rules/test_sen003_glued_sentences.py checks it).
PLAIN_GLUED = r"(?:(?<=[^\W_]{2})|(?<=\d)|(?<=[^\W\d_][)”’\"]))([.!?])(?=[A-Z][a-z]|[AI]\s|[A-Z]\.[A-Z]\.)"


class GluedSentences(Rule):
    """Sentences glued together: no space after the full stop ("2020.Credit", "said.The").

    ## What it does
    Finds a full stop, question mark or exclamation mark followed at once by a
    capitalised word, after a lowercase word or a number. The safe fix inserts the
    missing space.

    ## Why is this bad?
    A lost space is the mark of copy pasted from a web page or a caption run into its
    credit; readers stumble on it, and sentence-level checks cannot see two sentences.

    ## Example
    ```text
    A fighter fires toward Saraqeb, February 26, 2020.Credit: AFP
    ```

    ## Use instead
    ```text
    A fighter fires toward Saraqeb, February 26, 2020. Credit: AFP
    ```

    ## Known false positives
    Abbreviations and initials (U.S.Army, St.Louis), decimals and version numbers,
    URLs and domain names are not reported. A brand written with a capitalised domain
    ("Amazon.Com") would be.
    """

    code = "SEN003"
    name = "glued-sentences"
    family = "sentences"
    severity = "warning"
    fixable = True

    def check(self, document: Document):
        prose = document.prose
        if not GLUED_RE.search(prose):
            return  # a match in a block is a match in the whole prose: one search decides
        for block in document.prose_blocks:
            for m in GLUED_RE.finditer(prose, block.start, block.end):
                at = m.end()
                word_end = at
                while word_end < block.end and prose[word_end].isalpha():
                    word_end += 1
                left = at - 1
                while left > block.start and not prose[left - 1].isspace():
                    left -= 1
                if prose[left : m.start()].lower().lstrip("(\"“") in ABBREVIATIONS:
                    continue  # "St.Louis", "Mr.Smith": an abbreviation, not a sentence end
                if prose[at:word_end].lower() in DOMAIN_ENDINGS:
                    continue  # "FBI.Gov": a domain name
                yield Finding(
                    left, word_end,
                    f'No space after "{m.group(1)}": "{prose[left:word_end]}" looks like two sentences glued together',
                    fix=Fix((Edit(at, at, " "),), "Insert a space"),
                )
