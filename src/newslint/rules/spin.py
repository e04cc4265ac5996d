"""Spun text (SPN): article-spinner output, where words were swapped for dictionary synonyms.

A spinner rewrites "government forces" as "executive forces" and "state media" as "point out
media" with a fixed synonym dictionary, so the same fingerprints recur in every article it
touches. SPN001 matches a table of them (data/spin_phrases.tsv) in one pass over the tokens,
SPN100 turns their density into an article-level verdict, and SPN002 compares a draft with
the source it was rewritten from.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from itertools import product
from typing import TYPE_CHECKING

from ..document import NUMBER, PUNCT, WORD, Document
from ..parse.sentences import MONTH_NAMES, WEEKDAYS
from ..rule import Edit, Finding, Fix, Flag, Rule

if TYPE_CHECKING:
    from ..context import RunContext

HYPHENS = "-‐"
CLAUSE_END = frozenset(",;:.!?")
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion dozen dozens hundreds thousands millions".split()
)
CLASSES = ("<num>", "<cap>", "<day>", "<month>")
STRENGTHS = ("form", "phrase", "echo")
EXACT = 1  # trie key (never a string, so never an item's key): the node has case-sensitive children
FIRST = 2  # root key: what an item must be to start a pattern (see _first_items)
WORDS_RE = re.compile(r"[\w']+")  # the words a sentence must hold for a spun form to match
# How the tokenizer splits a pattern's words (never at a hyphen: the table splits those).
ALTERNATIVE_RE = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


# --- the token stream ---------------------------------------------------------------------

# An item of the matched stream is a tuple (key, text, start, end, kind): a word, a part of a
# hyphenated word, a hyphen, a number or a punctuation mark, with its lowercased key. Tuples,
# not objects: the stream is built for every sentence and objects cost twice as much.
KEY, TEXT, START, END, KIND = range(5)


def _normal(text: str) -> str:
    return (text.replace("’", "'") if "’" in text else text).lower()


def is_a(item: tuple, cls: str) -> bool:
    if cls == "<cap>":
        return item[KIND] == WORD and item[TEXT][:1].isupper()
    if cls == "<num>":
        return item[KIND] == NUMBER or item[KEY] in NUMBER_WORDS
    if cls == "<day>":
        return item[KEY] in WEEKDAYS
    return item[KEY] in MONTH_NAMES  # <month>


def stream(tokens) -> list[tuple]:
    """Tokens as matching items; a hyphenated word becomes its parts and its hyphens."""
    items: list[tuple] = []
    append = items.append
    for kind, start, end, text in tokens:
        if kind == PUNCT or ("-" not in text and "‐" not in text):
            append((_normal(text), text, start, end, kind))
            continue
        at = 0
        for i, ch in enumerate(text + "-"):
            if ch in HYPHENS:
                if i > at:
                    part = text[at:i]
                    append((_normal(part), part, start + at, start + i, NUMBER if part[:1].isdigit() else WORD))
                if i < len(text):
                    append(("-", ch, start + i, start + i + 1, PUNCT))
                at = i + 1
    return items


# --- the phrase table -----------------------------------------------------------------------

class TableError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the table: its pattern as slots (each a tuple of alternatives, each a
    tuple of item keys), the context around it, and the likely original."""

    slots: tuple[tuple[tuple[str, ...], ...], ...]
    before: tuple[bool, frozenset[str]] | None  # (negated, allowed keys or classes)
    after: tuple[bool, frozenset[str]] | None
    original: str
    strength: str  # "form", "phrase" or "echo"
    source: str
    line: int

    @property
    def case_sensitive(self) -> bool:
        return any(key[0] == "=" for slot in self.slots for alt in slot for key in alt)

    def spun_forms(self):
        """Every item sequence the pattern matches, with how many items each slot took."""
        for combo in product(*self.slots):
            yield tuple(k for alt in combo for k in alt), tuple(map(len, combo))


def _alternative(text: str) -> tuple[str, ...]:
    """The keys of the items one alternative stands for ('a_b' is two words). A word written
    with a capital must match case-sensitively: its key is '=' and the word."""
    if text in CLASSES:
        return (text,)
    text = text.replace("_", " ")
    found = ALTERNATIVE_RE.findall(text)
    if not found or "".join(found) != text.replace(" ", ""):
        raise TableError(f"cannot read {text!r}")
    return tuple(_normal(t) if t.islower() or not any(c.isalpha() for c in t) else "=" + t.replace("’", "'")
                 for t in found)


def _slots(chunk: str) -> list[tuple[tuple[str, ...], ...]]:
    """A space-separated chunk as slots, each a tuple of alternatives. A hyphen separates
    slots, so '|' applies to one part: 'rebel-held|controlled'."""
    slots: list[tuple[tuple[str, ...], ...]] = []
    for i, part in enumerate(chunk.split("-")):
        if i:
            slots.append((("-",),))
        if part:
            slots.append(tuple(_alternative(alt) for alt in part.split("|")))
    return slots


def _context(chunk: str) -> tuple[bool, frozenset[str]]:
    body = chunk[1:-1]
    negated = body.startswith("!")
    words = body.lstrip("!").split("|")
    return negated, frozenset(w if w in CLASSES or w == "$" or w[:1].isupper() else _normal(w) for w in words)


def parse_table(text: str) -> list[Entry]:
    entries = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or fields[2] not in STRENGTHS:
            raise TableError(f"line {n}: expected pattern, original, form|phrase|echo, source separated by tabs")
        pattern, original, strength, source = fields
        chunks = pattern.split()
        before = after = None
        if chunks and chunks[0].startswith("["):
            before = _context(chunks.pop(0))
        if chunks and chunks[-1].startswith("["):
            after = _context(chunks.pop())
        try:
            slots = tuple(slot for chunk in chunks for slot in _slots(chunk))
        except TableError as exc:
            raise TableError(f"line {n}: {exc}") from None
        if not slots:
            raise TableError(f"line {n}: the pattern is empty")
        entries.append(Entry(slots, before, after, original, strength, source, n))
    return entries


def _needed_words(entry: Entry) -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """The words a sentence must hold for the entry to match: all of the first set (slots
    with one alternative), and one of each further set (slots whose every alternative has a
    word; a slot that can be a class or a hyphen constrains nothing)."""
    needs_all: set[str] = set()
    needs_any = []
    for slot in entry.slots:
        options = [[k.lstrip("=").lower() for k in alt if k not in CLASSES and k.lstrip("=")[:1].isalnum()]
                   for alt in slot]
        if not all(options):
            continue
        if len(options) == 1:
            needs_all.update(options[0])
        else:  # each alternative is represented by its longest word, the likeliest to be rare
            needs_any.append(frozenset(max(words, key=len) for words in options))
    return frozenset(needs_all), tuple(needs_any)


def load_table(path: str | None = None) -> tuple[dict, tuple[dict, bool]]:
    """The phrase table as a trie, and its prefilter.

    The trie is keyed by item keys, by classes and by '=' + exact text. At a node, the key
    None holds (entry, slot lengths) for the patterns ending there, the key CLASSES the
    classes it has children for and EXACT whether it has exact children, so matching tries
    nothing the node cannot use.

    The prefilter holds, for each entry, the words it cannot match without (_needed_words),
    indexed by the longest: honest copy rarely holds all of them, so most sentences are
    skipped after one set intersection. Its flag says some entry needs no word at all (then
    nothing is skipped)."""
    from ..lexicon import DATA_DIR

    path = path or os.path.join(DATA_DIR, "spin_phrases.tsv")
    with open(path, encoding="utf-8") as f:
        entries = parse_table(f.read())
    root: dict = {}
    index: dict[str, list[tuple[frozenset[str], tuple[frozenset[str], ...]]]] = {}
    always = False
    for entry in entries:
        needs_all, needs_any = _needed_words(entry)
        if needs_all:
            index.setdefault(max(needs_all, key=len), []).append((needs_all, needs_any))
        elif needs_any:
            for word in min(needs_any, key=len):
                index.setdefault(word, []).append((needs_all, needs_any))
        else:
            always = True

        states = [(root, ())]  # insert slot by slot: shared prefixes are walked once
        for slot in entry.slots:
            next_states = []
            for node, lengths in states:
                for alternative in slot:
                    child = node
                    for key in alternative:
                        if key in CLASSES:
                            if key not in child.setdefault(CLASSES, ()):
                                child[CLASSES] += (key,)
                        elif key[0] == "=":
                            child[EXACT] = True
                        child = child.setdefault(key, {})
                    next_states.append((child, (*lengths, len(alternative))))
            states = next_states
        for node, lengths in states:
            node.setdefault(None, []).append((entry, lengths))
    root[FIRST] = _first_items(root)
    return root, (index, always)


def _first_items(root: dict) -> tuple[frozenset[str], bool, bool]:
    """What an item must be to start a pattern, checked before walking the trie: one of the
    keys (the root's words, its case-sensitive words lowercased and the words of its
    classes), a word with a capital (for <cap>), or a number (for <num>)."""
    classes = root.get(CLASSES, ())
    keys = {k[1:].lower() if k[0] == "=" else k for k in root if isinstance(k, str) and k not in CLASSES}
    keys |= {w for cls, words in (("<num>", NUMBER_WORDS), ("<day>", WEEKDAYS), ("<month>", MONTH_NAMES))
             if cls in classes for w in words}
    return frozenset(keys), "<cap>" in classes, "<num>" in classes


# --- matching -------------------------------------------------------------------------------


def _words_of(prose: str) -> set[str]:
    return set(WORDS_RE.findall(prose.lower().replace("’", "'")))


def _holds(words: set[str], needed: tuple[frozenset[str], tuple[frozenset[str], ...]]) -> bool:
    needs_all, needs_any = needed
    return needs_all <= words and all(not any_of.isdisjoint(words) for any_of in needs_any)


def candidates(words: set[str], prefilter: tuple[dict, bool]) -> list | None:
    """The prefilter's entries whose needed words are all in ``words`` (see load_table);
    None when some entry needs no word, so nothing can be ruled out."""
    index, always = prefilter
    if always:
        return None
    return [needed for anchor in index.keys() & words for needed in index[anchor] if _holds(words, needed)]


def could_match(words: set[str], entries: list) -> bool:
    return any(_holds(words, needed) for needed in entries)


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    text: str
    entry: Entry
    original: str
    quoted: bool


def _fits(item: tuple | None, context: tuple[bool, frozenset[str]] | None) -> bool:
    if context is None:
        return True
    negated, allowed = context
    if item is None:
        hit = "$" in allowed
    else:
        hit = (item[KEY] in allowed or item[TEXT] in allowed
               or ("$" in allowed and item[KIND] == PUNCT and item[KEY] in CLAUSE_END)
               or any(c in allowed and is_a(item, c) for c in CLASSES))
    return hit != negated


def _walk(node: dict, items: list[tuple], i: int, found: list) -> None:
    if None in node:
        found.extend((i, entry, lengths) for entry, lengths in node[None])
    if i == len(items):
        return
    item = items[i]
    child = node.get(item[KEY])
    if child is not None:
        _walk(child, items, i + 1, found)
    if EXACT in node:
        child = node.get("=" + item[TEXT].replace("’", "'"))
        if child is not None:
            _walk(child, items, i + 1, found)
    for cls in node.get(CLASSES, ()):
        if is_a(item, cls):
            _walk(node[cls], items, i + 1, found)


def _original(entry: Entry, lengths: tuple[int, ...], matched: list[tuple], text: str) -> str:
    """The entry's original wording, {n} filled with what the pattern's n-th slot matched
    and capitalised like the match."""
    out = entry.original
    if "{" in out:
        at = 0
        for n, length in enumerate(lengths, 1):
            part = matched[at : at + length]
            out = out.replace("{%d}" % n, text[part[0][START] : part[-1][END]])
            at += length
    if matched[0][TEXT][:1].isupper() and out[:1].islower():
        out = out[0].upper() + out[1:]
    return out


def match_sentence(items: list[tuple], table: dict) -> list[tuple[int, int, Entry, tuple[int, ...]]]:
    """Spinner phrases in one sentence's items: the longest match at each position, left
    to right, never overlapping. Returns (first item, end item, entry, slot lengths)."""
    out = []
    first_keys, first_capital, first_number = table[FIRST]
    n = len(items)
    i = 0
    while i < n:
        key, text, _, _, kind = items[i]
        if not (key in first_keys or (first_number and kind == NUMBER)
                or (first_capital and text[:1].isupper())):
            i += 1  # most items start no pattern: the trie's first step, done cheaply
            continue
        found: list = []
        _walk(table, items, i, found)
        best = None
        for end, entry, lengths in found:
            if best is not None and end <= best[0]:
                continue
            if not _fits(items[i - 1] if i else None, entry.before):
                continue
            if not _fits(items[end] if end < n else None, entry.after):
                continue
            best = (end, entry, lengths)
        if best:
            out.append((i, *best))
            i = best[0]
        else:
            i += 1
    return out


def spinner_matches(doc: Document, context: RunContext) -> list[Match]:
    """Every spinner phrase in the document, quoted or not (shared by SPN001 and SPN100)."""
    table, prefilter = context.load(load_table)
    matches: list[Match] = []
    text, prose = doc.text, doc.prose
    # Two sieves: the article must hold all the words of some spun form, then the sentence.
    possible = candidates(_words_of(prose), prefilter)
    if possible == []:
        return matches
    # The sentence sieve costs 40% of matching a sentence: it pays where most sentences fail
    # it (honest copy), not in a spun article, where it is dropped once more than half of
    # the sentences sieved (four at least) have passed. Either way the matches are the same.
    sieved = passed = 0
    for sentence in doc.sentences:
        if possible is not None and (sieved < 4 or 2 * passed <= sieved):
            sieved += 1
            if not could_match(_words_of(prose[sentence.start : sentence.end]), possible):
                continue
            passed += 1
        items = stream(sentence.tokens)
        for i, end, entry, lengths in match_sentence(items, table):
            start, stop = items[i][START], items[end - 1][END]
            original = _original(entry, lengths, items[i:end], text)
            spun = text[start:stop]
            if original == spun or (original.lower() == spun.lower() and not entry.case_sensitive):
                continue  # the pattern also matches the original wording itself
            matches.append(Match(start, stop, " ".join(text[start:stop].split()), entry,
                                 " ".join(original.split()), doc.in_quote(start, stop)))
    return _confirm_echoes(matches)


def _confirm_echoes(matches: list[Match]) -> list[Match]:
    """Keep an "echo" match only when another match swapped the same word: "the executive"
    is reported in an article that also says "executive forces", not on its own."""
    if not any(m.entry.strength == "echo" for m in matches):
        return matches
    swapped = {w for m in matches if m.entry.strength != "echo"
               for w in _normal(m.text).split() if w not in _normal(m.original).split()}
    return [m for m in matches if m.entry.strength != "echo"
            or any(w in swapped for w in _normal(m.text).split() if w not in _normal(m.original).split())]


def _matches(doc: Document, context: RunContext) -> list[Match]:
    return doc.derived(spinner_matches, context)


class SpinnerPhrase(Rule):
    """Spinner phrase: a synonym swap no writer makes ("executive forces" for "government forces").

    ## What it does
    Matches the article against a table of article-spinner fingerprints
    (`data/spin_phrases.tsv`, several hundred patterns): swaps such as "executive forces"
    (government forces), "point out media" (state media), "thirty day period" (month),
    "1000's" (thousands), "Britain-essentially based" (Britain-based), "maintain killed"
    (have killed). Patterns carry context: "executive" alone is a normal word, so only
    "executive" before "forces", "offensive" or "troops" is reported. The likely original
    is offered as an unsafe fix, applied only with `--fix --unsafe-fixes`.

    Quoted speech is not checked for wordings (a quote is what someone said), only for
    written forms no speaker produces ("1000's", "Tv set"); set `check-quotes = true` to
    check wordings inside quotations too.

    ## Why is this bad?
    Spun copy is plagiarism dressed up, and it is often wrong: a spinner that turns "dead"
    into "tiring" or "thousands of troops" into "hundreds of troops" changes the facts.
    Readers and search engines both treat such copy as spam.

    ## Example
    ```text
    Opposition fighters retook the town from executive forces, point out media said.
    ```

    ## Use instead
    ```text
    Opposition fighters retook the town from government forces, state media said.
    ```

    ## Known false positives
    The table lists forms honest copy does not produce, checked on 370,000 words of wire
    copy, but a phrase can still be meant: "a complete bunch of", "rigorous bombardment" or
    "fulfilled Thursday" in a quotation, a headline pun. Suppress it with a
    `<!-- newslint: disable-next-line SPN001 -->` comment. The fix is unsafe because the
    spun word may have replaced something other than the table's guess.
    """

    code = "SPN001"
    name = "spinner-phrase"
    family = "spin"
    severity = "warning"
    unsafe_fixable = True
    options = {"check-quotes": False}

    def check(self, document: Document):
        check_quotes = self.settings["check-quotes"]
        for m in _matches(document, self.context):
            if m.quoted and m.entry.strength != "form" and not check_quotes:
                continue
            yield Finding(
                m.start, m.end,
                f'spinner phrase "{m.text}": likely "{m.original}"',
                suggestions=(m.original,),
                fix=Fix((Edit(m.start, m.end, m.original),), f'replace with "{m.original}"', safe=False),
            )


class SpunArticle(Rule):
    """Spun article: so many spinner phrases that the whole article reads as spinner output.

    ## What it does
    Counts the spinner phrases SPN001 knows (quoted or not) and reports the article once,
    at its first line, when there are at least `min-phrases` of them (default 3) and more
    than `per-1000-words` (default 4) per 1,000 words. The message gives both figures, so
    a desk triaging a feed in JSON can sort by them.

    ## Why is this bad?
    One odd phrase is a slip; a dozen in one story means the story came out of an article
    spinner and should be replaced by its source, not corrected phrase by phrase.

    ## Example
    ```text
    Executive forces retook the town this thirty day period, point out media said.
    1000's of folks fled the insurrection stronghold.
    ```

    ## Use instead
    The original story: find it (SPN002 compares a draft with it) and use that.

    ## Known false positives
    None measured: no story of the 956 in the development corpus reaches the threshold.
    A very short text needs 3 phrases, so a single false SPN001 report never makes a
    verdict.
    """

    code = "SPN100"
    name = "spun-article"
    family = "spin"
    severity = "warning"
    options = {"min-phrases": 3, "per-1000-words": 4.0}

    def check(self, document: Document):
        matches = _matches(document, self.context)
        words = document.word_count
        if not matches or not words:
            return
        density = 1000 * len(matches) / words
        if len(matches) >= self.settings["min-phrases"] and density > self.settings["per-1000-words"]:
            yield Finding(
                0, 0,  # about the whole article: anchored at its start
                f"article reads as spinner output: {len(matches)} spinner phrases "
                f"in {words} words ({density:.1f} per 1,000 words)",
            )


# --- SPN002: a draft against its source -------------------------------------------------------

def _source_document(path: str, mtime: float, size: int) -> Document:
    from ..parse import parse_file

    return parse_file(path)


def load_source(path: str, context: RunContext) -> Document:
    """The source article, parsed once per run however many drafts are compared with it
    (and again if the file changes)."""
    from ..errors import InputError

    try:
        stat = os.stat(path)
    except OSError as exc:
        raise InputError(f"{path}: cannot read the source: {exc.strerror or exc}") from None
    return context.load(_source_document, os.path.abspath(path), stat.st_mtime, stat.st_size)


def _sentence_words(doc: Document) -> list[list]:
    return [[t for t in s.tokens if t[0] != PUNCT] for s in doc.sentences]


def _is_figure(key: str) -> bool:
    return key[:1].isdigit() or key[:1] in "$£€¥" or key in NUMBER_WORDS


def _abbreviation(old: list[str], new: list[str]) -> bool:
    """"U.N." for "United Nations" (or back): initials, not a synonym."""
    short, long = sorted((old, new), key=len)
    return all(len(w) == 1 for w in short) and "".join(short) == "".join(w[0] for w in long if w)


def _names(words: list, start: int, end: int) -> bool:
    """Whether words[start:end] holds a name: a capitalised word not opening its sentence,
    or a word in capitals."""
    return any((k > 0 and words[k][3][:1].isupper()) or (len(words[k][3]) > 1 and words[k][3].isupper())
               for k in range(start, end))


def align_sentences(source: list[list[str]], draft: list[list[str]], threshold: float = 0.5):
    """Pairs (source index, draft index) of sentences that say the same thing: for each
    draft sentence, the source sentence sharing the most words, if they are similar enough."""
    import difflib

    index: dict[str, set[int]] = {}
    for i, words in enumerate(source):
        for w in set(words):
            index.setdefault(w, set()).add(i)
    for j, words in enumerate(draft):
        shared: dict[int, int] = {}
        for w in set(words):
            for i in index.get(w, ()):
                shared[i] = shared.get(i, 0) + 1
        best = sorted(shared, key=shared.get, reverse=True)[:3]
        scored = [(difflib.SequenceMatcher(None, source[i], words, autojunk=False).ratio(), i) for i in best]
        if scored and max(scored)[0] >= threshold:
            yield max(scored)[1], j


def divergences(source: Document, draft: Document, max_words: int):
    """Yields (draft start, draft end, source wording, is_figure) for each short stretch of a
    draft sentence replaced from the source sentence it was aligned with."""
    import difflib

    src, dst = _sentence_words(source), _sentence_words(draft)
    src_keys = [[_normal(t[3]) for t in s] for s in src]
    dst_keys = [[_normal(t[3]) for t in s] for s in dst]
    for i, j in align_sentences(src_keys, dst_keys):
        a, b = src_keys[i], dst_keys[j]
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if op != "replace" or max(i2 - i1, j2 - j1) > max_words or abs((i2 - i1) - (j2 - j1)) > 2:
                continue
            old, new = a[i1:i2], b[j1:j2]
            if _names(src[i], i1, i2) or _names(dst[j], j1, j2):
                continue  # a name or dateline changed: an edit, not a synonym
            old_figures = [w for w in old if _is_figure(w)]
            new_figures = [w for w in new if _is_figure(w)]
            figure = old_figures != new_figures
            if not figure:
                if old_figures or _abbreviation(old, new):
                    continue  # same figures, or initials: reworded, not a swap
                if difflib.SequenceMatcher(None, " ".join(old), " ".join(new)).ratio() >= 0.75:
                    continue  # a spelling corrected or a word inflected, not a synonym
            yield (dst[j][j1][1], dst[j][j2 - 1][2],
                   source.text[src[i][i1][1] : src[i][i2 - 1][2]], figure)


class SourceDivergence(Rule):
    """Source divergence: a word or figure of the draft replaced from the source it came from.

    ## What it does
    With `--source wire.txt` (or the `source` option, a path relative to the configuration
    file), aligns each sentence of the draft with the source sentence it came from, word by
    word, and reports each short stretch (up to `max-words` words, default 4)
    replaced between words the two share: a synonym swap such as "executive forces"
    for "government forces", with the source wording as the suggestion. A changed figure
    ("hundreds of troops" where the source says "thousands of troops") is reported as a
    factual error. Added or deleted passages, corrected spellings, changed names and
    rewritten sentences are not reported. Without a source the rule does nothing.

    ## Why is this bad?
    A copy desk republishing wire copy should carry it as sent. Synonym swaps are the
    spinner's work and change meaning; a changed figure is a factual error.

    ## Example
    ```text
    Source: Turkey sent thousands of troops into Idlib province.
    Draft:  Turkey sent hundreds of troops into Idlib province.
    ```

    ## Use instead
    ```text
    Turkey sent thousands of troops into Idlib province.
    ```

    ## Known false positives
    An honest rewrite of the same story makes substitutions of its own ("strategic" for
    "key", "regime" for "government"), and they are reported too: two rewrites of the seed
    story give 3 reports each way, a spun copy 50. A sentence is compared only with a
    source sentence it shares at least half its words with, so different stories give
    little.
    """

    code = "SPN002"
    name = "source-divergence"
    family = "spin"
    severity = "warning"
    enabled_by_default = False
    unsafe_fixable = True
    options = {"source": "", "max-words": 4}
    path_options = ("source",)
    flags = (Flag("--source", "source", "FILE", "the source the drafts were rewritten from; enables SPN002, "
                  "which reports words and figures the drafts changed"),)

    def check(self, document: Document):
        path = self.settings["source"]
        if not path:
            return  # nothing to compare with: selecting ALL must not make every run fail
        source = load_source(path, self.context)
        for start, end, original, figure in divergences(source, document, self.settings["max-words"]):
            text, original = " ".join(document.text[start:end].split()), " ".join(original.split())
            if figure:
                message = f'figure changed from the source: "{text}" where the source has "{original}"'
            else:
                message = f'"{text}" replaces the source\'s "{original}"'
            yield Finding(start, end, message, suggestions=(original,),
                          fix=Fix((Edit(start, end, original),), f'restore "{original}"', safe=False))


def newslint_rules():
    """This family's rules (the plugin hook; see newslint.rules)."""
    return [SpinnerPhrase, SpunArticle, SourceDivergence]
