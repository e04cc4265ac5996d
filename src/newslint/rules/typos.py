"""Typos (TYP): slips of the keyboard that a copy editor catches."""

from __future__ import annotations

import re
from collections import Counter
from itertools import accumulate, chain, compress, count, filterfalse, islice
from operator import eq, itemgetter
from typing import NamedTuple

from ..document import WORD, Document, Token
from ..lexicon import HYPHEN_PREFIXES, load_lexicon
from ..rule import Edit, Finding, Fix, Rule


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
    texts = list(map(itemgetter(3), tokens))
    return DocumentWords(tokens, texts, set(texts), set(accumulate(map(len, per_sentence), initial=0)))


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
        lowered = list(map(str.lower, words.texts))
        text = document.text
        # Neighbours alike in lowercase, found in C; a pair across sentences is not a pair.
        for i in compress(count(1), map(eq, lowered, islice(lowered, 1, None))):
            if i in words.sentence_starts:
                continue
            previous, token = words.tokens[i - 1], words.tokens[i]
            word, prev, lower = token[3], previous[3], lowered[i]
            if (
                len(word) == len(prev)
                and text[previous[2] : token[1]].isspace()
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


# --------------------------------------------------------------------------- spelling

# Prefixes news English closes up with a known word: "biofuels", "cybersecurity", "reinsurers".
CLOSED_PREFIXES = (
    "anti", "bio", "co", "counter", "cyber", "de", "eco", "geo", "hyper", "inter", "intra", "mega",
    "micro", "mis", "multi", "neo", "non", "out", "over", "post", "pre", "re", "semi", "sub", "super",
    "tele", "trans", "ultra", "un", "under",
)
AP_CLOSED_SUFFIXES = ("long", "wide")  # AP style closes these up: "weekslong", "nationwide"
MIN_COMPOUND_PART = 4  # "untill" (un + till) and "inthe" stay unknown; "homebuilders" is known
MIN_AFTER_PREFIX = 5
COMMON_LEVEL = 35  # SCOWL size: 35 and below are the words every reader knows
LATIN_LIMIT = 0x250  # words with letters beyond Latin Extended-B belong to another script
_APOSTROPHES = "'’"
_DIGIT_RE = re.compile(r"\d")
_VERDICT_LIMIT = 200_000  # token texts TYP001 remembers judging before it starts afresh


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


def is_derived(word: str, lexicon) -> bool:
    """A word the list lacks but English builds from one it has: a plural or third person
    ("proprietorships", "militaries"), a productive prefix ("interagency", "reposting"),
    an AP-style closed compound ("weekslong", "statewide"), or two words closed up
    ("homebuilders", "dealmaker"). Parts are long enough that
    common misspellings ("untill", "alot", "inthe") do not pass, and a word one slip from
    a known word is that word misspelled ("charactor"), not "char" + "actor"."""
    if word.endswith("s") and len(word) > 4 and (
        lexicon.knows(word[:-1]) or word.endswith("ies") and lexicon.knows(word[:-3] + "y")
    ):
        return True
    for prefix in CLOSED_PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= MIN_AFTER_PREFIX and lexicon.knows(rest):
            return True
    for suffix in AP_CLOSED_SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= MIN_COMPOUND_PART and lexicon.knows(stem):
            return True
    if lexicon.suggest(word, limit=1, max_distance=1):
        return False
    for i in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1):
        if lexicon.knows(word[:i]) and lexicon.knows(word[i:]):
            return True
    return False


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
                word = token[3]
                if not word[0].isupper():
                    continue
                followed_by_name = False
                if i == 0 and len(words) > 1:
                    nxt = words[1][3]
                    followed_by_name = text[token[2] : words[1][1]].isspace() and (
                        nxt[0].isupper() or nxt.lower().startswith(NAME_PARTICLES)
                    )
                capitalised.append((token, i == 0, followed_by_name))
                if last == i - 2 or before_last == i - 2:
                    runs.append((words[i - 2], words[i - 1], token))
                before_last, last = last, i
                form = strip_possessive(word) if "'" in word or "’" in word else word
                counts[form] = counts.get(form, 0) + 1
                if i and not (token[1] and text[token[1] - 1] in "@#"):
                    mid_sentence.add(form)

    def is_name(self, word: str, initial: bool, followed_by_name: bool = False) -> bool:
        if not word[:1].isupper():
            return False
        return not initial or followed_by_name or word in self.mid_sentence


class Vocabulary:
    """Words a newsroom accepts (config ``accept`` and the vocabulary file) or rejects."""

    def __init__(self, accept: list[str], reject: list[str]) -> None:
        import re

        exact, patterns = set(), []
        for entry in accept:
            if len(entry) > 2 and entry.startswith("/") and entry.endswith("/"):
                patterns.append(entry[1:-1])
            else:
                exact.add(entry)
        self.exact = exact
        self.lower = {e.lower() for e in exact if e.islower()}  # "saraqeb" accepts "Saraqeb" too
        self.pattern = re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None
        self.reject = {r.lower() for r in reject}

    def accepts(self, word: str) -> bool:
        if word in self.exact or word.lower() in self.lower:
            return True
        return bool(self.pattern and self.pattern.fullmatch(word))

    def rejects(self, word: str) -> bool:
        return word.lower() in self.reject


def read_vocabulary_file(path: str) -> list[str]:
    """Entries of a vocabulary file: one a line, ``#`` comments, ``/regex/`` lines."""
    from ..errors import ConfigError

    try:
        with open(path, encoding="utf-8") as f:
            lines = [line.split(" #", 1)[0].strip() for line in f]
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the vocabulary file: {exc}") from None
    return [line for line in lines if line and not line.startswith("#")]


class UnknownWord(Rule):
    """Unknown word: a word that is neither in the dictionary nor a name ("observauion", "iof").

    ## What it does
    Checks every word of the prose against an English word list (SCOWL, American and
    British spellings both accepted by default) and reports the ones it does not know,
    with suggestions ranked by closeness and commonness. Names are recognised from the
    article itself: a capitalised word in mid-sentence is a name, and so is a
    sentence-initial word that the article also capitalises in mid-sentence. Words in
    quoted speech are checked too: a typo inside quotes is still a typo.

    ## Why is this bad?
    A misspelled word is the error readers notice first and forgive last.

    ## Example
    ```text
    Two soldiers were killed near an observauion post.
    ```

    ## Use instead
    ```text
    Two soldiers were killed near an observation post.
    ```

    ## Known false positives
    Rare words and new coinages the word list lacks, and sentence-initial names the
    article never repeats in mid-sentence when they are one letter from a common word.
    Add them to `accept` in the configuration or to the vocabulary file (exact words, or
    `/regex/` lines); `newslint words --unknown PATHS` lists a corpus's unknown words
    with counts. Words in other scripts, acronyms, words with digits, handles and
    words with an inner capital (see TYP004) are not checked. The `reject` list names
    words that are always reported.

    ## Options
    `dialect`: `"any"` (default) accepts American and British spellings; `"en-US"` or
    `"en-GB"` reports the other one's spellings ("colour" under en-US, "color" under
    en-GB; en-GB accepts both -ise and the Oxford -ize).
    """

    code = "TYP001"
    name = "unknown-word"
    family = "typos"
    severity = "warning"
    options = {"dialect": "any", "accept": [], "reject": [], "vocabulary": ""}
    path_options = ("vocabulary",)
    reports_words = True

    def __init__(self, settings=None, context=None) -> None:
        super().__init__(settings, context)
        from ..errors import ConfigError

        if self.settings["dialect"] not in ("any", "en-US", "en-GB"):
            raise ConfigError(f"TYP001 option 'dialect' is {self.settings['dialect']!r}: expected any, en-US or en-GB")
        self.lexicon = load_lexicon(self.settings["dialect"], self.context)
        accept = list(self.settings["accept"])
        if self.settings["vocabulary"]:
            accept += self.context.load(read_vocabulary_file, self.settings["vocabulary"])
        self.vocabulary = Vocabulary(accept, list(self.settings["reject"]))

    def check(self, document: Document):
        lexicon = self.lexicon
        names = name_index(document)
        prose = document.prose
        # A verdict on a word depends on the word, this rule's options and, for a capitalised
        # word, on one fact of the article, which is in its key: so verdicts are kept for
        # the run, and each distinct text is judged once.
        words = document_words(document)
        lowercase = self.context.memo(self._lowercase_verdict, _VERDICT_LIMIT)
        verdicts = list(map(lowercase.__getitem__, words.distinct))
        if any(verdicts):
            unknown = {text: word for text, word in zip(words.distinct, verdicts) if word}
            for token in compress(words.tokens, map(unknown.__contains__, words.texts)):
                yield from self._report(token, unknown[token.text], prose, lexicon)
        rejects = self.vocabulary.rejects if self.vocabulary.reject else None
        capitalised = self.context.memo(self._capitalised_verdict, _VERDICT_LIMIT)
        for token, initial, followed_by_name in names.capitalised:
            word = token.text
            if not initial and "-" not in word:  # a name, unless it is on the reject list
                if rejects is not None and rejects(strip_possessive(word)):
                    yield from self._report(token, strip_possessive(word), prose, lexicon)
                continue
            word = strip_possessive(word)
            first_part = word.replace("‐", "-").partition("-")[0]
            named = initial and not followed_by_name and first_part in names.mid_sentence
            if capitalised[word, initial, followed_by_name, named]:
                yield from self._report(token, word, prose, lexicon)

    def _lowercase_verdict(self, text: str) -> str | None:
        """For a token text that starts in lowercase and is unknown, the word to report
        (possessive stripped); capitalised words are judged as names, by the next method."""
        if text[0].islower():
            stripped = strip_possessive(text)
            if self._unknown(stripped, False, False, False):
                return stripped
        return None

    def _capitalised_verdict(self, key: tuple[str, bool, bool, bool]) -> bool:
        """Whether a capitalised word is unknown: ``(word, sentence-initial, followed by a
        name, first part written in mid-sentence elsewhere in the article)``."""
        return self._unknown(*key)

    def _report(self, token, word: str, prose: str, lexicon):
        if token.start and prose[token.start - 1] in "@#":
            return  # a handle or a hashtag
        if self.vocabulary.rejects(word):
            yield Finding(token.start, token.start + len(word), f'"{word}" is on the reject list')
            return
        suggestions = tuple(lexicon.suggest(word))
        hint = f"; did you mean {', '.join(suggestions[:3])}?" if suggestions else ""
        yield Finding(token.start, token.start + len(word), f'Unknown word "{word}"{hint}', suggestions=suggestions)

    def _unknown(self, word: str, initial: bool, followed_by_name: bool, named: bool) -> bool:
        """``named``: the word's first part is capitalised in mid-sentence in the article."""
        lexicon = self.lexicon
        if self.vocabulary.rejects(word):
            return True
        if (
            len(word) < 2
            or not is_latin(word)
            or _DIGIT_RE.search(word)
            or word.isupper()
            or has_inner_capital(word)
            or self.vocabulary.accepts(word)
            or lexicon.knows(word)
        ):
            return False
        parts = [p for p in word.replace("‐", "-").split("-") if p]
        if len(parts) > 1 and parts[0][0].isupper() and (
            not initial or followed_by_name or all(p[0].isupper() for p in parts)
        ):
            return False  # a hyphenated name: Port-au-Prince, Kim Jong-un, Kollar-Kotelly
        for i, part in enumerate(parts):
            if not self._part_known(part, initial and i == 0, followed_by_name, i < len(parts) - 1, named):
                return True
        return False

    def _part_known(self, part: str, initial: bool, followed_by_name: bool, before_hyphen: bool,
                    named: bool) -> bool:
        lexicon = self.lexicon
        if lexicon.knows(part) or self.vocabulary.accepts(part) or part.isupper() or len(part) < 2 and before_hyphen:
            return True
        if before_hyphen and part.lower() in HYPHEN_PREFIXES:  # "non-lethal", "co-ordinated"
            return True
        if part[0].isupper():
            # NameIndex.is_name, with what it asks of the article (the first part only) given
            if not initial or followed_by_name or named or is_derived(part.lower(), lexicon):
                return True
            # A sentence-initial capital the article never repeats: a name unless it is one
            # edit away from a common word ("Teh" for "The").
            return not any(
                (level := lexicon.level(s.lower())) is not None and level <= COMMON_LEVEL
                for s in lexicon.suggest(part, limit=3, max_distance=1)
            )
        return is_derived(part.lower(), lexicon)


# --------------------------------------------------------------------------- names


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
                    f'"{form}" is spelled "{common}" elsewhere in the article ({forms[common]} times)',
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
            if b[3][0].isupper():
                capitalised.add((a[3], b[3], c[3]))
            elif b[3].islower() and len(b[3]) > 3:
                candidates.append((a, b, c))
        for a, b, c in candidates:
            proper = b.text[0].upper() + b.text[1:]
            if (a.text, proper, c.text) in capitalised:
                yield Finding(
                    b.start, b.end,
                    f'"{a.text} {b.text} {c.text}" is capitalised "{a.text} {proper} {c.text}" elsewhere in the article',
                    suggestions=(proper,),
                )


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


def newslint_rules():
    """This family's rules (the plugin hook; see newslint.rules)."""
    return [UnknownWord, NameVariant, RepeatedWord, RunTogether]
