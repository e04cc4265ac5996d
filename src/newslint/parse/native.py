"""The native core (the optional ``newslint-native`` distribution, Rust, in ``native/``):
the sentences and tokens of every prose block in one call, identical to the pure-Python
``sentences`` and ``tokens`` modules, which remain the definition and the fallback.

It is used when it is installed, speaks this PROTOCOL and was built with the running
interpreter's Unicode tables; ``NEWSLINT_NATIVE=0`` forces the pure-Python path."""

from __future__ import annotations

import os
from functools import lru_cache
from itertools import compress, repeat
from types import ModuleType

from ..document import NUMBER, PUNCT, WORD, Block, Sentence, Token
from .tokens import Texts

PROTOCOL = 1
ENV = "NEWSLINT_NATIVE"
_KINDS = (WORD, NUMBER, PUNCT)  # the native kind codes 0, 1, 2


def native_core() -> ModuleType | None:
    """The native module if it may be used now, else None."""
    return _load(os.environ.get(ENV, ""))


@lru_cache(maxsize=None)
def _load(setting: str) -> ModuleType | None:
    """Imported once per setting: a failed import would otherwise search sys.path per document."""
    if setting == "0":
        return None
    try:
        import newslint_native
    except ImportError:
        return None
    import unicodedata

    if (getattr(newslint_native, "PROTOCOL", None) != PROTOCOL
            or getattr(newslint_native, "UNIDATA_VERSION", None) != unicodedata.unidata_version):
        return None  # built for another newslint, or another Python's Unicode tables
    return newslint_native


def native_sentences_and_tokens(core: ModuleType, prose: str, blocks: list[Block]) -> bool:
    """Give each of ``blocks`` its sentences and their tokens from one native call; False,
    with nothing changed, when the native core declines the text (see ``newslint_native.scan``)."""
    columns = core.scan(prose, [(b.start, b.end) for b in blocks])
    if columns is None:
        return False
    per_block, s_starts, s_ends, per_sentence, kinds, t_starts, t_ends, is_word = (
        memoryview(c).cast("I") if i not in (4, 7) else c for i, c in enumerate(columns))
    new = tuple.__new__
    kind_of = _KINDS.__getitem__
    text_of = prose.__getitem__
    shared = Texts().__getitem__  # one str per distinct token text, as tokens.tokenize shares them
    sentence = token = 0
    for block, count in zip(blocks, per_block):
        sentences = []
        for k in range(sentence, sentence + count):
            n = per_sentence[k]
            a, b = token, token + n
            starts, ends = t_starts[a:b], t_ends[a:b]
            # tuple.__new__(Token, ...) as tokens.tokenize builds them; map keeps the loop in C.
            tokens = list(map(new, repeat(Token, n), zip(map(kind_of, kinds[a:b]), starts, ends,
                                                         map(shared, map(text_of, map(slice, starts, ends))))))
            sentences.append(Sentence(s_starts[k], s_ends[k], block, tokens, list(compress(tokens, is_word[a:b]))))
            token = b
        sentence += count
        block.sentences = sentences
    return True
