"""SPN002 (source-divergence): a draft compared with the source it was rewritten from,
sentence by sentence, word by word."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ...document import PUNCT, Document, Token
from ...rule import Edit, Finding, Fix, Flag, Rule
from .phrases import NUMBER_WORDS, normal

if TYPE_CHECKING:
    from ...context import RunContext


def _source_document(path: str, mtime: float, size: int) -> Document:
    from ...parse import parse_file

    return parse_file(path)


def load_source(path: str, context: RunContext) -> Document:
    """The source article, parsed once per run however many drafts are compared with it
    (and again if the file changes)."""
    from ...errors import InputError

    try:
        stat = os.stat(path)
    except OSError as exc:
        raise InputError(f"{path}: cannot read the source: {exc.strerror or exc}") from None
    return context.load(_source_document, os.path.abspath(path), stat.st_mtime, stat.st_size)


def _sentence_words(doc: Document) -> list[list[Token]]:
    return [[t for t in s.tokens if t.kind != PUNCT] for s in doc.sentences]


def _is_figure(key: str) -> bool:
    return key[:1].isdigit() or key[:1] in "$£€¥" or key in NUMBER_WORDS


def _abbreviation(old: list[str], new: list[str]) -> bool:
    """"U.N." for "United Nations" (or back): initials, not a synonym."""
    short, long = sorted((old, new), key=len)
    return all(len(w) == 1 for w in short) and "".join(short) == "".join(w[0] for w in long if w)


def _names(words: list[Token], start: int, end: int) -> bool:
    """Whether words[start:end] holds a name: a capitalised word not opening its sentence,
    or a word in capitals."""
    return any((k > 0 and w.text[:1].isupper()) or (len(w.text) > 1 and w.text.isupper())
               for k, w in enumerate(words[start:end], start))


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
    src_keys = [[normal(t.text) for t in s] for s in src]
    dst_keys = [[normal(t.text) for t in s] for s in dst]
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
            yield (dst[j][j1].start, dst[j][j2 - 1].end,
                   source.text[src[i][i1].start : src[i][i2 - 1].end], figure)


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
