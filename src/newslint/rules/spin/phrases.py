"""The spinner phrase table (spin_phrases.tsv) and its matcher, shared by SPN001 and SPN100.

The table's patterns are parsed into a trie keyed by word, so the whole table is matched in
one pass over a sentence's tokens; a prefilter of the words each pattern needs skips most
sentences of honest copy before the trie is walked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product
from typing import TYPE_CHECKING

from ...context import data_path
from ...document import NUMBER, PUNCT, WORD, Document, pieces
from ...parse.sentences import MONTH_NAMES, WEEKDAYS

if TYPE_CHECKING:
    from ...context import RunContext

TABLE = "spin_phrases.tsv"  # beside this module
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

# An item of the matched stream is a tuple: a word, a part of a hyphenated word, a hyphen, a
# number or a punctuation mark. Its fields, by position:
KEY = 0  # the matching key (see normal)
TEXT = 1  # the text as written
START = 2  # offset of its first character in the document
END = 3  # offset after its last character
KIND = 4  # WORD, NUMBER or PUNCT
# A plain tuple, not a NamedTuple: the stream is built for every sentence the sieve lets
# through, and building a NamedTuple costs several times what building a tuple does.


def normal(text: str) -> str:
    """A word's matching key: lowercased, with the curly apostrophe made straight."""
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
            append((normal(text), text, start, end, kind))
            continue
        at = 0
        for i, ch in enumerate(text + "-"):
            if ch in HYPHENS:
                if i > at:
                    part = text[at:i]
                    append((normal(part), part, start + at, start + i, NUMBER if part[:1].isdigit() else WORD))
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
    return tuple(normal(t) if t.islower() or not any(c.isalpha() for c in t) else "=" + t.replace("’", "'")
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
    return negated, frozenset(w if w in CLASSES or w == "$" or w[:1].isupper() else normal(w) for w in words)


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
    path = path or data_path(__file__, TABLE)
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


def prose_words(doc: Document) -> set[str]:
    """The distinct words of the document's prose, lowercased: what the sieves test first."""
    return doc.derived(_prose_words)


def _prose_words(doc: Document) -> set[str]:
    words: set[str] = set()
    for piece in pieces(doc.prose):  # not the whole prose lowered, nor all its words, at once
        words.update(_words_of(piece))
    return words


def _holds(words: set[str], needed: tuple[frozenset[str], tuple[frozenset[str], ...]]) -> bool:
    needs_all, needs_any = needed
    return needs_all <= words and all(not any_of.isdisjoint(words) for any_of in needs_any)


def candidates(words: set[str], prefilter: tuple[dict, bool]) -> dict | None:
    """The prefilter narrowed to the entries whose needed words are all in ``words`` (see
    load_table), still indexed by anchor; None when some entry needs no word, so nothing can
    be ruled out."""
    index, always = prefilter
    if always:
        return None
    narrowed: dict[str, list] = {}
    for anchor in index.keys() & words:
        held = [needed for needed in index[anchor] if _holds(words, needed)]
        if held:
            narrowed[anchor] = held
    return narrowed


def could_match(words: set[str], narrowed: dict) -> bool:
    """Whether ``words`` hold all the needed words of an entry of ``narrowed``. Only the
    entries anchored at one of ``words`` are tried (an entry that holds has its anchor among
    them), so the cost follows the sentence, not how many entries a large document let in."""
    return any(_holds(words, needed) for anchor in narrowed.keys() & words for needed in narrowed[anchor])


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
    possible = candidates(prose_words(doc), prefilter)
    if possible == {}:
        return matches
    # The sentence sieve costs a good part of what matching a sentence does: it pays where
    # most sentences fail it (honest copy), not in a spun article, where it is dropped once
    # more than half of the sentences sieved (four at least) have passed. Either way the
    # matches are the same.
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
               for w in normal(m.text).split() if w not in normal(m.original).split()}
    return [m for m in matches if m.entry.strength != "echo"
            or any(w in swapped for w in normal(m.text).split() if w not in normal(m.original).split())]


def document_matches(doc: Document, context: RunContext) -> list[Match]:
    """``spinner_matches``, computed once per document however many rules read it."""
    return doc.derived(spinner_matches, context)

