"""Offsets to 1-based line and column: code points, exclusive end, CRLF, BOM, tabs, astral characters."""

import newslint
from newslint.document import LineIndex
from newslint.parse import decode, parse


def position_of(text: str, needle: str) -> tuple[int, int]:
    return LineIndex(text).position(text.index(needle))


def test_first_character_is_line_1_column_1():
    assert LineIndex("abc").position(0) == (1, 1)


def test_lf_lines():
    text = "one\ntwo\nthree"
    assert position_of(text, "two") == (2, 1)
    assert position_of(text, "ree") == (3, 3)


def test_crlf_does_not_shift_columns():
    text = "one\r\ntwo two\r\nthree"
    assert position_of(text, "two two") == (2, 1)
    assert position_of(text, "three") == (3, 1)
    assert LineIndex(text).position(text.index("two two") + 4) == (2, 5)


def test_lone_cr_ends_a_line():
    assert position_of("old mac\rnext", "next") == (2, 1)


def test_tab_counts_as_one_column():
    assert position_of("\tthe the", "the the") == (1, 2)


def test_characters_outside_the_bmp_count_once():
    text = "😀 the the"  # U+1F600 is two UTF-16 units but one code point
    assert position_of(text, "the the") == (1, 3)


def test_end_of_line_and_end_of_file():
    text = "ab\ncd"
    index = LineIndex(text)
    assert index.position(2) == (1, 3)  # the newline itself
    assert index.position(len(text)) == (2, 3)


def test_bom_is_not_a_column():
    text, had_bom = decode(b"\xef\xbb\xbfthe the", "x.txt")
    assert had_bom and text == "the the"
    assert LineIndex(text).position(0) == (1, 1)


def test_diagnostic_columns_in_crlf_bom_tab_astral_file():
    raw = "\ufeffTitle line\r\n\r\n\t😀 Paris in the the spring.\r\n"
    text, had_bom = decode(raw.encode("utf-8"), "a.txt")
    [d] = newslint.lint_text(text, "a.txt", select=["TYP003"])
    # line 3 is "\t😀 Paris in the the spring.": the first "the" is the 13th code point.
    assert (d.line, d.column, d.end_line, d.end_column) == (3, 13, 3, 20)
    assert d.text == "the the"


def test_positions_are_from_the_document_text():
    doc = parse("a\r\nb the the", "x.txt")
    assert doc.position(doc.text.index("the")) == (2, 3)
