"""The English lexicon (newslint.rules.typos.lexicon): lookups, dialects, levels, suggestions, its data files."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

from newslint.rules.typos import lexicon as lexicon_module
from newslint.rules.typos.lexicon import DIALECTS, build_index, load_lexicon

DATA = Path(lexicon_module.__file__).parent


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


@pytest.fixture(scope="module")
def us():
    return load_lexicon("en-US")


@pytest.fixture(scope="module")
def gb():
    return load_lexicon("en-GB")


# ------------------------------------------------------------------ loading


def test_a_run_loads_each_dialect_once_and_the_data_once():
    from newslint.context import RunContext

    context = RunContext()
    assert load_lexicon("any", context) is load_lexicon("any", context)
    assert load_lexicon("en-GB", context) is load_lexicon("en-GB", context)
    assert load_lexicon("en-GB", context) is not load_lexicon("en-US", context)
    assert load_lexicon("en-GB", context)._data is load_lexicon("en-US", context)._data
    assert load_lexicon("any", RunContext()) is not load_lexicon("any", context)  # another run, its own


@pytest.mark.parametrize("dialect", ["en", "en-gb", "en_US", "british", "", "EN-US"])
def test_bad_dialect_is_a_value_error(dialect):
    with pytest.raises(ValueError, match="dialect"):
        load_lexicon(dialect)


def test_shipped_index_matches_the_word_list():
    # A stale words.idx would be rebuilt in memory with a RuntimeWarning (and a slow start).
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        data = lexicon_module._Data()
    assert data.count > 100_000


# ------------------------------------------------------------------ knows


@pytest.mark.parametrize(
    "word",
    ["the", "government", "parliament", "spokesman", "ceasefire", "Monday", "Paris", "NATO", "I", "a",
     "don't", "isn't", "it's", "o'clock", "they're", "café"],
)
def test_common_words_and_names_are_known(lex, word):
    assert lex.knows(word)
    assert word in lex


@pytest.mark.parametrize(
    "word",
    ["teh", "recieve", "seperate", "definately", "goverment", "accomodate", "observauion", "iof",
     "wich", "thier", "untill", "Observauion", "xqzt", ""],
)
def test_misspellings_are_unknown(lex, word):
    assert not lex.knows(word)


@pytest.mark.parametrize(
    "british, american",
    [
        ("colour", "color"),
        ("organise", "organize"),
        ("programme", "program"),
        ("travelled", "traveled"),
        ("centre", "center"),
        ("defence", "defense"),
        ("grey", "gray"),
        ("judgement", "judgment"),
        ("analyse", "analyze"),
        ("catalogue", "catalog"),
    ],
)
def test_british_and_american_spellings(lex, us, gb, british, american):
    assert lex.knows(british) and lex.knows(american)  # "any" takes both
    assert gb.knows(british) and us.knows(american)


@pytest.mark.parametrize("word", ["colour", "organise", "travelled", "centre", "defence", "grey", "analyse"])
def test_en_us_rejects_british_only_forms(us, word):
    assert not us.knows(word)


@pytest.mark.parametrize("word", ["color", "traveled", "center", "defense", "gray", "analyze"])
def test_en_gb_rejects_american_only_forms(gb, word):
    assert not gb.knows(word)


@pytest.mark.parametrize("word", ["organize", "realize", "program", "judgment"])
def test_en_gb_takes_oxford_ize_and_shared_forms(gb, word):
    assert gb.knows(word)


def test_capitalised_and_all_caps_words_fall_back_to_lower_case(lex):
    assert lex.knows("The") and lex.knows("THE") and lex.knows("Government") and lex.knows("GOVERNMENT")
    assert lex.knows("Paris") and lex.knows("PARIS")
    assert not lex.knows("paris")  # a name is not known in lower case
    assert not lex.knows("monday")
    assert lex.knows("NATO") and lex.knows("Nato")  # acronyms the British way
    assert not lex.knows("nato")


def test_curly_apostrophes_count_as_straight_ones(lex):
    for word in ("don’t", "isn’t", "it’s", "o’clock", "won’t", "they’re", "donʼt"):
        assert lex.knows(word), word
    assert not lex.knows("dont’")


def test_possessives_are_for_the_caller_to_strip(lex):
    assert lex.knows("Assad") and not lex.knows("Assad’s") and not lex.knows("dog's")


@pytest.mark.parametrize(
    "word", ["co-ordinate", "co-operate", "e-mail", "pre-emptive", "well-known", "anti-war", "re-elect", "F-16"]
)
def test_hyphenated_words(lex, word):
    assert lex.knows(word)


@pytest.mark.parametrize("word", ["e-mailSend", "co-ordinnate", "well-knwon", "-war", "anti-"])
def test_hyphenated_words_with_an_unknown_part(lex, word):
    assert not lex.knows(word)


# ------------------------------------------------------------------ level


def test_level_is_the_scowl_size(lex, us):
    assert lex.level("the") == 10
    assert lex.level("The") == 10
    assert lex.level("colour") == 10
    assert us.level("colour") is None  # not a US word
    assert lex.level("teh") is None
    assert lex.level("paris") is None and lex.level("Paris") is not None
    levels = {lex.level(w) for w in ("the", "parliament", "hamlet", "zygote", "syzygy")}
    assert levels <= {10, 20, 35, 40, 50, 55, 60, 70}


@pytest.mark.parametrize("word", ["denuclearization", "biofuels", "whistleblower", "telecom", "rollout", "naloxone"])
def test_rare_words_of_size_80_are_known_at_level_80(lex, word):
    assert lex.knows(word) and lex.level(word) == 80


@pytest.mark.parametrize("word", ["wich", "acquited", "agre", "aboves"])
def test_size_80_words_one_edit_from_a_common_word_are_left_out(lex, word):
    # SCOWL size 80 lists them, but each is one slip from a word of size 50 or less.
    assert not lex.knows(word) and lex.level(word) is None


def test_size_80_sections_hold_no_word_one_edit_from_a_common_word():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "build_wordlist.py"
    spec = importlib.util.spec_from_file_location("build_wordlist", path)
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    data = lexicon_module._Data()
    sections = {}
    for i, (start, level) in enumerate(zip(data.section_starts, data.section_levels)):
        end = data.section_starts[i + 1] if i + 1 < len(data.section_starts) else len(data.text)
        words = data.text[start:end].split("\n")[1:]
        sections.setdefault(level, []).extend(w for w in words if w)
    assert sorted(sections) == [10, 20, 35, 40, 50, 55, 60, 70, 80]
    keys = builder.near_keys({w.lower() for level, ws in sections.items() if level <= 50 for w in ws})
    assert len(sections[80]) > 100_000
    assert not [w for w in sections[80] if builder.within_one_edit(w, keys)]
    # the filter itself: each kind of edit, case aside
    small = builder.near_keys({"which", "acquitted", "agree", "form"})
    for near in ("wich", "acquited", "agre", "Which", "whicch", "fomr", "from", "farm", "forms"):
        assert builder.within_one_edit(near, small), near
    for far in ("whiches", "agreeing", "formal", "hcihw", "fiord"):
        assert not builder.within_one_edit(far, small), far


def test_level_orders_common_before_rare(lex):
    words = ["the", "parliament", "hamlet", "zygote", "syzygy"]
    levels = [lex.level(w) for w in words]
    assert levels == sorted(levels) and levels[0] < levels[-1]


def test_level_of_hyphenated_words(lex):
    assert lex.level("e-mail") == lex.level("email")
    assert lex.level("well-known") == max(lex.level("well"), lex.level("known"))
    # the commoner reading: "longterm" is a size-80 word, "long" and "term" size 10
    assert lex.level("long-term") == 10 and lex.level("longterm") == 80
    assert lex.level("e-mailSend") is None


# ------------------------------------------------------------------ suggest


@pytest.mark.parametrize(
    "typo, first",
    [
        ("observauion", "observation"),
        ("Observauion", "Observation"),
        ("OBSERVAUION", "OBSERVATION"),
        ("teh", "the"),
        ("Teh", "The"),
        ("recieve", "receive"),
        ("seperate", "separate"),
        ("definately", "definitely"),
        ("goverment", "government"),
        ("accomodation", "accommodation"),
        ("independant", "independent"),
        ("neccessary", "necessary"),
        ("tommorow", "tomorrow"),  # two edits
        ("depenending", "depending"),  # two letters too many, side by side
        ("dont", "don't"),
        ("paris", "Paris"),  # only the capital is wrong
        ("co-ordinnate", "co-ordinate"),
    ],
)
def test_first_suggestion_for_real_typos(lex, typo, first):
    assert lex.suggest(typo)[0] == first


def test_iof_suggests_of_and_if(lex):
    assert {"of", "if"} <= set(lex.suggest("iof")[:3])


def test_suggestions_respect_the_dialect(us, gb):
    assert us.suggest("colur")[0] == "color"
    assert gb.suggest("colur")[0] == "colour"
    assert "colour" not in us.suggest("colur", limit=10)


def test_suggest_limit_and_distance(lex):
    assert len(lex.suggest("teh", limit=2)) == 2
    assert lex.suggest("teh", limit=0) == []
    assert lex.suggest("tommorow", max_distance=1) == []  # tomorrow is two edits away
    assert all(lex.knows(s) for s in lex.suggest("wierd", limit=10))


def test_no_suggestions_for_known_words_or_nothing_near(lex):
    assert lex.suggest("the") == []
    assert lex.suggest("don’t") == []
    assert lex.suggest("") == []
    assert lex.suggest("xqzvkjwpq") == []


def test_suggestions_are_returned_as_fresh_lists(lex):
    first = lex.suggest("recieve")
    first.clear()
    assert lex.suggest("recieve")[0] == "receive"


# ------------------------------------------------------------------ data files


def test_word_list_format():
    text = (DATA / "words.txt").read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("SCOWL" in line and "2020.12.07" in line for line in header)
    assert any(line.startswith("# Command: python scripts/build_wordlist.py") for line in header)
    sections = re.findall(r"^@(\d+) (common|us|gb)$", text, re.M)
    assert sections[:3] == [("10", "common"), ("10", "us"), ("10", "gb")]
    order = [(int(size), ("common", "us", "gb").index(kind)) for size, kind in sections]
    assert order == sorted(order) and len(set(order)) == len(order)
    body = text[text.index("\n@") + 1 :].split("\n@")
    seen: set[str] = set()
    for section in body:
        words = section.split("\n")[1:]
        words = [w for w in words if w]
        assert words == sorted(words)  # so a reader can bisect a section
        assert not seen & set(words)  # each word in one section only
        seen.update(words)
        assert not any(w.endswith("'s") and w[:-2] not in ("it", "he", "she", "that", "there", "here", "what", "who", "where", "when", "why", "how", "let") for w in words)


def test_licence_and_readme_ship_with_the_data():
    licence = (DATA / "LICENSE-SCOWL.txt").read_text(encoding="utf-8")
    assert "Kevin Atkinson" in licence and "Permission to use, copy, modify, distribute and sell" in licence
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert "build_wordlist.py" in readme and "words.idx" in readme


# ------------------------------------------------------------------ the index


SMALL = "# a test list\n@10 common\nthe\n@10 us\ncolor\n@10 gb\ncolour\n@20 common\nNATO\nParis\nzebra\n"


def test_index_round_trip(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text(SMALL, encoding="utf-8", newline="\n")
    index = tmp_path / "words.idx"
    index.write_bytes(build_index(SMALL))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        data = lexicon_module._Data(str(words), str(index))
    assert data.count == 6
    lex = lexicon_module.Lexicon(data, "en-GB")
    assert lex.knows("the") and lex.knows("colour") and not lex.knows("color")
    assert lex.knows("Paris") and not lex.knows("paris") and lex.knows("Nato")
    assert lex.level("zebra") == 20 and lex.level("the") == 10
    assert lex.suggest("zebar") == ["zebra"]


def test_missing_or_stale_index_is_rebuilt_with_a_warning(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text(SMALL, encoding="utf-8", newline="\n")
    with pytest.warns(RuntimeWarning, match="out of date"):
        data = lexicon_module._Data(str(words), str(tmp_path / "missing.idx"))
    assert lexicon_module.Lexicon(data, "any").knows("zebra")
    stale = tmp_path / "stale.idx"
    stale.write_bytes(build_index(SMALL.replace("zebra", "zebu")))
    with pytest.warns(RuntimeWarning):
        data = lexicon_module._Data(str(words), str(stale))
    lex = lexicon_module.Lexicon(data, "any")
    assert lex.knows("zebra") and not lex.knows("zebu")


def test_crlf_line_ends_are_read_as_lf(tmp_path):
    words = tmp_path / "words.txt"
    words.write_bytes(SMALL.replace("\n", "\r\n").encode())
    index = tmp_path / "words.idx"
    index.write_bytes(build_index(SMALL))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        data = lexicon_module._Data(str(words), str(index))
    assert lexicon_module.Lexicon(data, "any").knows("zebra")


def test_dialect_names():
    assert set(DIALECTS) == {"any", "en-US", "en-GB"}
