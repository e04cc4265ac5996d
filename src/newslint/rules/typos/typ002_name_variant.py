"""TYP002 name-variant: a name spelled two ways in one article."""

from __future__ import annotations

from collections import Counter

from ...document import Document
from .lexicon import load_lexicon
from ...rule import Finding, Rule
from .names import NameIndex, name_index
from .words import is_latin, strip_possessive


def fold(word: str) -> str:
    """ASCII-folded lowercase form: "Erdoğan" -> "erdogan"."""
    if word.isascii():
        return word.lower()
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


def one_edit_apart(a: str, b: str) -> bool:
    """True when one insertion, deletion, substitution or swap of neighbours turns a into b."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]  # one letter inserted
    if a[i + 1 :] == b[i + 1 :]:
        return True  # one letter replaced
    return a[i : i + 2] == b[i + 1] + b[i] and a[i + 2 :] == b[i + 2 :]  # neighbours swapped


class NameVariant(Rule):
    """Name spelled two ways in one article (Sarqeb / Saraqeb, Erdogan / Erdoğan).

    ## What it does
    Compares the capitalised words of an article with each other. A name that differs
    by one letter (or only by accents) from a name the article uses more often is
    reported at the rarer spelling, with the commoner one as the suggestion. A
    lowercase word inside a capitalised name the article also writes in full capitals
    ("Syrian national Army" beside "Syrian National Army") is reported too.

    ## Why is this bad?
    Names are the facts readers check first; a name spelled two ways tells them one of
    the two is wrong, and a spell checker cannot know which.

    ## Example
    ```text
    The retaking of Sarqeb was a setback. Rebels entered Saraqeb on Thursday.
    Saraqeb sits on the M5 highway.
    ```

    ## Use instead
    ```text
    The retaking of Saraqeb was a setback. ...
    ```

    ## Known false positives
    Two different names one letter apart in one story (Iran / Iraq, Hama / Hamas) are
    left alone when either is a dictionary word or one is the other plus a final letter
    (Hama / Hamas, Idlib / Idlibi, a nisba or a demonym); names
    shorter than five letters are not compared. Two spellings used equally often are
    reported only when they differ by accents alone.
    """

    code = "TYP002"
    name = "name-variant"
    family = "typos"
    severity = "warning"
    data_files = ("words.txt", "words.idx")  # the lexicon

    MIN_LENGTH = 5

    def check(self, document: Document):
        lexicon = load_lexicon("any", self.context)
        names = name_index(document)
        forms = {f: n for f, n in names.counts.items() if len(f) >= self.MIN_LENGTH and not f.isupper() and is_latin(f)}
        folded = {f: fold(f) for f in forms}
        # A dictionary word pairs with no form but one that folds the same (see _variant):
        # when none does, it is neither replaced nor a replacement, and is left out.
        folds = Counter(folded.values())
        candidates = {f: n for f, n in forms.items() if folds[folded[f]] > 1 or not lexicon.knows(f)}
        # Bucket by length and first letter (folded) so comparing names is not quadratic in practice.
        by_key: dict[tuple[str, int], list[str]] = {}
        for form in candidates:
            by_key.setdefault((folded[form][0], len(form)), []).append(form)
        replacement: dict[str, str] = {}
        for form, count in candidates.items():
            folded_form = folded[form]
            key = folded_form[0]
            for length in (len(form) - 1, len(form), len(form) + 1):
                for other in by_key.get((key, length), ()):
                    other_count = forms[other]
                    if other_count < count or other == form:
                        continue
                    folded_equal = folded[other] == folded_form
                    if other_count == count and not (folded_equal and form < other):
                        continue
                    if not folded_equal and not self._variant(form, other, lexicon):
                        continue
                    best = replacement.get(form)
                    if best is None or other_count > forms[best]:
                        replacement[form] = other
        for token, _, _ in names.capitalised if replacement else ():
            form = strip_possessive(token.text)
            if form in replacement:
                common = replacement[form]
                yield Finding(
                    token.start, token.start + len(form),
                    f'"{form}" is spelled "{common}" elsewhere in the article '
                    f'({forms[common]} time{"s" if forms[common] != 1 else ""})',
                    suggestions=(common,),
                )
        yield from self._lowercase_in_names(names)

    @staticmethod
    def _variant(rare: str, common: str, lexicon) -> bool:
        if lexicon.knows(rare) or lexicon.knows(common):
            return False
        a, b = rare.lower(), common.lower()
        if a[:-1] == b or b[:-1] == a:
            return False  # a letter added at the end makes another name: Hama/Hamas, Idlib/Idlibi
        return one_edit_apart(a, b)

    @staticmethod
    def _lowercase_in_names(names: NameIndex):
        """ "Syrian national Army" where the article also writes "Syrian National Army"."""
        capitalised: set[tuple[str, str, str]] = set()
        candidates = []
        for a, b, c in names.runs:
            if b.text[0].isupper():
                capitalised.add((a.text, b.text, c.text))
            elif b.text.islower() and len(b.text) > 3:
                candidates.append((a, b, c))
        for a, b, c in candidates:
            proper = b.text[0].upper() + b.text[1:]
            if (a.text, proper, c.text) in capitalised:
                yield Finding(
                    b.start, b.end,
                    f'"{a.text} {b.text} {c.text}" is capitalised "{a.text} {proper} {c.text}" elsewhere in the article',
                    suggestions=(proper,),
                )
