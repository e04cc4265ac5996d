"""The native core (newslint-native, in native/) must give exactly what the pure-Python parse
gives: the same Document (every block's sentences and tokens) and the same diagnostics, on the
examples, the fixtures, the seeds, the shared corpus and generated text full of edge cases.

Where a Rust toolchain is on PATH the module must be installed (``make test`` builds it): a
missing build fails here rather than passing on the pure-Python path alone."""

from __future__ import annotations

import json
import os
import shutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.config import Overrides
from newslint.engine import Linter
from newslint.parse import native, parse, tokens
from newslint.parse.sentences import split_sentences
from newslint.parse.tokens import FAST_RE, tokenize
from newslint.plugins import load_plugins

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"  # beside a clone on the project's machines


@pytest.fixture(scope="module")
def core():
    try:
        import newslint_native
    except ImportError:
        if shutil.which("cargo"):
            pytest.fail("cargo is on PATH but newslint_native is not installed: run `make test`, "
                        "which builds and installs it (pip install ./native)")
        pytest.skip("no Rust toolchain: the native core is optional and not built here")
    if native._load("") is None:
        pytest.fail(f"newslint_native is installed but unusable (PROTOCOL {newslint_native.PROTOCOL}, "
                    f"Unicode {newslint_native.UNIDATA_VERSION}, this Python's {unicodedata.unidata_version}): "
                    "rebuild it with `pip install ./native`")
    return newslint_native


def _articles() -> list[tuple[str, str]]:
    articles = []
    for path in sorted(ROOT.glob("examples/*")) + sorted(ROOT.glob("tests/fixtures/**/*")) + sorted(
            SHARED.glob("seeds/*")):
        if path.suffix in (".md", ".txt") and path.is_file():
            articles.append((path.name, path.read_text(encoding="utf-8")))
    corpus = SHARED / "corpus" / "reuters_2017.jsonl"
    if corpus.is_file():  # read in place, never copied
        for line in corpus.read_text(encoding="utf-8").splitlines():
            story = json.loads(line)
            articles.append((f"{story['id']}.txt", f"{story['title']}\n\n{story['text']}\n"))
    return articles


def _shape(doc) -> tuple:
    """Everything parse builds, with the type of every token."""
    return (
        [(b.kind, b.start, b.end, b.field_name, b.quotes,
          [(s.start, s.end, s.block is b, [(type(t), *t) for t in s.tokens], [(type(t), *t) for t in s.words])
           for s in b.sentences])
         for b in doc.blocks],
        [(s.start, s.end) for s in doc.sentences], doc.word_count, doc.quote_starts, doc.quote_ends, doc.prose,
    )


def _both(build):
    """``build()`` on the native path, then on the pure-Python one."""
    saved = os.environ.get(native.ENV)
    try:
        os.environ[native.ENV] = "1"
        natively = build()
        os.environ[native.ENV] = "0"
        return natively, build()
    finally:
        if saved is None:
            del os.environ[native.ENV]
        else:
            os.environ[native.ENV] = saved


def test_the_articles_parse_to_the_same_document(core):
    articles = _articles()
    taken = 0
    for name, text in articles:
        for fmt in ("markdown", "text"):
            natively, purely = _both(lambda: _shape(parse(text, name, fmt)))
            assert natively == purely, (name, fmt)
        taken += core.scan(text, [(0, len(text))]) is not None
    assert taken >= len(articles) * 0.9  # the native path did run, not decline


def test_the_articles_get_the_same_diagnostics(core, tmp_path):
    def lint():  # a fresh Linter each time: its memos must not carry one path's answers over
        linter = Linter(load_plugins(load_entry_points=False), Overrides(select=("ALL",)))
        return [linter.lint_text(text, str(tmp_path / name)).diagnostics for name, text in articles]

    articles = _articles()
    natively, purely = _both(lint)
    assert sum(map(len, natively)) > len(articles) // 10  # the rules did report
    for (name, _), a, b in zip(articles, natively, purely):
        assert a == b, name


def _python(prose: str, spans: list[tuple[int, int]]) -> list:
    return [[(s, e, [tuple(t) for t in tokenize(prose, s, e, FAST_RE)]) for s, e in split_sentences(prose, *span)]
            for span in spans]


def _native(core, prose: str, spans: list[tuple[int, int]]) -> list | None:
    columns = core.scan(prose, spans)
    if columns is None:
        return None
    per_block, s_starts, s_ends, per_sentence, kinds, t_starts, t_ends, is_word = (
        memoryview(c).cast("I") if i not in (4, 7) else c for i, c in enumerate(columns))
    assert len(per_block) == len(spans) and len(kinds) == len(t_starts) == len(t_ends) == len(is_word)
    assert list(is_word) == [kind == 0 for kind in kinds]
    out, sentence, token = [], 0, 0
    for count in per_block:
        block = []
        for k in range(sentence, sentence + count):
            block.append((s_starts[k], s_ends[k],
                          [(("word", "number", "punct")[kinds[i]], t_starts[i], t_ends[i], prose[t_starts[i]:t_ends[i]])
                           for i in range(token, token + per_sentence[k])]))
            token += per_sentence[k]
        sentence += count
        out.append(block)
    assert sentence == len(s_starts) and token == len(kinds)
    return out


# Pieces of news copy where the splitter and the tokeniser have rules to get right.
PIECES = [
    "Mr.", "Dr.", "Gen.", "St.", "Feb.", "No.", "Nos.", "vs.", "U.S.", "U.N.", "a.m.", "p.m.", "F.", "J.",
    "The", "the", "Officials", "He", "It", "Police", "officials", "KELVIN", "\u212aeep", "İt", "Σ", "said", "5",
    "1990s", "948,000", "1.5bn", "£3m", "$4", "€", "5%", "2's", "3’s", "7-day", "al-Qaida", "Assad’s", "e-mailSend",
    "Turkey‐backed", "o'clock", "_", "__init", "&hellip;", "&#8217;", "&#x1F;", "&amp", "&", "#",
    ".", "..", "...", "....", "!", "?", "?!", "…", "……", ".…", "?…", "\"", "“", "”", "‘", "’", "'", "«", "»",
    "(", ")", "[", "]", "[nL2N1N80D3]", "[12]", "[]", "[a b]", "*", "•", "▪", "◦", "‣", "-", "‐", "—", ",", ";", ":",
    " ", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\u00a0", "\u2028", "\u3000", "\u2009", "\x85", "\x0b",
    "é", "Ã©", "â€™", "Ä°", "ǅ", "ß", "ﬁ", "Ⅻ", "½", "²", "٣", "\u0301", "\u0300", "\x1c", "\U0001F600",
    "\u0378", "Ω", "Ж", "שלום", "中文", "ﾟ", "ǈ", "ᾈ",
]
WORDS = ["Mr", "Gen", "Feb", "No", "vs", "U.S", "U.N", "a.m", "F", "j", "e.g", "the", "The", "officials", "Police",
         "Kelvin", "\u212aeep", "İt", "said", "5", "1990s", "x", "ǅ", "Ⅻ", "٣", "½", "*", "•", "-", "(", "«"]
# A place where a sentence may end: a word, its marks, closers, a reference marker, space, openers, what follows.
_ENDINGS = st.tuples(
    st.sampled_from(WORDS), st.sampled_from([".", "..", "...", "....", "!", "?", "?!", "…", "……", ".…", "?…", "!."]),
    st.text(alphabet="\"”’'»)]", max_size=2), st.sampled_from(["", "", "[12]", "[nL2N1N80D3]", "[]", "[a b]", "[" + "x" * 21 + "]"]),
    st.text(alphabet=" \n\t\r\u00a0\u2028\x85", max_size=3), st.text(alphabet="\"“‘'«([", max_size=2),
    st.sampled_from(WORDS),
).map("".join)
_texts = st.lists(st.one_of(_ENDINGS, st.sampled_from(PIECES), st.sampled_from(PIECES), st.characters(codec="utf-8"),
                            st.text(max_size=3)), max_size=60).map("".join)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_texts, cuts=st.lists(st.integers(min_value=0, max_value=10_000), max_size=6))
def test_generated_text_splits_and_tokenises_the_same(core, text, cuts):
    # Blocks anywhere in the text: the splitter looks before a block's start and past its end.
    bounds = sorted({0, len(text), *(c % (len(text) + 1) for c in cuts)})
    spans = list(zip(bounds, bounds[1:]))
    got = _native(core, text, spans)
    if got is None:  # declined: the text needs the regex module's full pattern
        assert tokens.token_pattern(text) is not FAST_RE
    else:
        assert tokens.token_pattern(text) is FAST_RE
        assert got == _python(text, spans)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_texts)
def test_generated_text_parses_to_the_same_document(core, text):
    for fmt in ("markdown", "text"):
        natively, purely = _both(lambda: _shape(parse(text, "t", fmt)))
        assert natively == purely


def test_every_code_point_is_classified_as_this_python_does(core):
    categories = tokens._FULL_ONLY_CATEGORIES
    expected = bytearray(0x110000)
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue  # no Rust string holds a surrogate; a text with one is declined (below)
        c = chr(cp)
        expected[cp] = (c.isalnum() | c.isdecimal() << 1 | c.isspace() << 2 | c.isupper() << 3 | c.isdigit() << 4
                        | c.isalpha() << 5
                        | (c in tokens._FULL_ONLY_ASCII or cp >= 0x80 and unicodedata.category(c) in categories) << 6)
    got = core.char_flags()
    mismatched = [hex(cp) for cp in range(0x110000) if got[cp] != expected[cp]]
    assert mismatched == []
    lowered = {c: c.lower() for c in map(chr, range(0x80, 0x110000)) if not "\ud800" <= c <= "\udfff"}
    assert {c: core.ascii_lower(c) for c in lowered if core.ascii_lower(c) is not None} == {
        c: low for c, low in lowered.items() if low.isascii()}


def test_the_native_core_declines_what_it_cannot_match(core):
    assert core.scan("Caf\u0065\u0301 is open. It is.", [(0, 24)]) is None  # a combining mark: regex's pattern
    assert core.scan("A lone \udc80 surrogate.", [(0, 20)]) is None
    assert core.scan("Short.", [(0, 99)]) is None
    doc = parse("Caf\u0065\u0301 opened. It is new.", "t.txt")
    assert [s.prose for s in doc.sentences] == ["Caf\u0065\u0301 opened.", "It is new."]


def test_newslint_native_0_forces_pure_python_and_a_stale_build_is_not_used(core, monkeypatch):
    monkeypatch.setenv(native.ENV, "0")
    assert native.native_core() is None
    monkeypatch.setenv(native.ENV, "1")
    assert native.native_core() is core
    native._load.cache_clear()
    monkeypatch.setattr(core, "UNIDATA_VERSION", "0.0.0")
    try:
        assert native.native_core() is None
    finally:
        native._load.cache_clear()
