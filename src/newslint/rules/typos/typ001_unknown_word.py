"""TYP001 unknown-word: a word that is neither in the dictionary nor a name."""

from __future__ import annotations

import re
import unicodedata
from itertools import combinations, compress, product

from ...patterns import compile_user_regex
from ...context import data_path
from ...document import Document
from .lexicon import FULL_LEVEL, HYPHEN_PREFIXES, load_lexicon
from ...rule import Finding, Rule
from .names import name_index
from .words import LONGEST_WORD, document_words, has_inner_capital, is_latin, strip_possessive

# Prefixes news English closes up with a known word: "biofuels", "cybersecurity", "reinsurers".
CLOSED_PREFIXES = (
    "anti", "bio", "co", "counter", "cyber", "de", "eco", "geo", "hyper", "inter", "intra", "mega",
    "micro", "mis", "multi", "neo", "non", "out", "over", "post", "pre", "re", "semi", "sub", "super",
    "tele", "trans", "ultra", "un", "under",
)
AP_CLOSED_SUFFIXES = ("long", "wide")  # AP style closes these up: "weekslong", "nationwide"
# Suffixes English adds to any verb, each with the stem endings it may have dropped: a word the
# list lacks is the known verb's form ("expensing": "expense", "escalatory": "escalate") unless
# it is the slip of a form the list has ("begining": "beginning"; "transfering": the
# doubled "transferring").
VERB_SUFFIXES = (("ing", ("", "e")), ("ed", ("", "e")), ("ory", ("e",)))
MIN_STEM = 4
# A form one slip from a word this common (Zipf) is that word misspelled.
SLIP_OF_ZIPF = 3.5
_SINGLE_CONSONANT_END = re.compile(r"[^aeiou][aeiou][bdfglmnprt]$")
MIN_COMPOUND_PART = 4  # "untill" (un + till) and "inthe" stay unknown; "homebuilders" is known
MIN_AFTER_PREFIX = 5
COMMON_LEVEL = 35  # SCOWL size: 35 and below are the words every reader knows
# Current words the word list lacks ("cyber", "hardline", "rightwing"), told by frequency
# (frequencies.txt, Zipf: log10 of uses per billion words). Frequency lists hold common typos
# too ("alot" 3.9, "recieve" 2.8, "iof" 2.2), so a word is current only when no known word
# one edit away is TYPO_GAP Zipf or more commoner (30 times): slips of a common word are
# that word's typos, not a new word ("recieve": "receive" is 4.9).
CURRENT_ZIPF = 2.5  # a word on its own: 3 uses in 10 million words or more
SHAPED_ZIPF = 2.0  # a hyphenated word whose solid form is this common ("add-ons": "addons")
TYPO_GAP = 1.5
# Most misspellings keep the word's first letter (Pollock and Zamora, "Collection and
# characterization of spelling errors in scientific and scholarly text", 1983), so a
# current word whose commoner neighbour differs in its first letter ("bromance": "romance",
# "pled": "led") is a slip only at a wider gap.
FIRST_LETTER_GAP = 2.5
_DIGIT_RE = re.compile(r"\d")
PHRASES_FILE = "phrases.txt"
# Letters news copy prints without the accent the word list gives them ("detente", "fete",
# "naive"): AP style drops accents.
ACCENTS = {"a": "àâá", "e": "éèêë", "i": "îïí", "o": "ôöó", "u": "ûüú", "c": "ç", "n": "ñ"}
MAX_ACCENTS = 2  # "resume" -> "résumé"; a word with more is rare enough to add by hand
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_VERDICT_LIMIT = 200_000  # token texts TYP001 remembers judging before it starts afresh


def is_derived(word: str, lexicon) -> bool:
    """A word the list lacks but English builds from one it has: a plural or third person
    ("proprietorships", "militaries"), a productive prefix ("interagency", "reposting"),
    an AP-style closed compound ("weekslong", "statewide"), or two words closed up
    ("homebuilders", "dealmaker", "planemaker"). Parts are long enough that
    common misspellings ("untill", "alot", "inthe") do not pass, and a word one slip from
    a much commoner word is that word misspelled ("charactor"), not "char" + "actor"
    (``near_commoner_word``; a rare word one slip away, "platemaker", does not count)."""
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
    if _verb_form(word, lexicon):
        return True
    if near_commoner_word(word, lexicon.zipf(word), lexicon):
        return False
    for i in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1):
        if lexicon.knows(word[:i]) and lexicon.knows(word[i:]):
            return True
    return False


def _verb_form(word: str, lexicon) -> bool:
    """Whether ``word`` is a known verb with one of ``VERB_SUFFIXES``, and not the slip of a
    common word nor a form whose consonant the list doubles."""
    for suffix, endings in VERB_SUFFIXES:
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < MIN_STEM:
            continue
        if not any(lexicon.knows(stem + e) for e in endings):
            continue
        if _SINGLE_CONSONANT_END.search(stem) and lexicon.knows(stem + stem[-1] + suffix):
            return False  # "transfering": the list spells it "transferring"
        return not any((lexicon.zipf(near) or 0.0) >= SLIP_OF_ZIPF for near in lexicon.neighbours(word))
    return False


def near_commoner_word(word: str, zipf: float | None, lexicon) -> bool:
    """Whether ``word`` (Zipf ``zipf``) is more likely a slip of a known word one edit away
    than a word: that word is ``TYPO_GAP`` or more commoner or, when ``word`` is rarer than
    the frequencies' floor (``zipf`` None), that word is any but a rare one of the size-80
    words that no frequency list holds either ("planemaker" is no slip of "platemaker")."""
    for near in lexicon.neighbours(word):
        if zipf is not None and _agent_noun(word, near):
            continue
        z = lexicon.zipf(near)
        if "'" in near and z is not None and zipf is not None and z >= zipf:
            return True  # "dont": a dropped apostrophe is the commonest slip of all
        if zipf is None:
            if z is not None or (lexicon.level(near) or FULL_LEVEL) <= FULL_LEVEL:
                return True
        elif z is not None and z >= zipf + _gap(word.lower(), near):
            return True
    return False


def _agent_noun(word: str, near: str) -> bool:
    """Whether ``word`` is ``near``, a word ending in "e", with the "r" of an agent noun
    ("influencer", "influencers"): English builds it, so a current word of that shape is no
    slip of its commoner base."""
    return near[-1:] == "e" and word == near + "r" or near[-2:] == "es" and word == near[:-1] + "rs"


def _gap(word: str, near: str) -> float:
    """How much commoner ``near`` must be for ``word`` to be its slip: more when they differ
    in the first letter, unless ``word`` is "a" or "I" run into ``near`` ("alot")."""
    if near[:1] == word[:1] or (word[:1] in "ai" and word[1:] == near):
        return TYPO_GAP
    return FIRST_LETTER_GAP


def has_accented_form(word: str, lexicon) -> bool:
    """Whether the word list has ``word`` with accents the copy left out ("detente" for
    "détente", "fetes" for "fêtes"): at most ``MAX_ACCENTS`` letters differ, and the
    accented word is not one of the rare size-80 words ("chambre" stays a slip of
    "chamber", though "chambré" is listed)."""
    if not word.isascii():
        return False
    places = [i for i, c in enumerate(word) if c in ACCENTS]
    for n in range(1, MAX_ACCENTS + 1):
        for where in combinations(places, n):
            for marks in product(*(ACCENTS[word[i]] for i in where)):
                letters = list(word)
                for i, mark in zip(where, marks):
                    letters[i] = mark
                candidate = "".join(letters)
                if (lexicon.level(candidate) or FULL_LEVEL + 1) <= FULL_LEVEL:
                    return True
    return False


def fold(text: str) -> str:
    """Lower case, hyphens as spaces, straight apostrophes and no accents: how loan phrases
    are compared ("Vis-à-vis" and "vis a vis" alike)."""
    text = unicodedata.normalize("NFD", text.lower().replace("’", "'").replace("-", " "))
    return "".join(c for c in text if not unicodedata.combining(c))


def load_phrases(path: str) -> tuple[frozenset[str], int]:
    """The loan phrases of ``phrases.txt``, folded, and the most words one has."""
    with open(path, encoding="utf-8") as f:
        phrases = frozenset(fold(line.strip()) for line in f if line.strip() and not line.startswith("#"))
    return phrases, max(len(p.split()) for p in phrases)


def in_loan_phrase(prose: str, start: int, end: int, phrases: frozenset[str], longest: int) -> bool:
    """Whether the word at ``prose[start:end]`` stands in a loan phrase with its neighbours
    ("bona fide", "quid pro quo", "vis-à-vis")."""
    reach = 16 * longest
    before = _WORD_RE.findall(prose, max(0, start - reach), start)[-(longest - 1) :] if longest > 1 else []
    after = _WORD_RE.findall(prose, end, end + reach)[: longest - 1]
    words = [fold(w) for w in (*before, prose[start:end], *after)]
    k = len(before)
    for n in range(1, longest + 1):
        for j in range(max(0, k - n + 1), min(k, len(words) - n) + 1):
            if " ".join(words[j : j + n]) in phrases:
                return True
    return False


def is_current(word: str, lexicon, floor: float = CURRENT_ZIPF) -> bool:
    """A word the list lacks that current English uses ("cyber", "hardline", "rightwing"):
    Zipf ``floor`` or more, and not a slip of a much commoner known word
    ("recieve", "alot", "iof" stay unknown though frequency lists hold them). A word the
    list has in other capitals or for another dialect is the list's to judge: frequency
    lists fold case, so the count of "paris" is that of "Paris", and "colour" is not
    to pass under en-US."""
    zipf = lexicon.zipf(word)
    return (
        zipf is not None
        and zipf >= floor
        and not lexicon.listed(word)
        and not near_commoner_word(word, zipf, lexicon)
    )


class Vocabulary:
    """Words a newsroom accepts (config ``accept`` and the vocabulary file) or rejects."""

    def __init__(self, accept: list[str], reject: list[str]) -> None:
        exact, patterns = set(), []
        for entry in accept:
            if is_pattern_entry(entry):
                patterns.append(entry[1:-1])
            else:
                exact.add(entry)
        self.exact = exact
        self.lower = {e.lower() for e in exact if e.islower()}  # "saraqeb" accepts "Saraqeb" too
        # Each pattern was checked where it was written; together they can still clash (a group name twice).
        self.pattern = compile_user_regex("|".join(f"(?:{p})" for p in patterns),
                                          "the 'accept' and vocabulary patterns, joined") if patterns else None
        self.reject = {r.lower() for r in reject}

    def accepts(self, word: str) -> bool:
        if word in self.exact or word.lower() in self.lower:
            return True
        return bool(self.pattern and self.pattern.fullmatch(word))

    def rejects(self, word: str) -> bool:
        return word.lower() in self.reject


def is_pattern_entry(entry: str) -> bool:
    """A ``/regex/`` entry of ``accept`` or a vocabulary file, rather than a word."""
    return len(entry) > 2 and entry.startswith("/") and entry.endswith("/")


def read_vocabulary_file(path: str) -> list[str]:
    """Entries of a vocabulary file: one a line, ``#`` comments, ``/regex/`` lines; a bad
    pattern is a ConfigError naming the file and line."""
    from ...errors import ConfigError

    try:
        with open(path, encoding="utf-8") as f:
            lines = [line.split(" #", 1)[0].strip() for line in f]
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the vocabulary file: {exc}") from None
    for number, line in enumerate(lines, 1):
        if is_pattern_entry(line):
            compile_user_regex(line[1:-1], f"vocabulary file {path}, line {number}")
    return [line for line in lines if line and not line.startswith("#")]


class UnknownWord(Rule):
    """Unknown word: a word that is neither in the dictionary nor a name ("observauion", "iof").

    ## What it does
    Checks every word of the prose against an English word list (SCOWL, American and
    British spellings both accepted by default) and reports the ones it does not know,
    with suggestions ranked by the kind of slip and by how common each candidate is
    ("tbe": the, be, tube). A word the list lacks is accepted when English builds it
    from known words ("homebuilders", "planemaker", "non-lethal"), when it is a known
    verb with "-ing", "-ed" or "-ory" ("expensing", "escalatory"; not "begining", one
    slip from the common "beginning", nor "transfering", whose consonant the list
    doubles) or when current English uses it: a word-frequency list (wordfreq) has it
    at least 3 times in 10 million words and no known word one slip away is 30 times
    commoner, or 300 times when that word differs in its first letter, a letter typists
    rarely get wrong ("cyber", "hardline", "bromance" pass; "recieve", "alot", "iof" do
    not, though frequency lists hold them too). A word printed without the accents the list gives it is accepted
    ("detente", "fetes"; AP style drops accents), and so are the words of a loan phrase
    in `phrases.txt` where they stand in the phrase ("bona fide", "quid pro quo"; "a fide
    offer" is still reported). Names are recognised from the
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
    Rare words and new coinages that neither the word list nor the frequency list holds
    ("disincentivizing", "neuroimaging"); current words one slip from a much commoner
    word ("funder" ~ founder, "servicer" ~ services); loan phrases
    not in `phrases.txt`; lower-case forms of
    words the list has only capitalised ("wifi" for "WiFi", "booker"), whose frequency is
    the name's; and sentence-initial names the article never repeats in mid-sentence
    when they are one letter from a common word. The frequency list is a snapshot (wordfreq 3.1.1): words
    coined since are unknown to it.
    Add them to `accept` in the configuration or to the vocabulary file (exact words, or
    `/regex/` lines); `newslint words --unknown PATHS` lists a corpus's unknown words
    with counts. Words in other scripts, acronyms, words with digits, handles and
    words with an inner capital (see TYP004) are not checked. The `reject` list names
    words that are always reported. A `/regex/` entry whose repeated group nests a repeat
    (`/(a+)+/`) is refused: it could hang the run. A token longer than any word (over 60
    characters: base64, a minified script, a stuck key) is reported as unknown without
    suggestions and is not searched for the words it might be made of.

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
    # The lexicon (frequencies read lazily) and the loan phrases, read when a word is unknown.
    data_files = ("words.txt", "words.idx", "frequencies.txt", PHRASES_FILE)

    def __init__(self, settings=None, context=None) -> None:
        super().__init__(settings, context)
        from ...errors import ConfigError

        if self.settings["dialect"] not in ("any", "en-US", "en-GB"):
            raise ConfigError(f"TYP001 option 'dialect' is {self.settings['dialect']!r}: expected any, en-US or en-GB")
        self.lexicon = load_lexicon(self.settings["dialect"], self.context)
        accept = list(self.settings["accept"])
        for entry in filter(is_pattern_entry, accept):
            compile_user_regex(entry[1:-1], "TYP001 'accept'")
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
        if len(word) > LONGEST_WORD:
            shown = f'"{word[:LONGEST_WORD]}…" ({len(word):,} characters)'
            yield Finding(token.start, token.start + len(word), f"Unknown word {shown}, longer than any word")
            return
        phrases, longest = self.context.load(load_phrases, data_path(__file__, PHRASES_FILE))
        if in_loan_phrase(prose, token.start, token.start + len(word), phrases, longest):
            return  # "fide" of "bona fide"
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
        if len(word) > LONGEST_WORD:
            return True  # residue, not a word: not taken apart in search of a compound
        parts = [p for p in word.replace("‐", "-").split("-") if p]
        if len(parts) > 1 and parts[0][0].isupper() and (
            not initial or followed_by_name or all(p[0].isupper() for p in parts)
        ):
            return False  # a hyphenated name: Port-au-Prince, Kim Jong-un, Kollar-Kotelly
        if len(parts) > 1 and is_current("".join(parts).lower(), lexicon, SHAPED_ZIPF):
            return False  # "add-ons": "addons" is current
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
            # A name: not sentence-initial, followed by a name, or (what the caller asked of
            # the article for the first part) written capitalised in mid-sentence
            low = part.lower()
            if not initial or followed_by_name or named or is_derived(low, lexicon) or is_current(low, lexicon) \
                    or has_accented_form(low, lexicon):
                return True
            # A sentence-initial capital the article never repeats: a name unless it is one
            # edit away from a common word ("Teh" for "The").
            return not any(
                (level := lexicon.level(s.lower())) is not None and level <= COMMON_LEVEL
                for s in lexicon.suggest(part, limit=3, max_distance=1)
            )
        low = part.lower()
        return is_derived(low, lexicon) or is_current(low, lexicon) or has_accented_form(low, lexicon)
